"""NER benchmark: marsad's shipped CRF beside spaCy trained here on the same data, in one run.

Data: ../shared/data/anercorp/train.txt, split as `marsad train ner` splits it (the last 10% of
sentences are the dev part); out-of-domain: ../shared/data/aqmar (MIS* → MISC).
spaCy: blank ``ar``, ``spacy init config -l ar -p ner -o efficiency``, trained on the train part
with the dev part for its own model selection.  Both taggers get the gold tokens.

marsad's shipped model is trained on train + dev (``marsad train ner --final all``), so its dev
figures here come from the held-out model written beside it (``ner.heldout.crfsuite``: the same
settings trained on the train part only); AQMAR and speed are measured with the shipped model.

Prints, for each system: dev micro-F1 (exact spans), per-type F1, AQMAR micro-F1, tagging
tokens/s on one core (marsad: first pass with a cold feature cache and steady state), model
load time.  Without spaCy installed (``pip install marsad[bench]``) it says so and prints
marsad's figures only.

    /work/venv/bin/python bench/bench_ner.py [--spacy-max-epochs N] [--no-spacy]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")     # one core, for both systems
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()


def _f(scores, key="micro"):
    s = scores.get(key)
    return 100 * s.f1 if s else 0.0


def _line(name, scores):
    per = " ".join(f"{t}={_f(scores, t):.1f}" for t in ("PER", "LOC", "ORG", "MISC"))
    m = scores["micro"]
    return f"{name:<8} micro P {100 * m.p:.1f} R {100 * m.r:.1f} F1 {100 * m.f1:.1f}  ({per})"


def _marsad_speed(model, toks, repeats: int = 3) -> float:
    """Steady-state tokens/s (best of ``repeats`` passes, to damp noise from other jobs)."""
    from marsad.ner.consistency import propagate

    n = sum(len(t) for t in toks)
    best = 0.0
    for _ in range(repeats):
        t0 = time.perf_counter()
        tags = [model.tag(t) for t in toks]
        propagate(toks, tags, model.features.freq, core_of=model.features.core)
        best = max(best, n / (time.perf_counter() - t0))
    return best


def bench_marsad(dev, aqmar):
    """Scores and speeds of the shipped tagger (with the consistency pass, as evaluate-ner)."""
    from marsad.ner.conll import score_spans
    from marsad.ner.consistency import propagate

    t0 = time.perf_counter()
    from marsad.ner.tagger import DATA_DIR, HELDOUT_MODEL_FILE, NerModel
    model = NerModel()
    load = time.perf_counter() - t0
    toks = [t for t, _ in dev]
    n = sum(len(t) for t in toks)
    t0 = time.perf_counter()
    tags = [model.tag(t) for t in toks]
    tags = propagate(toks, tags, model.features.freq,
                     core_of=model.features.core)
    cold = n / (time.perf_counter() - t0)
    warm = _marsad_speed(model, toks)
    heldout = (DATA_DIR / HELDOUT_MODEL_FILE).exists()
    if heldout:
        # the shipped model has seen the dev part: score dev with the held-out one
        hm = NerModel(DATA_DIR, HELDOUT_MODEL_FILE)
        tags = propagate(toks, [hm.tag(t) for t in toks], hm.features.freq,
                         core_of=hm.features.core)
    dev_scores = score_spans([g for _, g in dev], tags)
    atoks = [t for t, _ in aqmar]
    apred = propagate(atoks, [model.tag(t) for t in atoks], model.features.freq,
                     core_of=model.features.core)
    aq_scores = score_spans([g for _, g in aqmar], apred)
    return {"load": load, "cold": cold, "warm": warm, "dev": dev_scores, "aqmar": aq_scores,
            "model": model, "toks": toks, "heldout": heldout}


def _docbin(nlp, sents, path):
    from spacy.tokens import Doc, DocBin
    from spacy.training import biluo_tags_to_spans, iob_to_biluo

    db = DocBin()
    for toks, tags in sents:
        doc = Doc(nlp.vocab, words=toks)
        doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(tags))
        db.add(doc)
    db.to_disk(path)


def bench_spacy(train, dev, aqmar, max_epochs):
    """Train spaCy (efficiency NER config) here and score it the same way; None if absent."""
    try:
        import spacy
    except ImportError:
        return None
    from marsad.ner.conll import score_spans

    with tempfile.TemporaryDirectory() as td:
        td = Path(td)
        nlp = spacy.blank("ar")
        _docbin(nlp, train, td / "train.spacy")
        _docbin(nlp, dev, td / "dev.spacy")
        cfg = td / "config.cfg"
        subprocess.run([sys.executable, "-m", "spacy", "init", "config", "-l", "ar", "-p", "ner",
                        "-o", "efficiency", "--force", str(cfg)], check=True, capture_output=True)
        t0 = time.perf_counter()
        from spacy.cli.train import train as spacy_train
        overrides = {"paths.train": str(td / "train.spacy"), "paths.dev": str(td / "dev.spacy"),
                     "training.max_epochs": max_epochs}
        spacy_train(cfg, td / "out", overrides=overrides, use_gpu=-1)
        train_secs = time.perf_counter() - t0
        t0 = time.perf_counter()
        nlp = spacy.load(td / "out" / "model-best")
        load = time.perf_counter() - t0

        def tag(sents):
            from spacy.tokens import Doc
            docs = [Doc(nlp.vocab, words=t) for t, _ in sents]
            t0 = time.perf_counter()
            out = list(nlp.pipe(docs, batch_size=256))
            secs = time.perf_counter() - t0
            tags = [[("O" if t.ent_iob_ in ("O", "") else f"{t.ent_iob_}-{t.ent_type_}")
                     for t in d] for d in out]
            return tags, secs

        dev_tags, secs = tag(dev)
        secs = min([secs] + [tag(dev)[1] for _ in range(2)])     # best of 3, as for marsad
        n = sum(len(t) for t, _ in dev)
        aq_tags, _ = tag(aqmar)
        return {"load": load, "cold": n / secs, "warm": n / secs, "train_secs": train_secs,
                "dev": score_spans([g for _, g in dev], dev_tags),
                "aqmar": score_spans([g for _, g in aqmar], aq_tags)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="marsad NER vs spaCy")
    ap.add_argument("--spacy-max-epochs", type=int, default=20,
                    help="spaCy training epochs cap (its default config stops on patience)")
    ap.add_argument("--no-spacy", action="store_true")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(REPO / "src"))
    from marsad.ner.conll import read_conll
    from marsad.ner.train import split_dev

    train_txt = SHARED / "data" / "anercorp" / "train.txt"
    if not train_txt.exists():
        print(f"bench_ner: needs {train_txt} (the shared data folder beside the repository)")
        return 2
    sents = read_conll(train_txt)
    train, dev = split_dev(sents, 0.1)
    aqmar = []
    for f in sorted((SHARED / "data" / "aqmar").glob("*.txt")):
        aqmar.extend(read_conll(f, lenient=True))
    print(f"data: train {len(train)} sentences / {sum(len(t) for t, _ in train)} tokens; "
          f"dev {len(dev)} / {sum(len(t) for t, _ in dev)}; aqmar {len(aqmar)} / "
          f"{sum(len(t) for t, _ in aqmar)}")

    m = bench_marsad(dev, aqmar)
    print(_line("marsad", m["dev"]) + ("  [dev: held-out model]" if m["heldout"] else ""))
    print(f"marsad   aqmar micro F1 {_f(m['aqmar']):.1f}   ({_line('', m['aqmar']).split('(')[1]}")
    print(f"marsad   {m['cold']:,.0f} tokens/s cold cache, {m['warm']:,.0f} tokens/s steady; "
          f"load {m['load']:.2f}s")
    from marsad.ner.tagger import DATA_DIR
    sizes = ", ".join(f"{p.name} {p.stat().st_size / 1e6:.1f} MB"
                      for p in sorted(DATA_DIR.glob("*.npz")) + sorted(DATA_DIR.glob("*.crfsuite")))
    print(f"marsad   model files: {sizes}")
    if args.no_spacy:
        return 0
    s = bench_spacy(train, dev, aqmar, args.spacy_max_epochs)
    if s is None:
        print("spaCy is not installed (pip install 'marsad[bench]'): peer figures skipped")
        return 0
    # measure marsad's speed again now, under the same machine load as spaCy's measurement
    m["warm"] = max(m["warm"], _marsad_speed(m["model"], m["toks"]))
    print(_line("spaCy", s["dev"]))
    print(f"spaCy    aqmar micro F1 {_f(s['aqmar']):.1f}")
    print(f"spaCy    {s['warm']:,.0f} tokens/s; load {s['load']:.2f}s; trained in {s['train_secs']:.0f}s")
    print()
    print(f"{'system':<8} {'dev F1':>7} {'aqmar F1':>9} {'tokens/s':>10}")
    print(f"{'marsad':<8} {_f(m['dev']):7.1f} {_f(m['aqmar']):9.1f} {m['warm']:10,.0f}")
    print(f"{'spaCy':<8} {_f(s['dev']):7.1f} {_f(s['aqmar']):9.1f} {s['warm']:10,.0f}")
    ahead = _f(m["dev"]) > _f(s["dev"]) and m["warm"] > s["warm"]
    print(f"(marsad steady speed re-measured after spaCy's training: {m['warm']:,.0f} tokens/s)")
    print("marsad ahead on F1 and speed" if ahead else "marsad NOT ahead on both F1 and speed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
