"""The one-pass document scan (Lexicon.scan / DocScan) and the fast fold give what the per-set
matcher and the character-wise fold give."""
from __future__ import annotations

import pytest

from marsad.events.lexicon import PatternSet, compile_patterns, default_lexicon, longest, Lexicon
from marsad.events.textutil import _fold_char, fold, words_of

TEXTS = [
    "اندلعت اشتباكات عنيفة بين قوات الجيش ومسلحي العشائر في مدينة درعا، وأسفرت عن مقتل 4 عناصر.",
    "وأفادت مصادر أمنية بأن عبوة ناسفة انفجرت بدورية للشرطة، فيما شنت طائرات التحالف غارات.",
    "لن نسمح باستهداف المدنيين. وتبادل الطرفان إطلاق النار قرب الحدود.",
    "", "ـــ", "a b c", "اشتباكات" * 40,
]


def _key(m):
    return (id(m.pattern), m.first, m.last, m.start, m.end, m.proclitic)


@pytest.mark.parametrize("text", TEXTS)
def test_scan_finds_what_each_pattern_set_finds(text):
    lex = default_lexicon()
    words = words_of(text)
    scan = lex.scan(words)
    for name, ps in lex.sets():
        assert [_key(m) for m in scan.find(name)] == [_key(m) for m in ps.find(words)], name
        for lo, hi in ((0, len(words) // 2), (len(words) // 3, len(words))):
            assert [_key(m) for m in scan.find(name, lo, hi)] == \
                [_key(m) for m in ps.find(words, lo, hi)], (name, lo, hi)


def test_scan_of_a_small_lexicon_and_an_unknown_set():
    trig = PatternSet(compile_patterns("اشتباك*|تبادل* ... النار"))
    lex = Lexicon(triggers=trig, weapons=PatternSet([]), cues={})
    words = words_of("وتبادل الطرفان إطلاق النار ثم تجددت الاشتباكات")
    got = [words[m.first].form for m in longest(lex.scan(words).find("triggers"))]
    assert got == ["وتبادل", "الاشتباكات"]
    assert lex.scan(words).find("cue:nothing") == []


@pytest.mark.parametrize("text", [
    "قُتِلَ الجنديُّ", "ﻻ ﺗﻘﺘﻞ", "İstanbul ÄÖÜ ß", "a\u200cb\u200fc\ufeffd", "ـــأحمـــد",
    "٣ قتلى و۴ جرحى", "\ud800", "مرحبا ﷲ",
])
def test_fast_fold_equals_the_character_fold(text):
    out, offs = [], []
    for i, ch in enumerate(text):
        for r in _fold_char(ch):
            out.append(r)
            offs.append(i)
    offs.append(len(text))
    assert fold(text) == ("".join(out), offs)
