"""Throughput of the whole text layer over SaudiNewsNet articles (one core).

    python bench/bench_text.py [--articles N] [--data DIR] [--no-gold]

Reads the first N articles from the SaudiNewsNet zips (zipfile + json), then times normalize,
split_sentences, tokenize, find_quantities and find_times over them and prints tokens/s (CPU time
of this process, so other work on the machine does not count against it; wall-clock rate printed
beside it).  The lexicon load and the regex compilation happen before the clock starts (a warm-up
pass over the first articles); the clitic cache is cleared so segmentation is measured cold for
every new word form.

It then scores the text layer against the hand-made gold sets in ``gold/text/``:
sentence-boundary precision/recall/F1 (``sentences.gold.json``: boundaries = sentence end offsets)
and clitic-segmentation accuracy (``segmentation.gold.json``: a token is right when all its parts,
offsets and kinds, equal the gold), each for the dev and the held-out test articles.
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


GOLD_DIR = HERE.parent / "gold" / "text"


class _Articles:
    def __init__(self, data: Path):
        self.data = data
        self.cache: dict[str, list] = {}

    def content(self, aid: str, sha: str | None = None) -> str:
        import hashlib
        date, idx = aid.split(":")
        if date not in self.cache:
            with zipfile.ZipFile(self.data / f"{date}.zip") as z:
                self.cache[date] = json.loads(z.read(f"{date}.json"))
        text = self.cache[date][int(idx)]["content"]
        if sha and hashlib.sha256(text.encode("utf-8")).hexdigest() != sha:
            raise ValueError(f"{aid}: article text differs from the one annotated")
        return text


def eval_sentences(data: Path, gold: Path = GOLD_DIR / "sentences.gold.json") -> dict:
    doc = json.loads(gold.read_text(encoding="utf-8"))
    arts = _Articles(data)
    res: dict = {}
    for a in doc["articles"]:
        text = arts.content(a["id"], a.get("sha256"))
        g = {e for _, e in a["sentences"]}
        p = {s.end for s in split_sentences(text)}
        r = res.setdefault(a["split"], {"tp": 0, "fp": 0, "fn": 0, "sentences": 0, "articles": 0})
        r["tp"] += len(g & p)
        r["fp"] += len(p - g)
        r["fn"] += len(g - p)
        r["sentences"] += len(g)
        r["articles"] += 1
    for r in list(res.values()) + [None]:
        if r is None:
            tot = {k: sum(x[k] for x in res.values()) for k in ("tp", "fp", "fn", "sentences", "articles")}
            res["all"] = r = tot
        prec = r["tp"] / (r["tp"] + r["fp"]) if r["tp"] + r["fp"] else 0.0
        rec = r["tp"] / (r["tp"] + r["fn"]) if r["tp"] + r["fn"] else 0.0
        r["precision"], r["recall"] = prec, rec
        r["f1"] = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return res


def eval_segmentation(data: Path, gold: Path = GOLD_DIR / "segmentation.gold.json",
                      show_errors: bool = False) -> dict:
    doc = json.loads(gold.read_text(encoding="utf-8"))
    arts = _Articles(data)
    res: dict = {}
    for a in doc["articles"]:
        text = arts.content(a["id"], a.get("sha256"))
        sys_tokens = {(t.start, t.end): t for t in tokenize(text)}
        r = res.setdefault(a["split"], {"tokens": 0, "correct": 0, "split_tokens": 0})
        for g in a["tokens"]:
            r["tokens"] += 1
            gold_parts = [tuple(x) for x in g["parts"]]
            if len(gold_parts) > 1:
                r["split_tokens"] += 1
            t = sys_tokens.get((g["start"], g["end"]))
            got = [(p.start, p.end, p.kind) for p in t.parts] if t else None
            if got == gold_parts:
                r["correct"] += 1
            elif show_errors:
                fmt = lambda ps: "+".join(f"{text[s:e]}/{k}" for s, e, k in ps) if ps else "-"
                print(f"  {a['id']} {text[g['start']:g['end']]}: gold {fmt(gold_parts)}  "
                      f"system {fmt(got)}")
    tot = {k: sum(x[k] for x in res.values()) for k in ("tokens", "correct", "split_tokens")}
    res["all"] = tot
    for r in res.values():
        r["accuracy"] = r["correct"] / r["tokens"] if r["tokens"] else 0.0
    return res


def print_gold(data: Path, show_errors: bool = False) -> None:
    if (GOLD_DIR / "sentences.gold.json").exists():
        for split, r in eval_sentences(data).items():
            print(f"sentence boundaries [{split}]: {r['articles']} articles, {r['sentences']} gold "
                  f"sentences: P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f}")
    if (GOLD_DIR / "segmentation.gold.json").exists():
        for split, r in eval_segmentation(data, show_errors=show_errors).items():
            print(f"clitic segmentation [{split}]: {r['tokens']} Arabic tokens "
                  f"({r['split_tokens']} with clitics): accuracy {r['accuracy']:.3%}")
        first = json.loads((GOLD_DIR / "segmentation.gold.json").read_text(encoding="utf-8")).get(
            "held_out_first_run")
        if first:
            print(f"clitic segmentation [test] first run, before the fix it prompted: "
                  f"{first['accuracy']:.1%}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--min-rate", type=float, default=0.0,
                    help="exit 1 when tokens/s is below this")
    ap.add_argument("--no-gold", action="store_true", help="skip the gold-set scores")
    ap.add_argument("--errors", action="store_true", help="list segmentation errors")
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
    if not args.no_gold:
        print_gold(args.data, show_errors=args.errors)
    if args.min_rate and rate < args.min_rate:
        print(f"bench_text: below {args.min_rate:,.0f} tokens/s")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
