import datetime as dt

import pytest

from marsad.text.times import find_times, hijri_to_gregorian

PUB = dt.date(2025, 10, 22)  # a Wednesday


def one(text, pub=PUB):
    xs = find_times(text, pub)
    assert len(xs) == 1, xs
    x = xs[0]
    assert text[x.start:x.end] == x.text
    return x.text, x.value, x.end_value, x.time_precision


@pytest.mark.parametrize("text,expected", [
    ("قتل اليوم", ("اليوم", "2025-10-22", None, 1)),
    ("وقع أمس", ("أمس", "2025-10-21", None, 1)),
    ("أول أمس", ("أول أمس", "2025-10-20", None, 1)),
    ("يصل غداً", ("غداً", "2025-10-23", None, 1)),
    ("الليلة الماضية", ("الليلة الماضية", "2025-10-21", "2025-10-22", 1)),
    ("فجر اليوم", ("فجر اليوم", "2025-10-22", None, 1)),
    ("يوم الثلاثاء", ("يوم الثلاثاء", "2025-10-21", None, 1)),
    ("أمس الثلاثاء", ("أمس الثلاثاء", "2025-10-21", None, 1)),
    ("السبت الماضي", ("السبت الماضي", "2025-10-18", None, 1)),
    ("ليل الثلاثاء – الأربعاء", ("ليل الثلاثاء – الأربعاء", "2025-10-21", "2025-10-22", 1)),
    ("منذ ثلاثة أيام", ("منذ ثلاثة أيام", "2025-10-19", None, 1)),
    ("قبل يومين", ("قبل يومين", "2025-10-20", None, 1)),
    ("الأسبوع الماضي", ("الأسبوع الماضي", "2025-10-15", "2025-10-21", 2)),
    ("الشهر الماضي", ("الشهر الماضي", "2025-09", None, 3)),
    ("مطلع الشهر الجاري", ("مطلع الشهر الجاري", "2025-10-01", "2025-10-10", 2)),
    ("خلال الساعات الـ24 الماضية", ("خلال الساعات الـ24 الماضية", "2025-10-21", "2025-10-22", 1)),
    ("في 21 أكتوبر 2025", ("21 أكتوبر 2025", "2025-10-21", None, 1)),
    ("في 3 شباط/فبراير 2024", ("3 شباط/فبراير 2024", "2024-02-03", None, 1)),
    ("في 5 كانون الثاني", ("5 كانون الثاني", "2025-01-05", None, 1)),
    ("يوم 14 جانفي 2024", ("14 جانفي 2024", "2024-01-14", None, 1)),
    ("في 15 أوت", ("15 أوت", "2025-08-15", None, 1)),
    ("٢١/١٠/٢٠٢٥", ("٢١/١٠/٢٠٢٥", "2025-10-21", None, 1)),
    ("أيلول الماضي", ("أيلول الماضي", "2025-09", None, 3)),
])
def test_times(text, expected):
    assert one(text) == expected


def test_no_publication_date():
    xs = find_times("قتل أمس", None)
    assert xs and xs[0].value is None
    xs = find_times("في 21 أكتوبر 2025", None)
    assert xs[0].value == "2025-10-21"


def test_not_times():
    assert find_times("في اليوم التالي قال إنه يمارس عمله", PUB) == []


def test_hijri():
    assert hijri_to_gregorian(1436, 9, 1) == dt.date(2015, 6, 18)


def test_hijri_dates():
    try:
        import hijridate  # noqa: F401
        expected = "2015-07-21"          # Umm al-Qura
    except ImportError:
        expected = "2015-07-22"          # tabular calendar
    assert one("5 شوال 1436 هـ") == ("5 شوال 1436 هـ", expected, None, 1)
    assert one("1436/9/1 هـ")[1] == "2015-06-18"
