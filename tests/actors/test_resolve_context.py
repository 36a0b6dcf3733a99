"""Descriptors read by country, date, nisba and place; forces named after a person; non-actors.

Inputs are hand-made sentences; expectations are what an ACLED-style coder would write.
"""
from __future__ import annotations

import pytest

from marsad.actors.kb import ActorKB, KBError, load_kb
from marsad.actors.resolve import ActorResolver

SY_2025 = "2025-07-20"
SY_SENT = "قالت مصادر محلية إن اشتباكات اندلعت في ريف السويداء الغربي جنوبي سوريا"


@pytest.fixture(scope="module")
def r() -> ActorResolver:
    return ActorResolver(load_kb())


@pytest.mark.parametrize("mention,expected", [
    ("قوات الحكومة السورية", "syria-mod-forces"),
    ("الجيش السوري", "syria-mod-forces"),
    ("الجيش العربي السوري", "syria-mod-forces"),        # the new army kept the name
    ("الجيش", "syria-mod-forces"),
    ("القوات الحكومية", "syria-mod-forces"),
    ("قوات الشرع", "syria-mod-forces"),                  # forces of the president
    ("عناصر الأمن العام", "syria-internal-security"),
    ("دورية للأمن العام", "syria-internal-security"),
    ("قوات الأمن", "syria-internal-security"),
    ("الأمن الداخلي", "syria-internal-security"),
    ("قوات وزارة الداخلية", "syria-internal-security"),
    ("قوى الأمن الداخلي في محافظة السويداء", "syria-internal-security"),   # trailing place phrase
    ("القوات الإسرائيلية", "israel-military"),
    ("جيش الاحتلال", "israel-military"),
    ("قوات إسرائيلية", "israel-military"),               # nationality adjective → that country's forces
    ("جنود إسرائيليون", "israel-military"),
    ("طائرة مسيرة تركية", "turkey-military"),
    ("مسيرة تابعة للجيش التركي", "turkey-military"),
    ("قوات سوريا الديمقراطية", "sdf"),
    ("قسد", "sdf"),
    ("فصائل السويداء", "sweida-druze-militias"),
    ("مسلحين دروز", "sweida-druze-militias"),
    ("ميليشيات الهجري", "sweida-druze-militias"),         # forces of a leader → his forces
    ("مسلحي العشائر", "bedouin-tribal-fighters"),
    ("مسلحين من العشائر", "bedouin-tribal-fighters"),
    ("مسلحين بدو", "bedouin-tribal-fighters"),
    ("عناصر النظام البائد", "assad-remnants"),
    ("مسلحون", "unidentified-armed-group"),
    ("الجيش اللبناني", "lebanon-army"),
    ("عناصر من حزب الله", "hezbollah"),
    ("الشرطة التركية", "turkey-police"),
    ("قوات الاحتلال التركي", "turkey-military"),      # the nisba beats the Israeli alias of the rest
    ("الاحتلال التركي", "turkey-military"),
    ("قوات سورية", "syria-mod-forces"),              # a country's forces are its military
    ("الفصائل الموالية لتركيا", "sna"),
    ("الفصائل الموالية للحكومة", "syria-mod-forces"),    # forces of the government
    ("ميليشيات الأسد", "assad-remnants"),               # his forces after December 2024
    ("المسلحين الموالين للهجري", "sweida-druze-militias"),
    ("قيادة الأمن الداخلي", "syria-internal-security"),
])
def test_2025_syrian_report(r, mention, expected):
    assert r.resolve(mention, context=SY_SENT, published=SY_2025, country="SY") == expected


def test_the_date_decides_who_a_syrian_name_is(r):
    for m in ("الجيش العربي السوري", "الجيش السوري", "قوات الحكومة السورية"):
        assert r.resolve(m, context="في حلب", published="2015-07-20", country="SY") == "syria-assad-army"
    assert r.resolve("ميليشيات الأسد", context="في حلب", published="2015-07-20", country="SY") == "syria-assad-army"
    assert r.resolve("النظام البائد", published=SY_2025, country="SY") == "syria-assad-government"
    assert r.resolve("جماعات مقاتلة", context="في حلب", published="2015-07-20", country="SY") == "syria-rebels"
    assert r.resolve("جماعات مقاتلة", context="في حلب", published=SY_2025, country="SY") != "syria-rebels"


def test_a_bare_force_word_needs_its_nisba(r):
    # "قوات"/"طائرات" alone name no one; the same words with a country nisba name its forces
    assert r.resolve("قوات", context=SY_SENT, published=SY_2025, country="SY") is None
    assert r.resolve("طائرات", context=SY_SENT, published=SY_2025, country="SY") is None
    assert r.resolve("طائرات روسية", context=SY_SENT, published="2016-01-01", country="SY") == "russia-military"
    assert r.resolve("غارات إسرائيلية", context=SY_SENT, published=SY_2025, country="SY") == "israel-military"


@pytest.mark.parametrize("mention,country,expected", [
    ("الجيش", "EG", "egypt-military"),
    ("القوات المسلحة", "EG", "egypt-military"),
    ("قوات عسكرية", "EG", "egypt-military"),
    ("قوات الأمن", "EG", "egypt-police"),
    ("قوات الأمن", "IL", "israel-military"),     # no police actor: the security forces are the army's
    ("القوات العراقية", "IQ", "iraq-security-forces"),
    ("العناصر الإرهابية", "EG", "wilayat-sinai"),
    ("جماعات إسلامية", "LY", "libya-islamists"),
    ("إسلاميون", "LY", "libya-islamists"),
    ("قوات موالية", "LY", "libya-forces"),
    ("الفصائل المقاتلة", "SY", "syria-rebels"),
    ("قوات الاحتلال", "PS", "israel-military"),
    ("الجماعات السلفية المتشددة", "PS", "salafists-gaza"),
    ("المقاتلين الأكراد", "TR", "pkk"),
])
def test_the_country_in_focus_reads_generic_words_2015(r, mention, country, expected):
    assert r.resolve(mention, context="", published="2015-07-20", country=country) == expected


@pytest.mark.parametrize("mention,expected", [
    ("ميليشيات الرئيس اليمني المخلوع", "yemen-saleh-forces"),
    ("قوات موالية للرئيس السابق", "yemen-saleh-forces"),
    ("قوات الرئيس السابق", "yemen-saleh-forces"),
    ("جيش المخلوع صالح", "yemen-saleh-forces"),
    ("الرئيس السابق", "ali-abdullah-saleh"),       # the person himself, without a head noun
    ("صالح", "ali-abdullah-saleh"),
    ("متمردًا", "houthis"),
    ("حوثياً", "houthis"),
    ("المتمردين", "houthis"),
    ("المقاومة", "popular-resistance-ye"),
    ("طيران التحالف", "arab-coalition-yemen"),
    ("التحالف العسكري", "arab-coalition-yemen"),
])
def test_yemen_2015(r, mention, expected):
    assert r.resolve(mention, context="في مدينة تعز", published="2015-08-01", country="YE") == expected


def test_saleh_is_only_the_yemeni_president_in_yemen(r):
    assert r.resolve("صالح", published="2015-08-01", country="SY") is None


def test_place_bound_descriptor_reads_the_sentence(r):
    ne = "اعتقلت قوى الأمن الداخلي شابين في مدينة القامشلي"
    west = "اعتقلت قوى الأمن الداخلي شابين في مدينة حمص"
    assert r.resolve("قوى الأمن الداخلي", context=ne, published=SY_2025, country="SY") == "asayish"
    assert r.resolve("قوى الأمن الداخلي", context=west, published=SY_2025, country="SY") == "syria-internal-security"
    assert r.resolve("قوى الأمن الداخلي في الحسكة", published=SY_2025, country="SY") == "asayish"


def test_national_guard_is_sweida_only_in_syria(r):
    assert r.resolve("الحرس الوطني", context="في السويداء", published="2025-09-01", country="SY") == "sweida-druze-militias"
    assert r.resolve("الحرس الوطني", context="في الرياض", published="2025-09-01", country="SA") != "sweida-druze-militias"


@pytest.mark.parametrize("mention,etype,context", [
    ("الأباتشي", "ORG", "قصفت مروحيات الأباتشي مواقع"),
    ("مسعفون", "PER", "قال مسعفون إن"),
    ("سيارة مفخخة", "ORG", "انفجرت سيارة مفخخة"),
    ("دياربكر", "ORG", "هجوم في دياربكر"),
    ("زويد", "PER", "هجوم على حاجز في الشيخ زويد"),   # a fragment of the place named around it
    ("دورية", "ORG", "هاجم مسلحون دورية"),              # a head noun without its group
    ("وعناصر", "ORG", "قتل ضابط وعناصر"),
    ("", "PER", ""),
])
def test_non_actors_make_no_new_actor(mention, etype, context):
    r = ActorResolver(load_kb())
    assert r.resolve_or_new(mention, etype, context=context, published="2015-07-20", country="EG") is None
    assert not r.new_actors


def test_person_names_that_share_a_word_with_a_place_still_become_actors():
    r = ActorResolver(load_kb())
    aid = r.resolve_or_new("زويد", "PER", context="قال زويد للصحفيين", country="EG")
    assert aid is not None and aid.startswith("new:")
    # a name before a place phrase is one actor; the phrase does not become part of another
    a = r.resolve_or_new("كتيبة الصقور السود", "ORG", context="")
    b = r.resolve_or_new("كتيبة الصقور السود في ريف حلب", "ORG", context="")
    assert a == b


def test_kb_roles_forces_and_nisba_cues():
    kb = load_kb()
    assert kb.role_actor("SY", "military", "2025-03-01") == "syria-mod-forces"
    assert kb.role_actor("SY", "military", "2020-03-01") == "syria-assad-army"
    assert kb.role_actor("IL", "police", "2020-03-01") == "israel-military"   # falls back to the army
    assert kb.role_actor("FR", "military") is None
    assert kb.forces_for("ali-abdullah-saleh", "2015-08-01") == "yemen-saleh-forces"
    assert kb.forces_for("ali-abdullah-saleh", "2020-08-01") is None          # the forces were gone
    assert kb.forces_for("ahmed-al-sharaa", "2023-01-01") == "hts"
    for w in ("إسرائيلية", "إسرائيليون", "الإسرائيليين", "إسرائيلي", "تركية", "عراقيين"):
        from marsad.actors.kb import match_key
        assert match_key(w) in kb.cue_index, w


def test_forces_of_must_name_known_actors():
    kb = ActorKB()
    data = {"actors": [{"id": "x-forces", "kind": "armed-group", "forces_of": ["nobody"]}]}
    with pytest.raises(KBError) as e:
        kb.merge_data(data)
    assert e.value.code == "KB009"


def test_a_descriptor_role_must_be_held_by_some_actor():
    kb = ActorKB()
    data = {"actors": [{"id": "a-army", "kind": "state-forces", "country": "AA", "roles": ["military"]}],
            "descriptors": [{"terms": ["الجيش"], "country": "*", "actor": "@militray"}]}
    with pytest.raises(KBError) as e:
        kb.merge_data(data)
    assert e.value.code == "KB010"


def test_user_roles_and_not_actors_from_data():
    kb = ActorKB()
    kb.merge_data({
        "actors": [{"id": "ruritania", "kind": "country", "country": "RR", "aliases": ["روريتانيا"],
                    "cues": ["الروريتاني"]},
                   {"id": "ruritania-army", "kind": "state-forces", "country": "RR", "roles": ["military"],
                    "aliases": ["الجيش الروريتاني"]}],
        "not_actors": ["المنجنيق"],
        "descriptors": [{"terms": ["قوات"], "country": "*", "actor": "@military", "cue_only": True},
                        {"terms": ["الجيش"], "country": "*", "actor": "@military"}],
    })
    r = ActorResolver(kb)
    assert r.resolve("قوات روريتانية") == "ruritania-army"
    assert r.resolve("الجيش", country="RR") == "ruritania-army"
    assert r.resolve("قوات", country="RR") is None
    assert r.resolve_or_new("المنجنيق", "ORG") is None


@pytest.mark.parametrize("junk", ["", " ", "في", "ال", "و", "\ud800", "قوات في", "ب" * 300, "قوات " * 50,
                                  "مسيرة تابعة ل", "123", "؟؟"])
def test_any_string_goes_through(junk):
    r = ActorResolver(load_kb())
    r.resolve(junk, context=junk, published="2025-01-01", country="SY", document=junk)
    out = r.resolve_or_new(junk, "PER", context=junk, published="2025-01-01", country="SY", document=junk)
    assert out is None or isinstance(out, str)
