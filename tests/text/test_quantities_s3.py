"""Quantities added for issue #5: "exceeded" as a lower bound, and numbers after words that
look like a year word ("الأمن العام و4 مسلحين")."""
import pytest

from marsad.text.quantities import find_quantities


def q(text):
    return [(x.text, x.value, x.status) for x in find_quantities(text)]


@pytest.mark.parametrize("text,expected", [
    ("عدد المصابين تجاوز 30 شخصا", [("تجاوز 30", 30, "at_least")]),
    ("حصيلة تخطت 12 قتيلا", [("تخطت 12", 12, "at_least")]),
    ("مقتل 16 عنصراً من الأمن العام و4 مسلحين", [("16", 16, "exact"), ("4", 4, "exact")]),
    ("عناصر الأمن العام 5 جرحى", [("5", 5, "exact")]),
])
def test_new_counts(text, expected):
    assert q(text) == expected


@pytest.mark.parametrize("text", ["في عام 15 للهجرة", "خلال العام 20"])
def test_a_number_after_a_year_word_is_still_no_count(text):
    assert q(text) == []
