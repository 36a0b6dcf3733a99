"""extra_places.json: villages, quarters, camps, fields and bases cities500 lacks, loaded into the place index."""
from __future__ import annotations

import json
from collections import defaultdict

import pytest

from marsad.geo.index import EXTRA_PLACES_PATH, PlaceIndex, _add_extra_places, _regions_data

from .conftest import at

#: feature codes the file may use (the readme lists them)
FCODES = {"PPL", "PPLX", "CMP", "MT", "MTS", "VAL", "PLN", "RGN", "LK", "ISL", "OILF", "AIRB", "AIRP",
          "MILB", "DAM", "PRT", "PSTB", "BDG"}
#: rough bounding boxes (lat_min, lat_max, lon_min, lon_max) of the countries the file covers
BOXES = {"SY": (32.3, 37.4, 35.5, 42.5), "LB": (33.0, 34.8, 35.0, 36.7), "IQ": (29.0, 37.5, 38.7, 48.7),
         "YE": (12.0, 19.0, 41.8, 54.6), "PS": (31.2, 32.6, 34.2, 35.6), "SA": (16.0, 32.2, 34.4, 55.7),
         "IL": (29.4, 33.4, 34.2, 35.9), "JO": (29.1, 33.4, 34.9, 39.4)}
#: words of ordinary Arabic prose that must never stand alone as a place name here (the tents, the farm,
#: the fortress, billion, the field, the bulldozer, wider, a house, aiming, strong, the hot/quarter,
#: the dignity, solidarity, the foot, important, the event, the bottom, the palace)
COMMON_WORDS = {"الخيام", "المزرعة", "الحصن", "بليون", "الميدان", "الجراف", "أرحب", "ارحب", "بيتا", "رامية",
                "متينا", "الحارة", "الكرامة", "التضامن", "القدم", "الهامة", "الحدث", "القاع", "القصر",
                "الكفر", "سليم", "الطيرة", "الصورة", "نحلة", "القليلة", "معركة", "المنصوري", "العباسية",
                "البيضة", "الدور", "حينة", "لاهثة", "الكسرات", "الحوايج", "جندر", "عرى", "الزيتون", "الرمال",
                "التفاح", "الدرج", "عسكر", "نصيب", "المصنع", "العامرية", "الوديعة", "جبن", "ذباب", "اللحية"}


@pytest.fixture(scope="module")
def data():
    return json.loads(EXTRA_PLACES_PATH.read_text(encoding="utf-8"))


def test_every_entry_is_in_a_known_region_with_a_point_in_its_country(data):
    regions = _regions_data()
    for p in data["places"]:
        assert p["admin1"] in regions["admin1"][p["country"]], p["name"]
        lat0, lat1, lon0, lon1 = BOXES[p["country"]]
        assert lat0 <= p["lat"] <= lat1 and lon0 <= p["lon"] <= lon1, p["name"]
        assert p["fcode"] in FCODES, p["name"]
        assert p["ar"] and all(isinstance(a, str) and a.strip() for a in p["ar"]), p["name"]


def test_names_are_unique_and_arabic_names_unique_per_region(data):
    from marsad.actors.normkey import is_arabic, name_key
    names = [p["name"] for p in data["places"]]
    assert len(names) == len(set(names))
    seen: dict[tuple, str] = {}
    for p in data["places"]:
        for a in p["ar"]:
            assert is_arabic(a), (p["name"], a)
            k = (p["country"], p["admin1"], name_key(a))
            assert seen.setdefault(k, p["name"]) == p["name"], f"{a} twice in {p['country']}.{p['admin1']}"


def test_no_common_word_stands_alone_as_a_name(data):
    from marsad.actors.normkey import name_key
    banned = {name_key(w) for w in COMMON_WORDS}
    for p in data["places"]:
        for a in p["ar"]:
            assert name_key(a) not in banned, (p["name"], a)


def test_a_namesake_in_one_region_is_not_repeated(data, idx):
    """No entry repeats a GeoNames town of the same region under the same name (the file only adds
    what cities500 lacks, or a namesake elsewhere)."""
    from marsad.actors.normkey import name_key
    dup = []
    for p in data["places"]:
        for a in p["ar"]:
            hits = [idx.places[i] for i in idx.keys.get(name_key(a), ())]
            if any(h.geonameid is not None and h.fcode not in ("ADM1", "PCLI") and h.country == p["country"]
                   and h.admin1 == p["admin1"] for h in hits):
                dup.append((p["name"], a))
    assert not dup


def test_entries_are_indexed_and_found_by_their_arabic_names(idx, data):
    from marsad.actors.normkey import name_key
    for p in data["places"]:
        for n in p["ar"]:
            hits = [idx.places[i] for i in idx.keys.get(name_key(n), ())]
            assert any(h.name == p["name"] and h.country == p["country"] and h.admin1 == p["admin1"]
                       for h in hits), n


def test_feature_class_follows_the_feature_code(tmp_path):
    f = tmp_path / "extra.json"
    f.write_text(json.dumps({"places": [
        {"name": "Ridge", "country": "IQ", "admin1": "18", "lat": 34.6, "lon": 44.1, "fcode": "MTS", "ar": ["سلسلة"]},
        {"name": "Field", "country": "IQ", "admin1": "08", "lat": 37.0, "lon": 43.3, "fcode": "OILF", "ar": ["حقل"]},
        {"name": "Quarter", "country": "LB", "admin1": "05", "lat": 33.8, "lon": 35.5, "fcode": "PPLX", "ar": ["حي"]},
    ]}), encoding="utf-8")
    idx = PlaceIndex()
    assert _add_extra_places(idx, _regions_data(), f) == 3
    assert [(p.fclass, p.fcode) for p in idx.places] == [("T", "MTS"), ("S", "OILF"), ("P", "PPLX")]


def test_bad_entries_are_skipped(tmp_path):
    f = tmp_path / "extra.json"
    f.write_text(json.dumps({"places": [
        {"name": "Nowhere", "country": "SY", "admin1": "99", "lat": 1, "lon": 1, "ar": ["لامكان"]},
        {"name": "", "country": "SY", "admin1": "02", "lat": 1, "lon": 1, "ar": ["فارغ"]},
        {"name": "No point", "country": "SY", "admin1": "02", "lat": None, "lon": 1, "ar": ["بلا"]},
        "junk",
        {"name": "Good", "country": "SY", "admin1": "02", "lat": 35.4, "lon": 35.9, "ar": ["جيدة"]},
    ]}), encoding="utf-8")
    idx = PlaceIndex()
    assert _add_extra_places(idx, _regions_data(), f) == 1
    assert [p.name for p in idx.places] == ["Good"]
    assert _add_extra_places(PlaceIndex(), _regions_data(), tmp_path / "missing.json") == 0


def test_base_name_with_an_adjective_after_it_is_geocoded(g):
    text = "استعادت القوات قاعدة العند العسكرية اليوم"
    loc = at(g, text, "قاعدة العند")
    assert (loc.name, loc.admin1, loc.country, loc.geonameid) == ("Al Anad Air Base", "Lahij", "YE", None)


# ------------------------------------------------------------------ behaviour in reports

def test_a_sweida_village_resolves_to_as_suwayda(g):
    text = "قتل مدنيان في قصف استهدف بلدة ولغا صباح اليوم، بحسب مصادر محلية."
    loc = at(g, text, "ولغا", country_hint="SY")
    assert (loc.country, loc.admin1, loc.geo_precision) == ("SY", "As-Suwayda", 1)


def test_quneitras_hamidiyah_in_a_quneitra_report(g):
    text = "توغلت قوة إسرائيلية في قرية الحميدية واعتقلت شابين، بعد يوم من توغلها في خان أرنبة."
    loc = at(g, text, "الحميدية", country_hint="SY", context_places=["خان أرنبة", "القنيطرة"])
    assert (loc.name, loc.admin1) == ("Al Hamidiyah (Quneitra)", "Quneitra")


def test_tartus_hamidiyah_keeps_its_region_in_a_tartus_report(g):
    text = "داهمت دورية منزلا في قرية الحميدية قرب مدينة طرطوس."
    loc = at(g, text, "الحميدية", country_hint="SY", context_places=["طرطوس", "بانياس"])
    assert (loc.country, loc.admin1) == ("SY", "Tartus")


def test_hamidiyah_followed_by_its_region_takes_that_region(g):
    text = "دخلت آليات عسكرية إلى الحميدية بريف القنيطرة الشمالي"
    loc = at(g, text, "الحميدية")
    assert (loc.country, loc.admin1) == ("SY", "Quneitra")


@pytest.mark.parametrize("text,name,admin1,country", [
    ("استهدفت غارة مبنى في حارة حريك فجر اليوم", "حارة حريك", "Mount Lebanon", "LB"),
    ("أطلق الجيش الإسرائيلي قذائف على أطراف بلدة عيتا الشعب", "عيتا الشعب", "Nabatieh", "LB"),
    ("غارة بمسيّرة على سيارة في بلدة شبعا الحدودية", "شبعا", "Nabatieh", "LB"),
    ("قصف مدفعي على جبل الريحان ومحيطه", "جبل الريحان", "South", "LB"),
    ("هجوم لخلايا التنظيم في وادي الشاي جنوب غربي كركوك", "وادي الشاي", "Kirkuk", "IQ"),
    ("استهدفت طائرة مسيّرة حقل سرسنك النفطي في إقليم كردستان", "حقل سرسنك", "Duhok", "IQ"),
    ("اشتباكات بين قسد والأمن العام في حي الشيخ مقصود", "الشيخ مقصود", "Aleppo", "SY"),
    ("غارة إسرائيلية على منزل في بلدة تولين الجنوبية", "تولين", "Nabatieh", "LB"),
    ("قصف مدفعي طال أطراف بلدة الخيام صباحا", "بلدة الخيام", "Nabatieh", "LB"),
])
def test_places_news_names_resolve_to_their_region(g, text, name, admin1, country):
    loc = at(g, text, name)
    assert loc is not None and (loc.country, loc.admin1) == (country, admin1)


def test_ashrafiyah_namesakes_follow_the_report(g):
    aleppo = "توترات في حي الأشرفية بعد اشتباكات في الشيخ مقصود"
    beirut = "انفجار في منطقة الأشرفية ببيروت"
    assert at(g, aleppo, "الأشرفية", context_places=["الشيخ مقصود", "حلب"]).admin1 == "Aleppo"
    assert at(g, beirut, "الأشرفية", context_places=["بيروت"]).admin1 == "Beirut"


def test_taybeh_namesakes_follow_the_country_in_focus(g):
    text = "توغلت قوة إسرائيلية في الطيبة فجر اليوم"
    assert at(g, text, "الطيبة", country_hint="LB").admin1 == "Nabatieh"
    assert at(g, text, "الطيبة", country_hint="PS").country != "LB"


def test_common_word_forms_are_only_matched_with_their_noun(g):
    # "بيتا" alone is "a house"; the West Bank town is found when the report says "بلدة بيتا"
    text = "اقتحمت قوات الاحتلال بلدة بيتا جنوب نابلس"
    loc = at(g, text, "بلدة بيتا")
    assert (loc.country, loc.admin1) == ("PS", "West Bank")
    assert not [c for c in g.lookup("بيتا") if c.name == "Beita"]
    assert not [c for c in g.lookup("الخيام") if c.name == "Khiam"]
