import datetime as dt

from marsad.model import Doc, Document, ErrorRecord
from marsad.store import Store


def _doc(i, text):
    return Doc(Document(id=i, text=text, published=dt.date(2025, 1, 2)))


def test_same_text_twice_is_stored_once_and_reanalysis_replaces(tmp_path):
    db = tmp_path / "m.db"
    dj = {"entities": [{"text": "حارم", "type": "LOC", "start": 0, "end": 4, "actor_id": None}],
          "events": [], "errors": []}
    with Store(db) as s:
        assert s.save_doc(_doc("a", "حارم اليوم"), dj) is True
        assert s.save_doc(_doc("a", "حارم اليوم"), dj) is False
        assert s.count("documents") == 1 and s.count("entities") == 1
    with Store(db) as s:  # reopening keeps everything
        assert s.save_doc(_doc("b", "نص آخر"), {"entities": [], "events": [], "errors": []}) is True
        s.save_input_errors([ErrorRecord("E_EMPTY", "file is empty", path="x.txt")])
        assert s.count("documents") == 2 and s.count("input_errors") == 1


def test_stories_replace_stories_sharing_documents(tmp_path):
    with Store(tmp_path / "m.db") as s:
        s.save_stories([{"id": "s1", "documents": ["a", "b"]}])
        s.save_stories([{"id": "s2", "documents": ["b", "c"]}])
        assert s.count("stories") == 1


def test_a_database_of_the_previous_schema_is_migrated_and_stays_readable(tmp_path):
    import sqlite3
    db = tmp_path / "old.db"
    with Store(db) as s:
        s.save_doc(_doc("a", "قصف على حارم"), {"entities": [], "events": [], "errors": []})
    # make it what the previous version wrote: no embeddings table, schema version 0
    con = sqlite3.connect(db)
    con.execute("DROP TABLE embeddings")
    con.execute("PRAGMA user_version = 0")
    con.commit()
    con.close()
    with Store(db) as s:
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] >= 2
        assert s.count("documents") == 1 and s.count("embeddings") == 0
        assert [d["id"] for d in s.documents()] == ["a"]
        s.save_embeddings({"x": [1.0, 0.0]}, model="m")
        assert list(s.load_embeddings(["x"], model="m")["x"]) == [1.0, 0.0]
