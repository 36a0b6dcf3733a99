"""`marsad analyze` end to end: formats, bad input, exit codes, the store."""
import json
import sqlite3

from marsad.cli import main

ARTICLE = ("اندلعت اشتباكات عنيفة الليلة الماضية بين قوات الأمن العام ومسلحين في مدينة حارم بريف إدلب الشمالي، "
           "ما أسفر عن مقتل ثلاثة عناصر وإصابة آخرين، وفقاً لمصادر محلية.")


def test_analyze_reads_all_formats_and_reports_bad_inputs(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in" / "b.html").write_text(f"<html><body><article><p>{ARTICLE}</p><p>وأكدت المصادر أن الهدوء عاد إلى المدينة صباح اليوم.</p></article></body></html>",
                                            encoding="utf-8")
    (tmp_path / "in" / "bad.txt").write_bytes("قصف".encode("cp1256"))
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "j1", "text": ARTICLE, "outlet": "O"}, ensure_ascii=False)
                    + "\n{oops\n", encoding="utf-8")
    out, db, html = tmp_path / "out.json", tmp_path / "m.db", tmp_path / "r.html"
    code = main(["analyze", str(tmp_path / "in"), str(feed), str(tmp_path / "missing.txt"),
                 "--published", "2025-10-22", "--json", str(out), "--db", str(db), "--html", str(html), "-q"])
    assert code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 3
    assert any("bad.txt" in e and "E_ENCODING" in e for e in err)
    assert any("feed.jsonl:2" in e and "E_JSONL" in e for e in err)
    assert any("missing.txt" in e and "E_NOT_FOUND" in e for e in err)
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["format"] == "marsad-json/1"
    ids = [d["id"] for d in result["documents"]]
    assert ids == ["a", "b", "j1"]
    for d in result["documents"]:
        assert set(d) >= {"id", "path", "url", "outlet", "published", "language", "entities", "events", "errors"}
    assert result["documents"][0]["path"] == str(tmp_path / "in" / "a.txt")
    assert result["documents"][2]["outlet"] == "O"
    assert html.read_text(encoding="utf-8").count("dir=\"rtl\"") >= 1
    con = sqlite3.connect(db)
    n_docs = con.execute("select count(*) from documents").fetchone()[0]
    assert n_docs == 2          # a.txt and j1 share their text: stored once; b.html differs
    # analysing again adds nothing
    assert main(["analyze", str(tmp_path / "in" / "a.txt"), "--db", str(db), "-q"]) == 0
    assert con.execute("select count(*) from documents").fetchone()[0] == n_docs


def test_clean_run_exits_zero(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    assert main(["analyze", str(p), "--db", str(tmp_path / "m.db"), "-q"]) == 0


def test_bad_published_date_is_a_usage_error(tmp_path, capsys):
    import pytest
    with pytest.raises(SystemExit) as exc:
        main(["analyze", str(tmp_path), "--published", "22/10/2025"])
    assert exc.value.code == 2


def test_progress_reports_on_long_runs():
    import io

    from marsad.api import Progress
    out = io.StringIO()
    p = Progress(enabled=True, every=0.0, stream=out)
    for _ in range(3):
        p.tick()
    lines = out.getvalue().splitlines()
    assert lines and lines[-1].startswith("marsad: 3 documents analysed")
    quiet = io.StringIO()
    q = Progress(enabled=False, every=0.0, stream=quiet)
    q.tick(), q.tick()
    assert quiet.getvalue() == ""


CLASH_B = ("قالت مصادر أمنية إن اشتباكات اندلعت الليلة الماضية في مدينة حارم بريف إدلب بين قوات الأمن العام "
           "ومسلحين، وأسفرت عن مقتل عنصرين من الأمن.")
CLASH_C = ("أفاد المرصد السوري لحقوق الإنسان بمقتل أربعة عناصر من قوات الأمن العام في اشتباكات مع مسلحين "
           "في مدينة حارم شمال غربي إدلب الليلة الماضية.")


def test_stories_grow_across_runs_and_stored_stories_are_not_lost(tmp_path):
    """Regression (review of issue #2): a later run used to delete stored stories."""
    import json
    import sqlite3
    for name, text in (("a", ARTICLE), ("b", CLASH_B), ("c", CLASH_C)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    db, out = tmp_path / "m.db", tmp_path / "out.json"
    args = ["--published", "2025-10-22", "--db", str(db), "-q", "--json", str(out)]
    assert main(["analyze", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), *args]) == 0
    first = json.loads(out.read_text(encoding="utf-8"))["stories"]
    assert [sorted(s["documents"]) for s in first] == [["a", "b"]]
    assert main(["analyze", str(tmp_path / "c.txt"), *args]) == 0
    second = json.loads(out.read_text(encoding="utf-8"))
    assert [sorted(s["documents"]) for s in second["stories"]] == [["a", "b", "c"]]
    assert {d["id"] for d in second["documents"]} == {"a", "b", "c"}   # a story's reports are all shown
    rows = sqlite3.connect(db).execute("select documents from stories").fetchall()
    assert [sorted(json.loads(r[0])) for r in rows] == [["a", "b", "c"]]
