"""What ``marsad inspect`` shows of the text layer: sentences, tokens, quantities and times."""
from __future__ import annotations

import datetime as dt

from marsad.text.quantities import find_quantities
from marsad.text.sentences import split_sentences
from marsad.text.times import find_times
from marsad.text.tokens import tokenize

__all__ = ["inspect_text", "format_inspect_text"]


def inspect_text(text: str, published: dt.date | None) -> dict:
    """The text layer of ``text`` as plain JSON-ready data (offsets into ``text``)."""
    sentences = split_sentences(text)
    tokens = tokenize(text)
    quantities = find_quantities(text, tokens)
    times = find_times(text, published)
    return {
        "published": published.isoformat() if published else None,
        "sentences": [{"start": s.start, "end": s.end} for s in sentences],
        "tokens": [
            {"start": t.start, "end": t.end, "text": t.text,
             "parts": [{"start": p.start, "end": p.end, "text": p.text, "kind": p.kind}
                       for p in t.parts]}
            for t in tokens
        ],
        "quantities": [
            {"start": q.start, "end": q.end, "text": q.text, "value": q.value, "status": q.status}
            for q in quantities
        ],
        "times": [
            {"start": x.start, "end": x.end, "text": x.text, "value": x.value,
             "end_value": x.end_value, "time_precision": x.time_precision}
            for x in times
        ],
    }


_KIND_MARK = {"conj": "CONJ", "prep": "PREP", "det": "DET", "fut": "FUT", "suffix": "PRON"}


def _seg(parts: list[dict]) -> str:
    if len(parts) <= 1:
        return parts[0]["text"] if parts else ""
    return "+".join(p["text"] if p["kind"] not in _KIND_MARK else f"{p['text']}/{_KIND_MARK[p['kind']]}"
                    for p in parts)


def format_inspect_text(text: str, published: dt.date | None) -> str:
    """A human-readable view of :func:`inspect_text`: one block per sentence."""
    data = inspect_text(text, published)
    lines: list[str] = []
    lines.append(f"published: {data['published'] or '-'}   sentences: {len(data['sentences'])}   "
                 f"tokens: {len(data['tokens'])}   quantities: {len(data['quantities'])}   "
                 f"times: {len(data['times'])}")
    toks = data["tokens"]
    ti = 0
    for n, s in enumerate(data["sentences"], 1):
        lines.append("")
        lines.append(f"[{n}] {s['start']}-{s['end']}  {text[s['start']:s['end']]}")
        segs = []
        while ti < len(toks) and toks[ti]["start"] < s["end"]:
            t = toks[ti]
            if t["start"] >= s["start"] and len(t["parts"]) > 1:
                segs.append(_seg(t["parts"]))
            ti += 1
        if segs:
            lines.append("    clitics: " + "  ".join(segs))
        for q in data["quantities"]:
            if s["start"] <= q["start"] < s["end"]:
                v = "-" if q["value"] is None else q["value"]
                lines.append(f"    quantity {q['start']}-{q['end']} «{q['text']}» = {v} ({q['status']})")
        for x in data["times"]:
            if s["start"] <= x["start"] < s["end"]:
                rng = x["value"] or "?"
                if x["end_value"]:
                    rng += f" .. {x['end_value']}"
                lines.append(f"    time {x['start']}-{x['end']} «{x['text']}» = {rng} "
                             f"(precision {x['time_precision']})")
    return "\n".join(lines) + "\n"
