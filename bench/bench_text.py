"""Throughput of the whole text layer over SaudiNewsNet articles (one core).

    python bench/bench_text.py [--articles N] [--data DIR]

Reads the first N articles from the SaudiNewsNet zips (zipfile + json), then times normalize,
split_sentences, tokenize, find_quantities and find_times over them and prints tokens/s.  The
lexicon load and the regex compilation happen before the clock starts (a warm-up pass over the first
articles); the clitic cache is cleared so segmentation is measured cold for every new word form.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from marsad.text import tokens as tokmod  # noqa: E402
from marsad.text.normalize import normalize  # noqa: E402
from marsad.text.quantities import find_quantities  # noqa: E402
from marsad.text.sentences import split_sentences  # noqa: E402
from marsad.text.times import find_times  # noqa: E402
from marsad.text.tokens import tokenize  # noqa: E402

DEFAULT_DATA = HERE.parent.parent / "shared" / "data" / "saudinewsnet"


def load_articles(data: Path, n: int) -> list[tuple[str, dt.date | None]]:
    out: list[tuple[str, dt.date | None]] = []
    for zpath in sorted(data.glob("*.zip")):
        with zipfile.ZipFile(zpath) as z:
            for name in sorted(z.namelist()):
                if not name.endswith(".json"):
                    continue
                for art in json.loads(z.read(name)):
                    text = art.get("content") or ""
                    try:
                        pub = dt.date.fromisoformat((art.get("date_extracted") or "")[:10])
                    except ValueError:
                        pub = None
                    out.append((text, pub))
                    if len(out) >= n:
                        return out
    return out


def run(articles) -> tuple[int, int, int, int, int]:
    ntok = nsent = nq = nt = 0
    for text, pub in articles:
        normalize(text)
        nsent += len(split_sentences(text))
        toks = tokenize(text)
        ntok += len(toks)
        nq += len(find_quantities(text, toks))
        nt += len(find_times(text, pub))
    return ntok, nsent, nq, nt, len(articles)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--min-rate", type=float, default=0.0,
                    help="exit 1 when tokens/s is below this")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"bench_text: no SaudiNewsNet data at {args.data}; skipped")
        return 0
    articles = load_articles(args.data, args.articles)
    run(articles[:20])                          # warm-up: lexicon, regex compilation
    tokmod._analyze.cache_clear()
    tokmod._segment_surface.cache_clear()
    t0 = time.perf_counter()
    c0 = time.process_time()
    ntok, nsent, nq, nt, narts = run(articles)
    cpu = time.process_time() - c0
    secs = time.perf_counter() - t0
    rate = ntok / cpu if cpu else float("inf")
    print(f"text layer: {narts} articles, {ntok} tokens, {nsent} sentences, {nq} quantities, "
          f"{nt} times in {cpu:.2f} s CPU ({secs:.2f} s wall) -> {rate:,.0f} tokens/s (one core, "
          f"CPU time; {ntok / secs if secs else 0:,.0f} by wall clock)")
    if args.min_rate and rate < args.min_rate:
        print(f"bench_text: below {args.min_rate:,.0f} tokens/s")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
