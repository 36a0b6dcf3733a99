"""extract(): detection, arguments, merging, and what is not an event — on hand-built Docs."""
from __future__ import annotations

import datetime as dt

import pytest

from marsad.events import extract

from .conftest import BrokenCollaborator, FakeGeocoder, FakeResolver, build_doc

CLASH = ("اندلعت اشتباكات عنيفة بين قوات الجيش ومسلحي العشائر في مدينة درعا الليلة الماضية، "
         "وفقاً لمصادر محلية. وأسفرت المواجهات عن مقتل 4 عناصر وإصابة آخرين، "
         "واستخدمت فيها أسلحة خفيفة ومتوسطة.")


def clash_doc():
    return build_doc(
        CLASH,
        entities=[("قوات الجيش", "ORG", "army"), ("مسلحي العشائر", "ORG", "tribes"),
                  ("درعا", "LOC")],
        times=[("الليلة الماضية", "2025-03-09")],
        quantities=[("4", 4, "exact")])


def only(events, sub):
    found = [e for e in events if (e.acled_subtype or e.plover) == sub]
    assert len(found) == 1, [(e.plover, e.acled_subtype) for e in events]
    return found[0]


def span(doc, s):
    return doc.text[s.start:s.end]


def test_clash_is_one_event_with_all_its_arguments():
    doc = clash_doc()
    events = extract(doc, resolver=FakeResolver({}), geocoder=FakeGeocoder())
    ev = only(events, "Armed clash")
    assert (ev.acled_type, ev.plover) == ("Battles", "ASSAULT")
    assert ev.id == "t1:e1" and ev.doc_id == "t1"
    # the clash told in two sentences is one event with two pieces of evidence
    assert len(ev.evidence) == 2
    assert {ev.actor1.actor_id, ev.actor2.actor_id} == {"army", "tribes"}
    assert ev.actor1.actor_id == "army"          # the state side first
    assert span(doc, ev.actor1) == ev.actor1.text
    assert ev.location.name == "Daraa" and span(doc, ev.location) == "درعا"
    assert ev.date.value == "2025-03-09" and doc.text[ev.date.start:ev.date.end_char] == "الليلة الماضية"
    assert (ev.fatalities.status, ev.fatalities.value) == ("exact", 4)
    assert "4" in doc.text[ev.fatalities.start:ev.fatalities.end]
    assert ev.injuries.status == "unspecified"
    assert {w.cls for w in ev.weapons} == {"light weapons", "medium weapons"}
    assert [a.text for a in ev.attributed_to] == ["مصادر محلية"]
    assert ev.certainty == "reported"
    assert 0.0 <= ev.confidence <= 1.0
    assert span(doc, ev.trigger) in ("اشتباكات", "المواجهات")


def test_without_resolver_and_geocoder_fields_point_at_the_text():
    doc = clash_doc()
    ev = only(extract(doc), "Armed clash")
    assert ev.actor1.text == "قوات الجيش" and ev.actor1.actor_id == "army"   # from the entity
    assert ev.location.name == "درعا" and ev.location.geonameid is None
    assert ev.location.geo_precision == 1                                     # "مدينة درعا"


def test_failing_collaborators_do_not_lose_the_event():
    doc = clash_doc()
    ev = only(extract(doc, resolver=BrokenCollaborator(), geocoder=BrokenCollaborator()),
              "Armed clash")
    assert ev.location is not None and ev.actor1 is not None


@pytest.mark.parametrize("sentence,status", [
    ("وقعت اشتباكات بين الجيش والمسلحين، ولم تصدر معلومات مؤكدة عن عدد القتلى.", "unconfirmed"),
    ("وقعت اشتباكات بين الجيش والمسلحين أسفرت عن سقوط عدد من القتلى.", "unspecified"),
    ("وقعت اشتباكات بين الجيش والمسلحين لم تسفر عن وقوع قتلى.", "none"),
])
def test_fatality_statuses(sentence, status):
    doc = build_doc(sentence)
    ev = only(extract(doc), "Armed clash")
    assert ev.fatalities is not None and ev.fatalities.status == status
    assert ev.fatalities.end > ev.fatalities.start


def test_between_pattern_without_entities_uses_noun_phrases():
    doc = build_doc("دارت مواجهات بين عناصر الشرطة ومجموعة من المسلحين المجهولين في بلدة الصنمين.")
    ev = only(extract(doc), "Armed clash")
    assert ev.actor1.text == "عناصر الشرطة"
    assert ev.actor2.text == "مجموعة من المسلحين المجهولين"
    assert ev.location.name == "الصنمين"


def test_background_mention_is_not_a_new_event():
    text = "وكانت المدينة قد شهدت اشتباكات عنيفة بين الجيش والمسلحين في شهر آب الماضي."
    doc = build_doc(text, times=[("شهر آب الماضي", "2024-08")], published=dt.date(2025, 3, 10))
    assert extract(doc) == []
    # the same words dated a day before publication are news
    doc2 = build_doc(text, times=[("شهر آب الماضي", "2025-03-09")], published=dt.date(2025, 3, 10))
    assert [e.acled_subtype for e in extract(doc2)] == ["Armed clash"]


@pytest.mark.parametrize("text", [
    "لن نسمح باعتقال أي من عناصرنا.",
    "حاولت الشرطة اعتقال المتهم لكنه فر.",
    "جاءت الحملة بهدف اعتقال المطلوبين.",
    "إن أي محاولة للاعتقال ستكون مدعاة للغضب.",
])
def test_negated_attempted_hypothetical_or_aimed_arrest_is_not_coded(text):
    doc = build_doc(text)
    assert not [e for e in extract(doc) if e.acled_subtype == "Arrests"]


def test_objective_is_recorded_on_the_operation():
    text = "شنت قوات الأمن حملة اعتقالات في مدينة جاسم بهدف ملاحقة خلايا التنظيم."
    doc = build_doc(text, entities=[("قوات الأمن", "ORG", "sec"), ("جاسم", "LOC")])
    ev = only(extract(doc), "Arrests")
    assert ev.actor1.actor_id == "sec"
    assert doc.text[ev.objective.start:ev.objective.end].startswith("بهدف ملاحقة")
    assert ev.arrests.status == "unspecified"


def test_arrest_count_from_quantity():
    text = "اعتقلت قوات الأمن 12 شخصاً في حي الميدان."
    doc = build_doc(text, entities=[("قوات الأمن", "ORG", "sec")], quantities=[("12", 12, "exact")])
    ev = only(extract(doc), "Arrests")
    assert ev.actor1.actor_id == "sec"


def test_raid_merges_into_the_clash_it_led_to():
    text = ("داهمت قوات الأمن منزلاً في بلدة طفس. واندلعت اشتباكات بين قوات الأمن والمسلحين "
            "داخل المنزل.")
    doc = build_doc(text, entities=[("قوات الأمن", "ORG", "sec"), ("قوات الأمن", "ORG", "sec", 1)])
    events = extract(doc)
    assert [e.acled_subtype for e in events] == ["Armed clash"]
    assert len(events[0].evidence) == 2


def test_drone_strike_and_ied_subtypes_from_weapons():
    doc = build_doc("استهدفت طائرة مسيرة سيارة على طريق المطار. وانفجرت عبوة ناسفة بدورية للشرطة.")
    subs = sorted(e.acled_subtype for e in extract(doc))
    assert subs == ["Air/drone strike", "Remote explosive/landmine/IED"]


def test_overflight_is_not_a_weapon_used():
    doc = build_doc("تواصلت الاشتباكات بين الطرفين مع تحليق طيران مسير في الأجواء.")
    ev = only(extract(doc), "Armed clash")
    assert "drone" not in {w.cls for w in ev.weapons}


def test_verbal_events_with_speaker_recipient_and_certainty():
    text = ("اتهمت وزارة الخارجية إسرائيل بخرق الاتفاق. "
            "وأفادت وكالة الأنباء بأن الرئيس وعد المحتجين بإجراء إصلاحات. "
            "ونفى الجيش قصف الأحياء السكنية.")
    doc = build_doc(text, entities=[("وزارة الخارجية", "ORG", "mofa"), ("إسرائيل", "LOC", "israel"),
                                    ("وكالة الأنباء", "ORG", "agency"), ("الجيش", "ORG", "army")])
    events = extract(doc)
    acc = only(events, "ACCUSE")
    assert (acc.actor1.actor_id, acc.actor2.actor_id) == ("mofa", "israel")
    assert acc.certainty == "claimed" and acc.acled_type is None
    agree = only(events, "AGREE")
    assert agree.actor1.text == "الرئيس" and agree.certainty == "reported"
    assert [a.actor_id for a in agree.attributed_to] == ["agency"]
    rej = only(events, "REJECT")
    assert rej.actor1.actor_id == "army"
    shelling = only(events, "Shelling/artillery/missile attack")
    assert shelling.certainty == "denied"


def test_statement_without_a_speaker_is_not_coded():
    doc = build_doc("وسط تهديدات متزايدة في المنطقة.")
    assert extract(doc) == []


def test_threat_expressed_by_negation_is_coded_as_threaten():
    text = "وقالت الجماعة في بيان إنها لن تسمح باستهداف عناصرها."
    doc = build_doc(text, entities=[("الجماعة", "ORG", "grp")])
    events = extract(doc)
    assert [e.plover for e in events] == ["THREATEN"]
    assert events[0].actor1.actor_id == "grp"


def test_date_is_null_when_the_text_gives_none():
    doc = build_doc("اندلعت اشتباكات بين الجيش والمسلحين.")
    ev = only(extract(doc), "Armed clash")
    assert ev.date is None


def test_protest_and_agreement_and_territory():
    text = ("تظاهر مئات من الأهالي في ساحة المدينة احتجاجاً على الغلاء. "
            "وسيطرت قوات الجيش على بلدة كفرنبودة بعد معارك. "
            "ووقع الطرفان اتفاقاً لوقف إطلاق النار.")
    doc = build_doc(text, entities=[("قوات الجيش", "ORG", "army")])
    subs = {e.acled_subtype for e in extract(doc)}
    assert {"Peaceful protest", "Government regains territory", "Agreement"} <= subs


@pytest.mark.parametrize("text", [
    "", "   ", "\x00\ud800", "ـــ", "...", "a" * 5000, "اشتباكات" * 300, "بين و بين و",
    "قتلى 99999999999999999999", "لن", "في مدينة", "“”«»", "اشتباكات بين\n\n\nو",
])
def test_any_string_goes_through(text):
    doc = build_doc(text, sentences=[])
    events = extract(doc)
    for e in events:
        assert 0 <= e.trigger.start <= e.trigger.end <= len(text)
        assert 0.0 <= e.confidence <= 1.0


def test_options_as_dict_and_min_confidence():
    doc = clash_doc()
    assert extract(doc, options={"min_confidence": 1.5}) == []
    assert extract(doc, options={"background_days": 0})


@pytest.mark.parametrize("text", [
    "قدمت الطالبة بحثها أمام اللجنة.",             # طالبة is not طالب + ه (a demand)
    "حضر الطالب إلى الجامعة.",                     # a verb takes no article
    "يناقش المجلس الاتفاق النووي.",                 # an agreement named, none reached
    "عاد إلى بيتهم في المساء.",                     # بيتهم is not ب + يتهم
    "قام برحلة إلى الجبال.",
])
def test_common_words_are_not_events(text):
    doc = build_doc(text, entities=[])
    assert extract(doc) == [], [(e.plover, e.acled_subtype) for e in extract(doc)]


def test_agreement_reached_is_coded():
    doc = build_doc("توصل الطرفان إلى اتفاق لوقف إطلاق النار في المدينة.")
    assert [e.acled_subtype for e in extract(doc)] == ["Agreement"]


def test_the_content_of_a_threat_is_not_an_occurrence():
    text = "وهددت النقابة بالاعتصام أمام الوزارة."
    doc = build_doc(text, entities=[("النقابة", "ORG", "union")])
    assert [e.plover for e in extract(doc)] == ["THREATEN"]


def test_passive_agent_and_reported_by_monitor():
    text = ("أفاد المرصد السوري بمقتل مدنيين اثنين برصاص قناص من قبل عناصر الحاجز "
            "في بلدة حارم غربي إدلب.")
    doc = build_doc(text, entities=[("المرصد السوري", "ORG", "sohr"), ("عناصر الحاجز", "ORG", "cp"),
                                    ("حارم", "LOC"), ("إدلب", "LOC")],
                    quantities=[("اثنين", 2, "exact")])
    ev = only(extract(doc, geocoder=FakeGeocoder()), "Attack")
    assert ev.actor1.actor_id == "cp"
    assert [a.actor_id for a in ev.attributed_to] == ["sohr"]
    assert ev.location.name == "Harim"          # the town, not the region it lies in
    assert (ev.fatalities.status, ev.fatalities.value) == ("exact", 2)
    assert ev.certainty == "reported"


def test_same_type_in_two_towns_is_two_events():
    text = ("اندلعت اشتباكات في مدينة جاسم. "
            "واندلعت اشتباكات أخرى في مدينة نوى.")
    doc = build_doc(text, entities=[("جاسم", "LOC"), ("نوى", "LOC")])
    events = extract(doc)
    assert [e.location.name for e in events] == ["جاسم", "نوى"]


def test_statement_subject_by_anaphor_and_recipient_from_the_run():
    text = ("أصدرت مجموعة من المسلحين بيان تضامن مع المعتقلين. "
            "وحذر البيان الحكومة من أي محاولة لاعتقال عناصرها. "
            "وطالب المسلحون بالإفراج عن المعتقلين.")
    doc = build_doc(text, entities=[("الحكومة", "ORG", "gov")])
    events = extract(doc)
    by = {e.plover: e for e in events}
    assert set(by) == {"SUPPORT", "THREATEN", "REQUEST"}, [(e.plover, e.acled_subtype) for e in events]
    assert by["THREATEN"].actor1.text == "مجموعة من المسلحين"      # "البيان" points back
    assert by["THREATEN"].actor2.actor_id == "gov"
    assert by["REQUEST"].actor2.actor_id == "gov"                  # same speaker, same addressee
    assert not [e for e in events if e.acled_subtype == "Arrests"]  # "أي محاولة لاعتقال"


def test_objective_stated_apart_goes_to_the_main_operation():
    text = ("اندلعت اشتباكات بين قوات الأمن ومسلحين في بلدة الصنمين. "
            "وقال مصدر أمني إن الهدف هو إنهاء وجود الخلايا في المنطقة.")
    doc = build_doc(text)
    ev = only(extract(doc), "Armed clash")
    assert doc.text[ev.objective.start:ev.objective.end].startswith("الهدف هو إنهاء")


def test_any_string_with_random_layers():
    hyp = pytest.importorskip("hypothesis")
    from hypothesis import given, settings, strategies as st

    from marsad.model import Entity, Quantity, Sentence, TimeExpr

    alphabet = st.sampled_from(list("اشتباكاتبينوقواتالجيشفيمدينةلمقتل٣ 3،.\n\"«»ـًّ") + ["\ud800"])

    @settings(max_examples=60, deadline=None)
    @given(st.text(alphabet=alphabet, max_size=120), st.data())
    def run(text, data):
        n = len(text)
        idx = st.integers(0, n)
        def span():
            a, b = sorted((data.draw(idx), data.draw(idx)))
            return a, b
        ents = [Entity(*span(), "x", data.draw(st.sampled_from(["PER", "ORG", "LOC", "NORP", "FAC"])))
                for _ in range(data.draw(st.integers(0, 3)))]
        sents = [Sentence(*span()) for _ in range(data.draw(st.integers(0, 3)))]
        times = [TimeExpr(*span(), "t", data.draw(st.sampled_from(["2025-03-01", "2024-01", "x", None])))
                 for _ in range(data.draw(st.integers(0, 2)))]
        qs = [Quantity(*span(), "q", data.draw(st.sampled_from([3, None, 2.5])), "exact")]
        doc = build_doc(text, sentences=sents)
        doc.entities, doc.times, doc.quantities = ents, times, qs
        for e in extract(doc, resolver=FakeResolver({}), geocoder=FakeGeocoder()):
            assert 0 <= e.trigger.start <= e.trigger.end <= n
            assert all(0 <= s.start <= s.end <= n for s in e.evidence)
    assert hyp
    run()
