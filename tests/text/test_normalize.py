from hypothesis import given, settings, HealthCheck, strategies as st

from marsad.text.normalize import normalize, normalize_key, strip_marks

SPECIALS = list(
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي" "أإآٱؤئءىة" "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
    "\u0640" "٠١٢٣٤٥٦٧٨٩" "۰۱۲۳۴۵۶۷۸۹" "٫٬٪" "ﻻﷲﺍﺑﻪﹰﺓﻰ" "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\u061c\u200b\u200c\u200d\ufeff\u00ad" "«»“”„‘’–—―−" "\u00a0 \n\t"
    "abcXYZ0123456789.,;:!?" "\u0300\u0301\u0308" "😀🇸🇾👍🏽" "\ud800\udfff\x00"
)
ALPHABET = st.one_of(st.sampled_from(SPECIALS), st.characters(codec=None))
TEXTS = st.text(alphabet=ALPHABET, max_size=40)


def test_basic_rules():
    n = normalize("أَحْمَدُ إلى مدرسة آذار ٢٠٢٥ «قال» ـــ ﻻ")
    assert n.text == 'احمد الي مدرسه اذار 2025 "قال"  لا'
    assert len(n.offsets) == len(n.text) + 1
    assert n.offsets[-1] == len("أَحْمَدُ إلى مدرسة آذار ٢٠٢٥ «قال» ـــ ﻻ")


def test_controls_and_persian_digits_removed():
    n = normalize("\u200fبيروت\u200e ۱۲ \u200bكانون")
    assert n.text == "بيروت 12 كانون"
    s, e = n.to_original(0, 5)
    assert n.original[s:e].startswith("\u200fبيروت") or n.original[s:e].startswith("بيروت")


def test_span_maps_back():
    text = "قُتِلَ ٣ جنود في «إدلب»"
    n = normalize(text)
    i = n.text.index("ادلب")
    s, e = n.to_original(i, i + 4)
    assert text[s:e] == "إدلب"
    i = n.text.index("قتل")
    s, e = n.to_original(i, i + 3)
    assert text[s:e] == "قُتِلَ"


def test_key():
    assert normalize_key("  الإمارات   العربيّة ") == "الامارات العربيه"
    assert normalize_key("Idlib") == "idlib"
    assert strip_marks("قُتِلَ") == "قتل"


@settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(TEXTS, st.data())
def test_every_normalized_span_maps_back(text, data):
    n = normalize(text)
    assert n.text == text.translate(__import__("marsad.text.normalize", fromlist=["TABLE"]).TABLE)
    offs = n.offsets
    assert len(offs) == len(n.text) + 1
    assert offs[-1] == len(text)
    assert all(offs[i] <= offs[i + 1] for i in range(len(offs) - 1))
    # each normalized character comes from the original character it points at
    for i, ch in enumerate(n.text):
        assert ch in normalize(text[offs[i]]).text
    if not n.text:
        return
    s = data.draw(st.integers(0, len(n.text)))
    e = data.draw(st.integers(s, len(n.text)))
    os_, oe = n.to_original(s, e)
    assert 0 <= os_ <= oe <= len(text)
    back = normalize(text[os_:oe]).text
    cuts = (s > 0 and s < len(n.text) and offs[s] == offs[s - 1]) or \
        (0 < e < len(n.text) and offs[e] == offs[e - 1])
    if cuts:
        assert n.text[s:e] in back
    else:
        assert back == n.text[s:e]
