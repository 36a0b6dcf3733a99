"""Hand-built Docs for the event tests: layers are written out, not produced by other stages."""
from __future__ import annotations

import datetime as dt

import pytest

from marsad.model import Doc, Document, Entity, Location, Quantity, Sentence, TimeExpr


def _find(text: str, surface: str, nth: int = 0) -> int:
    pos = -1
    for _ in range(nth + 1):
        pos = text.find(surface, pos + 1)
        assert pos >= 0, f"{surface!r} not in the test text"
    return pos


def build_doc(text: str, *, entities=(), times=(), quantities=(), published=dt.date(2025, 3, 10),
              doc_id="t1", sentences=None) -> Doc:
    """A Doc with layers placed by surface string.

    ``entities``: (surface, type[, actor_id[, nth]]); ``times``: (surface, iso[, nth]);
    ``quantities``: (surface, value, status); sentences: split on '.' and newlines unless given.
    """
    ents = []
    for e in entities:
        surface, etype = e[0], e[1]
        aid = e[2] if len(e) > 2 else None
        nth = e[3] if len(e) > 3 else 0
        a = _find(text, surface, nth)
        ents.append(Entity(a, a + len(surface), surface, etype, "test", aid))
    tms = []
    for t in times:
        nth = t[2] if len(t) > 2 else 0
        a = _find(text, t[0], nth)
        tms.append(TimeExpr(a, a + len(t[0]), t[0], t[1]))
    qs = []
    for q in quantities:
        a = _find(text, q[0])
        qs.append(Quantity(a, a + len(q[0]), q[0], q[1], q[2]))
    if sentences is None:
        sents, start = [], 0
        for i, ch in enumerate(text):
            if ch in ".\n":
                if text[start:i + 1].strip():
                    sents.append(Sentence(start, i + 1))
                start = i + 1
        if text[start:].strip():
            sents.append(Sentence(start, len(text)))
    else:
        sents = sentences
    return Doc(Document(id=doc_id, text=text, published=published), sentences=sents,
               entities=ents, times=tms, quantities=qs)


class FakeResolver:
    """Resolves by a fixed table of surfaces; unknown names become ``new:<surface>``."""

    def __init__(self, table: dict[str, str]):
        self.table = table
        self.calls = []

    def resolve(self, text, *, context="", published=None, country=None):
        self.calls.append(text)
        return self.table.get(text)

    def resolve_or_new(self, text, etype, *args, **kwargs):
        return self.table.get(text) or f"new:{text}"


class FakeGeocoder:
    """Knows a few places; precision 1 for towns, 3 for regions."""

    PLACES = {"حارم": ("Harim", "Idlib", 1), "إدلب": ("Idlib", "Idlib", 3),
              "درعا": ("Daraa", "Daraa", 1), "فرنسا": ("France", None, 3)}

    def geocode(self, doc_text, start, end, *, country_hint=None, context_places=()):
        name = doc_text[start:end]
        if name not in self.PLACES:
            return None
        en, adm, prec = self.PLACES[name]
        return Location(en, name, adm, None, "SY", 1, 36.0, 36.0, prec, start, end)


class BrokenCollaborator:
    """A resolver/geocoder that fails: extraction must go on without it."""

    def resolve(self, *a, **k):
        raise RuntimeError("boom")

    def resolve_or_new(self, *a, **k):
        raise RuntimeError("boom")

    def geocode(self, *a, **k):
        raise RuntimeError("boom")


@pytest.fixture
def mkdoc():
    return build_doc


@pytest.fixture(autouse=True)
def _no_document_gate(request, monkeypatch):
    """The rule tests build one- or two-sentence documents; the document gate (how much of a
    report speaks of violence, tested in test_gate.py) would drop most of them, so it is off here
    unless a test is marked ``gate``."""
    if request.node.get_closest_marker("gate"):
        return
    from marsad.events import extract as _  # noqa: F401  (the module, not the function)
    import importlib
    mod = importlib.import_module("marsad.events.extract")
    monkeypatch.setattr(mod, "GATE_DEFAULTS", {k: 0.0 for k in mod.GATE_DEFAULTS})


@pytest.fixture(scope="module")
def rules_pipe():
    """The whole pipeline with the real knowledge base, the document gate and the calibration
    off: the rule tests' texts are one or two sentences on purpose (the gate: test_gate.py; the
    calibration: test_calibrate.py)."""
    from marsad.config import Options
    from marsad.pipeline import Pipeline
    return Pipeline(options=Options(extra={"calibration": False}, min_violence=0, verbal_min_violence=0,
                                    violence_density=0, violence_enough=0))


def run_events(pipe, text: str, day: dt.date):
    """The events the whole pipeline ``pipe`` finds in ``text`` published on ``day``."""
    return pipe(Document(id="t", text=text, published=day)).events


def of_type(evs, sub: str):
    """The events of ACLED sub-type (or, for verbal events, PLOVER type) ``sub``."""
    return [e for e in evs if (e.acled_subtype or e.plover) == sub]


@pytest.fixture(scope="module")
def pipe(rules_pipe):
    """The rule tests' pipeline (``rules_pipe``); a test module may define its own ``pipe``."""
    return rules_pipe
