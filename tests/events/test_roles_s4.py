"""Role rules of the fourth events pass (issues #5, #6): statements by officials, participles
and reported clauses.  Hand-written reports through the whole pipeline (real knowledge base),
one behaviour per test."""
from __future__ import annotations

import datetime as dt


from .conftest import of_type, run_events

DAY = dt.date(2025, 7, 20)


def events(pipe, text, day=DAY):
    return run_events(pipe, text, day)


def test_a_minister_named_after_his_office_is_the_speaker(pipe):
    """"وزير الدفاع الإسرائيلي يسرائيل كاتس": the office phrase stops before the name, and the
    title word that starts with و ("وزير") is still a title."""
    text = "هدد وزير الدفاع الإسرائيلي يسرائيل كاتس بتوجيه ضربات مؤلمة لقوات النظام السوري."
    [ev] = of_type(events(pipe, text), "THREATEN")
    assert ev.actor1 is not None and ev.actor1.text == "يسرائيل كاتس"
    assert ev.actor2 is not None and ev.actor2.text == "قوات النظام السوري"


def test_a_title_word_beginning_with_waw_is_read_whole():
    from marsad.events.extract import _in_lex, _TITLES
    from marsad.events.textutil import fold_key
    assert _in_lex(fold_key("وزير"), _TITLES)       # the title itself
    assert _in_lex(fold_key("ووزير"), _TITLES)      # after the conjunction و
    assert not _in_lex(fold_key("زير"), _TITLES)


def test_a_circumstantial_participle_belongs_to_the_main_speaker(pipe):
    """"قال قائد الأمن ...، داعياً الفصائل المحلية إلى ضبط النفس": the participle's subject is the
    main clause's speaker, and the name after it is whom the call is made of.  (An appeal to
    residents, "داعياً الأهالي إلى", is no demand since session 5: test_detection_s4.py.)"""
    text = ("قال قائد الأمن الداخلي في محافظة السويداء إن الوضع تحت السيطرة، داعياً الفصائل المحلية إلى "
            "ضبط النفس.")
    [ev] = of_type(events(pipe, text), "REQUEST")
    assert ev.actor1 is not None and ev.actor1.actor_id == "syria-internal-security"
    assert ev.actor2 is not None and ev.actor2.text.startswith("الفصائل")


def test_a_demand_participle_after_a_threat_is_the_threatener_s(pipe):
    text = ("هدد رئيس الوزراء الإسرائيلي بنيامين نتنياهو الجيش السوري برد قاس، مطالباً بنزع السلاح من "
            "محافظات القنيطرة ودرعا والسويداء.")
    [ev] = of_type(events(pipe, text), "REQUEST")
    assert ev.actor1 is not None and ev.actor1.actor_id == "benjamin-netanyahu"


def test_a_coordinated_accusation_with_its_object_first_is_the_last_speaker_s(pipe):
    """"واتهم الحكومة السورية بارتكاب ...": no subject of its own; the government is accused."""
    text = ("وجدد الشيخ حكمت الهجري رفضه لدخول القوات الحكومية إلى المدينة. واتهم الحكومة السورية "
            "بارتكاب إبادة جماعية بحق الدروز.")
    [ev] = of_type(events(pipe, text), "ACCUSE")
    assert ev.actor1 is not None and ev.actor1.actor_id == "hikmat-al-hijri"
    assert ev.actor2 is not None and ev.actor2.text == "الحكومة السورية"


def test_an_accusation_with_subject_and_object_keeps_both(pipe):
    text = "قتل مدنيان في قصف على بلدة الثعلة أمس. واتهمت وزارة الدفاع السورية قسد بقصف البلدة."
    [ev] = of_type(events(pipe, text), "ACCUSE")
    assert ev.actor1 is not None and ev.actor1.text == "وزارة الدفاع السورية"
    assert ev.actor2 is not None and ev.actor2.actor_id == "sdf"


def test_the_speaker_s_own_state_in_the_reported_clause_is_one_threat(pipe):
    """"هدد نتنياهو بأن إسرائيل لن تسمح بانتشار قوات النظام": one threat, by him, against the
    forces; Israel opening the reported clause speaks with him."""
    text = ("هدد رئيس الوزراء الإسرائيلي بنيامين نتنياهو بأن إسرائيل لن تسمح بانتشار قوات النظام "
            "السوري جنوب دمشق.")
    [ev] = of_type(events(pipe, text), "THREATEN")
    assert ev.actor1 is not None and ev.actor1.actor_id == "benjamin-netanyahu"
    assert ev.actor2 is not None and ev.actor2.text.startswith("قوات النظام")


def test_a_government_in_an_armed_group_s_claim_stays_the_target(pipe):
    """Only a country name is a speaker's own state: the government an armed group accuses
    after "أن" is the one accused."""
    text = ("وأصدرت جماعة فرقة الغرباء بياناً اتهمت فيه الحكومة الانتقالية بتنفيذ خطة للقضاء على "
            "المهاجرين.")
    [ev] = of_type(events(pipe, text), "ACCUSE")
    assert ev.actor2 is not None and ev.actor2.actor_id == "syria-transitional-government"


def test_an_interior_ministry_arrests_through_its_police(pipe):
    """ACLED codes the arrests an interior ministry makes to the country's police; the
    ministry's statement stays the ministry's."""
    text = ("نفذت وزارة الداخلية السورية عملية أمنية في بلدة كفر بطنا بريف دمشق، أسفرت عن القبض على "
            "ستة مطلوبين. وقالت وزارة الداخلية السورية إنها لن تسمح بالعبث بأمن البلاد.")
    [arr] = of_type(events(pipe, text, dt.date(2025, 6, 24)), "Arrests")
    assert arr.actor1 is not None and arr.actor1.actor_id == "syria-internal-security"
    for ev in events(pipe, text, dt.date(2025, 6, 24)):
        if ev.acled_type is None and ev.actor1 is not None:
            assert ev.actor1.actor_id != "syria-internal-security"


def test_a_defence_ministry_shells_through_its_army(pipe):
    text = "قصفت وزارة الدفاع السورية مواقع لقسد في محيط بلدة دير حافر بريف حلب الشرقي."
    [ev] = of_type(events(pipe, text), "Shelling/artillery/missile attack")
    assert ev.actor1 is not None and ev.actor1.actor_id == "syria-mod-forces"


def test_a_present_tense_verb_ends_the_gunmen_s_name(pipe):
    text = ("اغتال مسلحون مجهولون يستقلون دراجة نارية القيادي السابق في فصائل المعارضة محمد الزعبي "
            "أمام منزله في مدينة طفس.")
    [ev] = of_type(events(pipe, text), "Attack")
    assert ev.actor1 is not None and ev.actor1.text == "مسلحون مجهولون"


def test_a_victim_s_house_is_no_civilian_target(pipe):
    text = ("اغتال مسلحون مجهولون، مساء أمس الثلاثاء، القيادي السابق محمد الزعبي، بإطلاق النار عليه "
            "أمام منزله في مدينة طفس.")
    [ev] = of_type(events(pipe, text), "Attack")
    assert ev.actor2 is None or "منزل" not in ev.actor2.text


def test_victims_told_before_a_time_aside_and_the_cause_are_civilians(pipe):
    text = ("قُتل طفلان وأصيب طفل ثالث بجروح خطيرة، ظهر اليوم الأربعاء، جراء انفجار قنبلة عنقودية "
            "من مخلفات الحرب في مدينة كفرنبل بريف إدلب الجنوبي.")
    [ev] = of_type(events(pipe, text, dt.date(2025, 9, 3)), "Remote explosive/landmine/IED")
    assert ev.actor2 is not None and ev.actor2.actor_id == "civilians-syria"


def test_a_condemned_aggression_names_the_accused_not_what_it_hit(pipe):
    """"دانت الخارجية السورية العدوان الإسرائيلي على مبنى الأركان": the nisba after the
    condemned act is the accused; the name after a country nisba is no part of the speaker."""
    text = "دانت وزارة الخارجية السورية العدوان الإسرائيلي الغاشم على مبنى هيئة الأركان في دمشق."
    [ev] = of_type(events(pipe, text, dt.date(2025, 7, 16)), "ACCUSE")
    assert ev.actor1 is not None and ev.actor1.text == "وزارة الخارجية السورية"
    assert ev.actor2 is not None and ev.actor2.actor_id in ("israel", "israel-military")


def test_a_denial_answers_the_accuser(pipe):
    """A denial with no target of its own answers the accusation told before against the
    denier: its target is the accuser."""
    text = ("قصفت طائرات مسيرة مواقع في دير حافر. واتهمت هيئة الهلال الأحمر الكردي فصائل تابعة لوزارة "
            "الدفاع بالوقوف وراء الهجوم. ونفت وزارة الدفاع السورية استهداف المدنيين.")
    evs = events(pipe, text, dt.date(2025, 8, 1))
    [rej] = of_type(evs, "REJECT")
    assert rej.actor2 is not None and rej.actor2.actor_id == "kurdish-red-crescent"
    assert text[rej.actor2.start:rej.actor2.end] == rej.actor2.text     # points at the accuser


def test_a_denial_by_the_accuser_itself_takes_no_target_from_it(pipe):
    text = ("اتهمت وزارة الدفاع السورية قسد بقصف قرى دير حافر. ونفت وزارة الدفاع السورية أي تفاوض "
            "مع الجماعة.")
    [rej] = of_type(events(pipe, text, dt.date(2025, 8, 1)), "REJECT")
    assert rej.actor2 is None or rej.actor2.actor_id != "syria-mod-forces"


def test_a_speaker_with_a_long_quoted_name_speaks_the_accusation(pipe):
    """"قالت منظمة "الهلال الأحمر الكردي" إن ...، واتهمت X بـ": the speaker named over four
    words before "إن" is the accuser, not a name inside what she says."""
    text = ("قالت منظمة \"الهلال الأحمر الكردي\" إن مدنياً قتل جراء قصف بطائرات مسيّرة استهدف حي الشيخ "
            "مقصود في حلب، واتهمت \"فصائل تابعة لوزارة الدفاع السورية\" بالوقوف وراءه.")
    [acc] = of_type(events(pipe, text, dt.date(2025, 8, 1)), "ACCUSE")
    assert acc.actor1 is not None and acc.actor1.actor_id == "kurdish-red-crescent"
    # the name as the entity layer reads it, or the noun phrase with its closing quote
    assert acc.actor1.text in ("الهلال الأحمر الكردي", "منظمة \"الهلال الأحمر الكردي\"")
    assert acc.actor2 is not None and acc.actor2.actor_id == "syria-mod-forces"


def test_shots_at_a_civilian_are_an_attack_by_the_shooters(pipe):
    """"قتل شاب برصاص مجهولين": one-sided violence against a civilian, the gunmen after the
    agent marker fired; "مجهولين" says nothing about the count being unconfirmed."""
    text = "قتل شاب برصاص مجهولين في مدينة جاسم بريف درعا."
    [ev] = [e for e in events(pipe, text) if e.acled_type]
    assert ev.acled_subtype == "Attack"
    assert ev.actor1 is not None and ev.actor1.actor_id == "unidentified-armed-group"
    assert ev.actor2 is not None and ev.actor2.actor_id == "civilians-syria"
    assert ev.fatalities is not None and ev.fatalities.status == "exact" and ev.fatalities.value == 1


def test_killed_by_an_army_s_fire_is_an_event(pipe):
    text = "قُتل ثلاثة أشخاص بنيران الجيش الإسرائيلي قرب مدينة خان يونس."
    [ev] = [e for e in events(pipe, text) if e.acled_type]
    assert ev.actor1 is not None and ev.actor1.actor_id == "israel-military"
    assert ev.fatalities is not None and ev.fatalities.value == 3


def test_the_name_after_a_trigger_that_is_an_agent_marker_fired(pipe):
    text = "لقي مدني حتفه برصاص عناصر من الأمن العام في قرية بريف حمص."
    [ev] = [e for e in events(pipe, text) if e.acled_type]
    assert ev.actor1 is not None and ev.actor1.actor_id == "syria-internal-security"


def test_an_office_holder_named_after_the_office_speaks(pipe):
    """In a statement, "قائد الأمن الداخلي في محافظة حمص، العميد مرهف النعسان" and "المتحدث
    باسم وزارة الداخلية نور الدين البابا" are the named persons."""
    for text, name in (
            ("وقال قائد الأمن الداخلي في محافظة حمص، العميد مرهف النعسان، إن الوحدات المختصة لن "
             "تتهاون مع المجرمين.", "مرهف النعسان"),
            ("وقال المتحدث باسم وزارة الداخلية نور الدين البابا إن الوزارة لن تتهاون مع أي جهة "
             "تحاول زعزعة الاستقرار.", "نور الدين البابا")):
        [ev] = of_type(events(pipe, text, dt.date(2025, 10, 14)), "THREATEN")
        assert ev.actor1 is not None and ev.actor1.text == name


def test_an_act_of_a_spokesman_s_forces_stays_the_body_s(pipe):
    text = "قال المتحدث باسم الجيش الإسرائيلي إن قواته قصفت مواقع لحزب الله في جنوب لبنان."
    [ev] = [e for e in events(pipe, text, dt.date(2025, 10, 14)) if e.acled_type]
    assert ev.actor1 is not None and ev.actor1.actor_id == "israel-military"


def test_a_statement_with_no_time_of_its_own_is_dated_by_the_report(pipe):
    """The act is dated by its own time ("أمس"); the minister's statement told after it, with no
    time of its own, was made when the report tells it (the publication day), and its date
    points at its verb."""
    text = ("قتل خمسة مدنيين أمس الأحد في قصف على بلدة الثعلة بريف السويداء. وقال وزير الدفاع "
            "الإسرائيلي يسرائيل كاتس إن إسرائيل لن تسمح بالمساس بالدروز.")
    evs = events(pipe, text, dt.date(2025, 7, 14))
    [act] = [e for e in evs if e.acled_type]
    [thr] = of_type(evs, "THREATEN")
    assert act.date is not None and act.date.value == "2025-07-13"
    assert thr.date is not None and thr.date.value == "2025-07-14"
    assert (thr.date.start, thr.date.end_char) == (thr.trigger.start, thr.trigger.end)


def test_a_since_time_does_not_date_the_act_beside_it(pipe):
    text = ("اشتبكت قوى الأمن الداخلي مع عصابة خطف في ريف حماة فجر اليوم الخميس، وتمكنت من تحرير "
            "طبيب مختطف منذ خمسة أيام، والقبض على ثلاثة من أفراد العصابة.")
    evs = events(pipe, text, dt.date(2025, 9, 11))
    arr = [e for e in evs if e.acled_subtype == "Arrests"]
    assert arr and arr[0].date is not None and arr[0].date.value == "2025-09-11"


def test_an_aircraft_model_number_stays_in_the_name(pipe):
    text = "وقصفت طائرات F-16 العراقية أوكاراً لتنظيم داعش في سلسلة جبال حمرين."
    [ev] = [e for e in events(pipe, text, dt.date(2025, 4, 15)) if e.acled_type]
    assert ev.actor1 is not None and ev.actor1.text == "طائرات F-16 العراقية"   # not "طائرات F"
    assert ev.actor1.actor_id == "iraq-security-forces"


def test_a_ministry_announcing_arrests_made_them(pipe):
    text = ("أعلنت وزارة الداخلية السورية، مساء أمس، القبض على شخصين يشتبه بتورطهما في زرع العبوة في "
            "منطقة السيدة زينب جنوبي دمشق.")
    [ev] = of_type(events(pipe, text, dt.date(2025, 10, 14)), "Arrests")
    assert ev.actor1 is not None and ev.actor1.actor_id == "syria-internal-security"


def test_a_person_s_name_cut_short_is_completed_from_the_knowledge_base(pipe):
    text = "دعا رئيس الجمهورية العماد جوزاف عون الدول الراعية للاتفاق إلى الضغط على إسرائيل."
    [ev] = of_type(events(pipe, text, dt.date(2025, 10, 14)), "REQUEST")
    assert ev.actor1 is not None and ev.actor1.actor_id == "joseph-aoun"
    assert ev.actor1.text.endswith("جوزاف عون")


def test_a_round_up_s_lead_source_reports_its_later_acts(pipe):
    text = ("أفاد المرصد السوري لحقوق الإنسان بمقتل عنصرين من قوات سوريا الديمقراطية بهجوم مسلح على "
            "حاجز في بلدة الشحيل بريف دير الزور، اليوم الأحد. وفي بادية الميادين، قتل طفلان جراء "
            "انفجار لغم أرضي من مخلفات الحرب.")
    evs = [e for e in events(pipe, text, dt.date(2025, 5, 18)) if e.acled_type]
    [mine] = [e for e in evs if e.acled_subtype == "Remote explosive/landmine/IED"]
    assert [a.actor_id for a in mine.attributed_to] == ["sohr"]
    assert all(text[a.start:a.end] == a.text for a in mine.attributed_to)


def test_a_pronoun_subject_of_an_act_is_the_announcing_body(pipe):
    text = ("قتل جنديان لبنانيان بقصف مدفعي على بلدة القصر الحدودية. وأعلن الجيش اللبناني أن وحداته "
            "ردت على مصادر النيران بعد مقتل الجنديين، وأنه دفع بتعزيزات عسكرية إضافية إلى منطقة "
            "الهرمل.")
    [mob] = of_type(events(pipe, text, dt.date(2025, 3, 17)), "MOBILIZE")
    assert mob.actor1 is not None and mob.actor1.actor_id == "lebanon-army"


def test_victims_told_before_an_agent_marker_and_a_time_aside(pipe):
    text = ("قُتل شابان وأصيب ثالث بجروح، مساء أمس الإثنين، برصاص مسلحين مجهولين كانوا يستقلون دراجة "
            "نارية في حي كرم اللوز جنوبي مدينة حمص.")
    [ev] = [e for e in events(pipe, text, dt.date(2025, 6, 1)) if e.acled_type]
    assert ev.acled_subtype == "Attack"
    assert ev.actor2 is not None and ev.actor2.text == "شابان"
    assert ev.actor2.actor_id == "civilians-syria"


def test_a_monitor_s_own_demand_is_its_statement_but_it_only_reports_others(pipe):
    """A monitor or rescue body is a source when it reports; the speaker when the statement
    verb is its own ("ويطالب المرصد السوري ..."), never the author of a threat it reports."""
    text = ("قتل شابان برصاص مسلحين مجهولين في مدينة جاسم. ويطالب المرصد السوري لحقوق الإنسان الجهات "
            "المعنية بكشف ملابسات عمليات الاغتيال المتكررة. وأفاد المرصد السوري بأن قوات النظام هددت "
            "باقتحام البلدة.")
    evs = events(pipe, text, dt.date(2025, 6, 1))
    [req] = of_type(evs, "REQUEST")
    assert req.actor1 is not None and req.actor1.actor_id == "sohr"
    for thr in of_type(evs, "THREATEN"):
        assert thr.actor1 is None or thr.actor1.actor_id != "sohr"
