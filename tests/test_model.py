"""Every annotation is a span into the original text: text[start:end] is its text.

A property test over generated inputs runs the whole default pipeline and checks every span of
every layer.
"""
import datetime as dt
import functools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.model import Document
from marsad.pipeline import Pipeline

WORDS = ["اشتباكات", "عنيفة", "بين", "قوات", "الأمن", "العام", "ومسلحين", "في", "مدينة", "حارم", "بريف",
         "إدلب", "الشمالي", "قتل", "ثلاثة", "مدنيين", "وأصيب", "خمسة", "آخرون", "أمس", "الثلاثاء", "قصف",
         "طيران", "مسير", "اعتقال", "المرصد", "السوري", "لحقوق", "الإنسان", "وفقاً", "لمصادر", "محلية",
         "٢١/١٠/٢٠٢٥", "24", "عشرات", "الجرحى", "مخيم", "الفرنسيين", "نفى", "الجيش", "دمشق", "«", "»",
         "،", ".", "؟", "\n\n", "ـ", "\u200f", "Omar", "Omsen", "😀", "\u0301", "بـ\"", "الليلة", "الماضية"]


@functools.lru_cache(maxsize=1)
def _pipeline():
    return Pipeline()


def _check(text, obj, where):
    if obj is None:
        return
    start = obj.start
    end = obj.end_char if hasattr(obj, "end_char") else obj.end   # EventDate.end is a date
    assert 0 <= start <= end <= len(text), (where, start, end)
    t = getattr(obj, "text", None)
    if isinstance(t, str):
        assert text[start:end] == t, (where, text[start:end], t)


def check_doc_spans(doc):
    text = doc.text
    for s in doc.sentences:
        _check(text, s, "sentence")
    for tok in doc.tokens:
        _check(text, tok, "token")
        for p in tok.parts:
            _check(text, p, "part")
            assert tok.start <= p.start <= p.end <= tok.end
    for layer in (doc.quantities, doc.times, doc.entities):
        for a in layer:
            _check(text, a, type(a).__name__)
    for ev in doc.events:
        for name in ("trigger", "actor1", "actor2", "location", "date", "fatalities", "injuries", "arrests",
                     "objective"):
            _check(text, getattr(ev, name), name)
        for x in list(ev.weapons) + list(ev.attributed_to) + list(ev.evidence):
            _check(text, x, "event part")
        assert 0.0 <= ev.confidence <= 1.0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=4)), max_size=60),
       st.lists(st.sampled_from([" ", "  ", "\n", "\t", ""]), min_size=60, max_size=60))
def test_every_span_points_at_its_text(words, seps):
    text = "".join(w + s for w, s in zip(words, seps))
    doc = _pipeline()(Document(id="g", text=text, published=dt.date(2025, 10, 22)))
    assert doc.text == text                       # never edited
    assert not [e for e in doc.errors if e.code == "E_STAGE"], doc.errors
    check_doc_spans(doc)


def test_issue2_unassigned_presentation_form_code_points_do_not_crash_a_stage():
    """Regression (bench on SaudiNewsNet): U+FD40..U+FD4F and U+FDD0.. sent folding into recursion."""
    text = "اشتباكات \ufd40 في مدينة حارم \ufdd0 \ufeff بريف إدلب، وقتل ثلاثة عناصر."
    doc = _pipeline()(Document(id="g", text=text, published=dt.date(2025, 10, 22)))
    assert not [e for e in doc.errors if e.code == "E_STAGE"], doc.errors
    check_doc_spans(doc)


def test_issue2_superscript_digits_are_not_numbers():
    """Regression (found by the property test): '²' passes str.isdigit() but int() refuses it."""
    text = "اعتقال ² شخصين وقتل ³ في حارم"
    doc = _pipeline()(Document(id="g", text=text, published=dt.date(2025, 10, 22)))
    assert not [e for e in doc.errors if e.code == "E_STAGE"], doc.errors
    check_doc_spans(doc)
