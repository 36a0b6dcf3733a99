"""Geocoding rules that read the words around a name: district and facility nouns, a direction that
is part of a region's name, "ريف X" regions, distances to a reference town, a nisba after the
name, and the namesake abroad in a report whose places lie elsewhere."""
from __future__ import annotations

import pytest


from .conftest import at  # (g: the shared fixture in conftest.py)


def test_district_noun_is_not_part_of_the_name(g):
    loc = at(g, "قتل 33 مسلحا في قضاء البعاج أمس", "قضاء البعاج")
    assert (loc.admin1, loc.country, loc.geo_precision) == ("Nineveh", "IQ", 1)
    assert "قضاء البعاج"[5:] == "البعاج" and loc.end - loc.start == len("البعاج")


def test_far_reference_town_gives_no_region(g):
    # an unknown name 510 km from Baghdad is not in Baghdad's governorate
    far = at(g, "انفجار في قرية المجهولة 510 كم شمال غرب بغداد", "المجهولة")
    assert far is None
    # a few km away, the reference town's region stands in (at region precision)
    near = at(g, "انفجار في قرية المجهولة 10 كم شمال حلب", "المجهولة")
    assert (near.admin1, near.geo_precision) == ("Aleppo", 3)


def test_direction_word_that_makes_a_region_name(g):
    loc = at(g, "قتل جنود في هجوم في شمال سيناء اليوم", "سيناء")
    assert (loc.admin1, loc.country, loc.geo_precision) == ("North Sinai", "EG", 3)
    assert "قتل جنود في هجوم في شمال سيناء اليوم"[loc.start:loc.end] == "شمال سيناء"


def test_rif_dimashq_after_an_unknown_village(g):
    loc = at(g, "توغلت قوة في بلدة بيت جن بريف دمشق الجنوبي الغربي", "بيت جن")
    assert (loc.admin1, loc.country) == ("Rif Dimashq", "SY")


def test_facility_noun_places_the_site_near_its_town(g):
    loc = at(g, "انفجار سيارة ملغومة قرب مطار كابول", "مطار كابول")
    assert (loc.admin1, loc.country, loc.geo_precision) == ("Kabul", "AF", 2)


def test_direction_from_a_town_does_not_rule_out_the_place(g):
    # "north of Jerusalem" crosses into the West Bank: the camp is still Qalandiya
    loc = at(g, "أصيب شاب داخل مخيم قلنديا شمال مدينة القدس", "قلنديا")
    assert (loc.name, loc.admin1, loc.country) == ("Qalandiya", "West Bank", "PS")


def test_nisba_two_words_after_the_name_keeps_the_town(g):
    text = "هز انفجار بلدة كوباني الكردية السورية المحاذية لتركيا"
    loc = at(g, text, "كوباني", context_places=["تركيا", "سروج", "تركيا"])
    assert (loc.admin1, loc.country) == ("Aleppo", "SY")


def test_governorate_named_like_a_town_abroad_is_a_local_namesake(g):
    text = "استهدفت الغارات تجمعات للمسلحين بالمفرق والحوبان شرق مدينة تعز"
    i = text.index("المفرق")
    loc = g.geocode(text, i, i + len("المفرق"), context_places=["تعز", "تعز", "تعز"])
    assert loc is None or loc.country != "JO"
    # named as a governorate, it is Jordan's region whatever the report's other places
    t2 = "لاجئون في محافظة المفرق"
    loc2 = at(g, t2, "المفرق", context_places=["تعز", "تعز"])
    assert loc2 is not None and loc2.country == "JO"


@pytest.mark.parametrize("junk", ["", "كم", "510 كم", "٥١٠ كم", "كم شمال", "\x00", "ـــ"])
def test_odd_text_around_a_name_never_raises(g, junk):
    text = f"انفجار في قرية المجهولة {junk} شمال غرب بغداد"
    i = text.index("المجهولة")
    g.geocode(text, i, i + len("المجهولة"))


def test_town_noun_after_rif_is_skipped(g):
    # "بريف مدينة جبلة": the region is Jablah's (Latakia), not a town called "مدينة" (Medina)
    loc = at(g, "هجوم على حواجز أمنية في قرية الدالية بريف مدينة جبلة.", "الدالية")
    assert (loc.admin1, loc.country) == ("Latakia", "SY")


def test_region_in_the_next_sentence_does_not_place_an_unknown_name(g):
    text = "سقطت مقذوفات على حي سكني بقرية المجهولة.\nوأوضح المتحدث باسم الدفاع المدني بمنطقة جازان"
    assert at(g, text, "المجهولة") is None
    # within the same sentence it does
    loc = at(g, "سقطت مقذوفات على حي سكني بقرية المجهولة بمنطقة جازان", "المجهولة")
    assert (loc.admin1, loc.country, loc.geo_precision) == ("Jazan", "SA", 3)


def test_an_ambiguous_context_name_reads_in_the_report_s_country_s4():
    """Regression (issue #6): the context "ريف القنيطرة" and "خان أرنبة" are Syrian; the bare
    "القنيطرة" of the same report is Syria's Quneitra, not Morocco's larger Kenitra, even with no
    country hint."""
    from marsad.geo.geocode import Geocoder
    g = Geocoder()
    t = "توغلت قوة إسرائيلية في بلدة خان أرنبة بريف القنيطرة، واعتقلت ثلاثة شبان من مدينة القنيطرة."
    a = t.rindex("القنيطرة")
    loc = g.geocode(t, a, a + len("القنيطرة"), country_hint=None,
                    context_places=("خان أرنبة", "ريف القنيطرة", "القنيطرة"))
    assert loc is not None and loc.country == "SY" and loc.admin1 == "Quneitra"
