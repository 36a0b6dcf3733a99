"""Role rules of the fifth events pass (issues #5, #6): headlines in subject-verb order, weapon
platforms as agents, armed men named later, planned attacks, reported threats.  Hand-written
reports through the whole pipeline (real knowledge base), one behaviour per test."""
from __future__ import annotations

import datetime as dt


from .conftest import of_type, run_events

DAY = dt.date(2025, 10, 15)


def events(pipe, text, day=DAY):
    return run_events(pipe, text, day)


def aid(span):
    return span.actor_id if span is not None else None


def test_a_headline_clause_in_subject_verb_order_has_its_own_announcer(pipe):
    """"... والداخلية تعلن القبض على مشتبه بهما": the arrests are the ministry's, not the
    headline's first subject's, and the ministry is no target of the bombing."""
    text = ("تنظيم الدولة يتبنى تفجير المزة والداخلية تعلن القبض على مشتبه بهما\n"
            "أعلن تنظيم الدولة مسؤوليته عن تفجير سيارة في حي المزة بدمشق صباح أمس.")
    evs = events(pipe, text)
    [arrest] = of_type(evs, "Arrests")
    assert aid(arrest.actor1) == "syria-internal-security"
    [bomb] = [e for e in evs if e.acled_type == "Explosions/Remote violence"]
    assert aid(bomb.actor1) == "isis"
    assert aid(bomb.actor2) != "syria-internal-security"


def test_aircraft_inside_an_attack_noun_are_the_attacker(pipe):
    """"جراء قصف طائرات الاحتلال الحربية مدرسة": the aircraft's side struck; the school's name
    (a person's) is no target."""
    text = ("أعلن الدفاع المدني في غزة استشهاد 31 مواطناً جراء قصف طائرات الاحتلال الحربية مدرسة "
            "فهمي الجرجاوي في حي الدرج شرقي مدينة غزة فجر اليوم.")
    [ev] = [e for e in events(pipe, text) if e.acled_type]
    assert aid(ev.actor1) == "israel-military"
    assert ev.actor2 is None or "الجرجاوي" not in ev.actor2.text


def test_aircraft_named_by_a_relative_verb_struck_the_victims_told_before(pipe):
    """"مقتل أربعة من عناصر داعش بضربة جوية نفذتها طائرات F-16 العراقية": the dead are the
    target, the aircraft the attacker."""
    text = ("أعلنت خلية الإعلام الأمني، اليوم الأربعاء، مقتل أربعة من عناصر عصابات \"داعش\" الإرهابية "
            "بضربة جوية نفذتها طائرات F-16 العراقية على وكر لهم في وادي الشاي جنوب غربي محافظة كركوك.")
    [ev] = of_type(events(pipe, text), "Air/drone strike")
    assert ev.actor1 is not None and "F-16" in ev.actor1.text
    assert aid(ev.actor2) == "isis"


def test_an_aircraft_carrier_is_no_attacker(pipe):
    """"استهداف حاملة الطائرات": the aircraft are the genitive of the ship, not the agent."""
    text = ("أعلنت جماعة الحوثي، مساء السبت، استهداف حاملة الطائرات الأمريكية في البحر الأحمر "
            "بعدد من الصواريخ.")
    ev = [e for e in events(pipe, text, dt.date(2025, 4, 20)) if e.plover == "ASSAULT"][0]
    assert aid(ev.actor1) == "houthis"


def test_armed_men_named_later_in_the_report_are_that_group(pipe):
    """"كمين نصبه مسلحون" then "من قبل مجموعة من فلول النظام البائد": one event, and its
    initiator is the group, not anonymous armed men."""
    text = ("قتل عنصران من الأمن العام في كمين نصبه مسلحون على طريق الحفة مساء أمس. وقال قائد الأمن "
            "الداخلي إن الدورية تعرضت لإطلاق نار كثيف من قبل مجموعة من فلول النظام البائد.")
    evs = [e for e in events(pipe, text, dt.date(2025, 6, 18)) if e.acled_type]
    assert evs and all(aid(e.actor1) != "unidentified-armed-group" for e in evs)
    assert any(aid(e.actor1) == "assad-remnants" for e in evs)


def test_an_attack_a_cell_planned_did_not_happen(pipe):
    """"كانت الخلية تخطط لاستخدامها في هجوم على مقام السيدة زينب": a plan, not an attack."""
    text = ("ضبطت الوحدات الأمنية عبوات ناسفة وأحزمة ناسفة، كانت الخلية تخطط لاستخدامها في هجوم "
            "على مقام السيدة زينب.")
    evs = events(pipe, text)
    assert not [e for e in evs if e.plover == "ASSAULT"]


def test_a_threat_reported_for_the_speakers_state_is_his(pipe):
    """"هدد نتنياهو بأن إسرائيل لن تسمح بانتشار قوات ...": the threat's initiator is the man who
    voiced it."""
    text = ("هدد رئيس الوزراء الإسرائيلي بنيامين نتنياهو، اليوم الثلاثاء، بأن إسرائيل \"لن تسمح "
            "بانتشار قوات وزارة الدفاع السورية جنوب دمشق\".")
    [ev] = of_type(events(pipe, text), "THREATEN")
    assert aid(ev.actor1) == "benjamin-netanyahu"


def test_houses_blown_up_by_a_force_are_property_destruction(pipe):
    """"أقدمت قوات الاحتلال على تفجير ثلاثة منازل": a demolition by explosives, not a bomb
    attack (triggers.tsv)."""
    text = ("أقدمت قوات الاحتلال فجر اليوم على تفجير ثلاثة منازل في الحي الشرقي لبلدة كفركلا "
            "الحدودية، بعد تفخيخها، ما أدى إلى تدميرها بالكامل.")
    evs = [e for e in events(pipe, text, dt.date(2025, 10, 20)) if e.acled_type]
    assert [e.acled_subtype for e in evs] == ["Looting/property destruction"]
    assert aid(evs[0].actor1) == "israel-military"


def test_the_israeli_armys_own_raid_word_is_an_air_strike(pipe):
    """"جيش الدفاع أغار ...": the Arabic communiqués' verb and self-name."""
    text = ("جيش الدفاع أغار قبل قليل في منطقة بنت جبيل في جنوب لبنان وقضى على المدعو علي حسين "
            "سلامة، قائد قطاع بنت جبيل في قوة الرضوان التابعة لحزب الله، ما أدى إلى مقتله.")
    [ev] = [e for e in events(pipe, text, dt.date(2025, 10, 20)) if e.acled_type]
    assert ev.acled_subtype == "Air/drone strike"
    assert aid(ev.actor1) == "israel-military"


def test_a_new_strike_verb_in_another_town_is_another_strike(pipe):
    """Two finite strike verbs in two sentences, each with its own town: two events; a town
    told after its country is still one (test_event_location.py)."""
    text = ("قصفت طائرات حربية إسرائيلية منطقة صور في جنوب لبنان، ما أدى إلى مقتل شخص. "
            "وقصفت طائرات حربية إسرائيلية أيضاً منطقة مرجعيون، ما أدى إلى إصابة ثلاثة أشخاص.")
    evs = [e for e in events(pipe, text, dt.date(2025, 10, 20)) if e.acled_type]
    assert len(evs) == 2


def test_the_body_announcing_an_act_is_its_source(pipe):
    """"أعلنت خلية الإعلام الأمني مقتل أربعة ... بضربة جوية نفذتها طائرات F-16 العراقية": with no
    reporting phrase, the announcer is the source, and as the striking side's own body its word
    is a claim; a headline restating it names no other source."""
    text = ("مقتل أربعة إرهابيين بضربة جوية في وادي الشاي\n"
            "أعلنت خلية الإعلام الأمني، اليوم الأربعاء، مقتل أربعة من عناصر عصابات \"داعش\" الإرهابية "
            "بضربة جوية نفذتها طائرات F-16 العراقية على وكر لهم في وادي الشاي جنوب غربي محافظة كركوك.")
    [ev] = of_type(events(pipe, text), "Air/drone strike")
    assert [a.text for a in ev.attributed_to] == ["خلية الإعلام الأمني"]
    assert ev.certainty == "claimed"


def test_a_third_party_announcing_an_act_reports_it(pipe):
    text = ("أعلن الدفاع المدني في غزة استشهاد 31 مواطناً جراء قصف طائرات الاحتلال الحربية مدرسة "
            "تؤوي نازحين في حي الدرج شرقي مدينة غزة فجر اليوم.")
    [ev] = [e for e in events(pipe, text) if e.acled_type]
    assert ev.attributed_to and ev.certainty == "reported"


def test_the_one_held_responsible_is_the_accused(pipe):
    """"حمّلت حركة حماس الاحتلال والإدارة الأمريكية المسؤولية": the name between the verb and
    "المسؤولية" (past the speaker) is the accused, also after an entity that ran over it."""
    text = "وحمّلت حركة حماس الاحتلال والإدارة الأمريكية المسؤولية الكاملة عن مجزرة المساعدات."
    [ev] = of_type(events(pipe, text), "ACCUSE")
    assert aid(ev.actor2) == "israel-military"


def test_a_condemnation_past_an_aside_names_the_accused(pipe):
    """"ودانت الخارجية، في بيان، "الاعتداءات الإسرائيلية"": the nisba after the aside."""
    text = ("ودانت وزارة الخارجية والمغتربين السورية، في بيان، \"الاعتداءات الإسرائيلية المتكررة\" على "
            "ريف القنيطرة.")
    [ev] = of_type(events(pipe, text), "ACCUSE")
    assert ev.actor2 is not None and aid(ev.actor2) in ("israel", "israel-military")


def test_a_two_word_place_the_entity_layer_missed_is_found_in_the_gazetteer(pipe):
    """"في حارة حريك بالضاحية الجنوبية لبيروت": the quarter (Mount Lebanon), not Beirut; a
    region's two-word name that is also a phrase ("الحدود الشمالية") is not read so."""
    text = "قتل شخصان في غارة إسرائيلية استهدفت شقة في حارة حريك بالضاحية الجنوبية لبيروت."
    [ev] = [e for e in events(pipe, text, dt.date(2025, 10, 20)) if e.acled_type]
    assert ev.location is not None and ev.location.admin1 == "Mount Lebanon"


def test_the_ministry_in_its_named_spokesmans_words_is_the_spokesman(pipe):
    """"وقال المتحدث باسم وزارة الداخلية نور الدين البابا ...، مضيفاً أن الوزارة لن تتهاون": the
    threat is the spokesman's statement (persons as speakers, as outside coders code them)."""
    text = ("وقال المتحدث باسم وزارة الداخلية السورية، نور الدين البابا، إن الموقوفين اعترفا بتلقي "
            "تعليمات من قيادي في التنظيم، مضيفاً أن الوزارة \"لن تتهاون مع أي جهة تحاول زعزعة الاستقرار\".")
    [ev] = of_type(events(pipe, text), "THREATEN")
    assert ev.actor1 is not None and ev.actor1.text == "نور الدين البابا"
