"""The analyst's HTML report: parse the page with the stdlib parser and check what it shows."""
from __future__ import annotations

import random
from html.parser import HTMLParser

import pytest

from marsad.export.html import format_value, highlight_text, render_html, write_html

# Hand-written Arabic reports (not taken from any corpus).
TEXT_A = ("قُتل ثلاثة مدنيين وأصيب خمسة آخرون في قصف مدفعي شنته قوات النظام على بلدة كفرنبل "
          "بريف إدلب الجنوبي يوم الثلاثاء، بحسب المرصد السوري لحقوق الإنسان.")
TEXT_B = ("أفاد ناشطون بمقتل أربعة مدنيين جراء قصف صاروخي على كفرنبل جنوبي إدلب أمس.\n"
          "<script>alert('x')</script> & \"اقتباس\"")
TEXT_C = "اعتقلت قوات الأمن عشرة أشخاص في مدينة درعا فجر اليوم."


def span(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the nth occurrence of ``sub`` in ``text`` (test inputs are built by hand)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return start, start + len(sub)


def se(text: str, sub: str) -> dict:
    s, e = span(text, sub)
    return {"start": s, "end": e}


def build_sample() -> tuple[dict, dict[str, str]]:
    """A small marsad-json/1 result: a two-source story with a disagreement, a lone document,
    an error record, overlapping and crossing spans."""
    a, b, c = TEXT_A, TEXT_B, TEXT_C
    loc_a = {"name": "Kafr Nabl", "name_ar": "كفرنبل", "admin1": "Idlib", "admin2": None,
             "country": "SY", "geonameid": 1, "lat": 35.6, "lon": 36.5, "geo_precision": 2,
             **se(a, "بلدة كفرنبل بريف إدلب الجنوبي")}
    ev_a = {
        "id": "e1", "acled_type": "Explosions/Remote violence", "acled_subtype": "Shelling/artillery/missile attack",
        "plover": "ASSAULT", "trigger": se(a, "قصف"),
        "actor1": {"actor_id": "syr_army", "text": "قوات النظام", **se(a, "قوات النظام")},
        "actor2": {"actor_id": "civilians", "text": "مدنيين", **se(a, "مدنيين")},
        "location": loc_a,
        "date": {"value": "2025-10-21", "end": None, "time_precision": 1,
                 "start": span(a, "يوم الثلاثاء")[0], "end_char": span(a, "يوم الثلاثاء")[1]},
        "fatalities": {"status": "exact", "value": 3, **se(a, "قُتل ثلاثة مدنيين")},
        "injuries": {"status": "exact", "value": 5, **se(a, "وأصيب خمسة آخرون")},
        "arrests": None,
        "weapons": [{"class": "artillery", **se(a, "قصف مدفعي")}],
        "attributed_to": [{"text": "المرصد السوري لحقوق الإنسان", "actor_id": "sohr",
                           **se(a, "المرصد السوري لحقوق الإنسان")}],
        "certainty": "reported", "evidence": [{"start": 0, "end": len(a)}], "confidence": 0.8,
    }
    ev_b = {
        "id": "e1", "acled_type": "Explosions/Remote violence", "acled_subtype": None,
        "plover": "ASSAULT", "trigger": se(b, "قصف"), "actor1": None,
        "actor2": {"actor_id": "civilians", "text": "مدنيين", **se(b, "مدنيين")},
        "location": {**loc_a, **se(b, "كفرنبل جنوبي إدلب")},
        "date": {"value": "2025-10-21", "end": None, "time_precision": 1,
                 "start": span(b, "أمس")[0], "end_char": span(b, "أمس")[1]},
        "fatalities": {"status": "unconfirmed", "value": 4, **se(b, "بمقتل أربعة مدنيين")},
        "injuries": {"status": "unspecified", "value": None, "start": 0, "end": 0},
        "arrests": None, "weapons": [{"class": "missile", **se(b, "قصف صاروخي")}],
        "attributed_to": [{"text": "ناشطون", "actor_id": None, **se(b, "ناشطون")}],
        "certainty": "reported", "evidence": [se(b, "أفاد ناشطون بمقتل أربعة مدنيين جراء قصف صاروخي")],
        "confidence": 0.6,
    }
    ev_c = {
        "id": "e1", "acled_type": "Violence against civilians", "acled_subtype": "Abduction/forced disappearance",
        "plover": "ARREST", "trigger": se(c, "اعتقلت"),
        "actor1": {"actor_id": "new_1", "text": "قوات الأمن", **se(c, "قوات الأمن")}, "actor2": None,
        "location": {"name": "Daraa", "name_ar": "درعا", "admin1": "Daraa", "admin2": None,
                     "country": "SY", "geonameid": 2, "lat": 32.6, "lon": 36.1, "geo_precision": 1,
                     **se(c, "درعا")},
        "date": None, "fatalities": None, "injuries": None,
        "arrests": {"status": "exact", "value": 10, **se(c, "عشرة أشخاص")},
        "weapons": [], "attributed_to": [], "certainty": "reported",
        "evidence": [se(c, "اعتقلت قوات الأمن عشرة أشخاص")], "confidence": 0.7,
    }
    merged = {**{k: v for k, v in ev_a.items() if k not in ("fatalities", "weapons")},
              "id": "m1", "fatalities": None, "weapons": [],
              "sources": ["docA:e1", "docB:e1"],
              "per_source": {"fatalities": {"docA": ev_a["fatalities"], "docB": ev_b["fatalities"]},
                             "weapons": {"docA": ev_a["weapons"], "docB": ev_b["weapons"]}},
              "agreed": {"location": "both name Kafr Nabl", "date": "same day"}}
    result = {
        "format": "marsad-json/1",
        "documents": [
            {"id": "docA", "path": "in/a.txt", "url": "https://example.org/a", "outlet": "وكالة أ",
             "published": "2025-10-22", "language": "ar", "entities": [], "events": [ev_a], "errors": []},
            {"id": "docB", "path": "in/b.txt", "url": "javascript:alert(1)", "outlet": "Outlet <B>",
             "published": None, "language": "ar", "entities": [], "events": [ev_b], "errors": []},
            {"id": "docC", "path": "in/c.txt", "url": None, "outlet": None, "published": "2025-10-23",
             "language": "ar", "entities": [], "events": [ev_c],
             "errors": [{"code": "E-DATE-MISSING", "message": "no publication date in in/c.txt",
                         "hint": "pass --published"}]},
        ],
        "actors": {"syr_army": {"name": "Military Forces of Syria", "name_ar": "قوات النظام",
                                "kind": "state", "aliases": []},
                   "civilians": {"name": "Civilians", "name_ar": "مدنيون", "kind": "civilians", "aliases": []},
                   "sohr": {"name": "SOHR", "name_ar": "المرصد السوري لحقوق الإنسان", "kind": "monitor",
                            "aliases": []}},
        "stories": [{
            "id": "s1", "documents": ["docA", "docB"], "events": [merged],
            "disagreements": [
                {"field": "fatalities", "event": "m1",
                 "values": {"docA": ev_a["fatalities"], "docB": ev_b["fatalities"]},
                 # Crosses the location span and nests the actor span: a crossing overlap.
                 "evidence": {"docA": [se(a, "قصف مدفعي شنته قوات النظام على بلدة كفرنبل")],
                              "docB": [se(b, "بمقتل أربعة")]}},
                {"field": "weapons", "event": "m1",
                 "values": {"docA": ev_a["weapons"], "docB": ev_b["weapons"]}},
            ],
            "timeline": [
                {"time": "2025-10-21", "kind": "event", "doc": "docA", "event": "m1", "label": "قصف كفرنبل"},
                {"time": "2025-10-22", "kind": "report", "doc": "docA", "event": None, "label": "تقرير وكالة أ"},
                {"time": None, "kind": "report", "doc": "docB", "event": None, "label": "تقرير ناشطين"},
            ],
        }],
    }
    # Event ids repeat across documents; the merged event names its sources as "doc:event".
    return result, {"docA": a, "docB": b, "docC": c}


def strip_isolates(s: str) -> str:
    return s.replace("\u2068", "").replace("\u2069", "")


class PageParser(HTMLParser):
    """Collects what the tests look at: the <html> attributes, every text block with its marks
    (as character ranges in the block's own unescaped text), table rows, and tag balance."""

    VOID = {"meta", "br", "input", "img", "hr", "link", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.html_attrs: dict = {}
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.blocks: dict[str, list[str]] = {}       # doc id -> text pieces of its text blocks
        self.block_texts: list[tuple[str, str]] = []  # (doc id, full text) per block
        self.fragments: list[dict] = []              # one per <mark> element
        self._block: str | None = None
        self._block_depth = 0
        self._buf: list[str] = []
        self._marks: list[dict] = []
        self.rows: list[dict] = []
        self._table = ""
        self._row: dict | None = None
        self.all_text: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        a = {k: strip_isolates(v) if v else v for k, v in attrs}
        if tag == "html":
            self.html_attrs = a
        if tag == "script":
            self.scripts += 1
        if tag not in self.VOID:
            self.stack.append(tag)
        if tag == "div" and "doc-text" in (a.get("class") or "").split():
            self._block, self._block_depth, self._buf = a.get("data-doc"), len(self.stack), []
        if tag == "mark" and self._block is not None:
            pos = sum(len(x) for x in self._buf)
            self._marks.append({"cls": a.get("class", ""), "span": a.get("data-span"),
                                "title": a.get("title", ""), "start": pos, "doc": self._block})
        if tag == "table":
            self._table = a.get("class", "")
        if tag == "tr":
            self._row = {"cls": a.get("class", ""), "field": a.get("data-field"), "cells": [],
                         "table": self._table}
        if tag in ("td", "th") and self._row is not None:
            self._row["cells"].append("")

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}> with open {self.stack[-3:]}")
        else:
            self.stack.pop()
        if tag == "mark" and self._marks:
            m = self._marks.pop()
            m["end"] = sum(len(x) for x in self._buf)
            self.fragments.append(m)
        if tag == "div" and self._block is not None and len(self.stack) < self._block_depth:
            self.block_texts.append((self._block, "".join(self._buf)))
            self._block = None
        if tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._block is None:  # values carry direction isolates; original texts must not
            data = strip_isolates(data)
        self.all_text.append(data)
        if self._block is not None:
            self._buf.append(data)
        if self._row is not None and self._row["cells"]:
            self._row["cells"][-1] += data


def parse(page: str) -> PageParser:
    p = PageParser()
    p.feed(page)
    p.close()
    assert not p.errors, p.errors[:5]
    assert not p.stack, f"unclosed tags: {p.stack}"
    return p


def spans_by_id(p: PageParser, doc: str) -> dict[str, tuple[str, int, int]]:
    """Join each span's fragments; they must be contiguous and share one field class."""
    out: dict[str, tuple[str, int, int]] = {}
    frags = sorted((f for f in p.fragments if f["doc"] == doc), key=lambda f: f["start"])
    for f in frags:
        field = f["cls"].split()[0]
        if f["span"] in out:
            fld, s, e = out[f["span"]]
            assert fld == field
            assert f["start"] == e, f"fragments of {f['span']} are not contiguous"
            out[f["span"]] = (fld, s, f["end"])
        else:
            out[f["span"]] = (field, f["start"], f["end"])
    return out


@pytest.fixture(scope="module")
def sample():
    result, texts = build_sample()
    page = render_html(result, texts)
    return result, texts, page, parse(page)


def test_page_is_rtl_arabic_and_self_contained(sample):
    _, _, page, p = sample
    assert p.html_attrs.get("dir") == "rtl"
    assert p.html_attrs.get("lang") == "ar"
    assert p.scripts == 0
    assert "<link" not in page and "src=" not in page
    text = "".join(p.all_text)
    assert "القصص / Stories" in text
    assert "الأخطاء / Errors" in text


def test_every_original_text_appears_in_full_once_per_block(sample):
    _, texts, _, p = sample
    seen = {}
    for doc, block in p.block_texts:
        assert block == texts[doc]
        seen[doc] = seen.get(doc, 0) + 1
    assert seen == {"docA": 1, "docB": 1, "docC": 1}


def test_marks_cover_exactly_the_spans_text(sample):
    result, texts, _, p = sample
    for d in result["documents"]:
        doc, text = d["id"], texts[d["id"]]
        got = {(fld, s, e) for fld, s, e in spans_by_id(p, doc).values()}
        ev = d["events"][0]
        expected = {("f-trigger", ev["trigger"]["start"], ev["trigger"]["end"])}
        for sp in ev["evidence"]:
            expected.add(("f-evidence", sp["start"], sp["end"]))
        for fld in ("actor1", "actor2", "location", "fatalities", "injuries", "arrests"):
            v = ev.get(fld)
            if v and v["end"] > v["start"]:
                expected.add((f"f-{fld}", v["start"], v["end"]))
        if ev.get("date"):
            expected.add(("f-date", ev["date"]["start"], ev["date"]["end_char"]))
        for w in ev["weapons"]:
            expected.add(("f-weapons", w["start"], w["end"]))
        for a in ev["attributed_to"]:
            expected.add(("f-attribution", a["start"], a["end"]))
        for dis in result["stories"][0]["disagreements"]:
            for sp in dis.get("evidence", {}).get(doc, []):
                expected.add(("f-disagreement", sp["start"], sp["end"]))
        assert got == expected, doc
        for fld, s, e in got:
            assert 0 <= s < e <= len(text)


def test_crossing_spans_are_split_into_contiguous_fragments(sample):
    _, texts, _, p = sample
    a = texts["docA"]
    loc = span(a, "بلدة كفرنبل بريف إدلب الجنوبي")
    dis = span(a, "قصف مدفعي شنته قوات النظام على بلدة كفرنبل")
    assert dis[0] < loc[0] < dis[1] < loc[1]  # the input really crosses
    frags = [f for f in p.fragments if f["doc"] == "docA"]
    loc_frags = [f for f in frags if f["cls"].startswith("f-location")]
    assert len(loc_frags) == 2  # split once at the end of the disagreement evidence
    assert "".join(a[f["start"]:f["end"]] for f in sorted(loc_frags, key=lambda f: f["start"])) \
        == a[loc[0]:loc[1]]
    assert any("cont" in f["cls"].split() for f in loc_frags)


def test_marks_have_field_and_value_titles(sample):
    _, _, _, p = sample
    titles = {f["cls"].split()[0]: f["title"] for f in p.fragments if f["doc"] == "docA"}
    assert "Military Forces of Syria" in titles["f-actor1"] and "قوات النظام" in titles["f-actor1"]
    assert "exact 3" in titles["f-fatalities"]
    assert "Kafr Nabl (كفرنبل)" in titles["f-location"] and "Idlib" in titles["f-location"]
    assert "precision 2" in titles["f-location"]
    assert "2025-10-21" in titles["f-date"]
    assert "artillery" in titles["f-weapons"]
    assert titles["f-actor1"].startswith("الفاعل ١ / actor 1")
    # a nested mark's hover lists the enclosing fields too (innermost first)
    lines = titles["f-actor1"].split("\n")
    assert len(lines) == 3 and lines[1].startswith("موضع الخلاف") and lines[2].startswith("الدليل")


def test_disagreement_rows_are_marked_and_show_each_source(sample):
    _, _, _, p = sample
    rows = {r["field"]: r for r in p.rows if r["field"] and r["table"] == "merged"}
    assert len(rows) == 13  # one row per event field, the stated objective included
    fat = rows["fatalities"]
    assert "disagree" in fat["cls"].split()
    # columns: field, merged, docA, docB, note
    assert fat["cells"][1] == "غير مذكور / not stated"
    assert fat["cells"][2] == "exact 3"
    assert fat["cells"][3] == "unconfirmed 4"
    assert "disagree" in rows["weapons"]["cls"].split()
    assert rows["weapons"]["cells"][2:4] == ["artillery", "missile"]
    for agreeing in ("location", "date", "actor2"):
        assert "disagree" not in rows[agreeing]["cls"].split()
    assert rows["location"]["cells"][4] == "both name Kafr Nabl"
    # a source with no actor1 shows "not stated"; the merged one names the actor
    assert rows["actor1"]["cells"][3] == "غير مذكور / not stated"
    assert "Military Forces of Syria" in rows["actor1"]["cells"][1]


def test_timeline_errors_and_lone_document(sample):
    _, _, page, p = sample
    text = "".join(p.all_text)
    assert "التسلسل الزمني / Timeline" in text
    assert "قصف كفرنبل" in text and "غير مؤرخ / undated" in text
    assert "E-DATE-MISSING" in text and "pass --published" in text
    assert 'data-doc="docC"' in page and "Daraa (درعا)" in text
    lone = {r["field"]: r["cells"] for r in p.rows if r["table"] == "events" and r["field"]}
    assert lone["arrests"][1] == "exact 10"
    assert lone["actor2"][1] == "غير مذكور / not stated"
    assert '<li data-count="errors"' not in page  # errors counted with the highlight class
    assert 'class="has-errors" data-count="errors"><b>1</b>' in page


def test_script_in_text_and_metadata_is_escaped(sample):
    _, texts, page, p = sample
    assert "<script>" not in page.split("</style>", 1)[1]
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert p.scripts == 0
    assert "Outlet &lt;B&gt;" in page
    assert 'href="javascript:' not in page
    assert 'href="https://example.org/a"' in page


def test_missing_text_bad_offsets_and_junk_do_not_raise():
    result, texts = build_sample()
    ev = result["documents"][0]["events"][0]
    ev["actor2"] = {"actor_id": None, "text": "x", "start": -5, "end": 3}
    ev["weapons"].append({"class": "x", "start": 10, "end": 10 ** 9})
    ev["evidence"].append({"start": "a", "end": None})
    result["stories"][0]["documents"].append("ghost")
    del texts["docB"]
    page = render_html(result, texts)
    p = parse(page)
    text = "".join(p.all_text)
    assert "original text not provided" in text
    assert "3 span(s) with invalid offsets not highlighted" in text
    assert "documents not in the result" in text
    for junk in ({}, {"documents": "x", "stories": [None, 3], "actors": []}, None, [1, 2]):
        parse(render_html(junk, {}))


def test_any_python_string_renders_and_writes(tmp_path):
    weird = "a\ud800b\x00c<&>\"'\u202e\U0001F600\r\n"
    result = {"documents": [{"id": weird, "outlet": weird, "events": [
        {"id": weird, "plover": weird, "trigger": {"start": 0, "end": len(weird)}}],
        "errors": [{"code": weird, "message": weird}]}], "actors": {weird: {"name": weird}},
        "stories": [{"id": weird, "documents": [weird], "events": [], "disagreements": [],
                     "timeline": [{"time": weird, "kind": weird, "doc": weird, "label": weird}]}]}
    out = tmp_path / "r.html"
    write_html(result, {weird: weird}, out)
    p = parse(out.read_text(encoding="utf-8"))
    [(doc, block)] = p.block_texts
    # one replacement character stands in for each character HTML cannot carry
    assert block == "a\ufffdb\ufffdc<&>\"'\u202e\U0001F600\r\n"
    assert len(block) == len(weird)


def test_write_html_error_has_code_and_hint(tmp_path):
    result, texts = build_sample()
    with pytest.raises(OSError, match="E-HTML-WRITE.*folder exists"):
        write_html(result, texts, tmp_path / "no" / "such" / "dir" / "r.html")


def test_format_value_kinds():
    actors = {"a": {"name": "Army", "name_ar": "الجيش"}}
    assert format_value(None) == "غير مذكور / not stated"
    assert format_value({"status": "unspecified", "value": None, "start": 0, "end": 0}) == "unspecified"
    assert format_value({"status": "at_least", "value": 7, "start": 0, "end": 0}) == "at least 7"
    assert format_value({"actor_id": "a", "text": "قوات الجيش", "start": 0, "end": 1}, actors) \
        == "Army / الجيش — «قوات الجيش»"
    assert format_value({"actor_id": "zz", "text": "س", "start": 0, "end": 1}, actors) == "zz — «س»"
    assert format_value([{"class": "drone", "start": 0, "end": 1}]) == "drone"
    assert format_value([]) == "غير مذكور / not stated"


def test_random_overlapping_spans_round_trip():
    rng = random.Random(7)
    alphabet = "ابت ثج<&>\n\"'"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        spans = []
        for k in range(rng.randint(0, 8)):
            s = rng.randint(-2, len(text) + 2)
            e = rng.randint(-2, len(text) + 2)
            spans.append((s, e, rng.choice(["actor1", "date", "trigger"]), f"t{k}"))
        body, skipped = highlight_text(text, spans)
        page = f'<div class="doc-text" data-doc="x">{body}</div>'
        p = parse(page)
        assert p.block_texts == [("x", text)] or (text == "" and p.block_texts in ([], [("x", "")]))
        valid = {(f"f-{f}", s, e, t) for s, e, f, t in spans if 0 <= s < e <= len(text)}
        got = {(fld, s, e) for fld, s, e in spans_by_id(p, "x").values()}
        assert got == {(f, s, e) for f, s, e, _ in valid}
        assert skipped == sum(1 for s, e, _, _ in spans if not (0 <= s <= e <= len(text)))


@pytest.mark.parametrize("sources", [
    [{"doc": "docA", "event": "e1"}, {"doc": "docB", "event": "e1"}],
    ["e1", "e1"],            # bare ids that repeat across documents: one per document
    ["docA:e1", "docB:e1", "docZ:e9"],
])
def test_merged_event_sources_forms(sources):
    result, texts = build_sample()
    merged = result["stories"][0]["events"][0]
    merged["sources"] = sources
    del merged["per_source"]
    result["stories"][0]["disagreements"] = []
    p = parse(render_html(result, texts))
    rows = {r["field"]: r["cells"] for r in p.rows if r["table"] == "merged" and r["field"]}
    # without per_source the columns come from each source's own event
    assert rows["fatalities"][2:4] == ["exact 3", "unconfirmed 4"]
    assert rows["weapons"][2:4] == ["artillery", "missile"]
    text = "".join(p.all_text)
    assert ("sources not found in documents: docZ:e9" in text) == ("docZ:e9" in sources)
    assert "Other events in the story" not in text


def test_unmerged_story_event_and_agreed_list_are_shown():
    result, texts = build_sample()
    a = texts["docA"]
    extra = {"id": "e2", "plover": "PROTEST", "acled_type": "Protests", "trigger": se(a, "بحسب"),
             "evidence": [se(a, "بحسب المرصد")]}
    result["documents"][0]["events"].append(extra)
    result["stories"][0]["events"][0]["agreed"] = ["location", {"field": "date", "note": "same day"}]
    p = parse(render_html(result, texts))
    text = "".join(p.all_text)
    assert "Other events in the story" in text and "Protests · PLOVER PROTEST" in text
    rows = {r["field"]: r["cells"] for r in p.rows if r["table"] == "merged" and r["field"]}
    assert rows["location"][-1] == "✓" and rows["date"][-1] == "same day" and rows["arrests"][-1] == ""
    # the extra event's spans are highlighted too, and the text is still whole
    assert dict(p.block_texts)["docA"] == a
    assert ("f-trigger", *span(a, "بحسب")) in set(spans_by_id(p, "docA").values())


def test_merged_lists_show_each_distinct_value_once():
    from marsad.export.html import format_value
    merged = [{"class": "light weapons", "start": 0, "end": 4, "doc": "a"},
              {"class": "light weapons", "start": 9, "end": 12, "doc": "b"},
              {"class": "artillery", "start": 20, "end": 25, "doc": "b"}]
    out = format_value(merged, None, "weapons")
    assert out.count("light weapons") == 1 and "artillery" in out
