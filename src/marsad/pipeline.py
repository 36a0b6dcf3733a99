"""Pipeline stages: small named components that declare what they require and what they add.

All stages are registered here, in one place (:data:`STAGES`).  A pipeline is built from a list of
stage names; a stage whose requirement is not assigned by an earlier stage is an error at build
time naming what is missing and which stage would provide it.  Stage code lives in the
sub-packages; this module only wires it.

A stage that raises on one document turns into an error record on that document: the layers done
so far are kept and the batch goes on.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from .config import Options
from .errors import PipelineError, error_record
from .model import Doc, Document

StageFn = Callable[[Doc], None]


@dataclass(frozen=True)
class Stage:
    """A registered stage: ``factory(options, resources)`` returns the per-document function."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    factory: Callable[["Options", "Resources"], StageFn]
    doc: str = ""


STAGES: dict[str, Stage] = {}


def stage(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()):
    """Register a stage factory under ``name`` (decorator)."""
    def wrap(factory):
        STAGES[name] = Stage(name, tuple(requires), tuple(assigns), factory,
                             (factory.__doc__ or "").strip())
        return factory
    return wrap


class Resources:
    """Shared, lazily built resources (actor resolver, geocoder): built once per pipeline."""

    def __init__(self, options: Options):
        self.options = options
        self._resolver = None
        self._geocoder = None

    @property
    def resolver(self):
        if self._resolver is None:
            from .actors.kb import load_kb
            from .actors.resolve import ActorResolver
            self._resolver = ActorResolver(load_kb())
        return self._resolver

    @property
    def geocoder(self):
        if self._geocoder is None:
            from .geo.geocode import Geocoder
            db = self.options.db
            self._geocoder = Geocoder(db_path=db if db and _exists(db) else None)
        return self._geocoder


def _exists(path: str) -> bool:
    import os
    return os.path.exists(path)


# ---------------------------------------------------------------- the stages
@stage("normalize", requires=["text"], assigns=["normalized"])
def _normalize(options, res):
    """Normalized text for matching, with an offset map back to the original."""
    from .text.normalize import normalize

    def run(doc: Doc):
        doc.normalized = normalize(doc.text)
    return run


@stage("sentences", requires=["text"], assigns=["sentences"])
def _sentences(options, res):
    """Sentence spans."""
    from .text.sentences import split_sentences

    def run(doc: Doc):
        doc.sentences = split_sentences(doc.text)
    return run


@stage("tokens", requires=["text"], assigns=["tokens"])
def _tokens(options, res):
    """Surface tokens with their clitic parts."""
    from .text.tokens import tokenize

    def run(doc: Doc):
        doc.tokens = tokenize(doc.text)
    return run


@stage("quantities", requires=["tokens"], assigns=["quantities"])
def _quantities(options, res):
    """Numbers, number words, duals and vague amounts with value and status."""
    from .text.quantities import find_quantities

    def run(doc: Doc):
        doc.quantities = find_quantities(doc.text, doc.tokens)
    return run


@stage("times", requires=["text"], assigns=["times"])
def _times(options, res):
    """Dates and times resolved against the publication date."""
    from .text.times import find_times

    def run(doc: Doc):
        doc.times = find_times(doc.text, doc.document.published)
    return run


@stage("entities", requires=["tokens"], assigns=["entities"])
def _entities(options, res):
    """Named entities: PER ORG LOC (model) and FAC NORP (rules and gazetteers)."""
    from .ner import recognize

    def run(doc: Doc):
        doc.entities = recognize(doc)
    return run


@stage("actors", requires=["sentences", "entities"], assigns=["actor_ids"])
def _actors(options, res):
    """Links entity mentions to canonical actors (knowledge base, or new clustered actors).

    Context for generic descriptors ("قوات الأمن") is the mention's sentence; the document's
    country in focus (the config's country_hint, else inferred from the text) breaks ties.
    """
    import bisect
    import dataclasses

    from .actors.resolve import infer_country

    actor_types = {"PER", "ORG", "NORP"}

    def run(doc: Doc):
        resolver = res.resolver
        country = options.country_hint or infer_country(resolver.kb, doc.text[:3000])
        starts = [s.start for s in doc.sentences]
        out = []
        for e in doc.entities:
            aid = None
            if e.type in actor_types or e.type == "LOC":
                i = bisect.bisect_right(starts, e.start) - 1
                if i >= 0 and doc.sentences[i].end >= e.end:
                    ctx = doc.text[doc.sentences[i].start:doc.sentences[i].end]
                else:
                    ctx = doc.text[max(0, e.start - 100):e.end + 100]
                kw = dict(context=ctx, published=doc.document.published, country=country, document=doc.text)
                aid = resolver.resolve(e.text, **kw)
                if aid is None and e.type in actor_types:
                    aid = resolver.resolve_or_new(e.text, e.type, **kw)
            out.append(dataclasses.replace(e, actor_id=aid) if aid != e.actor_id else e)
        doc.entities = out
    return run


@stage("events", requires=["sentences", "tokens", "quantities", "times", "entities", "actor_ids"],
       assigns=["events"])
def _events(options, res):
    """ACLED and PLOVER events with actors, place, time, counts, attribution and certainty."""
    from .events import extract

    def run(doc: Doc):
        fn = extract
        if doc.document.language == "en":  # English reports: the basics, for cross-lingual fusion
            from .events.english import extract_english as fn
        events = fn(doc, resolver=res.resolver, geocoder=res.geocoder, options=options)
        doc.events = [e for e in events if e.confidence >= options.min_confidence]
    return run


# ---------------------------------------------------------------- building and running
class Pipeline:
    """A checked sequence of stages. Call it on a Document to get an analysed Doc."""

    def __init__(self, names: Iterable[str] | None = None, options: Options | None = None):
        self.options = options or Options()
        names = list(names if names is not None else self.options.stages)
        self.stages = build_stages(names)
        self.resources = Resources(self.options)
        self._fns: list[tuple[str, StageFn]] | None = None

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def _functions(self) -> list[tuple[str, StageFn]]:
        if self._fns is None:  # built on first use: imports and model loads are lazy
            self._fns = [(s.name, s.factory(self.options, self.resources)) for s in self.stages]
        return self._fns

    def __call__(self, document: Document) -> Doc:
        doc = Doc(document)
        for name, fn in self._functions():
            try:
                fn(doc)
            except Exception as exc:  # one bad document becomes an error record, not a crash
                doc.errors.append(error_record(
                    "E_STAGE", f"stage '{name}' failed: {type(exc).__name__}: {exc}",
                    path=document.path))
                break
            doc.layers.update(STAGES[name].assigns)
        return doc

    def pipe(self, documents: Iterable[Document]) -> Iterator[Doc]:
        for d in documents:
            yield self(d)


def build_stages(names: list[str]) -> list[Stage]:
    """Check a list of stage names and return the stages; raise PipelineError when it cannot run."""
    available = {"text"}
    out = []
    for name in names:
        st = STAGES.get(name)
        if st is None:
            raise PipelineError(f"unknown stage '{name}'; known stages: {', '.join(STAGES)}")
        missing = [r for r in st.requires if r not in available]
        if missing:
            providers = sorted({s.name for s in STAGES.values() for m in missing if m in s.assigns})
            raise PipelineError(
                f"stage '{name}' requires {', '.join(missing)}, which no earlier stage assigns"
                + (f" (put {', '.join(providers)} before it)" if providers else ""))
        available.update(st.assigns)
        out.append(st)
    return out
