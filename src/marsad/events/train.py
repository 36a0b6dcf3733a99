"""``python -m marsad.events.train``: learn the event calibration from the train split of a gold set.

Runs the pipeline stages before ``events`` on the gold's train documents, collects the rule
extractor's candidates (:func:`marsad.events.extract.candidates`) with their features, labels each
candidate by the gold's own matching rule (evidence overlap + same ACLED sub-type, or PLOVER type
for verbal events; one-to-one), fits an L2 logistic regression (numpy) and chooses the drop
threshold that maximises event F1 over document-level cross-validation folds of the train split.
Writes ``marsad/events/data/calibration.json`` (or ``--out``) with weights and provenance: digests
of the gold and knowledge files, settings, and train/cross-validated scores.  Only the train split
is read; the test split is never used for fitting or tuning.

Options: ``--gold PATH`` (repeatable; default: the seven golds of ``DEFAULT_GOLDS`` under the
working directory: saudinewsnet, stories, syria2025, syria2025c, syria2025d, syria2025e and
syria2025f; never the blind syria2025b), ``--out PATH``, ``--l2 FLOAT`` (default 30.0), ``--folds N`` (default 5),
``--dry-run`` (print scores, write nothing).
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from pathlib import Path

from ..errors import MarsadError
from .calibrate import FEATURES, MODEL_PATH, Calibrator, fit_logistic

DEFAULT_GOLD = Path("gold/events/saudinewsnet.gold.json")
# Every gold set whose train split teaches the calibration (the default of ``--gold``).
DEFAULT_GOLDS = (DEFAULT_GOLD, Path("gold/events/stories.gold.json"), Path("gold/events/syria2025.gold.json"),
                 Path("gold/events/syria2025c.gold.json"), Path("gold/events/syria2025d.gold.json"),
                 Path("gold/events/syria2025e.gold.json"), Path("gold/events/syria2025f.gold.json"))
PRE_EVENT_STAGES = ("normalize", "sentences", "tokens", "quantities", "times", "entities", "actors")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def collect(gold_path: str | Path, split: str = "train", options=None):
    """Candidates of a gold split: (rows, n_gold, doc_ids) with rows (doc_id, feats, label).

    ``n_gold`` is the number of gold events of the split (recall's denominator).
    """
    from ..config import Options
    from ..evaluate import load_gold, match_events
    from ..export.json_out import event_json
    from ..pipeline import Pipeline
    from .extract import candidates

    gold, docs = load_gold(gold_path, split)
    opts = options or Options()
    pipe = Pipeline(options=Options(stages=PRE_EVENT_STAGES))
    res = pipe.resources
    by_id = {g["id"]: g for g in gold["documents"]}
    rows, n_gold = [], 0
    for d in docs:
        doc = pipe(d)
        cands = candidates(doc, resolver=res.resolver, geocoder=res.geocoder, options=opts)
        js = [event_json(e) for e, _f in cands]
        gev = by_id[d.id].get("events", [])
        n_gold += len(gev)
        matched = {id(s) for s, _g in match_events(js, gev, d.text)}
        for (_e, f), j in zip(cands, js):
            rows.append((d.id, f, int(id(j) in matched)))
    return rows, n_gold, [d.id for d in docs]


def _matrix(rows):
    import numpy as np
    X = np.array([[float(f.get(k, 0.0)) for k in FEATURES] for _d, f, _y in rows], dtype=float)
    y = np.array([lab for _d, _f, lab in rows], dtype=float)
    return X, y


def _standardise(X):
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale < 1e-9] = 1.0
    return mean, scale


def _f1_at(probs, y, n_gold, t):
    keep = probs >= t
    tp = float((y[keep] == 1).sum())
    ns = float(keep.sum())
    p = tp / ns if ns else 0.0
    r = tp / n_gold if n_gold else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def train(gold_path: str | Path | tuple | list = DEFAULT_GOLDS, *, l2: float = 30.0, folds: int = 5,
          out: str | Path | None = MODEL_PATH, log=sys.stdout) -> dict:
    """Fit the calibration on the train split of ``gold_path`` (one gold file or several) and
    write it to ``out``.

    Returns the model dict (with provenance).  ``out=None`` writes nothing.
    """
    import numpy as np

    paths = [Path(p) for p in (gold_path if isinstance(gold_path, (tuple, list)) else [gold_path])]
    rows, n_gold, doc_ids = [], 0, []
    for path in paths:
        if not path.exists():
            raise MarsadError("E_GOLD", f"{path}: gold file not found",
                              "run from the repository root or pass --gold PATH")
        r, n, d = collect(path, "train")
        rows += r
        n_gold += n
        doc_ids += d
    gold_path = paths[0] if len(paths) == 1 else paths
    if not rows:
        raise MarsadError("E_GOLD", f"{', '.join(map(str, paths))}: no candidates in the train split",
                          "check the gold's `split` fields")
    X, y = _matrix(rows)
    # Cross-validated probabilities: folds over documents, so a document's candidates are
    # never scored by a model that saw them.
    doc_index = {d: i % folds for i, d in enumerate(sorted(set(doc_ids)))}
    fold = np.array([doc_index[d] for d, _f, _y in rows])
    cv = np.zeros(len(y))
    for k in range(folds):
        tr, te = fold != k, fold == k
        if not te.any() or len(set(y[tr])) < 2:
            cv[te] = y[tr].mean() if tr.any() else 0.5
            continue
        mean, scale = _standardise(X[tr])
        w, b = fit_logistic((X[tr] - mean) / scale, y[tr], l2=l2)
        cv[te] = 1.0 / (1.0 + np.exp(-(((X[te] - mean) / scale) @ w + b)))
    grid = [round(t, 2) for t in np.arange(0.05, 0.80, 0.01)]
    scored = [(_f1_at(cv, y, n_gold, t), t) for t in grid]
    best_f1 = max(s[0][0] for s in scored)
    # the lowest threshold within 0.005 of the best F1: drop as little as the data supports
    threshold = min(t for (f, _p, _r), t in scored if f >= best_f1 - 0.005)
    mean, scale = _standardise(X)
    w, b = fit_logistic((X - mean) / scale, y, l2=l2)
    full = 1.0 / (1.0 + np.exp(-(((X - mean) / scale) @ w + b)))
    base = _f1_at(np.ones(len(y)), y, n_gold, 0.5)
    cvf = _f1_at(cv, y, n_gold, threshold)
    fit = _f1_at(full, y, n_gold, threshold)
    brier = float(((cv - y) ** 2).mean())
    from .lexicon import DATA_DIR
    meta = {
        "provenance": {
            "trained": dt.date.today().isoformat(),
            "gold": [str(p) for p in paths], "gold_sha256": {str(p): _digest(p) for p in paths},
            "split": "train",
            "documents": len(set(doc_ids)), "candidates": int(len(y)),
            "positives": int(y.sum()), "gold_events": n_gold,
            "knowledge_sha256": {p.name: _digest(p) for p in sorted(DATA_DIR.glob("*.tsv"))},
            "settings": {"model": "logistic regression, L2, gradient descent (numpy)",
                         "l2": l2, "folds": folds, "threshold_rule":
                         "lowest threshold within 0.005 of the best cross-validated F1"},
            "scores": {
                "rules_alone": {"f1": round(base[0], 4), "precision": round(base[1], 4),
                                "recall": round(base[2], 4)},
                "cross_validated": {"f1": round(cvf[0], 4), "precision": round(cvf[1], 4),
                                    "recall": round(cvf[2], 4), "brier": round(brier, 4)},
                "fit_on_train": {"f1": round(fit[0], 4), "precision": round(fit[1], 4),
                                 "recall": round(fit[2], 4)},
            },
            "note": "scores are candidate-level over the train split (matching as marsad evaluate)",
        }
    }
    cal = Calibrator({k: round(float(v), 5) for k, v in zip(FEATURES, w)}, round(float(b), 5),
                     threshold, {k: round(float(v), 5) for k, v in zip(FEATURES, mean)},
                     {k: round(float(v), 5) for k, v in zip(FEATURES, scale)}, meta)
    model = cal.to_json()
    print(f"candidates {len(y)} (positives {int(y.sum())}), gold events {n_gold}", file=log)
    print(f"rules alone        F1 {base[0]:.3f}  P {base[1]:.3f}  R {base[2]:.3f}", file=log)
    print(f"cross-validated    F1 {cvf[0]:.3f}  P {cvf[1]:.3f}  R {cvf[2]:.3f}  "
          f"(threshold {threshold}, Brier {brier:.3f})", file=log)
    print(f"fit on train       F1 {fit[0]:.3f}  P {fit[1]:.3f}  R {fit[2]:.3f}", file=log)
    for k, v in sorted(zip(FEATURES, w), key=lambda kv: -abs(kv[1]))[:10]:
        print(f"  {k:20s} {v:+.3f}", file=log)
    if out is not None:
        Path(out).write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n",
                             encoding="utf-8")
        print(f"wrote {out}", file=log)
    return model


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point (see the module docstring)."""
    ap = argparse.ArgumentParser(prog="python -m marsad.events.train", description=__doc__.split("\n")[0])
    ap.add_argument("--gold", action="append", help="a gold file (repeat for several; default: "
                    + ", ".join(map(str, DEFAULT_GOLDS)) + ")")
    ap.add_argument("--out", default=str(MODEL_PATH))
    ap.add_argument("--l2", type=float, default=30.0)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args(argv)
    try:
        train(a.gold or DEFAULT_GOLDS, l2=a.l2, folds=a.folds, out=None if a.dry_run else a.out)
    except MarsadError as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
