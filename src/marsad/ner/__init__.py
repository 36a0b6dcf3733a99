"""Named entities: PER ORG LOC MISC from a CRF, FAC NORP (and common ORG/LOC forms) from rules.

``recognize(doc)`` reads ``doc.tokens`` (surface tokens with clitic parts, from
:mod:`marsad.text.tokens`), tags each sentence with the shipped CRF (:mod:`marsad.ner.tagger`),
adds rule/lexicon matches (:mod:`marsad.ner.rules`), repeats names found once in the document
at their other mentions, and returns entities whose spans leave out attached proclitics
(و ف ب ل ك) but keep the article: "بإدلب" → "إدلب", "لوزارة الداخلية" → "وزارة الداخلية".
"""
from __future__ import annotations

import re

from marsad.model import Doc, Entity, Part, Token

from .arabic import hash_key, norm_key, split_proclitics, word_shape

__all__ = ["recognize", "tag_tokens"]

_SENT_END = {".", "؟", "!", "?", "…", "...", "؛"}
_CLITIC_KINDS = ("conj", "prep")
_WORD_RE = re.compile(r"\w+|[^\w\s]", re.UNICODE)
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def _fallback_tokens(text: str) -> list[Token]:
    """Tokens when ``doc.tokens`` is empty: the text layer's tokenizer, else a plain regex split."""
    try:
        from marsad.text.tokens import tokenize
        return tokenize(text)
    except ImportError:  # the text layer is optional for this module
        return [Token(m.start(), m.end(), m.group(), (Part(m.start(), m.end(), m.group(), "stem"),))
                for m in _WORD_RE.finditer(text)]


def _letters_to_chars(text: str, n_letters: int) -> int:
    """Index in ``text`` after ``n_letters`` base letters (diacritics/tatweel do not count)."""
    k = 0
    for i, ch in enumerate(text):
        if _MARKS.match(ch):
            continue
        if k == n_letters:
            return i
        k += 1
    return len(text)


def _view(tok: Token, freq: dict[int, int]):
    """The rules' view of one token (see :class:`marsad.ner.rules.TokView`)."""
    from .rules import TokView

    text = tok.text
    word = norm_key(text)
    shape = word_shape(text)
    kind = "ar" if shape in ("ar", "mix") and word[:1].isalpha() else (
        "num" if shape == "num" else "punct" if shape == "punct" else "other")
    if kind != "ar":
        return TokView(tok.start, tok.start, tok.end, text, word, "", False, word, kind)
    pro_s, art_s, stem = split_proclitics(word, freq)
    # Trust the text layer's parts for where the proclitics end; fall back to (and sanity-check
    # with) the frequency-based split, so that a wrong split never cuts a name ("بيروت").
    cstart = tok.start
    pro = pro_s
    lam_article = False
    if tok.parts:
        n = 0
        for p in tok.parts:
            if p.kind in _CLITIC_KINDS:
                n += 1
            else:
                break
        # "للحكومة" = ل + ل(article, alef dropped) + حكومة: a lone ل is no article to keep
        lam_article = (n and n < len(tok.parts) - 1 and tok.parts[n].kind == "det"
                       and tok.parts[n].text == "ل")
        if lam_article:
            n += 1
        if n:
            cstart = tok.parts[n].start if n < len(tok.parts) else tok.start
            pro = norm_key("".join(p.text for p in tok.parts[:n]))
            rest = word[len(pro):]
            if not pro_s and freq.get(hash_key(word), 0) > 2 * freq.get(hash_key(rest), 0) \
                    and not rest.startswith("ال") and not rest.startswith("ل"):
                cstart, pro = tok.start, ""
        else:
            pro = ""
    elif pro_s:
        cstart = tok.start + _letters_to_chars(text, len(pro_s))
    if tok.parts and lam_article:
        pro, art_s, stem = pro[:-1], "ال", word[len(pro):]
    elif pro != pro_s:
        # recompute article/stem from the chosen proclitics
        rest = word[len(pro):]
        if pro.endswith("ل") and rest.startswith("ل") and len(rest) > 3 and not rest.startswith("ال"):
            art_s, stem = "ال", rest[1:]
        elif rest.startswith("ال") and len(rest) > 3:
            art_s, stem = "ال", rest[2:]
        else:
            art_s, stem = "", rest
    if cstart >= tok.end:
        cstart = tok.start
    return TokView(tok.start, cstart, tok.end, text, word, pro, bool(art_s), stem, kind)


def _sentence_ranges(doc: Doc, tokens: list[Token]) -> list[tuple[int, int]]:
    """Token index ranges of sentences: ``doc.sentences`` if set, else punctuation/newlines."""
    n = len(tokens)
    if not n:
        return []
    ranges = []
    if doc.sentences:
        i = 0
        for s in doc.sentences:
            while i < n and tokens[i].end <= s.start:
                i += 1
            j = i
            while j < n and tokens[j].start < s.end:
                j += 1
            if j > i:
                ranges.append((i, j))
            i = j
        if ranges and ranges[-1][1] < n:
            ranges.append((ranges[-1][1], n))
        return ranges
    text = doc.text
    s = 0
    for i, t in enumerate(tokens):
        brk = t.text in _SENT_END
        if not brk and i + 1 < n and "\n" in text[t.end:tokens[i + 1].start]:
            brk = True
        if brk:
            ranges.append((s, i + 1))
            s = i + 1
    if s < n:
        ranges.append((s, n))
    return ranges


def tag_tokens(tokens: list[str]) -> list[str]:
    """BIO tags from the shipped CRF for one sentence of token strings (PER LOC ORG MISC)."""
    from .tagger import get_model
    return get_model().tag(tokens)


def _bio_to_spans(tags: list[str], offset: int) -> list[tuple[int, int, str]]:
    out = []
    start, typ = None, None
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O" or tag.startswith("B-") or tag[2:] != typ:
            if start is not None:
                out.append((offset + start, offset + i, typ))
                start, typ = None, None
            if tag != "O":
                start, typ = i, tag[2:]
    return out


def recognize(doc: Doc) -> list[Entity]:
    """Named entities of a document, sorted by position (see the module docstring)."""
    from .consistency import propagate
    from .rules import find_rule_entities
    from .tagger import get_model

    tokens = doc.tokens or _fallback_tokens(doc.text)
    if not tokens:
        return []
    model = get_model()
    freq = model.features.freq
    views = [_view(t, freq) for t in tokens]
    ranges = _sentence_ranges(doc, tokens)

    # 1. statistical model, per sentence
    sent_toks = [[t.text for t in tokens[s:e]] for s, e in ranges]
    sent_tags = [model.tag(st) for st in sent_toks]
    # the whole document is one window: a surname tagged once is tagged at every mention,
    # before the rules run (so "قوات الشرع" is not read as an organisation)
    sent_tags = propagate(sent_toks, sent_tags, freq, window=len(ranges),
                          core_of=model.features.core)
    model_spans: list[tuple[int, int, str]] = []
    for (s, _e), tags in zip(ranges, sent_tags):
        model_spans.extend(_bio_to_spans(tags, s))
    # drop model spans made only of punctuation/numbers, and strip quote tokens at the edges
    clean = []
    for s, e, typ in model_spans:
        while s < e and views[s].kind == "punct":
            s += 1
        while e > s and views[e - 1].kind == "punct":
            e -= 1
        if s < e and any(views[k].kind == "ar" or views[k].kind == "other" for k in range(s, e)):
            clean.append((s, e, typ, "model"))
    # a person name does not start with a nisba adjective: "الفرنسي السنغالي عمر أومسين"
    trimmed = []
    for s, e, typ, src in clean:
        while typ == "PER" and e - s > 2 and views[s].art and not views[s].pro \
                and views[s].stem.endswith("ي") and len(views[s].stem) >= 4:
            s += 1
        trimmed.append((s, e, typ, src))
    clean = trimmed
    model_types = {k: typ for s, e, typ, _ in clean for k in range(s, e)}

    # 2. rules and lexicons win over overlapping model spans
    rule_spans = find_rule_entities(views, ranges, model_types)
    taken = [False] * len(tokens)
    chosen: list[tuple[int, int, str, str]] = []
    for span in sorted(rule_spans, key=lambda x: (-(x[1] - x[0]), x[0])):
        if not any(taken[span[0]:span[1]]):
            chosen.append(span)
            for k in range(span[0], span[1]):
                taken[k] = True
    for span in clean:
        if not any(taken[span[0]:span[1]]):
            chosen.append(span)
            for k in range(span[0], span[1]):
                taken[k] = True

    # 3. document consistency: a name found once is the same name at its other mentions
    #    (single words only: surnames "أومسين", places), when the model left them untagged.
    known: dict[str, str] = {}
    for s, e, typ, src in chosen:
        if typ == "LOC" and src == "rules" and e - s == 2 and views[s + 1].kind == "ar":
            # the name inside "ريف إدلب" / "محافظة إدلب" is a place at its other mentions
            known.setdefault(views[s + 1].core, "LOC")
        if typ in ("PER", "LOC", "ORG") and views[e - 1].kind == "ar":
            last = views[e - 1]
            if typ == "PER" or e - s == 1:
                key = last.core
                if len(key) > 2 and freq.get(hash_key(key), 0) < 20000:
                    known.setdefault(key, typ)
    # single-word model names that are a known surname elsewhere in the document are persons
    for idx, (s, e, typ, src) in enumerate(chosen):
        if src == "model" and e - s == 1 and typ != "PER" and known.get(views[s].core) == "PER":
            chosen[idx] = (s, e, "PER", src)
    if known:
        for k, v in enumerate(views):
            if not taken[k] and v.kind == "ar" and v.core in known:
                chosen.append((k, k + 1, known[v.core], "propagated"))
                taken[k] = True

    text = doc.text
    out = []
    for s, e, typ, src in sorted(chosen):
        cs, ce = views[s].cstart, views[e - 1].end
        if ce <= cs:
            continue
        out.append(Entity(cs, ce, text[cs:ce], typ, src))
    return out
