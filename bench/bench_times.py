"""Time expressions: marsad against dateparser on the hand-written gold list, in one run.

    python bench/bench_times.py [--gold gold/text/times.gold.json] [--errors]

Each gold item is a sentence, the time expression in it, the publication date and the expected
value / end_value / time_precision (see ``semantics`` in the gold file).  marsad reads the whole
sentence (``find_times(text, published)``) and is scored on the expression that overlaps the gold
one; dateparser (``languages=['ar']``, ``RELATIVE_BASE`` = publication date, ``PREFER_DATES_FROM``
= past) is given the expression alone, which is easier for it.

Two scores are printed for each system:
* strict: value, end_value and precision all equal the gold (dateparser returns one date and no
  precision, so it is strict-correct only on single days);
* date: the date it gives lies in the gold range (a single day, ``value..end_value``, or the gold
  month for month precision) - the score that treats dateparser most fairly.
dateparser is skipped, with a message, when it is not installed (``pip install dateparser``, in the
``[bench]`` extra).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from marsad.text.times import find_times  # noqa: E402

GOLD = HERE.parent / "gold" / "text" / "times.gold.json"


def _in_gold(d: dt.date | None, item: dict) -> bool:
    if d is None:
        return False
    v, e = item["value"], item["end_value"]
    if item["time_precision"] == 3 and len(v) == 7:
        return d.strftime("%Y-%m") == v
    lo = dt.date.fromisoformat(v[:10])
    hi = dt.date.fromisoformat(e) if e else lo
    return lo <= d <= hi


def _as_date(v: str | None) -> dt.date | None:
    if not v:
        return None
    if len(v) == 7:
        return dt.date.fromisoformat(v + "-15")
    return dt.date.fromisoformat(v)


def run_marsad(items: list[dict]) -> list[tuple[bool, bool, str]]:
    out = []
    for it in items:
        pub = dt.date.fromisoformat(it["published"])
        s = it["text"].find(it["expr"])
        e = s + len(it["expr"])
        found = [x for x in find_times(it["text"], pub) if x.start < e and s < x.end]
        if not found:
            out.append((False, False, "-"))
            continue
        x = max(found, key=lambda x: min(e, x.end) - max(s, x.start))
        strict = (x.value, x.end_value, x.time_precision) == \
            (it["value"], it["end_value"], it["time_precision"])
        d = _as_date(x.value)
        date_ok = _in_gold(d, it) if x.time_precision != 3 else (x.value == it["value"])
        got = f"{x.value}..{x.end_value}/p{x.time_precision} «{x.text}»"
        out.append((strict, date_ok, got))
    return out


def run_dateparser(items: list[dict]):
    try:
        import dateparser
    except ImportError:
        return None
    out = []
    for it in items:
        pub = dt.date.fromisoformat(it["published"])
        base = dt.datetime(pub.year, pub.month, pub.day, 12, 0)
        try:
            r = dateparser.parse(it["expr"], languages=["ar"],
                                 settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
        except Exception as exc:  # dateparser raising on odd input counts as a miss
            r = None
            got = f"error {type(exc).__name__}"
        d = r.date() if r else None
        strict = d is not None and it["end_value"] is None and it["time_precision"] == 1 and \
            d.isoformat() == it["value"]
        out.append((strict, _in_gold(d, it), d.isoformat() if d else "-"))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--errors", action="store_true", help="list the items each system gets wrong")
    args = ap.parse_args(argv)
    items = json.loads(args.gold.read_text(encoding="utf-8"))["items"]
    n = len(items)
    t0 = time.perf_counter()
    m = run_marsad(items)
    tm = time.perf_counter() - t0
    t0 = time.perf_counter()
    d = run_dateparser(items)
    td = time.perf_counter() - t0
    print(f"time expressions: {n} gold items ({args.gold.name})")
    print(f"  marsad     strict {sum(x[0] for x in m) / n:.1%}   date {sum(x[1] for x in m) / n:.1%}"
          f"   ({tm:.2f} s, whole sentence as input)")
    if d is None:
        print("  dateparser skipped: not installed (pip install dateparser, the [bench] extra)")
    else:
        print(f"  dateparser strict {sum(x[0] for x in d) / n:.1%}   date {sum(x[1] for x in d) / n:.1%}"
              f"   ({td:.2f} s, the expression alone as input, languages=['ar'], same relative base)")
    for split in ("dev", "test"):
        idx = [i for i, it in enumerate(items) if it.get("split") == split]
        if not idx:
            continue
        line = (f"  [{split}] {len(idx)} items: marsad strict {sum(m[i][0] for i in idx) / len(idx):.1%}"
                f" date {sum(m[i][1] for i in idx) / len(idx):.1%}")
        if d is not None:
            line += (f" | dateparser strict {sum(d[i][0] for i in idx) / len(idx):.1%}"
                     f" date {sum(d[i][1] for i in idx) / len(idx):.1%}")
        print(line)
    first = json.loads(args.gold.read_text(encoding="utf-8")).get("held_out_first_run")
    if first:
        print(f"  [test] first run, before the fixes it prompted: marsad strict "
              f"{first['marsad_strict']:.1%} date {first['marsad_date']:.1%} | dateparser strict "
              f"{first['dateparser_strict']:.1%} date {first['dateparser_date']:.1%}")
    cats = sorted({it["category"] for it in items})
    for c in cats:
        idx = [i for i, it in enumerate(items) if it["category"] == c]
        line = f"    {c:<9} {len(idx):>3}: marsad {sum(m[i][0] for i in idx) / len(idx):6.1%}"
        if d is not None:
            line += f"  dateparser(date) {sum(d[i][1] for i in idx) / len(idx):6.1%}"
        print(line)
    if args.errors:
        for i, it in enumerate(items):
            if not m[i][0] or (d is not None and not d[i][1]):
                gold = f"{it['value']}..{it['end_value']}/p{it['time_precision']}"
                dp = d[i][2] if d is not None else ""
                flag = ("M" if not m[i][0] else " ") + ("D" if d is not None and not d[i][1] else " ")
                print(f"  {flag} [{it['published']}] {it['expr']}: gold {gold}  marsad {m[i][2]}"
                      f"  dateparser {dp}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
