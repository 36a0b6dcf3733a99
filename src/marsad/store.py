"""The SQLite store: documents, their annotations, actors, stories and input errors.

A document is keyed by the digest of its text: analysing the same text again replaces its
annotations instead of adding a copy.  Each document is written in its own transaction, so a
failure later in a batch never loses what is already stored.
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Iterable

from .model import Doc, ErrorRecord

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    digest TEXT PRIMARY KEY,           -- sha256 of the original text
    id TEXT NOT NULL,
    path TEXT, url TEXT, outlet TEXT, published TEXT, language TEXT, title TEXT,
    text TEXT NOT NULL,
    analyzed_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_id ON documents(id);
CREATE TABLE IF NOT EXISTS entities (
    digest TEXT NOT NULL REFERENCES documents(digest) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL,
    actor_id TEXT
);
CREATE INDEX IF NOT EXISTS entities_digest ON entities(digest);
CREATE TABLE IF NOT EXISTS events (
    id TEXT NOT NULL,
    digest TEXT NOT NULL REFERENCES documents(digest) ON DELETE CASCADE,
    plover TEXT, acled_type TEXT, acled_subtype TEXT, event_date TEXT, confidence REAL,
    json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_digest ON events(digest);
CREATE TABLE IF NOT EXISTS doc_errors (
    digest TEXT NOT NULL REFERENCES documents(digest) ON DELETE CASCADE,
    code TEXT NOT NULL, message TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS actors (id TEXT PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stories (id TEXT PRIMARY KEY, documents TEXT NOT NULL, json TEXT NOT NULL,
                                    updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS input_errors (
    path TEXT, line INTEGER, code TEXT NOT NULL, message TEXT NOT NULL, hint TEXT, at TEXT NOT NULL
);
"""


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class Store:
    """A marsad SQLite database (created on first use)."""

    def __init__(self, path: str | Path = "marsad.db"):
        self.path = str(path)
        self.conn = sqlite3.connect(self.path)
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.executescript(SCHEMA)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def has_text(self, digest: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE digest = ?", (digest,)).fetchone() is not None

    def save_doc(self, doc: Doc, doc_json: dict) -> bool:
        """Store one analysed document (replacing an earlier analysis of the same text).

        Returns True when the text was new to the store.
        """
        d = doc.document
        digest = d.digest
        new = not self.has_text(digest)
        with self.conn:  # one transaction per document
            self.conn.execute("DELETE FROM documents WHERE digest = ?", (digest,))
            self.conn.execute(
                "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?)",
                (digest, d.id, d.path, d.url, d.outlet, d.published.isoformat() if d.published else None,
                 d.language, d.title, d.text, _now()))
            self.conn.executemany(
                'INSERT INTO entities VALUES (?,?,?,?,?,?)',
                [(digest, e["start"], e["end"], e["text"], e["type"], e.get("actor_id"))
                 for e in doc_json.get("entities", [])])
            self.conn.executemany(
                "INSERT INTO events VALUES (?,?,?,?,?,?,?,?)",
                [(ev["id"], digest, ev.get("plover"), ev.get("acled_type"), ev.get("acled_subtype"),
                  (ev.get("date") or {}).get("value"), ev.get("confidence"),
                  json.dumps(ev, ensure_ascii=False)) for ev in doc_json.get("events", [])])
            self.conn.executemany(
                "INSERT INTO doc_errors VALUES (?,?,?)",
                [(digest, er["code"], er["message"]) for er in doc_json.get("errors", [])])
        return new

    def save_actors(self, actors: dict[str, dict]) -> None:
        with self.conn:
            self.conn.executemany("INSERT OR REPLACE INTO actors VALUES (?, ?)",
                                  [(k, json.dumps(v, ensure_ascii=False)) for k, v in actors.items()])

    def save_stories(self, stories: list[dict]) -> None:
        """Store stories; a story replaces stored stories that share any of its documents."""
        with self.conn:
            for s in stories:
                docs = set(s["documents"])
                for sid, dj in self.conn.execute("SELECT id, documents FROM stories").fetchall():
                    if docs & set(json.loads(dj)):
                        self.conn.execute("DELETE FROM stories WHERE id = ?", (sid,))
                self.conn.execute("INSERT OR REPLACE INTO stories VALUES (?,?,?,?)",
                                  (s["id"], json.dumps(sorted(docs), ensure_ascii=False),
                                   json.dumps(s, ensure_ascii=False), _now()))

    def save_input_errors(self, errors: Iterable[ErrorRecord]) -> None:
        with self.conn:
            self.conn.executemany("INSERT INTO input_errors VALUES (?,?,?,?,?,?)",
                                  [(e.path, e.line, e.code, e.message, e.hint, _now()) for e in errors])

    def count(self, table: str) -> int:
        if table not in {"documents", "entities", "events", "actors", "stories", "input_errors", "doc_errors"}:
            raise ValueError(table)
        return self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    def documents(self) -> list[dict]:
        cur = self.conn.execute("SELECT id, path, url, outlet, published, language, title, text, digest FROM documents")
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]
