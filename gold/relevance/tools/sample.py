"""Reproduce the article ids (and train/test split) of the SaudiNewsNet relevance gold set.

The sample is 600 articles drawn at random from the whole corpus plus 150 "hard" articles that
contain a violence word (killing, attack, explosion, arrest, missiles, fire) but may well not be
conflict news (fires, football attacks, the "missiles market", crime). Hard articles are drawn
25 per word so every kind of hard negative is represented. Labels are not reproduced here: they
were assigned by hand (see ../README.md).

Usage: python gold/relevance/tools/sample.py [--check ../saudinewsnet.relevance.json]
Prints ``id<TAB>group<TAB>split`` per line; with --check, compares with the gold file's ids.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from marsad.io.saudinewsnet import iter_articles

SEED = 7
N_RANDOM = 600
# Violence words whose presence makes an article a likely false positive for a naive gate.
# English group name -> Arabic word (group names keep the gold file free of Arabic).
HARD_WORDS = {"kill": "قتل", "attack": "هجوم", "explosion": "انفجار", "arrest": "اعتقال",
              "missiles": "صواريخ", "fire": "حريق"}
N_PER_WORD = 25
TRAIN_SHARE = 0.6


def sample_ids(corpus: Path | None = None) -> list[tuple[str, str, str]]:
    """Return [(article id, group, split)] in a reproducible order (group: random|hard:<name>).

    ``corpus`` is the SaudiNewsNet folder (default: ``marsad.io.saudinewsnet.default_dir()``).
    """
    arts = list(iter_articles(corpus=corpus))
    ids = [aid for aid, _ in arts]
    rng = random.Random(SEED)
    chosen = rng.sample(ids, N_RANDOM)
    out = [(aid, "random") for aid in chosen]
    taken = set(chosen)
    for name, word in HARD_WORDS.items():
        # Title plus the opening of the content: the part a reader (and a gate) sees first.
        pool = [aid for aid, a in arts if aid not in taken
                and word in ((a.get("title") or "") + " " + (a.get("content") or "")[:400])]
        pick = rng.sample(pool, min(N_PER_WORD, len(pool)))
        taken.update(pick)
        out += [(aid, f"hard:{name}") for aid in pick]
    order = list(range(len(out)))
    rng.shuffle(order)
    n_train = round(TRAIN_SHARE * len(out))
    train = set(order[:n_train])
    return [(aid, grp, "train" if k in train else "test") for k, (aid, grp) in enumerate(out)]


def main() -> None:
    """Print the sample, or check a gold file against it."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", help="gold file whose ids/splits must come from this sample")
    args = ap.parse_args()
    rows = sample_ids()
    if args.check:
        with open(args.check, encoding="utf-8") as fh:
            gold = {r["article"]: (r.get("group"), r["split"]) for r in json.load(fh)["labels"]}
        want = {aid: (grp, split) for aid, grp, split in rows}
        bad = [a for a, v in gold.items() if want.get(a) != v]
        missing = sorted(set(want) - set(gold))
        print(f"{len(gold)} labelled of {len(want)} sampled; {len(bad)} group/split mismatches; "
              f"{len(missing)} sampled but unlabelled")
        sys.exit(1 if bad else 0)
    for aid, grp, split in rows:
        print(f"{aid}\t{grp}\t{split}")


if __name__ == "__main__":
    main()
