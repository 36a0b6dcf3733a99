"""Accuracy and speed of actor resolution and geocoding on the hand-annotated SaudiNewsNet gold.

Reads gold/places/saudinewsnet.places.json and gold/places/saudinewsnet.actors.json (article ids and
offsets only) and the article texts from ../shared/data/saudinewsnet/<date>.zip, then prints:

* places: place accuracy (geonameid, over mentions whose gold names one town or country),
  admin1 accuracy (all mentions; and sub-national mentions only), country accuracy — per split;
* actors: accuracy of ActorResolver.resolve(mention, context=sentence, published=file date,
  country=infer_country(whole article)) — the document-level country a pipeline would pass;
* speed: actor resolutions/s and place geocodes/s (warm caches), and cold first-pass rates
  (actors: the best of five fresh resolvers).

Usage:  python bench/bench_resolve.py [--split dev|test|all] [--errors]
(--errors lists the dev-split misses; the test split is held back and never listed.)
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
import zipfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO / ".." / "shared"
_SENT = re.compile(r"[.!?؟\n]")


def load_texts(doc_ids) -> dict[str, str]:
    by_day = defaultdict(set)
    for d in doc_ids:
        day, idx = d.split(":")
        by_day[day].add(int(idx))
    texts = {}
    for day, idxs in by_day.items():
        z = SHARED / "data" / "saudinewsnet" / f"{day}.zip"
        if not z.is_file():
            sys.exit(f"error BENCH001: {z} not found (the shared data folder must sit beside the repository)")
        with zipfile.ZipFile(z) as f:
            arts = json.loads(f.read(f.namelist()[0]))
        for i in idxs:
            texts[f"{day}:{i}"] = arts[i].get("content") or ""
    return texts


def sentence(text: str, s: int, e: int) -> str:
    a = max((m.end() for m in _SENT.finditer(text, 0, s)), default=0)
    m = _SENT.search(text, e)
    return text[a:m.start() if m else len(text)]


def bench_places(gold, texts, split, show_errors):
    from marsad.geo.geocode import Geocoder
    from marsad.geo.index import MIDDLE_EAST
    g = Geocoder()
    by_doc = defaultdict(list)
    for m in gold["mentions"]:
        if split == "all" or m["split"] == split:
            by_doc[m["doc"]].append(m)
    c = defaultdict(int)
    errors = []
    calls = []
    for doc, ms in by_doc.items():
        text = texts[doc]
        ctx = []
        for m in sorted(ms, key=lambda m: m["start"]):
            loc = g.geocode(text, m["start"], m["end"], context_places=tuple(ctx))
            calls.append((text, m["start"], m["end"], tuple(ctx)))
            if loc is not None:
                ctx.append(loc)
            c["n"] += 1
            ok_a1 = (loc.admin1 if loc else None) == m["admin1"] and loc is not None
            c["admin1"] += ok_a1
            c["country"] += loc is not None and loc.country == m["country"]
            if m["level"] != "country":
                c["sub_n"] += 1
                c["sub_admin1"] += ok_a1
            if m["country"] in MIDDLE_EAST or m["level"] == "country":
                c["me_n"] += 1
                c["me_admin1"] += ok_a1
            if m["geonameid"] is not None:
                c["place_n"] += 1
                ok_p = loc is not None and loc.geonameid == m["geonameid"]
                c["place"] += ok_p
            else:
                ok_p = True
            if show_errors and (split == "all" or m["split"] == split) and not (ok_a1 and ok_p):
                errors.append((doc, m["start"], text[m["start"]:m["end"]], m, loc))
    return c, errors, calls, g


def bench_actors(gold, texts, split, show_errors):
    from marsad.actors.kb import load_kb
    from marsad.actors.resolve import ActorResolver
    r = ActorResolver(load_kb())
    from marsad.actors.resolve import infer_country
    c = defaultdict(int)
    errors, calls = [], []
    doc_country = {d: infer_country(r.kb, t) for d, t in texts.items()}   # what a pipeline would pass
    for m in gold["mentions"]:
        if split != "all" and m["split"] != split:
            continue
        text = texts[m["doc"]]
        surface = text[m["start"]:m["end"]]
        ctx = sentence(text, m["start"], m["end"])
        day = m["doc"].split(":")[0]
        got = r.resolve(surface, context=ctx, published=day, country=doc_country[m["doc"]])
        calls.append((surface, ctx, day, doc_country[m["doc"]]))
        c["n"] += 1
        c["ok"] += got == m["actor"]
        if show_errors and m["split"] == split and got != m["actor"]:
            errors.append((m["doc"], m["start"], surface, m["actor"], got))
    return c, errors, calls


def rate(fn, items, min_seconds=1.0) -> float:
    n, t0 = 0, time.perf_counter()
    while True:
        for it in items:
            fn(it)
        n += len(items)
        dt = time.perf_counter() - t0
        if dt >= min_seconds:
            return n / dt


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="all", choices=["dev", "test", "all"])
    ap.add_argument("--errors", action="store_true", help="list the misses of the chosen split")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(REPO / "src"))
    pg = json.loads((REPO / "gold" / "places" / "saudinewsnet.places.json").read_text(encoding="utf-8"))
    ag = json.loads((REPO / "gold" / "places" / "saudinewsnet.actors.json").read_text(encoding="utf-8"))
    texts = load_texts({m["doc"] for m in pg["mentions"]} | {m["doc"] for m in ag["mentions"]})

    t0 = time.perf_counter()
    from marsad.geo.index import load_index
    load_index()
    print(f"place index load: {time.perf_counter() - t0:.2f} s")

    splits = ["dev", "test", "all"] if args.split == "all" else [args.split]
    for sp in splits:
        c, errs, calls, g = bench_places(pg, texts, sp, args.errors and sp == args.split)
        f = lambda a, b: f"{c[a] / c[b]:.3f} ({c[a]}/{c[b]})" if c[b] else "n/a"
        print(f"[places {sp}] mentions={c['n']}  place_acc={f('place', 'place_n')}  admin1_acc={f('admin1', 'n')}  "
              f"admin1_acc_subnational={f('sub_admin1', 'sub_n')}  admin1_acc_middle_east={f('me_admin1', 'me_n')}  country_acc={f('country', 'n')}")
        for doc, s, surf, m, loc in errs:
            print(f"   miss {doc}@{s} {surf!r}: gold {m['geonameid']} {m['country']}/{m['admin1']} -> "
                  f"{(loc.geonameid, loc.country, loc.admin1, loc.name) if loc else None}")
        ca, aerrs, acalls = bench_actors(ag, texts, sp, args.errors and sp == args.split)
        print(f"[actors {sp}] mentions={ca['n']}  actor_acc={ca['ok'] / max(1, ca['n']):.3f} ({ca['ok']}/{ca['n']})")
        for doc, s, surf, exp, got in aerrs:
            print(f"   miss {doc}@{s} {surf!r}: gold {exp} -> {got}")

    # speed (single process): warm caches, then a cold first pass with fresh objects
    from marsad.actors.kb import load_kb
    from marsad.actors.resolve import ActorResolver
    from marsad.geo.geocode import Geocoder
    _, _, acalls = bench_actors(ag, texts, "all", False)
    _, _, pcalls, _ = bench_places(pg, texts, "all", False)
    # a first pass is a few milliseconds: the best of five fresh resolvers, so that another
    # process taking the core for a moment does not decide the figure
    cold_a = 0.0
    for _ in range(5):
        r = ActorResolver(load_kb())
        t0 = time.perf_counter()
        for s, ctx, day, cc in acalls:
            r.resolve(s, context=ctx, published=day, country=cc)
        cold_a = max(cold_a, len(acalls) / (time.perf_counter() - t0))
    warm_a = rate(lambda x: r.resolve(x[0], context=x[1], published=x[2], country=x[3]), acalls)
    g = Geocoder()
    g._lookup_cache.clear()
    t0 = time.perf_counter()
    for text, s, e, ctx in pcalls:
        g.geocode(text, s, e, context_places=ctx)
    cold_p = len(pcalls) / (time.perf_counter() - t0)
    warm_p = rate(lambda x: g.geocode(x[0], x[1], x[2], context_places=x[3]), pcalls)
    names = [t[s:e] for t, s, e, _ in pcalls]
    warm_l = rate(g.lookup, names)
    print(f"[speed] actor resolve: {warm_a:,.0f}/s warm, {cold_a:,.0f}/s first pass;  "
          f"geocode: {warm_p:,.0f}/s warm, {cold_p:,.0f}/s first pass;  lookup: {warm_l:,.0f}/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
