"""English spellings of conflict places (geo/data/latin_aliases.json) and how they enter the index."""
from __future__ import annotations

import json

import pytest

from .conftest import check_alias_file

from marsad.geo.index import LATIN_ALIASES_PATH, Place, PlaceIndex, _add_latin_aliases
from marsad.actors.normkey import name_key


def _town(gid, cc, a1):
    return Place(gid, f"T{gid}", None, cc, a1, None, 0.0, 0.0, 100, "P", "PPL")


def test_aliases_added_only_to_the_matching_town(tmp_path):
    idx = PlaceIndex()
    idx.add(_town(1, "SY", "09"), ["Tall Rif'at"])
    idx.add(_town(2, "IQ", "01"), ["Hit"])
    f = tmp_path / "a.json"
    f.write_text(json.dumps({"aliases": {
        "1": {"country": "SY", "admin1": "09", "aliases": ["Tal Rifaat", "Tell Rifaat"]},
        "2": {"country": "SY", "admin1": "01", "aliases": ["Heet"]},      # wrong country: skipped
        "3": {"country": "SY", "admin1": "09", "aliases": ["Nowhere"]},   # id not indexed: skipped
        "x": {"country": "SY", "aliases": ["Bad id"]},
    }}), encoding="utf-8")
    assert _add_latin_aliases(idx, f) == 2
    assert [p.geonameid for p in idx.find(name_key("Tal Rifaat"))] == [1]
    assert [p.geonameid for p in idx.find(name_key("tell rifaat"))] == [1]
    assert idx.find(name_key("Heet")) == [] and idx.find(name_key("Nowhere")) == []


def test_broken_alias_file_is_ignored(tmp_path):
    idx = PlaceIndex()
    f = tmp_path / "a.json"
    f.write_text("{not json", encoding="utf-8")
    assert _add_latin_aliases(idx, f) == 0
    assert _add_latin_aliases(idx, tmp_path / "missing.json") == 0


def test_data_file_has_enough_checked_entries():
    data = json.loads(LATIN_ALIASES_PATH.read_text(encoding="utf-8"))["aliases"]
    assert len(data) >= 60
    for gid, info in data.items():
        assert gid.isdigit() and info["country"] and info["admin1"] and info["aliases"], gid



def test_every_entry_matches_its_geonames_town(idx):
    check_alias_file(idx, LATIN_ALIASES_PATH)



@pytest.mark.parametrize("name,gid", [
    ("Tal Rifaat", 163476), ("Maarat al-Numan", 167611), ("Jisr al-Shughur", 169023), ("Sanamayn", 172469),
    ("Harem", 169866), ("Sheikh Zuweid", 353471), ("Hodeidah", 79415), ("Qamishli", 173377),
])
def test_english_spellings_geocode(idx, name, gid):
    from marsad.geo.geocode import Geocoder
    got = Geocoder().lookup(name)
    assert got and got[0].geonameid == gid
