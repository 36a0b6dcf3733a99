"""The main job: read inputs, analyse each document, fuse stories, write results.

    >>> from marsad.api import analyze
    >>> run = analyze(["examples/"], published="2025-10-22")   # doctest: +SKIP
    >>> run.json["stories"]                                      # doctest: +SKIP
"""
from __future__ import annotations

import datetime as dt
import sys
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .config import Options
from .errors import error_record
from .export.json_out import doc_json, to_json
from .io.readers import parse_date, read_inputs
from .model import Actor, Doc, Document, ErrorRecord
from .pipeline import Pipeline


@dataclass
class RunResult:
    """What one run produced: analysed docs, inputs that failed, actors, stories, the JSON."""

    docs: list[Doc] = field(default_factory=list)
    input_errors: list[ErrorRecord] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    stories: list[dict] = field(default_factory=list)
    json: dict = field(default_factory=dict)
    stored_new: int = 0

    @property
    def failed(self) -> bool:
        """True when any input could not be read or any document hit an error in a stage."""
        return bool(self.input_errors) or any(
            e.code in ("E_STAGE", "E_STORE") for d in self.docs for e in d.errors)


class Progress:
    """Prints a progress line to stderr every few seconds on long runs."""

    def __init__(self, enabled: bool = True, every: float = 2.0, stream=None):
        self.enabled, self.every = enabled, every
        self.stream = stream or sys.stderr
        self.t0 = self.last = time.perf_counter()
        self.n = 0

    def tick(self) -> None:
        self.n += 1
        now = time.perf_counter()
        if self.n == 1:  # the first document pays for loading models: rate counts from here
            self.t0 = self.last = now
            return
        if self.enabled and now - self.last >= self.every:
            self.last = now
            rate = (self.n - 1) / max(now - self.t0, 1e-9)
            print(f"marsad: {self.n} documents analysed ({rate:.1f}/s)", file=self.stream, flush=True)


def analyze_documents(documents: Iterable[Document], options: Options | None = None, *,
                      store=None, progress: Progress | None = None,
                      on_error: Callable[[ErrorRecord], None] | None = None) -> RunResult:
    """Analyse documents already in memory: each is stored as soon as it is done, then stories.

    Repeated ids are made unique (``id~2``) so that no document hides another.
    """
    from .io.readers import UniqueIds
    unique = UniqueIds()
    return _run(((unique(d), []) for d in documents), [], options or Options(), store, progress, on_error)


def _run(items, input_errors, options, store, progress, on_error) -> RunResult:
    pipeline = Pipeline(options=options)
    run = RunResult(input_errors=input_errors)
    for document, warnings in items:
        doc = pipeline(document)
        doc.errors[:0] = warnings  # reading problems that still gave a document come first
        run.docs.append(doc)
        if on_error:
            for e in doc.errors[len(warnings):]:
                on_error(e)
        if store is not None:
            try:
                run.stored_new += store.save_doc(doc, doc_json(doc))
            except Exception as exc:  # one document the store refuses must not stop the batch
                err = error_record("E_STORE", f"not stored: {type(exc).__name__}: {exc}", path=document.path)
                doc.errors.append(err)
                if on_error:
                    on_error(err)
        if progress:
            progress.tick()
    return _finish(run, pipeline, options, store, on_error)


def _finish(run: RunResult, pipeline: Pipeline, options: Options, store, on_error=None) -> RunResult:
    from .fusion import build_stories

    earlier: list[Doc] = []
    if store is not None:  # reports stored by earlier runs may belong to this run's stories
        earlier = _earlier_docs(store, run.docs)
    try:
        stories = build_stories(run.docs + earlier, options, store=store)
        if store is not None:
            store.save_stories(stories)
        mine = {d.id for d in run.docs}
        run.stories = [s for s in stories if mine.intersection(s["documents"])]
    except Exception as exc:  # documents are analysed and stored; a fusion failure must not lose them
        err = error_record("E_FUSION", f"stories not built: {type(exc).__name__}: {exc}")
        run.input_errors.append(err)
        if on_error:
            on_error(err)
    res = pipeline.resources
    if res._resolver is not None:
        used = {e.actor_id for d in run.docs for e in d.entities if e.actor_id}
        used |= {r.actor_id for d in run.docs for ev in d.events for r in (ev.actor1, ev.actor2) if r and r.actor_id}
        res.resolver.latin_names(used)
        run.actors = dict(res.resolver.kb.actors)
        run.actors.update(getattr(res.resolver, "new_actors", {}) or {})
    in_stories = {i for s in run.stories for i in s["documents"]}
    shown = run.docs + [d for d in earlier if d.id in in_stories]
    run.json = to_json(shown, run.actors, run.stories, run.input_errors)
    if store is not None:
        store.save_actors(run.json["actors"])
        store.save_input_errors(run.input_errors)
    return run


def _earlier_docs(store, docs: list[Doc]) -> list[Doc]:
    """Stored documents near this run's dates, with ids that do not clash with this run's."""
    digests = {d.document.digest for d in docs}
    around = sorted({d.document.published for d in docs if d.document.published})
    earlier = store.load_docs(exclude_digests=digests, around=around or None)
    ids = {d.id for d in docs}
    for d in earlier:
        if d.id in ids:  # another text under the same id in an earlier run
            new_id = f"{d.id}@{d.document.digest[:8]}"
            d.document = Document(**{**{f: getattr(d.document, f) for f in Document.__slots__}, "id": new_id})
            for ev in d.events:
                ev.doc_id = new_id
    return earlier


def analyze(paths: Iterable[str], *, published: str | dt.date | None = None,
            options: Options | None = None, store=None, progress: Progress | None = None,
            on_error: Callable[[ErrorRecord], None] | None = None,
            exclude: Iterable[str] = ()) -> RunResult:
    """Read every path (files, folders, JSON lines) and analyse what could be read.

    Inputs that cannot be read become entries of ``RunResult.input_errors`` (``on_error`` is
    called for each as it happens); the rest of the batch goes on.
    """
    pub = parse_date(published) if published is not None else None
    errors: list[ErrorRecord] = []

    def items():
        for item in read_inputs(paths, published=pub, exclude=exclude):
            if on_error:
                for e in item.errors:
                    on_error(e)
            if item.document is None:
                errors.extend(item.errors)
            else:
                yield item.document, list(item.errors)

    return _run(items(), errors, options or Options(), store, progress, on_error)
