import pytest

from marsad.text.quantities import find_quantities, parse_number_words


def q(text):
    return [(x.text, x.value, x.status) for x in find_quantities(text)]


@pytest.mark.parametrize("text,expected", [
    ("قتل 43 مدنيا", [("43", 43, "exact")]),
    ("قتل ٤٣ مدنيا", [("٤٣", 43, "exact")]),
    ("قتل خمسة وعشرون شخصا", [("خمسة وعشرون", 25, "exact")]),
    ("مقتل أحد عشر جنديا", [("أحد عشر", 11, "exact")]),
    ("وخمس عشرة امرأة", [("خمس عشرة", 15, "exact")]),
    ("مئة شخص ومائة آخرين", [("مئة", 100, "exact"), ("مائة", 100, "exact")]),
    ("ألف نازح", [("ألف", 1000, "exact")]),
    ("ثلاثة آلاف نازح", [("ثلاثة آلاف", 3000, "exact")]),
    ("3 آلاف نازح", [("3 آلاف", 3000, "exact")]),
    ("سقط قتيلان", [("قتيلان", 2, "exact")]),
    ("إصابة جنديين", [("جنديين", 2, "exact")]),
    ("مقتل أحد الجنود", [("أحد", 1, "exact")]),
    ("عدد من القتلى", [("عدد من", None, "unspecified")]),
    ("عشرات القتلى", [("عشرات", 20, "at_least")]),
    ("سقوط العشرات", [("العشرات", 20, "at_least")]),
    ("نحو 30 قتيلا", [("نحو 30", 30, "approx")]),
    ("قرابة 50", [("قرابة 50", 50, "approx")]),
    ("حوالي مئتي شخص", [("حوالي مئتي", 200, "approx")]),
    ("أكثر من 100 قتيل", [("أكثر من 100", 100, "at_least")]),
    ("ما لا يقل عن 7 قتلى", [("ما لا يقل عن 7", 7, "at_least")]),
    ("قتل 12 شخصا على الأقل", [("12", 12, "at_least")]),
    ("في حصيلة أولية 9 قتلى", [("9", 9, "at_least")]),
])
def test_quantities(text, expected):
    assert q(text) == expected


@pytest.mark.parametrize("text", ["في 21 أكتوبر 2025", "عام 2015", "الساعة 10 صباحا",
                                  "بنسبة 30%", "21/10/2025", "لم يصب أحد", "يوم الأحد"])
def test_not_counts(text):
    assert q(text) == []


def test_parse_number_words():
    assert parse_number_words(["ثلاثمائه", "وخمسون"]) == 350
    assert parse_number_words(["الف", "وميتان"]) == 1200
    assert parse_number_words(["اثنا", "عشر"]) == 12
    assert parse_number_words(["foo"]) is None


def test_offsets_with_diacritics():
    text = "قُتِلَ ثَلاثَةُ جنود"
    (x,) = find_quantities(text)
    assert text[x.start:x.end] == x.text == "ثَلاثَةُ" and x.value == 3
