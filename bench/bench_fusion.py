"""Story clustering at scale: N SaudiNewsNet articles (default 10,000), added in batches.

    python bench/bench_fusion.py [--n 10000] [--batch 1000] [--no-embeddings] [--cache FILE] [--db FILE]

Runs the pipeline on each article, then adds the analysed reports to one incremental
``StoryIndex`` batch by batch (as a daily feed would), printing the time of each addition, the
number of stories and documents in stories, the time to build the stories' merged events and
disagreements (counted by field and kind), and peak memory.  With ``--db``, lead embeddings are
read from / saved to that marsad database, and a second index over the same reports shows how many
embeddings a later run computes again (none).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import pickle
import resource
import time
from collections import Counter

from marsad.config import Options
from marsad.fusion.stories import StoryIndex
from marsad.io.saudinewsnet import iter_articles
from marsad.model import Document
from marsad.pipeline import Pipeline


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--no-embeddings", action="store_true")
    ap.add_argument("--db", metavar="FILE", help="marsad database where embeddings are kept across runs")
    ap.add_argument("--cache", metavar="FILE", help="pickle of analysed reports: written on the first run, "
                    "read on later ones (to time fusion alone)")
    args = ap.parse_args()
    options = Options(use_embeddings=not args.no_embeddings)
    pipe = Pipeline(options=options)
    store = None
    if args.db:
        from marsad.store import Store
        store = Store(args.db)
    index = StoryIndex(options, store=store)
    batch, t_pipe, t_fuse, n = [], 0.0, 0.0, 0

    def flush():
        nonlocal t_fuse, batch
        t0 = time.perf_counter()
        index.add(batch)
        dt_ = time.perf_counter() - t0
        t_fuse += dt_
        print(f"  +{len(batch):5d} reports → index of {len(index.docs):6d} candidates in {dt_:6.1f} s", flush=True)
        batch = []

    cached = None
    if args.cache and os.path.exists(args.cache):
        with open(args.cache, "rb") as fh:
            cached = pickle.load(fh)[:args.n]
    analysed = []

    def reports():
        nonlocal t_pipe
        if cached is not None:
            yield from cached
            return
        for aid, art in iter_articles(args.n):
            try:
                pub = dt.date.fromisoformat(str(art.get("date_extracted", ""))[:10])
            except ValueError:
                pub = None
            t0 = time.perf_counter()
            doc = pipe(Document(id=aid, text=art.get("content") or "", outlet=art.get("source"), published=pub))
            t_pipe += time.perf_counter() - t0
            yield doc

    for doc in reports():
        batch.append(doc)
        if args.cache and cached is None:
            analysed.append(doc)
        n += 1
        if len(batch) >= args.batch:
            flush()
    if batch:
        flush()
    if args.cache and cached is None:
        with open(args.cache, "wb") as fh:
            pickle.dump(analysed, fh)
    t0 = time.perf_counter()
    stories = index.stories()
    t_build = time.perf_counter() - t0
    in_stories = sum(len(s["documents"]) for s in stories)
    sizes = sorted((len(s["documents"]) for s in stories), reverse=True)
    print(f"articles          {n}  " + ("(analysed reports read from the cache)" if cached is not None else
                                        f"(pipeline {t_pipe:.0f} s, {n / max(t_pipe, 1e-9):.1f} reports/s)"))
    print(f"story candidates  {len(index.docs)} (reports with a conflict event)")
    print(f"clustering        {t_fuse:.1f} s incremental ({len(index.docs) / max(t_fuse, 1e-9):.0f} reports/s)")
    print(f"stories           {len(stories)} with ≥2 reports, {in_stories} reports in them; built in {t_build:.1f} s")
    print(f"largest stories   {sizes[:10]}")
    kinds = Counter((d["field"], d.get("kind")) for s in stories for d in s["disagreements"])
    print(f"disagreements     {sum(kinds.values())}: "
          + ", ".join(f"{f}/{k} {c}" for (f, k), c in kinds.most_common()))
    print(f"embedded          {index.embedded} leads computed in this run")
    if store is not None:
        again = StoryIndex(options, store=store)
        t0 = time.perf_counter()
        again.add(index.docs)
        print(f"second run        {again.embedded} leads computed again; re-clustered in "
              f"{time.perf_counter() - t0:.1f} s; same stories: "
              f"{sorted(map(sorted, (s['documents'] for s in again.stories()))) == sorted(map(sorted, (s['documents'] for s in stories)))}")
    print(f"peak memory       {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB (max RSS)")


if __name__ == "__main__":
    main()
