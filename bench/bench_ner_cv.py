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
        [--cluster-seeds 7,29]

``--cluster-seeds`` measures an ensemble instead: further k-means clusterings of SaudiNewsNet
(the shipped settings with other seeds, built here: about 70 s each), one CRF per clustering,
decoded together with averaged emission and transition scores; the shipped clustering alone is
scored beside it from the same CRFs (a further ~2 minutes per clustering and fold).

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
    ap.add_argument("--cluster-seeds", default="",
                    help="comma-separated k-means seeds of further clusterings: score the "
                         "ensemble of one CRF per clustering (see the module docstring)")
    args = ap.parse_args(argv)
    if args.cluster_seeds:
        return ensemble(args)

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


def _ensemble_tags(models, tokens):
    """Viterbi tags of one sentence under the averaged scores of several NerModels."""
    import numpy as np

    labels = models[0].labels
    em, trans = 0.0, 0.0
    for m in models:
        idx = [m.labels.index(lab) for lab in labels]
        em = em + m._emissions(tokens)[:, idx]
        trans = trans + m._trans[np.ix_(idx, idx)]
    first = models[0]
    saved, first._trans = first._trans, trans / len(models)
    try:
        return first._viterbi(em / len(models))
    finally:
        first._trans = saved


def ensemble(args) -> int:
    """Dev and CV figures of the shipped clustering alone and of the clustering ensemble."""
    import numpy as np

    from marsad.ner.clusters import build_clusters
    from marsad.ner.conll import read_conll, score_spans
    from marsad.ner.consistency import propagate
    from marsad.ner.tagger import CLUSTERS_FILE, DATA_DIR, GAZETTEER_FILE, NerModel
    from marsad.ner.features import FeatureExtractor
    from marsad.ner.train import DEFAULTS, split_dev, train_crf

    train_txt = SHARED / "data" / "anercorp" / "train.txt"
    if not train_txt.exists():
        print(f"bench_ner_cv: needs {train_txt} (the shared data folder beside the repository)")
        return 2
    news = sorted((SHARED / "data" / "saudinewsnet").glob("*.zip"))
    seeds = [int(x) for x in args.cluster_seeds.split(",") if x.strip()]
    train, dev = split_dev(read_conll(train_txt), DEFAULTS["dev_fraction"])
    params = {k: DEFAULTS[k] for k in ("c1", "c2", "max_iterations")}
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as td:
        dirs = []
        for seed in [None, *seeds]:
            d = Path(td) / f"seed{seed or 'shipped'}"
            d.mkdir()
            if seed is None:
                (d / CLUSTERS_FILE).write_bytes((DATA_DIR / CLUSTERS_FILE).read_bytes())
            else:
                np.savez_compressed(d / CLUSTERS_FILE, **build_clusters(news, seed=seed))
                print(f"clusters with seed {seed} built ({time.perf_counter() - t0:.0f}s)",
                      flush=True)
            (d / GAZETTEER_FILE).write_bytes((DATA_DIR / GAZETTEER_FILE).read_bytes())
            dirs.append(d)
        fxs = [FeatureExtractor(d / CLUSTERS_FILE, d / GAZETTEER_FILE) for d in dirs]
        fx0 = fxs[0]

        def fit_tag(part, test, name):
            models = []
            for d, fx in zip(dirs, fxs):
                train_crf(part, fx, d / name, params)
                models.append(NerModel(d, name))
            toks = [t for t, _ in test]
            return ([_ensemble_tags(models[:1], t) for t in toks],
                    [_ensemble_tags(models, t) for t in toks])

        def report(what, sents, gold, single, ens):
            for label, pred in (("shipped clustering", single), (f"ensemble of {len(dirs)}", ens)):
                cons = propagate(sents, pred, fx0.freq, core_of=fx0.core)
                print(f"{what} {label}: micro F1 {100 * score_spans(gold, pred)['micro'].f1:.2f} "
                      f"CRF alone, {100 * score_spans(gold, cons)['micro'].f1:.2f} with "
                      f"consistency", flush=True)

        single, ens = fit_tag(train, dev, "dev.crfsuite")
        report(f"dev ({len(dev)} sentences)", [t for t, _ in dev], [g for _, g in dev],
               single, ens)
        if not args.no_cv:
            n, k = len(train), args.folds
            bounds = [round(n * i / k) for i in range(k + 1)]
            sents, gold, p1, pe, c1, ce = [], [], [], [], [], []
            for f in range(k):
                lo, hi = bounds[f], bounds[f + 1]
                single, ens = fit_tag(train[:lo] + train[hi:], train[lo:hi], f"f{f}.crfsuite")
                fold = [t for t, _ in train[lo:hi]]
                # consistency works on contiguous sentences: each fold is one run of them
                gold += [g for _, g in train[lo:hi]]
                p1 += single
                pe += ens
                c1 += propagate(fold, single, fx0.freq, core_of=fx0.core)
                ce += propagate(fold, ens, fx0.freq, core_of=fx0.core)
                print(f"  fold {f + 1}/{k} done", flush=True)
            for label, pred, cons in (("shipped clustering", p1, c1),
                                      (f"ensemble of {len(dirs)}", pe, ce)):
                print(f"{k}-fold CV {label}: micro F1 {100 * score_spans(gold, pred)['micro'].f1:.2f}"
                      f" CRF alone, {100 * score_spans(gold, cons)['micro'].f1:.2f} with "
                      "consistency")
    print(f"({time.perf_counter() - t0:.0f}s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
