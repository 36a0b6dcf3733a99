"""Rules from the second pass on real news errors (issue #5): counts on the right side, places
in the trigger's clause, repeated headlines, weekdays, speakers, back references — hand-built Docs."""
from __future__ import annotations

import datetime as dt

from marsad.events import extract

from .conftest import FakeGeocoder, FakeResolver, build_doc

RULES = {"calibration": False}      # the rules alone: these tests check the rules


def run(doc):
    return extract(doc, resolver=FakeResolver({}), geocoder=FakeGeocoder(), options=RULES)


def one(events, sub):
    found = [e for e in events if (e.acled_subtype or e.plover) == sub]
    assert len(found) == 1, [(e.plover, e.acled_subtype) for e in events]
    return found[0]


def test_each_number_goes_to_the_casualty_word_on_its_side():
    text = "قالت الوزارة إن 43 شخصا قتلوا وأصيب 173 في قصف على المدينة."
    doc = build_doc(text, quantities=[("43", 43, "exact"), ("173", 173, "exact")])
    ev = one(run(doc), "Shelling/artillery/missile attack")
    assert (ev.fatalities.status, ev.fatalities.value) == ("exact", 43)
    assert (ev.injuries.status, ev.injuries.value) == ("exact", 173)


def test_number_before_a_noun_and_a_late_death_verb():
    text = "لقي 8 أشخاص من عائلة واحدة مصرعهم بقصف على البلدة، فيما قتل 9 مسلحين في هجوم."
    doc = build_doc(text, quantities=[("8", 8, "exact"), ("واحدة", 1, "exact"), ("9", 9, "exact")])
    ev = one(run(doc), "Shelling/artillery/missile attack")
    assert ev.fatalities.value == 8


def test_killed_and_wounded_total_is_unspecified():
    text = "أسفر القصف عن مقتل وإصابة 40 شخصا في المدينة."
    doc = build_doc(text, quantities=[("40", 40, "exact")])
    ev = one(run(doc), "Shelling/artillery/missile attack")
    assert ev.fatalities.status == "unspecified" and ev.fatalities.value is None
    assert ev.injuries.status == "unspecified"


def test_dozens_is_no_figure_and_at_least_after_the_noun():
    text = "قتل 25 مقاتلا على الأقل في اشتباكات عنيفة. وأصيب العشرات في الاشتباكات."
    doc = build_doc(text, quantities=[("25", 25, "exact"), ("العشرات", 20, "at_least")])
    ev = one(run(doc), "Armed clash")
    assert (ev.fatalities.status, ev.fatalities.value) == ("at_least", 25)
    assert (ev.injuries.status, ev.injuries.value) == ("unspecified", None)


def test_a_singular_victim_counts_one():
    text = "قتل شرطي وأصيب آخر في هجوم مسلح على دورية."
    ev = one(run(build_doc(text)), "Armed clash")
    assert (ev.fatalities.status, ev.fatalities.value) == ("exact", 1)
    assert (ev.injuries.status, ev.injuries.value) == ("exact", 1)


def test_place_of_the_triggers_own_clause_wins():
    text = "قتل 3 أشخاص بقصف على حارم، فيما قتل 9 في هجوم للمسلحين بدرعا."
    doc = build_doc(text, entities=[("حارم", "LOC"), ("درعا", "LOC")],
                    quantities=[("3", 3, "exact"), ("9", 9, "exact")])
    ev = one(run(doc), "Shelling/artillery/missile attack")
    assert ev.location.name == "Harim"


def test_headline_repeated_after_the_link_line_is_not_an_event():
    text = "اندلعت اشتباكات بين الجيش والمسلحين في درعا.\nرابط الخبر بصحيفة الوطن: غارة جوية على حارم"
    events = run(build_doc(text, entities=[("درعا", "LOC"), ("حارم", "LOC")]))
    assert [e.acled_subtype for e in events] == ["Armed clash"]


def test_named_weekday_beats_today_in_a_late_crawl():
    text = "اندلعت اشتباكات بين الجيش والمسلحين اليوم السبت في درعا."
    # the crawl is dated Monday 2025-03-10; "today, Saturday" is 2025-03-08
    doc = build_doc(text, times=[("اليوم السبت", "2025-03-10")], published=dt.date(2025, 3, 10))
    ev = one(run(doc), "Armed clash")
    assert ev.date.value == "2025-03-08" and text[ev.date.start:ev.date.end_char] == "اليوم السبت"


def test_date_of_another_event_does_not_make_a_demand_background():
    text = "طالب الاتحاد المتمردين بالإفراج عن الصحفي بعد اختطافه من قبل مسلحين يوم 29 مايو."
    doc = build_doc(text, entities=[("الاتحاد", "ORG", "union")],
                    times=[("29 مايو", "2024-05-29")], published=dt.date(2025, 3, 10))
    ev = one(run(doc), "REQUEST")
    assert ev.actor1.actor_id == "union"


def test_speaker_after_an_opening_function_word_and_a_pronoun():
    text = "وفيما أدانت الحكومة القصف، فإنها دعت الأمم المتحدة إلى التحقيق."
    doc = build_doc(text, entities=[("الحكومة", "ORG", "gov"), ("الأمم المتحدة", "ORG", "un")])
    events = run(doc)
    assert one(events, "ACCUSE").actor1.actor_id == "gov"
    assert one(events, "REQUEST").actor1.actor_id == "gov"


def test_car_bombs_destroyed_before_use_are_disrupted_weapons_use():
    text = "تمكنت قوات البيشمركة من تدمير خمس سيارات مفخخة في سنجار."
    doc = build_doc(text, entities=[("قوات البيشمركة", "ORG", "peshmerga")])
    subs = [e.acled_subtype for e in run(doc)]
    assert subs == ["Disrupted weapons use"]


def test_pledge_to_punish_is_a_threat():
    text = "وتعهد رئيس الحكومة حيدر العبادي بمعاقبة منفذي التفجير الأخير."
    doc = build_doc(text, entities=[("حيدر العبادي", "PER", "abadi")])
    assert [e.plover for e in run(doc)] == ["THREATEN"]


def test_definite_attack_noun_refers_back_to_the_told_event():
    text = "انفجرت سيارة مفخخة في سوق مدينة درعا. وقال المحافظ إن 30 شخصا أصيبوا في الهجوم."
    doc = build_doc(text, entities=[("درعا", "LOC")], quantities=[("30", 30, "exact")])
    events = run(doc)
    ev = one(events, "Remote explosive/landmine/IED")
    assert len(events) == 1
    assert ev.injuries.value == 30


def test_fighting_that_goes_on_is_its_own_event():
    text = "قتل 5 مدنيين بقصف على مدينة درعا. واستمرت الاشتباكات في بلدة حارم."
    doc = build_doc(text, entities=[("درعا", "LOC"), ("حارم", "LOC")],
                    quantities=[("5", 5, "exact")])
    subs = sorted(e.acled_subtype for e in run(doc))
    assert "Armed clash" in subs
