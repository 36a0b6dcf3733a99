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

SCHEMA_VERSION = 2  # 2: embeddings table
SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    digest TEXT PRIMARY KEY,           -- sha256 of the original text
    id TEXT NOT NULL,
    path TEXT, url TEXT, outlet TEXT, published TEXT, language TEXT, title TEXT,
    text TEXT NOT NULL,
    analyzed_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_id ON documents(id);
CREATE TABLE IF NOT EXISTS document_ids (  -- every id and source a text arrived under
    id TEXT NOT NULL, digest TEXT NOT NULL REFERENCES documents(digest) ON DELETE CASCADE,
    path TEXT, url TEXT, outlet TEXT, published TEXT,
    PRIMARY KEY (id, digest)
);
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
CREATE TABLE IF NOT EXISTS embeddings (  -- a report's lead embedding, for fusion across runs
    digest TEXT NOT NULL,              -- the document's text digest (kept when it is re-analysed)
    model TEXT NOT NULL, dim INTEGER NOT NULL, vec BLOB NOT NULL,  -- float32, unit length
    at TEXT NOT NULL,
    PRIMARY KEY (digest, model)
);
CREATE TABLE IF NOT EXISTS input_errors (
    path TEXT, line INTEGER, code TEXT NOT NULL, message TEXT NOT NULL, hint TEXT, at TEXT NOT NULL
);
"""


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class Store:
    """A marsad SQLite database (created on first use)."""

    def __init__(self, path: str | Path = "marsad.db"):
        from .errors import MarsadError
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path)
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.executescript(SCHEMA)
            # databases of earlier versions gain the tables above (CREATE ... IF NOT EXISTS);
            # the version number says which schema a file has
            if self.conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
                self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.Error as exc:
            raise MarsadError("E_DB", f"{self.path}: cannot use as a marsad database: {exc}",
                              "give --db a new file name, or an existing marsad database") from exc

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
            # the same text from another outlet: keep that source's id and metadata too
            known = self.conn.execute("SELECT id, path, url, outlet, published FROM document_ids WHERE digest = ?",
                                      (digest,)).fetchall()
            self.conn.execute("DELETE FROM documents WHERE digest = ?", (digest,))
            self.conn.execute(
                "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?)",
                (digest, d.id, d.path, d.url, d.outlet, d.published.isoformat() if d.published else None,
                 d.language, d.title, d.text, _now()))
            self.conn.executemany("INSERT OR REPLACE INTO document_ids VALUES (?,?,?,?,?,?)",
                                  [(k[0], digest, *k[1:]) for k in known]
                                  + [(d.id, digest, d.path, d.url, d.outlet,
                                      d.published.isoformat() if d.published else None)])
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
        """Store stories; a story replaces stored stories that share any of its documents.

        Callers fuse the stored members of those stories together with the new reports
        (:meth:`load_docs`), so a replaced story's documents are all in the new stories.
        """
        with self.conn:
            stored = [(sid, set(json.loads(dj))) for sid, dj in
                      self.conn.execute("SELECT id, documents FROM stories").fetchall()]
            touched = set().union(*(set(s["documents"]) for s in stories)) if stories else set()
            for sid, members in stored:
                if members & touched:
                    self.conn.execute("DELETE FROM stories WHERE id = ?", (sid,))
            self.conn.executemany("INSERT OR REPLACE INTO stories VALUES (?,?,?,?)",
                                  [(s["id"], json.dumps(sorted(s["documents"]), ensure_ascii=False),
                                    json.dumps(s, ensure_ascii=False), _now()) for s in stories])

    def save_input_errors(self, errors: Iterable[ErrorRecord]) -> None:
        with self.conn:
            self.conn.executemany("INSERT INTO input_errors VALUES (?,?,?,?,?,?)",
                                  [(e.path, e.line, e.code, e.message, e.hint, _now()) for e in errors])

    def save_embeddings(self, vectors: dict, model: str) -> None:
        """Store lead embeddings (document digest → vector) computed by ``model``."""
        import numpy as np
        with self.conn:
            self.conn.executemany(
                "INSERT OR REPLACE INTO embeddings VALUES (?,?,?,?,?)",
                [(dg, model, int(np.asarray(v).size), np.asarray(v, dtype="<f4").tobytes(), _now())
                 for dg, v in vectors.items()])

    def load_embeddings(self, digests: Iterable[str], model: str) -> dict:
        """Stored embeddings of ``model`` for these document digests (missing ones are left out)."""
        import numpy as np
        out = {}
        digests = list(dict.fromkeys(digests))
        for i in range(0, len(digests), 500):  # SQLite's limit on bound parameters
            chunk = digests[i:i + 500]
            q = ",".join("?" * len(chunk))
            for dg, dim, blob in self.conn.execute(
                    f"SELECT digest, dim, vec FROM embeddings WHERE model = ? AND digest IN ({q})",
                    (model, *chunk)):
                v = np.frombuffer(blob, dtype="<f4")
                if v.size == dim:  # a truncated row is recomputed rather than trusted
                    out[dg] = v.astype(np.float32)
        return out

    def count(self, table: str) -> int:
        if table not in {"documents", "document_ids", "entities", "events", "actors", "stories", "input_errors",
                         "doc_errors", "embeddings"}:
            raise ValueError(table)
        return self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    def load_docs(self, *, exclude_digests: set[str] = frozenset(), around: list | None = None,
                  days: int = 7) -> list[Doc]:
        """Stored documents with events, as Docs (text, entities, events), for fusion across runs.

        ``around``: dates; only documents published within ``days`` of one of them (or undated)
        are loaded, plus every document of a stored story that one of those belongs to, so that
        re-fusing never drops a stored story's member.
        """
        from .export.json_out import event_from_json
        from .model import Document, Entity
        rows = self.conn.execute(
            "SELECT DISTINCT d.digest, d.id, d.path, d.url, d.outlet, d.published, d.language, d.title, d.text "
            "FROM documents d JOIN events e ON e.digest = d.digest").fetchall()
        by_digest = {r[0]: r for r in rows if r[0] not in exclude_digests}
        keep = set(by_digest)
        if around:
            keep = set()
            for dg, r in by_digest.items():
                if r[5] is None or any(abs((dt.date.fromisoformat(r[5]) - a).days) <= days for a in around):
                    keep.add(dg)
        # closure: all members of stored stories that touch a kept document
        ids_to_digest = {r[1]: dg for dg, r in by_digest.items()}
        for (members,) in self.conn.execute("SELECT documents FROM stories").fetchall():
            m = [ids_to_digest[i] for i in json.loads(members) if i in ids_to_digest]
            if keep.intersection(m):
                keep.update(m)
        out = []
        for dg in keep:
            r = by_digest[dg]
            doc = Doc(Document(id=r[1], text=r[8], path=r[2], url=r[3], outlet=r[4],
                               published=dt.date.fromisoformat(r[5]) if r[5] else None,
                               language=r[6] or "ar", title=r[7]))
            doc.entities = [Entity(st, en, tx, ty, "store", aid) for st, en, tx, ty, aid in self.conn.execute(
                'SELECT start, "end", text, type, actor_id FROM entities WHERE digest = ?', (dg,))]
            doc.events = [event_from_json(json.loads(j), r[1]) for (j,) in self.conn.execute(
                "SELECT json FROM events WHERE digest = ?", (dg,))]
            out.append(doc)
        return sorted(out, key=lambda d: (d.document.published or dt.date.min, d.id))

    def documents(self) -> list[dict]:
        cur = self.conn.execute("SELECT id, path, url, outlet, published, language, title, text, digest FROM documents")
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]
