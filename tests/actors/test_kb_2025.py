"""Coverage of 2025 regional news (Syria, Lebanon, Iraq, Yemen, Gaza/Israel) and the descriptor rules
added for it (issue #6): hand-built mentions and sentences → expected actor ids, with negative cases."""
from __future__ import annotations

import pytest

from marsad.actors.kb import load_kb, match_key
from marsad.actors.resolve import ActorResolver, mention_forms

D25 = "2025-07-01"


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.fixture(scope="module")
def r(kb):
    return ActorResolver(kb)


@pytest.mark.parametrize("aid", [
    "unifil", "amal-movement", "lebanon-government", "israel-government", "shin-bet", "israel-police",
    "islamic-resistance-iraq", "kataib-hezbollah", "stc",
])
def test_new_organisations_carry_acled_fields_and_both_scripts(kb, aid):
    a = kb.get(aid)
    assert a is not None, aid
    assert a.acled_name and a.inter in range(1, 9)
    assert a.name_ar and any("\u0600" <= c <= "\u06ff" for c in a.name_ar)
    assert any(x.isascii() for x in a.aliases), "needs a Latin alias"


@pytest.mark.parametrize("aid", [
    "israel-katz", "yahya-saree", "mohammed-shia-al-sudani", "john-x-of-antioch", "aidarus-al-zubaidi",
])
def test_new_persons_exist(kb, aid):
    a = kb.get(aid)
    assert a is not None and a.kind == "person" and a.country


# ---------------------------------------------------------------- names (aliases, spelling variants)
@pytest.mark.parametrize("text,cc,expected", [
    # Lebanon
    ("قوات اليونيفيل", "LB", "unifil"),
    ("اليونيفيل", None, "unifil"),
    ("قوات الأمم المتحدة المؤقتة في لبنان", "SY", "unifil"),
    ("قوات اليونيفيل العاملة في جنوب لبنان", "LB", "unifil"),     # a participle opens a relative phrase
    ("حركة أمل", None, "amal-movement"),
    ("الهلال الأحمر الكردي", "SY", "kurdish-red-crescent"),
    ("الهلال الأحمر", "PS", "prcs"),
    ("حزب الله", "LB", "hezbollah"),
    ("قوى الأمن الداخلي", "LB", "lebanon-isf"),        # Lebanon's ISF, not Syria's internal security
    ("مخابرات الجيش", "LB", "lebanon-army"),
    ("الحكومة اللبنانية", "SY", "lebanon-government"),
    # Israel
    ("مكتب نتنياهو", "SY", "israel-government"),
    ("مكتب رئيس الوزراء الإسرائيلي", "PS", "israel-government"),
    ("لواء غولاني", "SY", "israel-military"),
    ("لواء جولاني", "SY", "israel-military"),
    ("الفرقة 210", "SY", "israel-military"),          # a known unit's alias beats the numbered-unit reading
    ("الشاباك", "PS", "shin-bet"),
    ("جهاز الأمن العام الإسرائيلي", "SY", "shin-bet"),  # not Syria's General Security
    ("الشرطة الإسرائيلية", "PS", "israel-police"),
    ("يسرائيل كاتس", "SY", "israel-katz"),
    # Gaza
    ("حركة المقاومة الإسلامية", "LB", "hamas"),
    ("كتائب الشهيد عز الدين القسام", "PS", "hamas"),
    ("سرايا القدس", "PS", "palestinian-islamic-jihad"),
    ("الأجهزة الأمنية الفلسطينية", "PS", "pa-security-forces"),
    ("الدفاع المدني", "PS", "gaza-civil-defence"),     # Gaza's, not the Syrian Civil Defence
    ("الدفاع المدني", "SY", "syria-civil-defence"),
    # Iraq
    ("هيئة الحشد الشعبي", "IQ", "pmf"),
    ("حكومة إقليم كردستان", "IQ", "krg"),
    ("خلية الإعلام الأمني", "IQ", "iraq-security-forces"),
    ("جهاز مكافحة الإرهاب العراقي", "SY", "iraq-security-forces"),
    ("كتائب حزب الله", "IQ", "kataib-hezbollah"),      # not Lebanon's Hezbollah
    ("المقاومة الإسلامية في العراق", "SY", "islamic-resistance-iraq"),
    ("محمد شياع السوداني", "IQ", "mohammed-shia-al-sudani"),
    # Yemen
    ("المجلس الانتقالي الجنوبي", "YE", "stc"),
    ("قوات الحزام الأمني", "YE", "stc"),
    ("أنصار الله", "YE", "houthis"),
    ("حكومة صنعاء", "YE", "houthis"),
    ("يحيى سريع", "YE", "yahya-saree"),
    ("مسيرة حوثية", "YE", "houthis"),                 # the group's nisba, not Yemen's (government) army
    ("طائرة مسيرة حوثية", "IL", "houthis"),
    ("المتحدث العسكري باسم الحوثيين يحيى سريع", "YE", "yahya-saree"),
    # the US: both spellings of "American"
    ("القيادة المركزية الأميركية", "SY", "us-military"),
    ("القيادة المركزية الأمريكية", "YE", "us-military"),
    # Syria 2025
    ("رئاسة الجمهورية العربية السورية", "SY", "syria-transitional-government"),
    ("المجلس العسكري لتحرير سوريا", "SY", "alawite-insurgents"),
    ("فلول النظام البائد", "SY", "assad-remnants"),
    ("حركة رجال الكرامة", "SY", "sweida-druze-militias"),
    ("عشائر البدو", "SY", "bedouin-tribal-fighters"),
    ("قوات سوريا الديموقراطية", "SY", "sdf"),
    ("القوات الروسية في قاعدة حميميم", "SY", "russia-military"),
    ("القوات الإسرائيلية المتوغلة في ريف القنيطرة", "SY", "israel-military"),   # the place's country is not the force's
    ("فلول داعش", "IQ", "isis"),
    ("مجلس دير الزور العسكري", "SY", "sdf"),
    ("سرايا أنصار السنة", "SY", "saraya-ansar-al-sunna"),
    ("قيادة الأمن الداخلي في محافظة اللاذقية", "SY", "syria-internal-security"),
    # persons with titles
    ("الرئيس السوري أحمد الشرع", "SY", "ahmed-al-sharaa"),
    ("وزير الخارجية السوري أسعد الشيباني", "SY", "asaad-al-shaibani"),
    ("وزير الدفاع مرهف أبو قصرة", "SY", "syria-defence-minister"),
    ("وزير الداخلية أنس خطاب", "SY", "anas-khattab"),
    ("الشيخ حكمت الهجري", "SY", "hikmat-al-hijri"),
    ("قائد قسد مظلوم عبدي", "SY", "mazloum-abdi"),
    ("قائد قسد", "SY", "mazloum-abdi"),
    ("وزير الدفاع الإسرائيلي يسرائيل كاتس", "SY", "israel-katz"),
    ("الرئيس الأمريكي دونالد ترامب", "SY", "donald-trump"),
    ("وزير الخارجية التركي هاكان فيدان", "SY", "hakan-fidan"),
    ("الرئيس اللبناني جوزيف عون", "LB", "joseph-aoun"),
    ("الأمين العام لحزب الله نعيم قاسم", "LB", "naim-qassem"),
    ("زعيم الحوثيين عبد الملك الحوثي", "YE", "abdulmalik-al-houthi"),
    ("البطريرك يوحنا العاشر", "SY", "john-x-of-antioch"),
    ("المبعوث الأمريكي توم باراك", "SY", "tom-barrack"),
    ("المبعوث الأممي غير بيدرسن", "SY", "geir-pedersen"),
])
def test_2025_names_resolve(r, text, cc, expected):
    assert r.resolve(text, context=text, published=D25, country=cc) == expected


def test_american_spellings_share_one_key():
    assert match_key("الأميركية") == match_key("الأمريكية")
    assert match_key("جنديان أميركيان") == match_key("جنديان أمريكيان")
    assert match_key("الأمركة") != match_key("الأمريكية")   # only the nisba's two spellings meet


# ---------------------------------------------------------------- titles read for the country and date
@pytest.mark.parametrize("text,cc,day,expected", [
    ("الرئيس السوري", "SY", D25, "ahmed-al-sharaa"),
    ("رئيس الجمهورية", "SY", D25, "ahmed-al-sharaa"),
    ("رئيس الجمهورية", "SY", "2019-05-01", "bashar-al-assad"),
    ("الرئيس", "SY", D25, "ahmed-al-sharaa"),
    ("وزير الخارجية السوري", "SY", D25, "asaad-al-shaibani"),
    ("وزير الخارجية", "TR", D25, "hakan-fidan"),
    ("وزير الدفاع السوري", "SY", D25, "syria-defence-minister"),
    ("وزير الدفاع", "IL", D25, "israel-katz"),
    ("وزير الدفاع الإسرائيلي", "SY", D25, "israel-katz"),
    ("وزير الداخلية السوري", "SY", D25, "anas-khattab"),
    ("رئيس الوزراء الإسرائيلي", "SY", D25, "benjamin-netanyahu"),
    ("رئيس الوزراء الإسرائيلي", "SY", "2021-12-01", None),        # Bennett's time: not Netanyahu
    ("الرئيس الأمريكي", "SY", D25, "donald-trump"),
    ("الرئيس الأميركي", "SY", "2023-03-01", "joe-biden"),
    ("الرئيس التركي", "SY", D25, "recep-tayyip-erdogan"),
    ("الرئيس اللبناني", "LB", D25, "joseph-aoun"),
    ("رئيس الوزراء اللبناني", "LB", D25, "nawaf-salam"),
    ("رئيس الوزراء العراقي", "IQ", D25, "mohammed-shia-al-sudani"),
    ("الأمين العام لحزب الله", "LB", D25, "naim-qassem"),
    ("الأمين العام لحزب الله", "LB", "2020-01-01", "hassan-nasrallah"),
    ("المبعوث الأمريكي إلى سوريا", "SY", D25, "tom-barrack"),
    ("المبعوث الأمريكي إلى سوريا", "SY", "2024-06-01", None),     # before Barrack's appointment
])
def test_titles_by_country_and_date(r, text, cc, day, expected):
    assert r.resolve(text, context=text, published=day, country=cc) == expected


# ---------------------------------------------------------------- country-bound descriptors
@pytest.mark.parametrize("text,cc,expected", [
    ("الحكومة الاتحادية", "IQ", "iraq-government"),
    ("الإقليم", "IQ", "krg"),
    ("حكومة الإقليم", "IQ", "krg"),
    ("المقاومة الإسلامية", "LB", "hezbollah"),
    ("المقاومة الإسلامية", "PS", "hamas"),
    ("المقاومة الإسلامية", "IQ", "islamic-resistance-iraq"),
    ("قوات الطوارئ الدولية", "LB", "unifil"),
    ("الانتقالي", "YE", "stc"),
    ("القوات المسلحة اليمنية", "SY", "houthis"),     # the claims of the Red Sea campaign
    ("رئاسة الجمهورية", "SY", "syria-transitional-government"),
    ("الفرقة 70", "SY", "syria-mod-forces"),         # any numbered division of the new army
    ("الفرقة ٧٦", "SY", "syria-mod-forces"),         # Arabic-Indic digits
    ("الفرقة 36", "IL", "israel-military"),          # elsewhere: the country's military
    ("عناصر من الفرقة 62", "SY", "syria-mod-forces"),
])
def test_country_descriptors(r, text, cc, expected):
    assert r.resolve(text, context=text, published=D25, country=cc) == expected


@pytest.mark.parametrize("text,cc", [
    ("الحكومة الاتحادية", "SY"),      # Iraq's federal government only in an Iraqi report
    ("الإقليم", "SY"),
    ("الإقليم", None),
    ("الانتقالي", "SY"),
])
def test_country_descriptors_stay_in_their_country(r, text, cc):
    assert r.resolve(text, context=text, published=D25, country=cc) is None


def test_iraqi_federal_government_from_the_sentence(r):
    s = "وأكدت الحكومة الاتحادية في بغداد أن رواتب موظفي الإقليم في أربيل ستصرف هذا الشهر"
    assert r.resolve("الحكومة الاتحادية", context=s, published=D25) == "iraq-government"
    assert r.resolve("الإقليم", context=s, published=D25) == "krg"


def test_military_council_is_read_by_the_places_named(r):
    coast = "وأعلن المجلس العسكري مسؤوليته عن الهجمات في ريف اللاذقية وجبلة"
    south = "وقال المجلس العسكري في السويداء إن مقاتليه صدوا الهجوم"
    assert r.resolve("المجلس العسكري", context=coast, published=D25, country="SY") == "alawite-insurgents"
    assert r.resolve("المجلس العسكري", context=south, published=D25, country="SY") == "sweida-druze-militias"
    assert r.resolve("المجلس العسكري", context="وقال المجلس العسكري إن", published=D25, country="SY") is None


def test_sweida_national_guard_is_dated(r):
    s = "هاجم عناصر الحرس الوطني حاجزا في ريف السويداء"
    assert r.resolve("الحرس الوطني", context=s, published="2025-09-10", country="SY") == "sweida-druze-militias"
    assert r.resolve("الحرس الوطني", context=s, published="2025-06-10", country="SY") is None


# ---------------------------------------------------------------- soldiers with a country's nisba
@pytest.mark.parametrize("text,cc,expected", [
    ("جنديان أميركيان", "SY", "us-military"),
    ("جنديين أمريكيين", "IQ", "us-military"),
    ("جنود أتراك", "SY", "turkey-military"),
    ("جنود أتراك", "IL", "turkey-military"),          # the nisba beats the country in focus
    ("عسكريون روس", "SY", "russia-military"),
    ("جنود روس", "SY", "russia-military"),
    ("ضابط إسرائيلي", "SY", "israel-military"),
    ("ضابطا إسرائيليا", "LB", "israel-military"),
    ("قوات إسرائيلية", "SY", "israel-military"),
    ("قوة إسرائيلية", "LB", "israel-military"),
    ("جنديين إسرائيليين", "LB", "israel-military"),
    ("مجندة إسرائيلية", "PS", "israel-military"),
    ("مجندتان إسرائيليتان", "PS", "israel-military"),
    ("جندي لبناني", "SY", "lebanon-army"),
    ("جنود سوريون", "SY", "syria-mod-forces"),
    ("جنديين عراقيين", "SY", "iraq-security-forces"),
])
def test_soldier_with_nisba_is_that_countrys_military(r, text, cc, expected):
    assert r.resolve(text, context=text, published=D25, country=cc) == expected


@pytest.mark.parametrize("text,cc,wrong", [
    ("جنود أتراك", "SY", "israel-military"),          # another country's nisba
    ("جنديين إسرائيليين", "LB", "lebanon-army"),
    ("مواطنون أتراك", "SY", "turkey-military"),       # a civilian noun is no soldier
    ("صحفي إسرائيلي", "SY", "israel-military"),
    ("أطفال روس", "SY", "russia-military"),
])
def test_nisba_does_not_make_the_wrong_military(r, text, cc, wrong):
    assert r.resolve_or_new(text, "NORP", context=text, published=D25, country=cc) != wrong


def test_citizens_with_a_nisba_are_civilians(r):
    assert r.resolve("مواطنون أتراك", context="", published=D25, country="SY") == "civilians"


# ---------------------------------------------------------------- unidentified perpetrators
@pytest.mark.parametrize("text,cc", [
    ("مسلحون مجهولون", "SY"), ("مسلحين مجهولين", "IQ"), ("مجهولون", "LB"), ("مجهولين", "SY"),
])
def test_unknown_gunmen(r, text, cc):
    assert r.resolve(text, context=text, published=D25, country=cc) == "unidentified-armed-group"


@pytest.mark.parametrize("text,cc,expected", [
    ("مسؤول تركي", "SY", "turkey"),                   # an official with a nisba: that country's government
    ("مسؤولون عراقيون", "SY", "iraq-government"),
    ("سلطات دياربكر", "TR", "turkey"),                # the authorities of a place: its country's
    ("مدنيين أفغان", "AF", "civilians"),              # a broken-plural nisba
    ("المقاتلين الحوثيين", "YE", "houthis"),          # a definite head noun before the group
    ("قوات الدفاع الشعبي الجناح العسكري", "TR", "pkk"),  # an apposition after the name
    ("الرئاسة الروحية", "SY", "druze-spiritual-leadership"),
])
def test_general_descriptor_gaps(r, text, cc, expected):
    assert r.resolve(text, context=text, published="2015-07-01", country=cc) == expected


@pytest.mark.parametrize("text", ["مسؤول", "حكومة", "سلطات"])
def test_official_without_country_names_no_one(r, text):
    assert r.resolve(text, context=text, published=D25, country="SY") is None


def test_a_force_qualified_only_as_other_or_international_is_no_new_actor(r):
    assert r.resolve_or_new("قوات أخرى", "ORG", context="", published=D25, country="SY") is None
    assert r.resolve_or_new("قوات دولية", "ORG", context="", published=D25, country="LB") == "unifil"


def test_the_terrorist_organisation_takes_up_the_group_named_before(r):
    s = "وقالت السلطات إن المنظمة الإرهابية تقف وراء الهجوم"
    doc = "هاجم مسلحو حزب العمال الكردستاني مركزا للشرطة. " + s
    assert r.resolve("المنظمة الإرهابية", context=s, published=D25, country="TR", document=doc) == "pkk"


@pytest.mark.parametrize("text,cc,expected", [
    ("قيادة قسد", "SY", "sdf"),                        # "the command of X" is X
    ("قيادة شرطة محافظة البصرة", "IQ", "iraq-police"),  # a governorate's police: the country's
    ("قيادة الأمن الداخلي محافظة حمص", "SY", "syria-internal-security"),
    ("جهاز الاستخبارات التركي", "SY", "turkey-intelligence"),
])
def test_command_and_governorate_phrases(r, text, cc, expected):
    assert r.resolve(text, context=text, published=D25, country=cc) == expected


def test_a_bare_command_is_no_new_actor(r):
    assert r.resolve_or_new("قيادة", "ORG", context="", published=D25, country="IQ") is None


@pytest.mark.parametrize("text,cc,expected", [
    ("مسيرة إسرائيلية دراجة نارية", "LB", "israel-military"),   # a span run on into what was hit
    ("طائرة مسيرة مجهولة سيارة", "SY", "unidentified-armed-group"),
])
def test_a_span_running_into_a_vehicle_reads_the_words_before_it(r, text, cc, expected):
    assert r.resolve(text, context=text, published=D25, country=cc) == expected


def test_a_vehicle_alone_is_still_no_actor(r):
    assert r.resolve_or_new("سيارة مفخخة", "ORG", context="", published=D25, country="SY") is None


def test_resistance_fighters_keep_their_own_countrys_reading(r):
    # Lebanon's reading of "المقاومة" must not hide Yemen's for a longer phrase around it
    assert r.resolve("مقاتلي المقاومة", context="", published="2015-07-21", country="YE") == "popular-resistance-ye"
    assert r.resolve("مقاتلي المقاومة", context="", published=D25, country="LB") == "hezbollah"


def test_numbered_form_is_tried_after_the_literal_ones():
    forms = [k for k, _p in mention_forms("الفرقة 82")]
    assert forms[0] == match_key("الفرقة 82") and match_key("الفرقة 0") in forms
    assert all("0" not in k for k, _p in mention_forms("قوات الأمن"))
