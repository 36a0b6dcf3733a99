"""Places kept in the gazetteer with their noun ("بلدة الخيام": the bare word is "the tents") are
found when a report writes the noun before the name (issue #6)."""
from __future__ import annotations

import pytest

from marsad.geo.geocode import Geocoder


@pytest.fixture(scope="module")
def geo():
    return Geocoder()


def at(geo, text, name):
    a = text.index(name)
    return geo.geocode(text, a, a + len(name))


def test_a_town_stored_with_its_noun_is_found_after_the_noun(geo):
    loc = at(geo, "قتل شخصان في غارة إسرائيلية على بلدة الخيام جنوبي لبنان.", "الخيام")
    assert loc is not None and (loc.country, loc.admin1) == ("LB", "Nabatieh")


def test_the_bare_common_word_is_no_place(geo):
    assert at(geo, "نصب النازحون الخيام في العراء.", "الخيام") is None


def test_a_quarter_noun_does_not_join_a_city_alias(geo):
    """"حي المهاجرين" is listed among Damascus's quarters; in a report on Homs the quarter after
    "حي" is not read as Damascus through that alias."""
    text = "حمص.. مقتل شقيقين برصاص مسلحين مجهولين في حي الزهراء والعثور على جثة شاب في حي المهاجرين"
    loc = at(geo, text, "المهاجرين")
    assert loc is None or loc.admin1 != "Damascus"


@pytest.mark.parametrize("text,name,admin1", [
    ("قصف مدفعي ببلدة الخيام", "الخيام", "Nabatieh"),
    ("قصف على الناقورة وبلدة الخيام", "الخيام", "Nabatieh"),
    ("وصلت الشاحنات بمعبر نصيب", "نصيب", "Daraa"),
])
def test_the_noun_with_a_proclitic_is_read_too(geo, text, name, admin1):
    loc = at(geo, text, name)
    assert loc is not None and loc.admin1 == admin1
