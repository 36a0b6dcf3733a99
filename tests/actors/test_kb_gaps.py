"""Actors and descriptors added in the second pass of issue #6 (hand-built mentions and contexts)."""
from __future__ import annotations

import pytest

from marsad.actors.kb import ActorKB, KBError, load_kb
from marsad.actors.resolve import ActorResolver, mention_forms
from marsad.actors.kb import match_key


@pytest.fixture(scope="module")
def r():
    return ActorResolver(load_kb())


D15 = "2015-07-21"


@pytest.mark.parametrize("aid", [
    "popular-resistance-ye", "syria-rebels", "iraq-police", "libya-forces", "libya-islamists", "wilayat-sinai",
    "misrata-forces", "taiz-military-council", "salafists-gaza", "ifj", "krg", "pa-presidency", "turkey-police",
    "unidentified-armed-group",
])
def test_new_general_actors_exist_with_acled_fields(aid):
    kb = load_kb()
    a = kb.get(aid)
    assert a is not None, aid
    assert a.name_ar and any(not any("\u0600" <= c <= "\u06ff" for c in x) for x in a.aliases), "needs a Latin alias"
    if a.kind in ("state-forces", "armed-group", "government"):
        assert a.acled_name and a.inter in range(1, 9)


@pytest.mark.parametrize("text,country,expected", [
    ("ولاية سيناء", None, "wilayat-sinai"),
    ("أنصار بيت المقدس", None, "wilayat-sinai"),
    ("مقاتلو المعارضة", "SY", "syria-rebels"),
    ("الفصائل المعارضة", "SY", "syria-rebels"),
    ("المجلس العسكري بتعز", None, "taiz-military-council"),
    ("الاتحاد الدولي للصحفيين", None, "ifj"),
    ("الرئاسة الفلسطينية", None, "pa-presidency"),
    ("حكومة إقليم كردستان", None, "krg"),
    ("الشرطة الاتحادية", None, "iraq-police"),
    ("المجلس العسكري بمصراتة", None, "misrata-forces"),
    ("مسلحين مجهولين", None, "unidentified-armed-group"),
    ("مسلحون مجهولون", None, "unidentified-armed-group"),
    ("unidentified gunmen", None, "unidentified-armed-group"),
])
def test_new_aliases_resolve(r, text, country, expected):
    assert r.resolve(text, country=country, published=D15) == expected


def test_free_syrian_army_depends_on_date(r):
    # the FSA factions became the Syrian National Army at the end of 2017
    assert r.resolve("الجيش الحر", published=D15) == "syria-rebels"
    assert r.resolve("الجيش السوري الحر", published="2021-03-01") == "sna"


def test_houthi_forms(r):
    for t in ("حوثياً", "حوثيين", "الحوثيين", "جماعة الحوثي", "لمسلحين الحوثيين", "المتمردين الحوثيين"):
        assert r.resolve(t, published=D15) == "houthis", t
    # the tanween form is a last resort: a real name ending in -يا still wins
    assert r.resolve("سوريا") == "syria"
    assert match_key("حوثي") in [k for k, _ in mention_forms("حوثياً")]


def test_coalition_by_country_in_focus(r):
    for t in ("التحالف", "مقاتلات التحالف", "طيران التحالف", "the coalition"):
        assert r.resolve(t, country="YE", published=D15) == "arab-coalition-yemen", t
        assert r.resolve(t, country="SY", published=D15) == "international-coalition", t
        assert r.resolve(t, country="IQ", published=D15) == "international-coalition", t
    # the sentence's own country beats the document's
    assert r.resolve("طيران التحالف", context="غارات على صنعاء اليمنية", country="SY", published=D15) == "arab-coalition-yemen"
    # before the Yemen campaign began there was no Saudi-led coalition to name
    assert r.resolve("التحالف", country="YE", published="2014-06-01") is None


def test_turkish_jets(r):
    assert r.resolve("المقاتلات التركية", published=D15) == "turkey-military"
    assert r.resolve("Turkish warplanes", published=D15) == "turkey-military"


def test_generic_forces_of_country_in_focus(r):
    assert r.resolve("الشرطة", country="IQ") == "iraq-police"
    assert r.resolve("قوات الأمن", country="IQ") == "iraq-security-forces"
    assert r.resolve("الجيش", country="LY", published=D15) == "libya-forces"
    assert r.resolve("الشرطة", country="TR") == "turkey-police"
    # the mention's own nisba wins over the document's country
    assert r.resolve("الشرطة العراقية", country="TR") == "iraq-police"
    # Syria's descriptors follow the date
    assert r.resolve("الجيش", country="SY", published=D15) == "syria-assad-army"
    assert r.resolve("الجيش", country="SY", published="2025-03-01") == "syria-mod-forces"
    # no country in focus: no one in particular
    assert r.resolve("الشرطة") is None


def test_english_descriptors(r):
    assert r.resolve("security forces", country="EG") == "egypt-police"
    assert r.resolve("the army", country="EG") == "egypt-military"
    assert r.resolve("police", country="IQ") == "iraq-police"
    assert r.resolve("Iraqi police") == "iraq-police"
    assert r.resolve("security forces", country="SY", published=D15) == "syria-assad-security"
    assert r.resolve("security forces", country="SY", published="2025-03-01") == "syria-internal-security"
    assert r.resolve("the coalition", country="IQ", published=D15) == "international-coalition"
    assert r.resolve("civilians", country="SY") == "civilians-syria"


def test_civilians_of_country_in_focus(r):
    assert r.resolve("مدنيين", country="SY") == "civilians-syria"
    assert r.resolve("المدنيين", context="قصف على حلب السورية", country="YE") == "civilians-syria"
    assert r.resolve("مدنيين", country="YE") == "civilians"
    assert r.resolve("مدنيين") == "civilians"


def test_organisation_takes_up_the_group_named_before(r):
    sent = "أعلن تنظيم داعش مسؤوليته، وقال التنظيم إن عناصره نفذوا الهجوم"
    assert r.resolve("التنظيم", context=sent) == "isis"
    assert r.resolve("عناصر التنظيم", context=sent) == "isis"
    # named only elsewhere in the document
    doc = "قال تنظيم الدولة الإسلامية في بيان. " + "وأضاف أن التنظيم سيطر على البلدة."
    assert r.resolve("التنظيم", context="وأضاف أن التنظيم سيطر على البلدة.", document=doc) == "isis"
    assert r.resolve("التنظيم", context="تبنى تنظيم القاعدة الهجوم") == "al-qaeda"
    # no group named, or two named equally: unresolved
    assert r.resolve("التنظيم", context="قال التنظيم في بيان") is None
    assert r.resolve("التنظيم", context="اشتبك داعش مع القاعدة") is None
    assert r.resolve("الحركة", context="قالت حركة حماس إن الحركة لن تشارك") == "hamas"


@pytest.mark.parametrize("place", ["كوباني", "دياربكر", "بغداد", "صنعاء", "زويد", "Baghdad"])
def test_bare_places_are_not_actors(r, place):
    assert r.resolve(place, country="IQ", published=D15) is None


def test_capital_as_government_metonymy(r):
    assert r.resolve("حكومة دمشق", published="2025-03-01") == "syria-transitional-government"
    assert r.resolve("أنقرة") == "turkey"


def test_antecedent_descriptor_needs_known_candidates():
    kb = ActorKB()
    base = {"actors": [{"id": "g", "name": "G", "kind": "armed-group", "aliases": ["جماعة ج"]}]}
    kb.merge_data(base)
    kb.merge_data({"actors": [], "descriptors": [{"terms": ["الجماعة"], "actor": "@antecedent", "candidates": ["g"]}]})
    assert ActorResolver(kb).resolve("الجماعة", context="قالت جماعة ج") == "g"
    for bad in ([], ["nope"], "g"):
        with pytest.raises(KBError) as e:
            kb.merge_data({"actors": [], "descriptors": [{"terms": ["x"], "actor": "@antecedent", "candidates": bad}]})
        assert e.value.code == "KB008" and e.value.hint


@pytest.mark.parametrize("junk", ["", " ", "\x00", "\ud800", "ًٌٍ", "ال", "x" * 5000, "التنظيم" * 50])
def test_any_string_goes_through(r, junk):
    r.resolve(junk, context=junk, document=junk, country="SY", published=junk)
    r.resolve_or_new(junk, "ORG", context=junk, document=junk)
