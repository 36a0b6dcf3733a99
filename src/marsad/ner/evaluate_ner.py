"""``marsad evaluate-ner FILE [--predictions OUT]``: score the shipped tagger on TOKEN TAG data.

FILE holds ``TOKEN TAG`` lines, a blank line between sentences; tags are B-/I- with PERS or
PER, LOC, ORG, MISC (AQMAR's MIS0..MIS3 count as MISC).  FILE may also be a folder: every
``*.txt`` in it is read, in name order.  The tagger sees the tokens only.  Scores are exact
entity spans (CoNLL style): per type and micro precision/recall/F1.  ``--predictions OUT``
writes ``TOKEN GOLD PRED`` lines (blank line between sentences).

The shipped model is trained on all of ANERcorp's train.txt, dev part included, so its scores
on that dev part are not honest: ``--heldout`` scores the model trained with the same settings
without the dev part (``ner.heldout.crfsuite``, written by ``marsad train ner``).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .conll import NerDataError, format_scores, read_conll, score_spans

__all__ = ["main", "predict_sentences"]

# FAC/NORP come from rules over whole documents; the data here knows only the four
# ANERcorp types, so predictions are those of the statistical tagger.


def predict_sentences(sentences: list[list[str]], model=None) -> list[list[str]]:
    """Tags of the shipped CRF for token sentences, with the document-consistency pass.

    The pass works over a window of neighbouring sentences (the files carry no document
    boundaries): a single word the model tagged as a name in one sentence is given that type
    where it stands untagged in the next/previous sentences (:mod:`marsad.ner.consistency`).
    ``model`` (a :class:`marsad.ner.tagger.NerModel`) replaces the shipped one when given.
    """
    from .consistency import propagate
    from .tagger import get_model

    if model is None:
        model = get_model()
    tags = [model.tag(toks) for toks in sentences]
    return propagate(sentences, tags, model.features.freq,
                     core_of=model.features.core)


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``marsad evaluate-ner``; returns a process exit code (2 on bad input)."""
    ap = argparse.ArgumentParser(prog="marsad evaluate-ner", description=__doc__.splitlines()[0])
    ap.add_argument("file", help="TOKEN TAG file (or a folder of *.txt such files)")
    ap.add_argument("--predictions", metavar="OUT", help="write TOKEN GOLD PRED lines here")
    ap.add_argument("--lenient", action="store_true",
                    help="read unknown tags as O instead of stopping (e.g. AQMAR's 'OO')")
    ap.add_argument("--heldout", action="store_true",
                    help="score the model trained without ANERcorp's dev part (honest dev scores)")
    args = ap.parse_args(argv)

    path = Path(args.file)
    files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
    if not files:
        print(f"{path}: error NER-EMPTY: no *.txt files in folder (point at a TOKEN TAG file)",
              file=sys.stderr)
        return 2
    sents: list[tuple[list[str], list[str]]] = []
    try:
        for f in files:
            sents.extend(read_conll(f, lenient=args.lenient))
    except NerDataError as exc:
        print(exc.one_line(), file=sys.stderr)
        return 2
    try:
        model = None
        if args.heldout:
            from .tagger import HELDOUT_MODEL_FILE, DATA_DIR, NerModel
            if not (DATA_DIR / HELDOUT_MODEL_FILE).exists():
                print(f"error NER-HELDOUT: no held-out model at {DATA_DIR / HELDOUT_MODEL_FILE} "
                      "(run `marsad train ner`, which writes it, or drop --heldout)",
                      file=sys.stderr)
                return 2
            model = NerModel(DATA_DIR, HELDOUT_MODEL_FILE)
        t0 = time.perf_counter()
        pred = predict_sentences([toks for toks, _ in sents], model)
        secs = time.perf_counter() - t0
    except RuntimeError as exc:   # model missing: the message carries code and fix
        print(str(exc), file=sys.stderr)
        return 2
    scores = score_spans([tags for _, tags in sents], pred)
    ntok = sum(len(t) for t, _ in sents)
    print(f"{path}: {len(sents)} sentences, {ntok} tokens, {ntok / max(secs, 1e-9):,.0f} tokens/s")
    print(format_scores(scores))
    if args.predictions:
        with open(args.predictions, "w", encoding="utf-8") as fh:
            for (toks, gold), p in zip(sents, pred):
                for tok, g, q in zip(toks, gold, p):
                    fh.write(f"{tok} {g} {q}\n")
                fh.write("\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
