"""Reading ``TOKEN TAG`` files and scoring entity spans CoNLL style (exact span and type)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["NerDataError", "read_conll", "normalize_tag", "bio_spans", "score_spans",
           "format_scores"]

_TYPE_MAP = {"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC",
             "FAC": "FAC", "NORP": "NORP"}
_MIS_RE = re.compile(r"MIS(?:C|-?\d*)?$")


class NerDataError(ValueError):
    """A malformed NER data line: carries a code, the file, the line number and a fix hint."""

    def __init__(self, code: str, message: str, path: str, line: int | None, hint: str):
        self.code, self.path, self.line, self.hint = code, path, line, hint
        super().__init__(message)

    def one_line(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: error {self.code}: {self.args[0]} ({self.hint})"


def normalize_tag(tag: str) -> str | None:
    """Map a tag to ``O`` / ``B-T`` / ``I-T`` with T in PER LOC ORG MISC FAC NORP; None if invalid.

    PERS → PER; AQMAR's article-specific MIS0..MIS3 (and MIS, MIS-1) → MISC.
    """
    if tag == "O":
        return "O"
    if len(tag) < 3 or tag[1] != "-" or tag[0] not in "BI":
        return None
    typ = tag[2:]
    mapped = _TYPE_MAP.get(typ)
    if mapped is None and _MIS_RE.match(typ):
        mapped = "MISC"
    if mapped is None:
        return None
    return tag[0] + "-" + mapped


def read_conll(path: Path | str, *, lenient: bool = False) -> list[tuple[list[str], list[str]]]:
    """Read sentences of ``TOKEN TAG`` lines (blank line between sentences).

    A line that has not exactly two space-separated fields, or whose tag is not O/B-T/I-T,
    raises :class:`NerDataError` naming the file and line; with ``lenient`` such a tag is read
    as ``O`` instead (for corpora with a few known-bad tags, such as AQMAR's ``OO``).
    """
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise NerDataError("NER-ENC", f"not UTF-8 ({exc.reason})", str(p), None,
                           "convert the file to UTF-8") from None
    except OSError as exc:
        raise NerDataError("NER-IO", f"cannot read file ({exc.strerror})", str(p), None,
                           "check the path") from None
    sents: list[tuple[list[str], list[str]]] = []
    toks: list[str] = []
    tags: list[str] = []
    for lineno, line in enumerate(raw.splitlines(), 1):
        line = line.strip()
        if not line:
            if toks:
                sents.append((toks, tags))
                toks, tags = [], []
            continue
        fields = line.split()
        if len(fields) != 2:
            if lenient and len(fields) == 1:
                continue
            raise NerDataError("NER-LINE", f"expected 'TOKEN TAG', got {len(fields)} field(s)",
                               str(p), lineno, "one token and one tag per line, separated by a space")
        tag = normalize_tag(fields[1])
        if tag is None:
            if not lenient:
                raise NerDataError("NER-TAG", f"unknown tag {fields[1]!r}", str(p), lineno,
                                   "use O, B-T or I-T with T in PER/PERS, LOC, ORG, MISC")
            tag = "O"
        toks.append(fields[0])
        tags.append(tag)
    if toks:
        sents.append((toks, tags))
    return sents


def bio_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Entity spans (start, end, type) from BIO tags, conlleval style (a stray I- starts one)."""
    spans = set()
    start, typ = None, None
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O" or tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != typ):
            if start is not None:
                spans.add((start, i, typ))
                start, typ = None, None
            if tag != "O":
                start, typ = i, tag[2:]
    return spans


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


def score_spans(gold: list[list[str]], pred: list[list[str]]) -> dict[str, Scores]:
    """Per-type and ``micro`` scores of exact entity spans over aligned tag sequences."""
    out: dict[str, Scores] = {"micro": Scores()}
    for g, p in zip(gold, pred):
        gs, ps = bio_spans(g), bio_spans(p)
        for s in gs | ps:
            sc = out.setdefault(s[2], Scores())
            if s in gs and s in ps:
                sc.tp += 1; out["micro"].tp += 1
            elif s in ps:
                sc.fp += 1; out["micro"].fp += 1
            else:
                sc.fn += 1; out["micro"].fn += 1
    return out


def format_scores(scores: dict[str, Scores]) -> str:
    """A small table: type, precision, recall, F1 (percent), support."""
    lines = [f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
    for t in sorted(k for k in scores if k != "micro") + ["micro"]:
        s = scores[t]
        lines.append(f"{t:<6} {100 * s.p:6.2f} {100 * s.r:6.2f} {100 * s.f1:6.2f} {s.tp + s.fn:6d}")
    return "\n".join(lines)
