import datetime as dt

from hypothesis import HealthCheck, given, settings, strategies as st

from marsad.text.inspect import format_inspect_text, inspect_text
from marsad.text.normalize import normalize, normalize_key
from marsad.text.quantities import find_quantities
from marsad.text.sentences import split_sentences
from marsad.text.times import find_times
from marsad.text.tokens import segment_word, tokenize

PIECES = st.sampled_from([
    "قتل", "43", "٤٣", "أمس", "الثلاثاء", "21 أكتوبر 2025", "٢١/١٠/٢٠٢٥", "نحو", "عشرات", ".", "؟",
    "،", "«", "»", "\n", " ", "\u200f", "\u064e", "\u0640", "ﻻ", "😀", "\ud800", "\x00", "abc",
    "خمسة وعشرون", "الـ24", "و", "ب", "ال", "\u0300", "ليل الثلاثاء – الأربعاء", "5 شوال 1436 هـ",
])
TEXTS = st.one_of(st.text(max_size=200), st.lists(PIECES, max_size=40).map("".join),
                  st.text(alphabet=st.characters(codec=None), max_size=100))


def check_all(text, pub):
    n = normalize(text)
    assert len(n.offsets) == len(n.text) + 1
    normalize_key(text)
    for s in split_sentences(text):
        assert 0 <= s.start < s.end <= len(text)
    toks = tokenize(text)
    for t in toks:
        assert text[t.start:t.end] == t.text
        assert "".join(p.text for p in t.parts) == t.text
        segment_word(t.text)
    for q in find_quantities(text, toks):
        assert text[q.start:q.end] == q.text
    for x in find_times(text, pub):
        assert text[x.start:x.end] == x.text
    d = inspect_text(text, pub)
    assert set(d) >= {"sentences", "tokens", "quantities", "times"}
    format_inspect_text(text, pub)


@settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))
@given(TEXTS, st.one_of(st.none(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))))
def test_any_string_goes_through(text, pub):
    check_all(text, pub)


def test_megabyte_without_spaces():
    text = "ب" * 500_000 + "x" * 300_000 + "٣" * 200_000
    check_all(text, dt.date(2025, 1, 1))


def test_edge_strings():
    for text in ["", " ", "\x00", "\ud800\udc00\udfff", "." * 1000, "\n" * 100, "ـ" * 50,
                 "\u064e" * 20, "99999999999999999999999 قتيل", "32/13/2025", "0/0/0000",
                 "31 فبراير 2025", "30 ذو الحجة 1600", "منذ 99999 يوم", "9" * 5000]:
        check_all(text, dt.date(2025, 10, 22))
        check_all(text, None)
