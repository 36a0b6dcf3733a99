"""Score marsad's document gate against the relevance gold set.

A document counts as predicted "conflict" when the pipeline emits at least one event for it (the
gate in ``marsad.events`` is what keeps non-conflict news free of events). Prints precision,
recall and F1 of the "conflict" label for all rows and for the random and hard groups, and
optionally the disagreements (ids, gold labels and the gold's English reasons; no article text).

Usage: python gold/relevance/tools/measure_gate.py [--split test|train|all] [--limit N] [--errors]
Needs the SaudiNewsNet corpus (../shared or $MARSAD_SHARED). Single process.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path

GOLD = Path(__file__).resolve().parents[1] / "saudinewsnet.relevance.json"


def prf(pairs: list[tuple[bool, bool]]) -> dict:
    """Counts, precision, recall and F1 of the positive class for (predicted, gold) pairs."""
    tp = sum(p and g for p, g in pairs)
    fp = sum(p and not g for p, g in pairs)
    fn = sum(g and not p for p, g in pairs)
    tn = len(pairs) - tp - fp - fn
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"n": len(pairs), "tp": tp, "fp": fp, "fn": fn, "tn": tn, "p": prec, "r": rec, "f1": f1}


def predict(rows: list[dict], use_embeddings: bool = False) -> dict[str, bool]:
    """Run the pipeline on the rows' articles (content only); True where any event is emitted."""
    from marsad.api import analyze_documents
    from marsad.config import Options
    from marsad.io.saudinewsnet import get_article
    from marsad.model import Document

    docs = []
    for r in sorted(rows, key=lambda r: r["article"]):  # day order: each day file read once
        art = get_article(r["article"])
        docs.append(Document(id=r["article"], text=art.get("content") or "", outlet=art.get("source"),
                             published=dt.date.fromisoformat(r["article"].split(":")[0]),
                             title=art.get("title")))
    opts = Options()
    opts.use_embeddings = use_embeddings  # fusion does not affect the gate; skip its cost
    run = analyze_documents(docs, opts)
    return {d.id: bool(d.events) for d in run.docs}


def main() -> None:
    """Print the gate's scores on the chosen split."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="test", choices=["test", "train", "all"])
    ap.add_argument("--limit", type=int, default=None, help="first N rows (by id), for a quick look")
    ap.add_argument("--errors", action="store_true", help="list disagreements")
    args = ap.parse_args()
    rows = json.loads(GOLD.read_text(encoding="utf-8"))["labels"]
    rows = [r for r in rows if args.split == "all" or r["split"] == args.split]
    rows = sorted(rows, key=lambda r: r["article"])[:args.limit]
    t0 = time.time()
    pred = predict(rows)
    secs = time.time() - t0
    for grp in ("all", "random", "hard"):
        sel = [r for r in rows if grp == "all" or r.get("group", "random").split(":")[0] == grp]
        s = prf([(pred[r["article"]], r["label"] == "conflict") for r in sel])
        print(f"{args.split}/{grp}: n={s['n']} tp={s['tp']} fp={s['fp']} fn={s['fn']} tn={s['tn']} "
              f"P={s['p']:.3f} R={s['r']:.3f} F1={s['f1']:.3f}")
    print(f"{len(rows)} documents in {secs:.1f}s")
    if args.errors:
        for r in rows:
            if pred[r["article"]] != (r["label"] == "conflict"):
                kind = "FP" if pred[r["article"]] else "FN"
                print(f"{kind}\t{r['article']}\t{r.get('group', 'random')}\t{r['why']}")


if __name__ == "__main__":
    main()
