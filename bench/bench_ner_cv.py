"""NER model selection figures: held-out dev and k-fold cross-validation, CRF alone and with
the document-consistency pass, for the settings of ``marsad train ner`` (or a variant).

Why both: the dev part (the last 10% of ANERcorp's train.txt, 424 sentences) is small and
topical (much Spanish football), so a variant can move it by +-1 F1 by chance; the 5-fold CV over
the train part (3,818 sentences) is steadier.  A variant is adopted only when it gains clearly
on both (see the comment above ``DEFAULTS`` in ``marsad/ner/train.py``).

Uses the clusters and gazetteer files shipped in ``marsad/ner/data`` (rebuild them with
``marsad train ner``) and trains ``1 + folds`` CRFs, one at a time on one core: about 5 minutes
on an idle machine.

    /work/venv/bin/python bench/bench_ner_cv.py [--folds 5] [--labels bio|bilou] [--no-cv]

Baseline (2026-11-24, shipped settings): dev 70.73 CRF alone / 75.38 with consistency;
5-fold CV 72.72 / 74.88.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()


def to_bilou(tags: list[str]) -> list[str]:
    """BIO → BILOU (a one-word name is U-, the last word of a longer one L-)."""
    out = []
    for i, t in enumerate(tags):
        if t == "O":
            out.append(t)
            continue
        cont = i + 1 < len(tags) and tags[i + 1] == "I-" + t[2:]
        if t.startswith("B-"):
            out.append(("B-" if cont else "U-") + t[2:])
        else:
            out.append(("I-" if cont else "L-") + t[2:])
    return out


def from_bilou(tags: list[str]) -> list[str]:
    """BILOU → BIO (U- → B-, L- → I-); BIO tags pass unchanged."""
    return [("B-" + t[2:]) if t.startswith("U-") else ("I-" + t[2:]) if t.startswith("L-") else t
            for t in tags]


def main(argv: list[str] | None = None) -> int:
    """Train and score the dev model and the CV folds; print the figures; exit code."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--labels", choices=("bio", "bilou"), default="bio")
    ap.add_argument("--no-cv", action="store_true", help="dev figures only (one CRF)")
    args = ap.parse_args(argv)

    train_txt = SHARED / "data" / "anercorp" / "train.txt"
    if not train_txt.exists():
        print(f"bench_ner_cv: needs {train_txt} (the shared data folder beside the repository)")
        return 2
    import pycrfsuite

    from marsad.ner.conll import read_conll, score_spans
    from marsad.ner.consistency import propagate
    from marsad.ner.features import FeatureExtractor
    from marsad.ner.tagger import CLUSTERS_FILE, DATA_DIR, GAZETTEER_FILE
    from marsad.ner.train import DEFAULTS, split_dev

    enc, dec = (to_bilou, from_bilou) if args.labels == "bilou" else (list, list)
    fx = FeatureExtractor(DATA_DIR / CLUSTERS_FILE, DATA_DIR / GAZETTEER_FILE)
    train, dev = split_dev(read_conll(train_txt), DEFAULTS["dev_fraction"])
    t0 = time.perf_counter()
    xs = [fx.items(t) for t, _ in train]
    ys = [enc(list(y)) for _, y in train]
    dx = [fx.items(t) for t, _ in dev]
    params = {"c1": DEFAULTS["c1"], "c2": DEFAULTS["c2"],
              "max_iterations": DEFAULTS["max_iterations"], "feature.possible_transitions": True}

    with tempfile.TemporaryDirectory() as td:
        path = str(Path(td) / "m.crfsuite")

        def fit_tag(x_tr, y_tr, x_te):
            trainer = pycrfsuite.Trainer(verbose=False)
            for x, y in zip(x_tr, y_tr):
                trainer.append(x, y)
            trainer.set_params(params)
            trainer.train(path)
            tagger = pycrfsuite.Tagger()
            tagger.open(path)
            return [dec(tagger.tag(x)) for x in x_te]

        def both(sents, gold, pred):
            cons = propagate(sents, pred, fx.freq, core_of=fx.core)
            return (100 * score_spans(gold, pred)["micro"].f1,
                    100 * score_spans(gold, cons)["micro"].f1)

        pred = fit_tag(xs, ys, dx)
        crf, cons = both([t for t, _ in dev], [g for _, g in dev], pred)
        print(f"labels {args.labels}: dev ({len(dev)} sentences) micro F1 {crf:.2f} CRF alone, "
              f"{cons:.2f} with consistency", flush=True)
        if not args.no_cv:
            n, k = len(train), args.folds
            bounds = [round(n * i / k) for i in range(k + 1)]
            gold, p_crf, p_cons = [], [], []
            for f in range(k):
                lo, hi = bounds[f], bounds[f + 1]
                pred = fit_tag(xs[:lo] + xs[hi:], ys[:lo] + ys[hi:], xs[lo:hi])
                # consistency works on contiguous sentences: each fold is one run of them
                gold += [g for _, g in train[lo:hi]]
                p_crf += pred
                p_cons += propagate([t for t, _ in train[lo:hi]], pred, fx.freq, core_of=fx.core)
                print(f"  fold {f + 1}/{k} done", flush=True)
            crf_cv = 100 * score_spans(gold, p_crf)["micro"].f1
            cons_cv = 100 * score_spans(gold, p_cons)["micro"].f1
            print(f"labels {args.labels}: {k}-fold CV over the train part micro F1 {crf_cv:.2f} "
                  f"CRF alone, {cons_cv:.2f} with consistency")
    print(f"({time.perf_counter() - t0:.0f}s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
