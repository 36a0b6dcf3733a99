"""Read reports from plain text, HTML pages, JSON lines and folders of them.

Each input yields :class:`ReadItem` values: a :class:`~marsad.model.Document` (the original text,
untouched but for a UTF-8 byte-order mark) and the problems met while reading it, or — when the
input cannot be read at all — no document and an error naming the file (and line).  A bad input
never stops the batch.
"""
from __future__ import annotations

import datetime as dt
import html as _html
import json
import os
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import error_record
from ..model import Document, ErrorRecord

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

_ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN = re.compile(r"[A-Za-z]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class ReadItem:
    """One document read from an input (or None), with the problems met reading it."""

    document: Document | None
    errors: list[ErrorRecord] = field(default_factory=list)


def guess_language(text: str) -> str:
    """'ar' when Arabic letters dominate Latin ones, else 'en' (a cheap, offline heuristic)."""
    sample = text[:4000]
    ar = len(_ARABIC.findall(sample))
    la = len(_LATIN.findall(sample))
    return "ar" if ar >= la else "en"


def parse_date(value) -> dt.date | None:
    """A date from 'YYYY-MM-DD' or an ISO timestamp; None when empty. Raises ValueError if bad."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", s)
    if not m:
        raise ValueError(f"not a date: {s!r}")
    return dt.date(int(m[1]), int(m[2]), int(m[3]))


def iter_paths(paths: Iterable[str]) -> Iterator[tuple[str, ErrorRecord | None]]:
    """Expand the given paths (files and folders) into files, in a stable order."""
    for p in paths:
        path = Path(p)
        if not os.path.lexists(p):
            yield p, error_record("E_NOT_FOUND", "no such file or folder", path=p)
        elif path.is_dir():
            found = False
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUPPORTED \
                        and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    found = True
                    yield str(child), None
            if not found:
                yield p, error_record("E_EMPTY", "folder holds no .txt, .html or .jsonl file",
                                      path=p, hint="point marsad at files or folders of reports")
        elif path.suffix.lower() in SUPPORTED:
            yield p, None
        else:
            yield p, error_record("E_UNSUPPORTED", f"unsupported file type {path.suffix or '(none)'}",
                                  path=p)


def _read_bytes(path: str) -> tuple[bytes | None, ErrorRecord | None]:
    try:
        with open(path, "rb") as fh:
            return fh.read(), None
    except IsADirectoryError:
        return None, error_record("E_UNREADABLE", "is a folder, not a file", path=path)
    except OSError as exc:
        return None, error_record("E_UNREADABLE", f"cannot read: {exc.strerror or exc}", path=path)


def _decode(data: bytes, path: str) -> tuple[str | None, ErrorRecord | None]:
    if b"\x00" in data[:8192]:
        return None, error_record("E_BINARY", "binary file (NUL bytes), not text", path=path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, error_record("E_ENCODING", f"not UTF-8 (bad byte at offset {exc.start})",
                                  path=path)
    if not text.strip():
        return None, error_record("E_EMPTY", "file is empty", path=path)
    return text, None


class _TextExtractor(HTMLParser):
    """Fallback HTML → text: keeps block structure as line breaks, drops script/style."""

    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article",
             "section", "header", "footer", "blockquote"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: str | None = None
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript"):
            self.skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript"):
            self.skip = max(0, self.skip - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title = (self.title or "") + data
        elif not self.skip:
            self.parts.append(data)

    def text(self) -> str:
        raw = "".join(self.parts)
        lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in raw.split("\n")]
        return "\n\n".join(ln for ln in lines if ln)


def html_to_text(markup: str) -> tuple[str, dict]:
    """Main text and metadata (title, date, url, outlet) of an HTML page.

    Uses trafilatura (main-content extraction) when installed, else a plain tag stripper.
    """
    meta: dict = {}
    try:
        import trafilatura  # lazy: heavy import, only needed for HTML
        text = trafilatura.extract(markup, include_comments=False, include_tables=False,
                                   favor_recall=True)
        md = trafilatura.extract_metadata(markup)
        if md is not None:
            meta = {"title": md.title, "date": md.date, "url": md.url, "outlet": md.sitename}
        if text and text.strip():
            return text, meta
    except ImportError:
        pass
    except Exception:  # trafilatura can fail on odd markup: fall back, never crash
        pass
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    if parser.title and not meta.get("title"):
        meta["title"] = _html.unescape(parser.title.strip())
    return parser.text(), meta


def read_path(path: str, *, published: dt.date | None = None) -> Iterator[ReadItem]:
    """Read one file (txt, html or jsonl) into documents. Errors name the file and line."""
    suffix = Path(path).suffix.lower()
    data, err = _read_bytes(path)
    if err:
        yield ReadItem(None, [err])
        return
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, data, published)
        return
    text, err = _decode(data, path)
    if err:
        yield ReadItem(None, [err])
        return
    doc_id = Path(path).stem
    if suffix in HTML_SUFFIXES:
        if 'name="generator" content="marsad' in text[:4000]:
            yield ReadItem(None, [error_record("E_UNSUPPORTED", "this is a marsad report, not a news page",
                                               path=path, hint="keep reports out of input folders")])
            return
        text, meta = html_to_text(text)
        if not text.strip():
            yield ReadItem(None, [error_record("E_EMPTY", "HTML page holds no main text", path=path)])
            return
        errors = []
        pub = published
        if meta.get("date"):
            try:
                pub = parse_date(meta["date"]) or published
            except ValueError:
                pass
        yield ReadItem(Document(id=doc_id, text=text, path=path, url=meta.get("url"),
                                outlet=meta.get("outlet"), published=pub,
                                language=guess_language(text), title=meta.get("title")), errors)
        return
    yield ReadItem(Document(id=doc_id, text=text, path=path, published=published,
                            language=guess_language(text)))


def _read_jsonl(path: str, data: bytes, published: dt.date | None) -> Iterator[ReadItem]:
    if b"\x00" in data[:8192]:
        yield ReadItem(None, [error_record("E_BINARY", "binary file (NUL bytes), not JSON lines",
                                           path=path)])
        return
    stem = Path(path).stem
    any_line = False
    for lineno, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        any_line = True
        try:
            line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield ReadItem(None, [error_record("E_ENCODING", f"not UTF-8 (bad byte at column {exc.start + 1})",
                                               path=path, line=lineno)])
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadItem(None, [error_record("E_JSONL", f"malformed JSON: {exc.msg} at column {exc.colno}",
                                               path=path, line=lineno)])
            continue
        if not isinstance(obj, dict):
            yield ReadItem(None, [error_record("E_JSONL", "line is not a JSON object", path=path, line=lineno)])
            continue
        text = obj.get("text")
        if not isinstance(text, str):
            yield ReadItem(None, [error_record("E_JSONL", "missing string key 'text'", path=path, line=lineno)])
            continue
        bad = _LONE_SURROGATE.search(text)
        if bad:  # a JSON escape such as "\ud800" that is no character: not storable as UTF-8
            yield ReadItem(None, [error_record("E_ENCODING", f"'text' holds a lone surrogate "
                                               f"U+{ord(bad.group()):04X} at character {bad.start()}",
                                               path=path, line=lineno,
                                               hint="fix the escape in the JSON (a surrogate pair or the character itself)")])
            continue
        if not text.strip():
            yield ReadItem(None, [error_record("E_EMPTY", "'text' is empty", path=path, line=lineno)])
            continue
        errors: list[ErrorRecord] = []
        pub = published
        if obj.get("published") not in (None, ""):
            try:
                pub = parse_date(obj["published"])
            except ValueError as exc:
                errors.append(error_record("E_DATE", f"'published' ignored: {exc}", path=path, line=lineno))
        doc_id = obj.get("id")
        doc_id = str(doc_id) if doc_id not in (None, "") else f"{stem}:{lineno}"

        def _s(key):
            v = obj.get(key)
            return None if v is None else str(v)

        yield ReadItem(Document(id=doc_id, text=text, path=path, url=_s("url"), outlet=_s("outlet"),
                                published=pub, language=_s("language") or guess_language(text),
                                title=_s("title")), errors)
    if not any_line:
        yield ReadItem(None, [error_record("E_EMPTY", "file is empty", path=path)])


class UniqueIds:
    """Makes document ids unique within a run: a repeated id gets the first free ``~N`` suffix."""

    def __init__(self):
        self.used: set[str] = set()

    def __call__(self, doc: Document) -> Document:
        doc_id, n = doc.id, 1
        while doc_id in self.used:
            n += 1
            doc_id = f"{doc.id}~{n}"
        self.used.add(doc_id)
        return doc if doc_id == doc.id else Document(**{**_asdict(doc), "id": doc_id})


def read_inputs(paths: Iterable[str], *, published: dt.date | None = None,
                exclude: Iterable[str] = ()) -> Iterator[ReadItem]:
    """Read every input path (files, folders). Document ids are made unique within the run.

    A file reached twice (given twice, or a folder and a file inside it) is read once; files in
    ``exclude`` (the run's own outputs) are skipped.
    """
    unique = UniqueIds()
    seen_files = {os.path.realpath(p) for p in exclude}
    for path, err in iter_paths(paths):
        if err:
            yield ReadItem(None, [err])
            continue
        real = os.path.realpath(path)
        if real in seen_files:
            continue
        seen_files.add(real)
        for item in read_path(path, published=published):
            if item.document is not None:
                item.document = unique(item.document)
            yield item


def _asdict(doc: Document) -> dict:
    return {f: getattr(doc, f) for f in Document.__slots__}
