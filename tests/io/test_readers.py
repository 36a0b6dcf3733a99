import datetime as dt
import json

from marsad.io.readers import html_to_text, read_inputs


def _read(paths, **kw):
    items = list(read_inputs([str(p) for p in paths], **kw))
    docs = [i.document for i in items if i.document is not None]
    errors = [e for i in items for e in i.errors]
    return docs, errors


def test_txt_keeps_original_text_and_uses_stem_as_id(tmp_path):
    text = "اشتباكات في حارم.\r\n\u200fسطر ثانٍ  مع مسافتين"
    p = tmp_path / "r1.txt"
    p.write_bytes(text.encode("utf-8"))
    docs, errors = _read([p], published=dt.date(2025, 10, 22))
    assert errors == []
    assert docs[0].text == text          # untouched: CRLF, RLM and double spaces kept
    assert docs[0].id == "r1" and docs[0].path == str(p)
    assert docs[0].published == dt.date(2025, 10, 22) and docs[0].language == "ar"


def test_utf8_bom_is_encoding_not_text(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes("\ufeffنص".encode("utf-8"))
    docs, _ = _read([p])
    assert docs[0].text == "نص"


def test_bad_inputs_each_named_and_batch_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("قصف على مدينة إدلب", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02abc")
    latin1 = tmp_path / "cp1256.txt"
    latin1.write_bytes("قصف".encode("cp1256"))
    missing = tmp_path / "nope.txt"
    docs, errors = _read([missing, empty, binary, latin1, good])
    assert [d.id for d in docs] == ["good"]
    codes = {e.path: e.code for e in errors}
    assert codes == {str(missing): "E_NOT_FOUND", str(empty): "E_EMPTY",
                     str(binary): "E_BINARY", str(latin1): "E_ENCODING"}
    for e in errors:
        line = e.one_line()
        assert e.path in line and "\n" not in line and e.hint


def test_jsonl_ids_metadata_and_bad_lines(tmp_path):
    p = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a-1", "text": "خبر أول", "outlet": "X", "published": "2025-10-21T08:00:00Z",
                    "url": "https://e.org/1"}, ensure_ascii=False),
        "{not json",
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": "خبر بلا معرف", "published": "yesterday"}, ensure_ascii=False),
        json.dumps(["a list"]),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = _read([p], published=dt.date(2025, 1, 1))
    assert [d.id for d in docs] == ["a-1", "feed:5"]
    assert docs[0].outlet == "X" and docs[0].url == "https://e.org/1"
    assert docs[0].published == dt.date(2025, 10, 21)
    assert docs[1].published == dt.date(2025, 1, 1)      # bad date: the default, and a warning
    assert sorted((e.line, e.code) for e in errors) == [(2, "E_JSONL"), (3, "E_JSONL"), (5, "E_DATE"), (6, "E_JSONL")]


def test_folder_is_read_recursively_in_order_and_duplicate_ids_kept_apart(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "r.txt").write_text("نص أ", encoding="utf-8")
    (tmp_path / "b" / "r.txt").write_text("نص ب", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    docs, errors = _read([tmp_path])
    assert errors == []
    assert [d.id for d in docs] == ["r", "r~2"]
    assert [d.text for d in docs] == ["نص أ", "نص ب"]


def test_html_main_text_without_markup_or_scripts():
    page = ("<html><head><title>عنوان</title><script>var x='لا';</script></head><body>"
            "<nav>قائمة</nav><article><p>اندلعت اشتباكات عنيفة في مدينة حارم بريف إدلب الشمالي الليلة الماضية "
            "بين قوات الأمن ومسلحين.</p><p>وقالت مصادر محلية إن الاشتباكات استمرت حتى الصباح.</p></article>"
            "</body></html>")
    text, meta = html_to_text(page)
    assert "اشتباكات عنيفة في مدينة حارم" in text
    assert "var x" not in text and "<p>" not in text


def test_unsupported_suffix_is_an_error(tmp_path):
    p = tmp_path / "x.pdf"
    p.write_bytes(b"%PDF")
    docs, errors = _read([p])
    assert docs == [] and errors[0].code == "E_UNSUPPORTED"


def test_ids_stay_unique_and_a_file_reached_twice_is_read_once(tmp_path):
    """Regression (review of issue #2): ids a, a, a~2 and a path given twice."""
    p = tmp_path / "feed.jsonl"
    p.write_text("\n".join(json.dumps({"id": i, "text": f"نص {k}"}, ensure_ascii=False)
                           for k, i in enumerate(["a", "a", "a~2"])), encoding="utf-8")
    docs, errors = _read([p, p, tmp_path])
    assert errors == []
    assert [d.id for d in docs] == ["a", "a~2", "a~2~2"]


def test_lone_surrogate_in_json_line_is_an_encoding_error(tmp_path):
    p = tmp_path / "s.jsonl"
    p.write_text('{"id": "x", "text": "\\ud800 نص"}\n{"id": "y", "text": "نص سليم"}\n', encoding="utf-8")
    docs, errors = _read([p])
    assert [d.id for d in docs] == ["y"]
    assert errors[0].code == "E_ENCODING" and errors[0].line == 1


def test_marsad_report_and_excluded_outputs_are_not_read_as_news(tmp_path):
    from marsad.export.html import render_html
    (tmp_path / "report.html").write_text(render_html({"format": "marsad-json/1", "documents": [],
                                                       "actors": {}, "stories": []}, {}), encoding="utf-8")
    (tmp_path / "out.txt").write_text("ليس خبراً", encoding="utf-8")
    (tmp_path / "news.txt").write_text("خبر", encoding="utf-8")
    docs, errors = _read([tmp_path], exclude=[str(tmp_path / "out.txt")])
    assert [d.id for d in docs] == ["news"]
    assert [e.code for e in errors] == ["E_UNSUPPORTED"]
