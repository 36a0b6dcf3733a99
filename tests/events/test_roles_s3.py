"""Role and actor-span rules of the third events pass (issues #5, #6): hand-written reports
through the whole pipeline (real knowledge base), one behaviour per test."""
from __future__ import annotations

import datetime as dt


from marsad.model import Document

# the document gate is off (tests/events/conftest.py): these texts are short on purpose


def events(pipe, text, day=dt.date(2025, 5, 6)):
    return pipe(Document(id="t", text=text, published=day)).events


def one(evs, sub):
    found = [e for e in evs if (e.acled_subtype or e.plover) == sub]
    assert found, [(e.acled_subtype or e.plover) for e in evs]
    return found[0]


def test_victims_told_before_when_a_mine_went_off_are_the_target(pipe):
    text = ("قتل جندي تركي وجرح أربعة آخرون صباح اليوم عندما انفجر لغم أرضي بقافلة عسكرية على طريق "
            "في مدينة مديات بمحافظة ماردين جنوب شرق تركيا، وسط اشتباكات متقطعة في المنطقة.")
    ev = one(events(pipe, text), "Remote explosive/landmine/IED")
    assert ev.actor2 is not None and ev.actor2.actor_id == "turkey-military"
    assert ev.actor2.text == "جندي تركي"          # the nisba belongs to the name, it is no verb


def test_fighters_named_with_la_after_the_attack_noun_are_the_initiator(pipe):
    text = ("قال الجيش التركي إن جنديين تركيين قتلا وجرح 24 آخرون صباح اليوم في هجوم انتحاري "
            "لمتمردي حزب العمال الكردستاني على مركز للدرك في منطقة أغري شرق البلاد.")
    ev = one(events(pipe, text), "Suicide bomb")
    assert ev.actor1 is not None and ev.actor1.actor_id == "pkk"
    assert ev.actor2 is not None and ev.actor2.actor_id == "turkey-military"


def test_an_overrunning_name_is_cut_back_to_the_known_actor(pipe):
    # "قوات عراقية مشتركة": the adjective is not part of the name the base knows
    text = ("اشتبكت قوات عراقية مشتركة مع مسلحين من تنظيم داعش قرب مدينة الرمادي في محافظة الأنبار "
            "اليوم، ما أسفر عن مقتل خمسة مسلحين وإصابة ثلاثة جنود.")
    ev = one(events(pipe, text), "Armed clash")
    assert ev.actor1 is not None and ev.actor1.actor_id == "iraq-security-forces"
    assert ev.actor1.text == "قوات عراقية"


def test_a_bare_army_word_is_the_army_named_earlier_in_the_report(pipe):
    text = ("أعلن الجيش التركي مقتل ثلاثة جنود أتراك أمس في اشتباكات مع مسلحين في محافظة شرناق. "
            "وجاء في بيان الجيش قرب الحدود السورية أن الجيش قصف مواقع المسلحين في المنطقة بالمدفعية.")
    evs = [e for e in events(pipe, text, dt.date(2015, 7, 31)) if e.acled_subtype == "Shelling/artillery/missile attack"]
    assert evs and evs[0].actor1 is not None and evs[0].actor1.actor_id == "turkey-military"


def test_soldiers_passing_by_are_not_the_subject_of_an_explosion(pipe):
    text = ("انفجرت سيارة مفخخة في منطقة ليجي بمحافظة ديار بكر عند مرور الجنود صباح اليوم، ما أسفر عن "
            "مقتل جنديين تركيين وإصابة أربعة آخرين.")
    ev = one(events(pipe, text, dt.date(2015, 7, 27)), "Remote explosive/landmine/IED")
    assert ev.actor1 is None or ev.actor1.text != "الجنود"


def test_an_attack_claimed_by_a_group_names_it_initiator(pipe):
    text = ("قتل 21 شخصا على الأقل وأصيب عشرات في هجوم تبنته حركة طالبان في ولاية قندوز شمال "
            "أفغانستان اليوم.")
    evs = [e for e in events(pipe, text, dt.date(2015, 8, 10)) if e.plover == "ASSAULT"]
    assert evs and evs[0].actor1 is not None and evs[0].actor1.actor_id == "taliban"


def test_a_spokesman_unit_speaks_for_the_known_actor(pipe):
    text = ("أعلنت هيئة أركان الجيش التركي أن طائراتها قصفت مواقع لحزب العمال الكردستاني في شمال "
            "العراق الليلة الماضية، ما أدى إلى مقتل عدد من المسلحين.")
    evs = [e for e in events(pipe, text, dt.date(2015, 7, 26)) if e.plover == "ASSAULT"]
    assert evs and evs[0].actor1 is not None and evs[0].actor1.actor_id == "turkey-military"


def test_a_separate_incident_is_not_merged_into_the_lead(pipe):
    text = ("قتل طفلان ظهر اليوم جراء انفجار قنبلة عنقودية من مخلفات الحرب قرب منزلهم في مدينة كفرنبل "
            "بريف إدلب الجنوبي. وفي حادثة منفصلة، قتل راعي أغنام مساء أمس إثر انفجار لغم أرضي شرقي "
            "مدينة السلمية بريف حماة الشرقي.")
    evs = [e for e in events(pipe, text, dt.date(2025, 9, 3))
           if e.acled_subtype == "Remote explosive/landmine/IED"]
    assert len(evs) == 2
    assert {e.location.admin1 for e in evs if e.location} == {"Idlib", "Hama"}


def test_gunmen_suspected_to_be_a_known_group_take_its_id(pipe):
    text = ("قتل عنصران من قوات سوريا الديمقراطية مساء أمس بهجوم شنه مسلحون يعتقد أنهم من خلايا تنظيم "
            "داعش على حاجز في بلدة ذيبان بريف دير الزور الشرقي.")
    ev = one(events(pipe, text), "Armed clash")
    assert ev.actor1 is not None and ev.actor1.actor_id == "isis"
    assert ev.actor2 is not None and ev.actor2.actor_id == "sdf"


def test_the_nisba_of_an_air_strike_names_the_attacker(pipe):
    text = ("قتل شخص وأصيب 18 آخرون أمس جراء غارات إسرائيلية استهدفت مبنى وزارة الدفاع في ساحة الأمويين "
            "بدمشق.")
    ev = one(events(pipe, text, dt.date(2025, 7, 17)), "Air/drone strike")
    assert ev.actor1 is not None and ev.actor1.actor_id == "israel-military"


def test_aircraft_of_a_government_are_its_military(pipe):
    text = ("شنت مروحيات تابعة للحكومة الانتقالية غارات على أطراف بلدة في ريف اللاذقية اليوم، وسط "
            "اشتباكات عنيفة مع مسلحين.")
    ev = one(events(pipe, text, dt.date(2025, 3, 7)), "Air/drone strike")
    assert ev.actor1 is not None and ev.actor1.actor_id == "syria-mod-forces"


def test_a_name_quoted_in_a_demand_is_not_its_speaker(pipe):
    text = ("دان الشيخ حكمت الهجري الهجوم على جرمانا وقتل عدد من أبنائها. وطالب الهجري بتدخل "
            "\"قوات دولية لحفظ السلم\" في السويداء.")
    evs = [e for e in events(pipe, text) if e.plover == "REQUEST"]
    assert evs and (evs[0].actor1 is None or evs[0].actor1.text != "قوات دولية")


def test_a_ministry_of_a_country_with_a_government_of_the_day_is_that_government(pipe):
    text = ("قتل خمسة من عناصر الأمن العام في هجوم على حاجز في ريف اللاذقية. ودانت وزارة الخارجية "
            "السورية الهجوم.")
    evs = [e for e in events(pipe, text, dt.date(2025, 3, 7)) if e.plover == "ACCUSE"]
    assert evs and evs[0].actor1 is not None
    assert evs[0].actor1.actor_id == "syria-transitional-government"


def test_arrests_a_campaign_resulted_in_were_made_by_its_launcher(pipe):
    text = ("أطلقت إدارة الأمن العام صباح أمس حملة أمنية واسعة في مدينة تلكلخ بريف حمص الغربي، أسفرت "
            "عن اعتقال 12 شخصاً من فلول النظام البائد.")
    ev = one(events(pipe, text, dt.date(2025, 1, 29)), "Arrests")
    assert ev.actor1 is not None and ev.actor1.actor_id == "syria-internal-security"


def test_the_one_a_demand_is_made_of_is_its_target_not_its_speaker(pipe):
    text = ("قصف الجيش الإسرائيلي مواقع في بلدة بيت جن بريف دمشق وقتل شخصين. ودانت وزارة الخارجية "
            "والمغتربين القصف. وطالبت مجلس الأمن الدولي بإلزام إسرائيل بالانسحاب.")
    ev = one(events(pipe, text, dt.date(2025, 6, 12)), "REQUEST")
    assert ev.actor2 is not None and ev.actor2.actor_id == "united-nations"
    assert ev.actor1 is not None and ev.actor1.actor_id == "syria-transitional-government"


def test_a_title_phrase_followed_by_a_known_name_is_that_person(pipe):
    text = ("قتل عشرة أشخاص في اشتباكات في بلدة أشرفية صحنايا. ودان الرئيس الروحي لطائفة المسلمين "
            "الموحدين الدروز الشيخ حكمت الهجري الهجوم على البلدة.")
    ev = one(events(pipe, text, dt.date(2025, 4, 30)), "ACCUSE")
    assert ev.actor1 is not None and ev.actor1.actor_id == "hikmat-al-hijri"


def test_the_speaker_of_a_killing_is_not_its_victim(pipe):
    text = ("وقالت وزارة الداخلية السورية في بيان إن أحد المطلوبين قتل خلال تبادل لإطلاق النار مع "
            "عناصر الأمن العام في مدينة تلكلخ بريف حمص.")
    ev = one(events(pipe, text, dt.date(2025, 1, 29)), "Armed clash")
    assert ev.actor2 is None or "الوزارة" not in ev.actor2.text and "وزارة" not in ev.actor2.text
    assert ev.actor1 is not None and ev.actor1.actor_id == "syria-internal-security"


def test_a_police_command_announcing_a_curfew_is_the_police(pipe):
    text = ("اندلعت اشتباكات عنيفة في مدينة اللاذقية أمس. وأعلنت قيادة الشرطة فرض حظر تجول في مدينة "
            "اللاذقية إثر مقتل ثلاثة مدنيين برصاص مسلحين.")
    evs = [e for e in events(pipe, text, dt.date(2025, 3, 7)) if e.acled_subtype == "Other"]
    assert evs and evs[0].actor1 is not None
    assert evs[0].actor1.text == "قيادة الشرطة" and evs[0].actor1.actor_id == "syria-internal-security"


def test_victims_named_in_the_result_clause_are_the_target(pipe):
    text = "أطلق مسلحون قذائف صاروخية على بلدة الثعلة في ريف السويداء، ما أدى إلى إصابة عدد من المدنيين."
    ev = one(events(pipe, text, dt.date(2025, 7, 14)), "Shelling/artillery/missile attack")
    assert ev.actor2 is not None and str(ev.actor2.actor_id).startswith("civilians")


def test_people_arrested_without_a_group_are_civilians(pipe):
    text = ("توغلت قوة من جيش الاحتلال الإسرائيلي فجر اليوم في بلدة بيت جن بريف دمشق واعتقلت سبعة "
            "أشخاص من أبناء البلدة.")
    ev = one(events(pipe, text, dt.date(2025, 6, 12)), "Arrests")
    assert ev.actor1 is not None and ev.actor1.actor_id == "israel-military"
    assert ev.actor2 is not None and str(ev.actor2.actor_id).startswith("civilians")


def test_machines_of_a_known_force_are_that_force(pipe):
    text = "جرّفت جرافات الاحتلال مساحات من الأراضي الزراعية في محيط قرية جباتا الخشب بريف القنيطرة."
    ev = one(events(pipe, text, dt.date(2025, 6, 12)), "Looting/property destruction")
    assert ev.actor1 is not None and ev.actor1.text == "جرافات الاحتلال"
    assert ev.actor1.actor_id == "israel-military"


def test_an_act_without_a_time_word_takes_the_time_told_just_before(pipe):
    text = ("اندلعت فجر اليوم اشتباكات عنيفة في ريف جبلة بين قوات الأمن العام ومسلحين. واستهدفت "
            "مروحية تابعة لوزارة الدفاع تجمعات للمسلحين في محيط قرية الدالية.")
    ev = one(events(pipe, text, dt.date(2025, 3, 7)), "Air/drone strike")
    assert ev.date is not None and ev.date.value == "2025-03-07"
    assert text[ev.date.start:ev.date.end_char] == "فجر اليوم"


def test_gunmen_who_assassinated_someone_are_the_subject_not_the_victim(pipe):
    text = "اغتال مسلحون مجهولون شاباً في مدينة درعا البلد، بإطلاق النار عليه من سيارة مسرعة."
    evs = [e for e in events(pipe, text, dt.date(2025, 6, 23)) if e.plover == "ASSAULT"]
    assert evs and evs[0].actor1 is not None
    assert evs[0].actor1.text == "مسلحون مجهولون"
    assert evs[0].actor1.actor_id == "unidentified-armed-group"


def test_worshippers_killed_by_a_bombing_are_civilians(pipe):
    text = ("فجّر انتحاري نفسه داخل كنيسة في حي الدويلعة بدمشق مساء أمس، ما أدى إلى مقتل 25 من المصلين "
            "وإصابة 63 آخرين.")
    ev = one(events(pipe, text, dt.date(2025, 6, 23)), "Suicide bomb")
    assert ev.actor2 is not None and str(ev.actor2.actor_id).startswith("civilians")


def test_a_condemned_attack_names_whom_the_statement_accuses(pipe):
    text = ("قتل خمسة مدنيين في قصف على مدينة السويداء أمس. ودانت وزارة الخارجية السورية بشدة الغارات "
            "الإسرائيلية على دمشق.")
    ev = one(events(pipe, text, dt.date(2025, 7, 16)), "ACCUSE")
    assert ev.actor1 is not None and ev.actor1.actor_id == "syria-transitional-government"
    assert ev.actor2 is not None and ev.actor2.actor_id == "israel-military"


def test_a_ministry_reporting_its_own_forces_arrests_makes_a_claim(pipe):
    text = ("أطلقت إدارة الأمن العام صباح أمس حملة أمنية في مدينة تلكلخ بريف حمص، أسفرت عن اعتقال "
            "12 شخصاً من فلول النظام البائد، بحسب ما أعلنت وزارة الداخلية السورية.")
    ev = one(events(pipe, text, dt.date(2025, 1, 29)), "Arrests")
    assert ev.certainty == "claimed"
    assert [text[a.start:a.end] for a in ev.attributed_to] == ["وزارة الداخلية السورية"]


def test_an_attack_the_army_repelled_is_an_event(pipe):
    text = ("قال مصدر أمني إن وحدات الجيش تصدت لهجوم شنته مجموعات مسلحة على نقاط عسكرية في ريف "
            "اللاذقية الشمالي، وقتلت عدداً من المهاجمين.")
    ev = one(events(pipe, text, dt.date(2025, 8, 10)), "Armed clash")
    assert ev.actor1 is not None and ev.actor1.text == "مجموعات مسلحة"


def test_the_subject_of_taarrada_underwent_the_attack(pipe):
    text = "تعرضت دورية للجيش لهجوم بالأسلحة الرشاشة قرب بلدة جاسم في ريف درعا."
    ev = one(events(pipe, text, dt.date(2025, 8, 10)), "Armed clash")
    assert ev.actor1 is None
    assert ev.actor2 is not None and ev.actor2.text == "دورية للجيش"
    assert ev.actor2.actor_id == "syria-mod-forces"


def test_the_object_of_a_multiword_arrest_phrase_is_its_target(pipe):
    text = ("ذكرت وزارة الداخلية السورية أن قواتها ألقت القبض على خلية تابعة لتنظيم داعش كانت تخطط "
            "لتنفيذ هجمات في دمشق.")
    ev = one(events(pipe, text, dt.date(2025, 3, 9)), "Arrests")
    assert ev.actor1 is not None and ev.actor1.actor_id == "syria-internal-security"
    assert ev.actor2 is not None and ev.actor2.actor_id == "isis"


def test_the_two_groups_of_a_toll_are_the_two_sides_of_a_clash(pipe):
    text = ("أعلن المرصد السوري لحقوق الإنسان ارتفاع حصيلة الاشتباكات في أشرفية صحنايا إلى 30 قتيلاً، "
            "بينهم 16 من عناصر الأمن العام و14 من المسلحين الدروز.")
    ev = one(events(pipe, text, dt.date(2025, 5, 1)), "Armed clash")
    assert {ev.actor1.actor_id, ev.actor2.actor_id} == {"syria-internal-security", "sweida-druze-militias"}


def test_a_weapon_with_bi_is_the_means_not_the_target(pipe):
    text = "قصفت قوات النظام بالمدفعية الثقيلة بلدات جبل الزاوية جنوبي إدلب أمس."
    ev = one(events(pipe, text, dt.date(2023, 5, 1)), "Shelling/artillery/missile attack")
    assert ev.actor2 is None or "المدفعية" not in ev.actor2.text


def test_opening_fire_with_the_subject_in_between_is_an_attack(pipe):
    text = ("أطلق مجهولون النار على سيارة تقل عائلة على طريق حمص - طرطوس، ما أسفر عن مقتل رجل وزوجته "
            "وإصابة طفليهما.")
    evs = [e for e in events(pipe, text, dt.date(2025, 5, 1)) if e.plover == "ASSAULT"]
    assert evs and evs[0].actor1 is not None and evs[0].actor1.actor_id == "unidentified-armed-group"


def test_members_of_a_named_group_before_the_verb_are_its_subject(pipe):
    text = ("أفادت مصادر محلية بأن عناصر من قوات سوريا الديمقراطية اعتقلوا ثلاثة شبان خلال مداهمة في "
            "بلدة ذيبان بريف دير الزور الشرقي.")
    ev = one(events(pipe, text, dt.date(2025, 9, 15)), "Arrests")
    assert ev.actor1 is not None and ev.actor1.actor_id == "sdf"


def test_a_defence_ministry_named_by_its_nisba_speaks_for_that_military(pipe):
    text = ("أعلنت وزارة الدفاع الأمريكية أن قواتها نفذت ضربة جوية في شمال غرب سوريا أسفرت عن مقتل "
            "قيادي بارز في تنظيم متشدد.")
    ev = one(events(pipe, text, dt.date(2025, 9, 15)), "Air/drone strike")
    assert ev.actor1 is not None and ev.actor1.actor_id == "us-military"


def test_the_un_calling_on_the_parties_is_a_request_and_still_a_source(pipe):
    text = ("قتل عشرة مدنيين في قصف على مدينة السويداء أمس، بحسب الأمم المتحدة. ودعت الأمم المتحدة جميع "
            "الأطراف إلى وقف القتال فوراً.")
    evs = events(pipe, text, dt.date(2025, 7, 16))
    req = one(evs, "REQUEST")
    assert req.actor1 is not None and req.actor1.actor_id == "united-nations"
    shell = one(evs, "Shelling/artillery/missile attack")
    assert [text[a.start:a.end] for a in shell.attributed_to] == ["الأمم المتحدة"]


def test_acts_named_in_general_terms_in_an_accusation_are_not_events(pipe):
    text = ("قتل عشرة مدنيين في قصف على السويداء أمس. واتهم الشيخ حكمت الهجري الحكومة السورية بارتكاب "
            "مجازر بحق المدنيين.")
    subs = [e.acled_subtype for e in events(pipe, text, dt.date(2025, 7, 16)) if e.acled_type]
    assert subs == ["Shelling/artillery/missile attack"]


def test_accusations_rejected_are_no_statement_of_the_rejecter(pipe):
    text = "قتل عشرة مدنيين في قصف على السويداء أمس. ورفضت الحكومة السورية الاتهامات الإسرائيلية."
    evs = events(pipe, text, dt.date(2025, 7, 16))
    assert [e.plover for e in evs if e.acled_type is None] == ["REJECT"]
    rej = one(evs, "REJECT")
    assert rej.actor2 is not None and rej.actor2.actor_id == "israel"


def test_an_armed_group_announcing_an_attack_claims_it(pipe):
    text = ("أعلنت جماعة الحوثي، مساء السبت، استهداف حاملة الطائرات الأمريكية في البحر الأحمر بعدد من "
            "الصواريخ والطائرات المسيرة.")
    ev = [e for e in events(pipe, text, dt.date(2025, 4, 20)) if e.plover == "ASSAULT"][0]
    assert ev.actor1 is not None and ev.actor1.actor_id == "houthis"
    assert ev.location is None or ev.location.country != "EG"     # the sea, not Egypt's governorate


def test_a_health_ministry_counting_the_dead_is_a_source_not_a_party(pipe):
    text = "أعلنت وزارة الصحة اللبنانية مقتل ثلاثة أشخاص في غارة على بلدة برج الملوك جنوبي لبنان."
    ev = one(events(pipe, text, dt.date(2025, 4, 20)), "Air/drone strike")
    assert ev.actor1 is None
    assert [text[a.start:a.end] for a in ev.attributed_to] == ["وزارة الصحة اللبنانية"]


def test_areas_under_a_groups_control_are_no_takeover(pipe):
    text = "سقطت قذيفة هاون مصدرها مناطق سيطرة قسد على حي الشيخ مقصود في حلب، دون وقوع إصابات."
    subs = [e.acled_subtype for e in events(pipe, text, dt.date(2025, 11, 2))]
    assert "Non-state actor overtakes territory" not in subs
    assert "Shelling/artillery/missile attack" in subs


def test_a_town_after_the_trigger_is_no_nisba_and_members_name_their_group(pipe):
    text = "قتل قيادي في هيئة تحرير الشام بانفجار عبوة ناسفة في مدينة إدلب أمس."
    ev = one(events(pipe, text, dt.date(2025, 6, 20)), "Remote explosive/landmine/IED")
    assert ev.actor1 is None or ev.actor1.text != "إدلب"
    text = ("أعلن الجيش الإسرائيلي اغتيال قيادي في حزب الله بغارة بطائرة مسيرة استهدفت سيارته في بلدة "
            "كفررمان جنوبي لبنان.")
    ev = one(events(pipe, text, dt.date(2025, 6, 20)), "Air/drone strike")
    assert ev.actor2 is not None and ev.actor2.actor_id == "hezbollah"


def test_settlers_attacking_a_village_are_the_initiators(pipe):
    text = "هاجم مستوطنون إسرائيليون قرية ترمسعيا شمال رام الله وأحرقوا عدداً من المنازل والمركبات."
    evs = [e for e in events(pipe, text, dt.date(2025, 6, 20)) if e.actor1 is not None]
    assert evs and evs[0].actor1.text == "مستوطنون إسرائيليون"


def test_a_plural_attack_noun_is_no_verb_and_keeps_its_nisba_attacker(pipe):
    text = "قتل شخص جراء غارات إسرائيلية على دمشق فجر اليوم."
    ev = one(events(pipe, text, dt.date(2025, 7, 17)), "Air/drone strike")
    assert ev.actor1 is not None and ev.actor1.actor_id == "israel-military"
    assert ev.actor2 is not None and str(ev.actor2.actor_id).startswith("civilians")
