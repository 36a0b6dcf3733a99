"""Print articles with character offsets, sentence by sentence, to stdout (use /tmp).

Usage: python show.py 2015-07-21:12 [more ids...] > /tmp/show.txt
"""
from __future__ import annotations

import re
import sys

from corpus import article


def main() -> None:
    """Print each article's header and its sentences with start offsets."""
    for aid in sys.argv[1:]:
        a = article(aid)
        text = a["content"]
        print(f"===== {aid} | {a['source']} | len={len(text)} | {a['title']}")
        start = 0
        # Split after sentence punctuation or newlines so offsets stay exact.
        for m in re.finditer(r"[^.!?؟\n]*[.!?؟\n]+|[^.!?؟\n]+$", text):
            seg = m.group()
            if seg.strip():
                print(f"[{m.start()}] {seg.strip()}")
        print()


if __name__ == "__main__":
    main()
