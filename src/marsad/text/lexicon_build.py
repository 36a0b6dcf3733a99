"""Build the word-frequency lexicon used by the clitic segmenter.

Run ``python -m marsad.text.lexicon_build [SAUDINEWSNET_DIR] [OUT]``: counts the Arabic word forms
(diacritics and tatweel removed, hamza kept) of every article in the SaudiNewsNet zips and writes
the forms seen at least ``MIN_COUNT`` times as ``form<TAB>count`` lines, gzipped, most frequent
first.  The shipped ``data/wordfreq.tsv.gz`` was made this way from the 18 zips (31,030 articles).
"""
from __future__ import annotations

import gzip
import json
import sys
import zipfile
from collections import Counter
from pathlib import Path

import regex

MIN_COUNT = 3
_STRIP = {c: None for c in range(0x064B, 0x0660)}
_STRIP.update({0x0670: None, 0x0640: None})
_WORD = regex.compile(r"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3]+")


def count_words(directory: Path) -> Counter:
    counts: Counter = Counter()
    for zpath in sorted(directory.glob("*.zip")):
        with zipfile.ZipFile(zpath) as z:
            for name in z.namelist():
                if not name.endswith(".json"):
                    continue
                for art in json.loads(z.read(name)):
                    for field in ("title", "content"):
                        t = art.get(field) or ""
                        counts.update(_WORD.findall(t.translate(_STRIP)))
    return counts


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    src = Path(argv[0]) if argv else Path("../shared/data/saudinewsnet")
    out = Path(argv[1]) if len(argv) > 1 else Path(__file__).parent / "data" / "wordfreq.tsv.gz"
    counts = count_words(src)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
        for w, c in counts.most_common():
            if c < MIN_COUNT:
                break
            f.write(f"{w}\t{c}\n")
    print(f"{sum(1 for c in counts.values() if c >= MIN_COUNT)} forms written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
