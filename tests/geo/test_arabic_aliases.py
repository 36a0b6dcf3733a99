"""Arabic spellings of conflict places (geo/data/arabic_aliases.json) and how they enter the index."""
from __future__ import annotations

import json

import pytest

from .conftest import check_alias_file

from marsad.actors.normkey import is_arabic, name_key
from marsad.geo import index as index_mod
from marsad.geo.index import ARABIC_ALIASES_PATH, Place, PlaceIndex, _add_aliases


def _town(gid, cc, a1, name_ar=None):
    return Place(gid, f"T{gid}", name_ar, cc, a1, None, 0.0, 0.0, 100, "P", "PPL")


def test_arabic_aliases_go_to_the_matching_town_only(tmp_path):
    idx = PlaceIndex()
    idx.add(_town(1, "TR", "63"), ["Suruc"])
    idx.add(_town(2, "SY", "07", "البو كمال"), ["البو كمال"])
    f = tmp_path / "a.json"
    f.write_text(json.dumps({"aliases": {
        "1": {"country": "TR", "admin1": "63", "aliases": ["سروج", "سوروتش"]},
        "2": {"country": "SY", "admin1": "07", "aliases": ["البوكمال"]},
        "3": {"country": "SY", "admin1": "07", "aliases": ["الشحيل"]},       # id not indexed: skipped
        "2x": {"country": "SY", "aliases": ["خطأ"]},                           # bad id: skipped
    }}, ensure_ascii=False), encoding="utf-8")
    assert _add_aliases(idx, f) == 3
    assert [p.geonameid for p in idx.find(name_key("سروج"))] == [1]
    assert [p.geonameid for p in idx.find(name_key("البوكمال"))] == [2]
    assert idx.find(name_key("الشحيل")) == [] and idx.find(name_key("خطأ")) == []
    # a town without an Arabic name takes its first alias for display; one that had a name keeps it
    assert idx.places[idx.by_id[1]].name_ar == "سروج"
    assert idx.places[idx.by_id[2]].name_ar == "البو كمال"


def test_wrong_admin1_is_skipped_and_odd_files_do_not_raise(tmp_path):
    idx = PlaceIndex()
    idx.add(_town(1, "SY", "12"), ["Ariha"])
    f = tmp_path / "a.json"
    f.write_text(json.dumps({"aliases": {"1": {"country": "SY", "admin1": "09", "aliases": ["أريحا"]}}}), encoding="utf-8")
    assert _add_aliases(idx, f) == 0
    for text in ("[1, 2]", '{"aliases": [1]}', '{"aliases": {"1": {"country": "SY", "aliases": "x"}}}', "{bad"):
        f.write_text(text, encoding="utf-8")
        assert _add_aliases(idx, f) == 0, text


def test_alias_files_are_part_of_the_cache_key(tmp_path, monkeypatch):
    f = tmp_path / "arabic_aliases.json"
    f.write_text('{"aliases": {}}', encoding="utf-8")
    monkeypatch.setattr(index_mod, "ARABIC_ALIASES_PATH", f)
    before = index_mod._cache_name()
    f.write_text('{"aliases": {"1": {"country": "SY", "aliases": ["المزة"]}}}', encoding="utf-8")
    assert index_mod._cache_name() != before


def test_data_file_is_documented_and_arabic():
    data = json.loads(ARABIC_ALIASES_PATH.read_text(encoding="utf-8"))
    assert data["_readme"]
    entries = data["aliases"]
    assert len(entries) >= 120
    assert sum(1 for info in entries.values() if info["country"] == "SY") >= 20
    for gid, info in entries.items():
        assert gid.isdigit() and info["country"] and info["admin1"] and info["aliases"], gid
        assert all(is_arabic(a) for a in info["aliases"]), gid



def test_every_entry_matches_its_geonames_town(idx):
    check_alias_file(idx, ARABIC_ALIASES_PATH, needs_arabic_name=True)



@pytest.fixture(scope="module")
def geocoder(idx):
    from marsad.geo.geocode import Geocoder
    return Geocoder()


def _geocode(g, before: str, name: str, after: str):
    text = before + name + after
    return g.geocode(text, len(before), len(before) + len(name))


@pytest.mark.parametrize("name,gid", [
    ("البوكمال", 174448), ("الشدادي", 172837), ("مخيم الهول", 173797), ("كوباني", 172256),
    ("المزة", 170654), ("الشيخ مقصود", 170063), ("بابا عمرو", 169577), ("التريمسة", 9847679),
    ("سروج", 300075), ("جيلان بينار", 318668), ("ليجة", 305089), ("تشينار", 318404), ("سديروت", 293619),
])
def test_arabic_names_geocode_in_a_report(geocoder, name, gid):
    loc = _geocode(geocoder, "أفاد مراسلنا بوقوع قصف على ", name, " صباح اليوم وسقوط جرحى.")
    assert loc is not None and loc.geonameid == gid, (name, loc)
    assert (loc.start, loc.end) == (27, 27 + len(name))


@pytest.mark.parametrize("name,gid,elsewhere", [
    ("أريحا", 172994, "PS"),    # Ariha (Idlib), not Jericho
    ("ذيبان", 170691, "JO"),    # Dhiban (Deir ez-Zor), not Jordan's Dhiban
    ("سنجار", 164094, "IQ"),    # Sinjar (Idlib), not Iraq's Sinjar
])
def test_homonyms_follow_a_syrian_report(geocoder, name, gid, elsewhere):
    loc = _geocode(geocoder, "قصفت القوات السورية مواقع في ", name, " شمال سوريا اليوم.")
    assert loc is not None and loc.geonameid == gid and loc.country == "SY", (name, loc)
    bare = _geocode(geocoder, "وقع انفجار في ", name, ".")
    # without a Syrian cue either reading is acceptable, but the name is found
    assert bare is not None and bare.country in ("SY", elsewhere), (name, bare)
