"""Speed of the whole pipeline: the first N SaudiNewsNet articles (default 2,000).

    python bench/bench_pipeline.py [--n 2000] [--no-fusion]

Prints reports/s for the per-document stages, the fusion time, and peak memory (max RSS).
"""
from __future__ import annotations

import argparse
import datetime as dt
import resource
import time

from marsad.config import Options
from marsad.fusion import build_stories
from marsad.io.saudinewsnet import iter_articles
from marsad.model import Document
from marsad.pipeline import Pipeline


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--no-fusion", action="store_true")
    args = ap.parse_args()
    docs = []
    for aid, art in iter_articles(args.n):
        pub = None
        try:
            pub = dt.date.fromisoformat(str(art.get("date_extracted", ""))[:10])
        except ValueError:
            pass
        docs.append(Document(id=aid, text=art.get("content") or "", outlet=art.get("source"), published=pub))
    chars = sum(len(d.text) for d in docs)
    pipe = Pipeline(options=Options())
    t0 = time.perf_counter()
    pipe(Document(id="warm", text="اشتباكات في حارم بريف إدلب."))  # model loads are not per-report cost
    t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    out = [pipe(d) for d in docs]
    t_docs = time.perf_counter() - t0
    errors = sum(1 for d in out for e in d.errors if e.code == "E_STAGE")
    n_tokens = sum(len(d.tokens) for d in out)
    n_events = sum(len(d.events) for d in out)
    print(f"documents        {len(docs)}  ({chars / 1e6:.1f} M chars, {n_tokens} tokens)")
    print(f"load (first doc) {t_load:.2f} s")
    print(f"pipeline         {t_docs:.1f} s  = {len(docs) / t_docs:.1f} reports/s, {n_tokens / t_docs:,.0f} tokens/s")
    print(f"events           {n_events}   stage errors {errors}")
    if not args.no_fusion:
        t0 = time.perf_counter()
        stories = build_stories(out, pipe.options)
        print(f"fusion           {time.perf_counter() - t0:.1f} s  ({len(stories)} stories)")
    print(f"peak memory      {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB (max RSS)")


if __name__ == "__main__":
    main()
