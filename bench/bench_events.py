"""Benchmark of event extraction on the SaudiNewsNet event gold (train and test splits).

Prints, per split, event detection P/R/F1 overall and per type family, the number of
non-conflict documents where events were found, field accuracies over matched events (as
``marsad evaluate`` scores them), and the speed of the events stage alone (ms per document,
the earlier stages run once beforehand and are not timed).

    /work/venv/bin/python bench/bench_events.py [--gold PATH] [--split train|test|both] [--no-calibration]

The gold's texts come from ``../shared/data/saudinewsnet`` (the shared folder beside the
repository); the benchmark stops with a message when it is absent.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "gold" / "events" / "saudinewsnet.gold.json"


def scores(gold: Path, split: str, calibration: bool) -> dict:
    """``marsad.evaluate.evaluate`` on one split (calibration on or off)."""
    from marsad.config import Options
    from marsad.evaluate import evaluate

    opts = Options() if calibration else Options(extra={"calibration": False})
    return evaluate(gold, opts, split=split)


def speed(gold: Path, split: str, calibration: bool) -> tuple[float, int, int]:
    """(ms per document of the events stage, documents, events) on one split."""
    from marsad.config import Options
    from marsad.evaluate import load_gold
    from marsad.events import extract
    from marsad.events.train import PRE_EVENT_STAGES
    from marsad.pipeline import Pipeline

    _g, docs = load_gold(gold, split)
    pipe = Pipeline(options=Options(stages=PRE_EVENT_STAGES))
    res = pipe.resources
    analysed = [pipe(d) for d in docs]
    opts = {"calibration": None if calibration else False}
    extract(analysed[0], resolver=res.resolver, geocoder=res.geocoder, options=opts)  # warm caches
    t0 = time.perf_counter()
    n_ev = 0
    for doc in analysed:
        n_ev += len(extract(doc, resolver=res.resolver, geocoder=res.geocoder, options=opts))
    dt = time.perf_counter() - t0
    return 1000 * dt / max(1, len(analysed)), len(analysed), n_ev


def report(r: dict, split: str) -> None:
    ev = r["events"]
    print(f"== {split} ({r['documents']} documents)")
    print(f"  events {'all':28s} P {ev['precision']:.3f}  R {ev['recall']:.3f}  F1 {ev['f1']:.3f}"
          f"  (tp {ev['tp']}, system {ev['system']}, gold {ev['gold']})")
    for fam, m in r["events_by_family"].items():
        print(f"  events {fam:28s} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}"
              f"  (tp {m['tp']}, system {m['system']}, gold {m['gold']})")
    print(f"  non-conflict documents with events: {r['non_event_documents_with_events']}")
    for k, v in r["fields"].items():
        print(f"  field {k:24s} accuracy {v['accuracy']:.3f}  filled {v['filled']:.3f}  (n={v['n']})")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default=str(GOLD))
    ap.add_argument("--split", default="both", choices=("train", "test", "both"))
    ap.add_argument("--no-calibration", action="store_true", help="rules alone")
    a = ap.parse_args(argv)
    shared = ROOT / ".." / "shared" / "data" / "saudinewsnet"
    if not shared.exists():
        print(f"needs {shared} (the shared data folder beside the repository)", file=sys.stderr)
        return 2
    cal = not a.no_calibration
    print(f"gold {a.gold}; calibration {'on' if cal else 'off'}")
    for split in (("train", "test") if a.split == "both" else (a.split,)):
        report(scores(Path(a.gold), split, cal), split)
        ms, n, n_ev = speed(Path(a.gold), split, cal)
        print(f"  speed: events stage {ms:.1f} ms/doc ({n} documents, {n_ev} events)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
