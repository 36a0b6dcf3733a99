"""List candidate conflict (or non-conflict) articles from SaudiNewsNet.

Usage: python candidates.py [--nonconflict] [--max-len 2500] > /tmp/cands.txt
Prints id, source, length, score and title; the text stays out of the repo.
"""
from __future__ import annotations

import argparse
import re

from corpus import days, load_day

# Conflict vocabulary: verbs/nouns of violence and the main 2015 armed actors.
CONFLICT = ["قتل", "مقتل", "اشتباك", "غارة", "غارات", "قصف", "انفجار", "هجوم", "اعتقال", "مسلحين",
            "داعش", "الحوثي", "التحالف", "تفجير", "انتحاري", "جرحى", "قذائف", "سيارة مفخخة", "اغتيال"]
PLACES = ["سوريا", "سورية", "العراق", "اليمن", "ليبيا", "سيناء", "لبنان", "غزة", "الضفة", "نجران",
          "جازان", "تعز", "عدن", "صنعاء", "حلب", "دمشق", "الأنبار", "الرمادي", "بنغازي", "درنة", "العريش",
          "إدلب", "درعا", "الموصل", "بغداد", "مأرب", "طرابلس", "الزبداني", "حمص", "القدس", "الخليل", "جنين"]


def score(text: str) -> tuple[int, int]:
    """Return (conflict-term hits, place hits) for a text."""
    return (sum(text.count(w) for w in CONFLICT), sum(text.count(w) for w in PLACES))


def main() -> None:
    """Print candidates sorted by day and index."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--nonconflict", action="store_true")
    ap.add_argument("--max-len", type=int, default=2500)
    ap.add_argument("--min-len", type=int, default=300)
    args = ap.parse_args()
    seen: set[str] = set()
    for day in days():
        for i, a in enumerate(load_day(day)):
            text = a.get("content") or ""
            title = re.sub(r"\s+", " ", a.get("title") or "")
            if not (args.min_len <= len(text) <= args.max_len) or title in seen:
                continue
            c, p = score(text)
            if args.nonconflict:
                ok = c == 0 and p == 0
            else:
                ok = c >= 3 and p >= 1
            if ok:
                seen.add(title)
                print(f"{day}:{i}\t{a['source']}\t{len(text)}\tc={c} p={p}\t{title}")


if __name__ == "__main__":
    main()
