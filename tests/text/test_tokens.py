import pytest

from marsad.text.tokens import segment_word, tokenize


def seg(w):
    return [(t, k) for t, k in segment_word(w)]


@pytest.mark.parametrize("word", ["وزارة", "بيان", "كتيبة", "فرنسا", "ليبيا", "والي", "لبنان",
                                  "وكيل", "فجر", "الله", "الذي", "سيارة", "التزام"])
def test_no_false_splits(word):
    assert seg(word) == [(word, "stem")]


@pytest.mark.parametrize("word,expected", [
    ("والجيش", [("و", "conj"), ("ال", "det"), ("جيش", "stem")]),
    ("وقال", [("و", "conj"), ("قال", "stem")]),
    ("للجيش", [("ل", "prep"), ("ل", "det"), ("جيش", "stem")]),
    ("بالقرب", [("ب", "prep"), ("ال", "det"), ("قرب", "stem")]),
    ("قواته", [("قوات", "stem"), ("ه", "suffix")]),
    ("سيتم", [("س", "fut"), ("يتم", "stem")]),
    ("بها", [("ب", "prep"), ("ها", "suffix")]),
    ("عليهم", [("علي", "stem"), ("هم", "suffix")]),
    ("لوزارة", [("ل", "prep"), ("وزارة", "stem")]),
    ("ولبنان", [("و", "conj"), ("لبنان", "stem")]),
    ("بإدلب", [("ب", "prep"), ("إدلب", "stem")]),
])
def test_splits(word, expected):
    assert seg(word) == expected


def test_tokens_offsets_and_parts_cover_token():
    text = "وقال المتحدثُ باسم الجيش إن 3 جنود قُتلوا في الـ24 ساعة الماضية، و٥ آخرين... 😀"
    toks = tokenize(text)
    for t in toks:
        assert text[t.start:t.end] == t.text
        assert t.parts and t.parts[0].start == t.start and t.parts[-1].end == t.end
        for a, b in zip(t.parts, t.parts[1:]):
            assert a.end == b.start
        for p in t.parts:
            assert text[p.start:p.end] == p.text
    surfaces = [t.text for t in toks]
    assert "الـ24" in surfaces and "و٥" in surfaces and "..." in surfaces and "😀" in surfaces
    t = next(t for t in toks if t.text == "الـ24")
    assert [(p.text, p.kind) for p in t.parts] == [("الـ", "det"), ("24", "num")]
    t = next(t for t in toks if t.text == "المتحدثُ")
    assert [(p.text, p.kind) for p in t.parts] == [("ال", "det"), ("متحدثُ", "stem")]


def test_segment_word_joins_back():
    for w in ["وبالإضافة", "فسيقولون", "لأنهم", "ومنها", "الـ", "بـ3", "abc", "٤٥"]:
        assert "".join(t for t, _ in segment_word(w)) == w


def test_function_word_table_is_consistent():
    from marsad.text.tokens import _FUNC, _PURE_CLITICS
    for table in (_FUNC, _PURE_CLITICS):
        for word, segs in table.items():
            assert sum(n for n, _ in segs) == len(word), word
