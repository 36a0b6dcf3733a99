"""The analyst's HTML report: one self-contained page from a marsad-json/1 result.

``render_html(result, texts)`` turns a marsad-json/1 object (see ``docs/output-format.md``) and the
original texts of its documents into a single HTML page: inline CSS, no external assets, no
JavaScript (highlight toggles are plain checkboxes and CSS).  The page is right-to-left
(``<html lang="ar" dir="rtl">``) with bilingual headings, and holds

* a summary (documents, events, stories, merged events, disagreements, errors);
* for each story, its reports side by side (one grid column per source) with the evidence of
  every event field highlighted in the full original text, a table per merged event with one
  column per source (disagreeing rows in red), agreed notes, the disagreements with their
  evidence, and the story's timeline;
* the documents that are in no story, each with its text and events table;
* the error records.

Highlighting works on character spans ``[start, end)`` into the original text.  Spans may
overlap arbitrarily: the text is cut at every span boundary and marks are opened and closed so
the HTML stays properly nested; a span that crosses another is split into several ``<mark>``
fragments that share one ``data-span`` number.  Every character of the original text is
written exactly once, HTML-escaped.  Bad offsets (out of range, reversed, not integers) are
skipped and counted, never raised: any input must render.
"""
from __future__ import annotations

import html as _html
import os
import re
from dataclasses import dataclass
from typing import Any, Iterable

__all__ = ["render_html", "write_html", "highlight_text", "format_value", "FIELDS"]

NOT_STATED = "غير مذكور / not stated"

# Highlight classes: (field key, Arabic label, English label, colour).  The colour is a
# translucent background so nested marks stay visible through each other.
FIELDS: tuple[tuple[str, str, str, str], ...] = (
    ("trigger", "الحدث", "trigger", "rgba(255, 193, 7, 0.55)"),
    ("evidence", "الدليل", "evidence", "transparent"),
    ("actor1", "الفاعل ١", "actor 1", "rgba(33, 150, 243, 0.30)"),
    ("actor2", "الفاعل ٢", "actor 2", "rgba(156, 39, 176, 0.28)"),
    ("location", "المكان", "location", "rgba(76, 175, 80, 0.32)"),
    ("date", "التاريخ", "date", "rgba(0, 188, 212, 0.32)"),
    ("fatalities", "القتلى", "fatalities", "rgba(244, 67, 54, 0.32)"),
    ("injuries", "الجرحى", "injuries", "rgba(255, 152, 0, 0.35)"),
    ("arrests", "المعتقلون", "arrests", "rgba(121, 85, 72, 0.30)"),
    ("weapons", "السلاح", "weapons", "rgba(96, 125, 139, 0.35)"),
    ("attribution", "المصدر المنسوب", "attribution", "rgba(233, 30, 99, 0.22)"),
    ("disagreement", "موضع الخلاف", "disagreement evidence", "transparent"),
)
_FIELD_LABEL = {k: f"{ar} / {en}" for k, ar, en, _ in FIELDS}

# Rows of the event tables: (key in the event dict, label).  "type" and "attribution" are
# derived from several keys (see _event_field).
_ROWS: tuple[tuple[str, str], ...] = (
    ("type", "النوع / type"),
    ("actor1", "الفاعل ١ / actor 1"),
    ("actor2", "الفاعل ٢ / actor 2"),
    ("location", "المكان / location"),
    ("date", "التاريخ / date"),
    ("fatalities", "القتلى / fatalities"),
    ("injuries", "الجرحى / injuries"),
    ("arrests", "المعتقلون / arrests"),
    ("weapons", "السلاح / weapons"),
    ("attributed_to", "المصدر المنسوب / attribution"),
    ("objective", "الهدف المعلن / objective"),
    ("certainty", "اليقين / certainty"),
    ("confidence", "الثقة / confidence"),
)
# A disagreement or per_source entry may name a field under another key than the row's.
_FIELD_ALIASES = {
    "attribution": "attributed_to", "acled_type": "type", "acled_subtype": "type",
    "plover": "type", "weapon": "weapons",
}

# What sort of difference a disagreement is (fusion.disagree); shown beside its field.
_KIND_LABEL = {
    "different": "قيم مختلفة / different values",
    "status": "حالة مختلفة / status conflict",
    "precision": "دقة مختلفة / different precision",
    "unknown": "فاعل مجهول / named vs unknown",
    "denial": "نفي / denial",
    "one_source": "مصدر واحد / stated by some sources only",
}

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00\x0b\x0c\x0e-\x1f\x7f]")


# --------------------------------------------------------------------------- escaping


def _esc(value: Any) -> str:
    """HTML-escape any value for text or attribute use.

    Lone surrogates and NUL/control characters cannot be written to a UTF-8 file or are dropped
    by HTML parsers, so they become U+FFFD: one character for one, which keeps every other
    character in place.
    """
    s = value if isinstance(value, str) else str(value)
    s = _LONE_SURROGATE.sub("\ufffd", s)
    s = _CONTROL.sub("\ufffd", s)
    # A raw CR would be folded into LF by HTML parsing; a character reference keeps it.
    return _html.escape(s, quote=True).replace("\r", "&#13;")


def _bdi(value: Any) -> str:
    """Escape a value and isolate its direction (Latin names inside RTL text stay readable)."""
    return f"<bdi>{_esc(value)}</bdi>"


def _as_int(v: Any) -> int | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return None


# --------------------------------------------------------------------------- highlighting


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    field: str
    title: str


def highlight_text(text: str, spans: Iterable[tuple[int, int, str, str]],
                   *, id_prefix: str = "s") -> tuple[str, int]:
    """Escape ``text`` and wrap each span in ``<mark>`` elements, returning ``(html, skipped)``.

    ``spans`` are ``(start, end, field, title)`` with ``[start, end)`` character offsets into
    ``text``; ``field`` becomes the class ``f-<field>`` and ``title`` the hover text (followed,
    one per line, by the titles of the marks it sits inside).  Spans may
    overlap or nest: the text is cut at every boundary, marks that must close while an inner mark
    is still open are closed and re-opened, so the output is well nested and every character is
    written exactly once.  The fragments of one span share ``data-span="<id_prefix><n>"``.
    Empty spans are left out; reversed, out-of-range or non-integer ones too, and ``skipped``
    counts those.
    """
    clean: list[_Span] = []
    skipped = 0
    seen: set[tuple[int, int, str, str]] = set()
    n = len(text)
    for item in spans:
        try:
            start, end, fld, title = item
        except (TypeError, ValueError):
            skipped += 1
            continue
        s, e = _as_int(start), _as_int(end)
        if s is None or e is None or s < 0 or e > n or s > e:
            skipped += 1
            continue
        if s == e:  # an empty span (e.g. an unspecified count with no words) marks nothing
            continue
        key = (s, e, str(fld), str(title))
        if key in seen:  # the same field of the same event listed twice: one mark is enough
            continue
        seen.add(key)
        clean.append(_Span(s, e, str(fld), str(title)))

    # Longer spans open first at a shared start, so they sit outside and are split less often.
    order = sorted(range(len(clean)), key=lambda i: (clean[i].start, -clean[i].end, i))
    starts: dict[int, list[int]] = {}
    for i in order:
        starts.setdefault(clean[i].start, []).append(i)
    ends: dict[int, list[int]] = {}
    for i, sp in enumerate(clean):
        ends.setdefault(sp.end, []).append(i)
    bounds = sorted({0, n, *starts, *ends})

    out: list[str] = []
    stack: list[int] = []          # open spans, outermost first
    fragment_count = [0] * len(clean)

    def open_mark(i: int) -> None:
        sp = clean[i]
        cont = " cont" if fragment_count[i] else ""
        fragment_count[i] += 1
        # A browser shows only the innermost title on hover; listing the enclosing spans too
        # tells the analyst every field that covers the word under the pointer.
        title = "\n".join([sp.title] + [clean[j].title for j in reversed(stack)])
        out.append(f'<mark class="f-{_esc(sp.field)}{cont}" data-span="{_esc(id_prefix)}{i}" '
                   f'title="{_esc(title)}">')
        stack.append(i)

    for pos_index, pos in enumerate(bounds):
        closing = set(ends.get(pos, ()))
        if closing:
            # Pop down to the deepest mark that ends here; re-open the ones above it that go on.
            depth = min(k for k, i in enumerate(stack) if i in closing)
            reopen = [i for i in stack[depth:] if i not in closing]
            for _ in stack[depth:]:
                out.append("</mark>")
            del stack[depth:]
            # Re-opened marks keep their order but go back in longest-first so that they nest
            # around marks which end sooner.
            for i in sorted(reopen, key=lambda i: -clean[i].end):
                open_mark(i)
        for i in starts.get(pos, ()):
            open_mark(i)
        if pos_index + 1 < len(bounds):
            out.append(_esc(text[pos:bounds[pos_index + 1]]))
    for _ in stack:  # cannot happen for valid spans; keeps the HTML balanced regardless
        out.append("</mark>")
    return "".join(out), skipped


# --------------------------------------------------------------------------- values


def _actor_name(actor_id: Any, actors: dict, iso=str) -> str | None:
    if actor_id is None:
        return None
    a = actors.get(actor_id) if isinstance(actors, dict) and isinstance(actor_id, str) else None
    if isinstance(a, dict):
        name, name_ar = a.get("name"), a.get("name_ar")
        if name and name_ar and name != name_ar:
            return f"{iso(name)} / {iso(name_ar)}"
        return iso(str(name or name_ar or actor_id))
    return iso(str(actor_id))


def _isolated(s: Any) -> str:
    # FSI ... PDI: each name keeps its own direction inside mixed Arabic/Latin values, so
    # "Military Forces of Syria — «قوات النظام»" is not reordered by the bidi algorithm.
    return f"\u2068{s}\u2069"


def format_value(value: Any, actors: dict | None = None, field: str | None = None,
                 *, isolate: bool = False) -> str:
    """A plain-text rendering of one field value for tables and hover titles.

    ROLE → actor name (from ``actors``) and surface text; COUNT → status and value ("exact 3",
    "unspecified"); location → name (name_ar), admin1, precision; date → value, range end,
    precision; lists are joined; ``None`` → "غير مذكور / not stated".  With ``isolate`` each
    name is wrapped in Unicode direction isolates (U+2068 … U+2069) for display in RTL pages.
    """
    actors = actors if isinstance(actors, dict) else {}
    iso = _isolated if isolate else str
    if value is None:
        return NOT_STATED
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}" if field == "confidence" else f"{value:g}"
    if isinstance(value, (int, str)):
        return str(value) if str(value) != "" else NOT_STATED
    if isinstance(value, (list, tuple)):
        if not value:
            return NOT_STATED
        # a merged event lists each source's items: show each distinct value once
        parts = dict.fromkeys(iso(format_value(v, actors, field, isolate=isolate)) for v in value)
        return "؛ ".join(parts)
    if not isinstance(value, dict):
        return str(value)
    v = value
    if "status" in v:  # COUNT
        status = str(v.get("status") or "unspecified").replace("_", " ")
        num = v.get("value")
        return status if num is None else f"{status} {format_value(num)}"
    if "geo_precision" in v or ("name" in v and ("admin1" in v or "name_ar" in v)):  # location
        name = v.get("name") or v.get("name_ar") or "?"
        head = (f"{iso(name)} ({iso(v['name_ar'])})" if v.get("name_ar") and v.get("name_ar") != name
                else iso(name))
        parts = [head]
        for k in ("admin2", "admin1", "country"):
            if v.get(k) and v.get(k) != name:
                parts.append(iso(v[k]))
        if v.get("geo_precision") is not None:
            parts.append(f"precision {v['geo_precision']}")
        return ", ".join(parts)
    if "time_precision" in v or ("value" in v and "end_char" in v):  # date
        s = str(v.get("value") or "?")
        if v.get("end"):
            s += f" → {v['end']}"
        if v.get("time_precision") is not None:
            s += f" (precision {v['time_precision']})"
        return s
    if "class" in v or "cls" in v:  # weapon
        return str(v.get("class") or v.get("cls"))
    if "actor_id" in v or ("text" in v and "start" in v):  # ROLE or attribution
        name = _actor_name(v.get("actor_id"), actors, iso)
        surface = v.get("text")
        if name and surface and surface != name:
            return f"{name} — {iso(f'«{surface}»')}"
        return str(name or iso(surface or "?"))
    if "value" in v:
        return format_value(v.get("value"), actors, field, isolate=isolate)
    return ", ".join(f"{k}: {iso(format_value(x, actors, isolate=isolate))}" for k, x in v.items())


def _fv(value: Any, actors: dict | None = None, field: str | None = None) -> str:
    """format_value for display in the page: names isolated for the bidi algorithm."""
    return format_value(value, actors, field, isolate=True)


def _event_field(ev: dict, key: str, actors: dict, text: str | None = None) -> str:
    """The display text of one table row of an event."""
    if key == "type":
        parts = [str(ev[k]) for k in ("acled_type", "acled_subtype") if ev.get(k)]
        if ev.get("plover"):
            parts.append(f"PLOVER {ev['plover']}")
        return " · ".join(parts) if parts else NOT_STATED
    if key == "attributed_to":
        val = ev.get("attributed_to", ev.get("attribution"))
        return _fv(val, actors, key)
    if key == "objective":
        return _objective_text(ev.get("objective"), text)
    return _fv(ev.get(key), actors, key)


def _objective_text(obj: Any, text: str | None = None) -> str:
    """A stated objective: its words (from the value or the source text), not its offsets."""
    if obj is None:
        return NOT_STATED
    if isinstance(obj, dict):
        if isinstance(obj.get("text"), str) and obj["text"]:
            return _fv(obj["text"])
        s, e = _as_int(obj.get("start")), _as_int(obj.get("end"))
        if isinstance(text, str) and s is not None and e is not None and 0 <= s < e <= len(text):
            return _fv(text[s:e])
        return "✓"
    return _fv(obj)


def _event_spans(ev: dict, actors: dict) -> list[tuple[int, int, str, str]]:
    """The highlight spans of one document event: (start, end, field, hover title)."""
    eid = ev.get("id", "?")
    spans: list[tuple[int, int, str, str]] = []

    def add(start: Any, end: Any, fld: str, value_text: str) -> None:
        spans.append((start, end, fld, f"{_FIELD_LABEL[fld]}: {value_text} [event {eid}]"))

    kind = _event_field(ev, "type", actors)
    trig = ev.get("trigger")
    if isinstance(trig, dict):
        add(trig.get("start"), trig.get("end"), "trigger", kind)
    for sp in _as_list(ev.get("evidence")):
        if isinstance(sp, dict):
            add(sp.get("start"), sp.get("end"), "evidence", kind)
    for fld in ("actor1", "actor2", "location", "fatalities", "injuries", "arrests"):
        v = ev.get(fld)
        if isinstance(v, dict):
            add(v.get("start"), v.get("end"), fld, _fv(v, actors, fld))
    d = ev.get("date")
    if isinstance(d, dict):
        add(d.get("start"), d.get("end_char"), "date", _fv(d, actors, "date"))
    for w in _as_list(ev.get("weapons")):
        if isinstance(w, dict):
            add(w.get("start"), w.get("end"), "weapons", _fv(w, actors, "weapons"))
    for a in _as_list(ev.get("attributed_to", ev.get("attribution"))):
        if isinstance(a, dict):
            add(a.get("start"), a.get("end"), "attribution", _fv(a, actors))
    return spans


def _as_list(v: Any) -> list:
    if isinstance(v, list):
        return v
    if isinstance(v, tuple):
        return list(v)
    return []


def _as_dict(v: Any) -> dict:
    return v if isinstance(v, dict) else {}


# --------------------------------------------------------------------------- page parts

_CSS = """
:root { --fg:#1d2228; --muted:#5d6670; --line:#d7dce1; --bg:#fbfbfc; --card:#fff;
        --bad:#fde3e1; --badline:#d93025; --good:#e6f4ea; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Naskh Arabic", "Amiri", "Segoe UI", Tahoma, "DejaVu Sans",
       sans-serif; color: var(--fg); background: var(--bg); line-height: 1.6; }
header.page, main { padding: 0 1.5rem; }
header.page { background: #23303d; color: #fff; padding-top: .6rem; padding-bottom: .6rem; }
header.page h1 { margin: .2rem 0; font-size: 1.5rem; }
header.page p { margin: 0; color: #cbd5df; font-size: .9rem; }
h2 { border-bottom: 2px solid #23303d; padding-bottom: .2rem; margin-top: 2rem; }
h3 { margin: 1.2rem 0 .4rem; }
h4 { margin: .9rem 0 .3rem; }
.summary { display: flex; flex-wrap: wrap; gap: .6rem; margin: 1rem 0; padding: 0; list-style: none; }
.summary li { background: var(--card); border: 1px solid var(--line); border-radius: 6px;
              padding: .4rem .9rem; min-width: 8rem; }
.summary b { display: block; font-size: 1.5rem; }
.summary li.has-errors { border-color: var(--badline); background: var(--bad); }
.legend { background: var(--card); border: 1px solid var(--line); border-radius: 6px;
          padding: .4rem .8rem; margin: .6rem 0; font-size: .9rem; }
.legend label { display: inline-block; margin: .15rem .3rem; cursor: pointer; white-space: nowrap; }
.legend .hint { color: var(--muted); font-size: .8rem; }
.toggle { position: absolute; opacity: 0; pointer-events: none; }
section.story, section.doc-alone { background: var(--card); border: 1px solid var(--line);
        border-radius: 8px; padding: .4rem 1rem 1rem; margin: 1rem 0; }
.sources { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(20rem, 1fr);
           gap: .8rem; overflow-x: auto; padding-bottom: .3rem; }
.source { border: 1px solid var(--line); border-radius: 6px; background: #fff; min-width: 0; }
.source > header { background: #eef1f4; padding: .4rem .6rem; border-bottom: 1px solid var(--line);
                   border-radius: 6px 6px 0 0; }
.source > header .outlet { font-weight: bold; font-size: 1.05rem; }
.meta { color: var(--muted); font-size: .82rem; word-break: break-all; }
.meta a { color: inherit; }
.doc-text { white-space: pre-wrap; overflow-wrap: anywhere; padding: .6rem .8rem; margin: 0;
            font-size: 1.05rem; line-height: 2.1; unicode-bidi: plaintext; }
.missing { color: var(--badline); font-style: italic; padding: .6rem .8rem; }
mark { color: inherit; background: transparent; border-radius: 2px; padding: 0; }
""" + "\n".join(
    f"mark.f-{k} {{ background: {c}; }}" for k, _, _, c in FIELDS if c != "transparent"
) + """
mark.f-trigger { font-weight: bold; outline: 1px solid rgba(180, 120, 0, .7); }
mark.f-evidence { border-bottom: 2px dotted #6b7a88; }
mark.f-disagreement { border-bottom: 3px double var(--badline); }
.swatch { display: inline-block; min-width: 1.2em; padding: 0 .25em; border-radius: 2px; }
""" + "\n".join(
    f"#hl-{k}:not(:checked) ~ main mark.f-{k} {{ background: transparent; outline: none; "
    f"border-bottom: none; font-weight: inherit; }}\n"
    f"#hl-{k}:not(:checked) ~ main .legend label[for=hl-{k}] {{ opacity: .4; "
    f"text-decoration: line-through; }}"
    for k, _, _, _ in FIELDS
) + """
.toggle:focus-visible ~ main .legend { outline: 2px solid #1a73e8; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: .4rem 0; font-size: .92rem; background: #fff; }
th, td { border: 1px solid var(--line); padding: .25rem .5rem; text-align: start; vertical-align: top; }
thead th { background: #eef1f4; }
th[scope=row] { background: #f6f7f9; white-space: nowrap; }
tr.disagree td, tr.disagree th { background: var(--bad); }
tr.disagree th[scope=row] { border-inline-start: 4px solid var(--badline); }
tr.disagree th[scope=row]::after { content: " ≠"; color: var(--badline); font-weight: bold; }
td.agreed { background: var(--good); }
.note { color: var(--muted); font-size: .85rem; }
ul.disagreements li { margin-bottom: .4rem; }
ul.disagreements q { background: var(--bad); quotes: "«" "»"; }
ol.timeline { list-style: none; padding: 0; border-inline-start: 3px solid #23303d; margin-inline-start: .5rem; }
ol.timeline li { padding: .2rem .8rem; position: relative; }
ol.timeline li::before { content: ""; position: absolute; inset-inline-start: -.5rem; top: .7rem;
        width: .7rem; height: .7rem; border-radius: 50%; background: #23303d; }
ol.timeline li.kind-report::before { background: #fff; border: 2px solid #23303d; }
.time { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85rem; }
.badge { display: inline-block; font-size: .75rem; padding: 0 .4rem; border-radius: 8px;
         background: #e3e8ee; color: #333; }
.errors td.code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; color: var(--badline); }
details > summary { cursor: pointer; color: #23303d; }
@media (max-width: 50rem) {
  /* narrow screens: reports stacked, not squeezed side by side */
  .sources { grid-auto-flow: row; grid-template-columns: minmax(0, 1fr) !important; }
}
@media print { .legend, .toggle { display: none; } .sources { grid-auto-flow: row; } }
"""


class _Ctx:
    """What every part of the page needs: the result's indexes and the texts."""

    def __init__(self, result: dict, texts: dict) -> None:
        self.result = result
        self.texts = texts if isinstance(texts, dict) else {}
        self.actors = _as_dict(result.get("actors"))
        self.docs: list[dict] = [d for d in _as_list(result.get("documents")) if isinstance(d, dict)]
        self.doc_by_id: dict[str, dict] = {}
        # event id -> list of (doc id, event); ids are only required to be unique per document
        self.event_index: dict[str, list[tuple[str, dict]]] = {}
        for d in self.docs:
            did = str(d.get("id", ""))
            self.doc_by_id.setdefault(did, d)
            for ev in _as_list(d.get("events")):
                if isinstance(ev, dict):
                    self.event_index.setdefault(str(ev.get("id")), []).append((did, ev))
        self.stories = [s for s in _as_list(result.get("stories")) if isinstance(s, dict)]
        self.skipped_spans = 0

    def outlet(self, did: str) -> str:
        d = self.doc_by_id.get(did, {})
        return str(d.get("outlet") or d.get("path") or did)

    def source_event(self, ref: Any, doc_ids: list[str],
                     taken: Iterable[str] = ()) -> tuple[str, dict] | None:
        """Find the document event a merged event's ``sources`` entry names.

        ``ref`` is an event id, ``"<doc id>:<event id>"`` (event ids need only be unique within a
        document) or ``{"doc": ..., "event": ...}``.  A bare id found in several documents goes
        to a story document not in ``taken`` first.
        """
        if isinstance(ref, dict):
            did = ref.get("doc") or ref.get("document") or ref.get("doc_id")
            eid = ref.get("event") or ref.get("event_id") or ref.get("id")
            for cand_doc, ev in self.event_index.get(str(eid), []):
                if did is None or cand_doc == str(did):
                    return cand_doc, ev
            return None
        cands = self.event_index.get(str(ref), [])
        taken = set(taken)
        for pass_ in (0, 1):  # the story's own documents first, untaken ones before taken ones
            for cand_doc, ev in cands:
                if cand_doc in doc_ids and (pass_ or cand_doc not in taken):
                    return cand_doc, ev
        if cands:
            return cands[0]
        # "doc:event" form when event ids repeat across documents
        sref = str(ref)
        for did in sorted(doc_ids, key=len, reverse=True):
            for sep in (":", "#", "/"):
                if sref.startswith(did + sep):
                    eid = sref[len(did) + 1:]
                    for cand_doc, ev in self.event_index.get(eid, []):
                        if cand_doc == did:
                            return cand_doc, ev
        return None


def _doc_meta(ctx: _Ctx, did: str) -> str:
    d = ctx.doc_by_id.get(did, {})
    rows = []
    if d.get("title"):
        rows.append(f'<div class="title">{_esc(d["title"])}</div>')
    pub = d.get("published")
    rows.append(f'<div class="meta">التاريخ / published: {_bdi(pub) if pub else _esc(NOT_STATED)}</div>')
    rows.append(f'<div class="meta">المعرّف / id: {_bdi(did)}</div>')
    if d.get("path"):
        rows.append(f'<div class="meta">الملف / path: {_bdi(d["path"])}</div>')
    url = d.get("url")
    if isinstance(url, str) and url:
        # Only web links become clickable: a "javascript:" URL in the input must not run.
        if re.match(r"(?i)^https?://", url):
            rows.append(f'<div class="meta">الرابط / url: <a href="{_esc(url)}" rel="noopener '
                        f'noreferrer">{_bdi(url)}</a></div>')
        else:
            rows.append(f'<div class="meta">الرابط / url: {_bdi(url)}</div>')
    return "".join(rows)


def _doc_text_html(ctx: _Ctx, did: str, extra_spans: list[tuple[int, int, str, str]] = (),
                   prefix: str = "s") -> str:
    text = ctx.texts.get(did)
    if not isinstance(text, str):
        return ('<div class="missing">النص الأصلي غير متوفر / original text not provided '
                f'for {_bdi(did)}</div>')
    d = ctx.doc_by_id.get(did, {})
    spans: list[tuple[int, int, str, str]] = []
    for ev in _as_list(d.get("events")):
        if isinstance(ev, dict):
            spans.extend(_event_spans(ev, ctx.actors))
    spans.extend(extra_spans)
    body, skipped = highlight_text(text, spans, id_prefix=prefix)
    ctx.skipped_spans += skipped
    note = ""
    if skipped:
        note = (f'<div class="note">{skipped} مقطع بإزاحات غير صالحة لم يُعلَّم / '
                f'{skipped} span(s) with invalid offsets not highlighted</div>')
    return (f'<div class="doc-text" dir="auto" lang="{_esc(d.get("language") or "ar")}" '
            f'data-doc="{_esc(did)}">{body}</div>{note}')


def _legend() -> str:
    labels = []
    for k, ar, en, colour in FIELDS:
        style = f"background:{colour}" if colour != "transparent" else ""
        sample_cls = f"swatch f-{k}"
        labels.append(f'<label for="hl-{k}"><mark class="{sample_cls}" style="{style}">'
                      f'{_esc(ar)}</mark> {_esc(en)}</label>')
    return ('<div class="legend"><b>مفتاح الألوان / Legend</b> '
            + "".join(labels)
            + '<span class="hint"> — انقر لإخفاء / click to toggle; مرّر المؤشر فوق التعليم لرؤية '
              'القيمة / hover a highlight to see its value</span></div>')


def _summary(ctx: _Ctx) -> str:
    n_events = sum(len(_as_list(d.get("events"))) for d in ctx.docs)
    n_merged = sum(len(_as_list(s.get("events"))) for s in ctx.stories)
    n_dis = sum(len(_as_list(s.get("disagreements"))) for s in ctx.stories)
    n_err = len(_all_errors(ctx))
    items = [
        ("الوثائق", "documents", len(ctx.docs), ""),
        ("الأحداث", "events", n_events, ""),
        ("القصص", "stories", len(ctx.stories), ""),
        ("أحداث مدمجة", "merged events", n_merged, ""),
        ("خلافات", "disagreements", n_dis, ""),
        ("أخطاء", "errors", n_err, " class=\"has-errors\"" if n_err else ""),
    ]
    lis = "".join(f'<li{cls} data-count="{en}"><b>{v}</b>{_esc(ar)} / {_esc(en)}</li>'
                  for ar, en, v, cls in items)
    return f'<ul class="summary">{lis}</ul>'


def _field_of(name: Any) -> str:
    s = str(name)
    return _FIELD_ALIASES.get(s, s)


def _resolve_sources(ctx: _Ctx, merged: dict, doc_ids: list[str]) -> tuple[dict[str, dict], list[str]]:
    """Which document event each source column of a merged event shows, and the source
    references that name no event in the result."""
    per_doc: dict[str, dict] = {}
    unresolved: list[str] = []
    for ref in _as_list(merged.get("sources")):
        hit = ctx.source_event(ref, doc_ids, per_doc)
        if hit is None:
            unresolved.append(str(ref))
        elif hit[0] not in per_doc:
            per_doc[hit[0]] = hit[1]
    return per_doc, unresolved


def _merged_table(ctx: _Ctx, story: dict, merged: dict, doc_ids: list[str], mi: int) -> str:
    mid = str(merged.get("id", f"m{mi}"))
    per_doc, unresolved = _resolve_sources(ctx, merged, doc_ids)
    cols = list(doc_ids) + [d for d in per_doc if d not in doc_ids]
    per_source = {_field_of(k): v for k, v in _as_dict(merged.get("per_source")).items()
                  if isinstance(v, dict)}
    disagreeing = set(per_source)
    for dis in _as_list(story.get("disagreements")):
        if isinstance(dis, dict) and (dis.get("event") in (None, mid)):
            disagreeing.add(_field_of(dis.get("field")))
            if dis.get("values") and _field_of(dis.get("field")) not in per_source:
                per_source[_field_of(dis.get("field"))] = _as_dict(dis.get("values"))
    agreed = merged.get("agreed")
    agreed_fields: dict[str, str] = {}
    agreed_text = ""
    if isinstance(agreed, dict):
        agreed_fields = {_field_of(k): _fv(v, ctx.actors) for k, v in agreed.items()}
    elif isinstance(agreed, list):
        for a in agreed:
            if isinstance(a, dict) and "field" in a:
                agreed_fields[_field_of(a["field"])] = _fv(
                    a.get("note", a.get("value", "✓")), ctx.actors)
            else:
                agreed_fields[_field_of(a)] = "✓"
    elif agreed is not None:
        agreed_text = _fv(agreed, ctx.actors)

    head = ("<tr><th scope=\"col\">الحقل / field</th><th scope=\"col\">المتفق عليه / merged</th>"
            + "".join(f'<th scope="col" data-doc="{_esc(d)}">{_bdi(ctx.outlet(d))}'
                      f'<br><span class="meta">{_bdi(d)}</span></th>' for d in cols)
            + ("<th scope=\"col\">ملاحظة / note</th>" if agreed_fields else "") + "</tr>")
    rows = []
    for key, label in _ROWS:
        is_dis = key in disagreeing
        cells = []
        for d in cols:
            if key in per_source and d in per_source[key]:
                val = (_objective_text(per_source[key][d], ctx.texts.get(d)) if key == "objective"
                       else _fv(per_source[key][d], ctx.actors, key))
            elif d in per_doc:
                val = _event_field(per_doc[d], key, ctx.actors, ctx.texts.get(d))
            else:
                val = "—"
            cells.append(f'<td data-doc="{_esc(d)}">{_bdi(val)}</td>')
        merged_val = _event_field(merged, key, ctx.actors)
        agreed_cls = ' class="agreed"' if key in agreed_fields and not is_dis else ""
        note = ""
        if agreed_fields:
            note = f"<td>{_bdi(agreed_fields.get(key, ''))}</td>"
        rows.append(f'<tr class="{"disagree" if is_dis else "agree"}" data-field="{key}">'
                    f'<th scope="row">{_esc(label)}</th><td{agreed_cls}>{_bdi(merged_val)}</td>'
                    f'{"".join(cells)}{note}</tr>')
    extra = ""
    if agreed_text:
        extra += f'<p class="note">متفق عليه / agreed: {_bdi(agreed_text)}</p>'
    if unresolved:
        extra += (f'<p class="note">مصادر غير موجودة / sources not found in documents: '
                  f'{_bdi(", ".join(unresolved))}</p>')
    return (f'<h4>الحدث المدمج / Merged event {_bdi(mid)}</h4>'
            f'<div class="table-wrap"><table class="merged" data-event="{_esc(mid)}">'
            f'<thead>{head}</thead><tbody>{"".join(rows)}</tbody></table></div>{extra}')


def _disagreement_list(ctx: _Ctx, story: dict) -> str:
    items = []
    for dis in _as_list(story.get("disagreements")):
        if not isinstance(dis, dict):
            continue
        fld = dis.get("field", "?")
        vals = _as_dict(dis.get("values"))
        parts = [f"<bdi>{_bdi(ctx.outlet(d))}: {_bdi(_fv(v, ctx.actors, _field_of(fld)))}</bdi>"
                 for d, v in vals.items()]
        quotes = []
        for did, spans in _as_dict(dis.get("evidence")).items():
            text = ctx.texts.get(did)
            for sp in _as_list(spans):
                if not (isinstance(text, str) and isinstance(sp, dict)):
                    continue
                s, e = _as_int(sp.get("start")), _as_int(sp.get("end"))
                if s is not None and e is not None and 0 <= s < e <= len(text):
                    quotes.append(f'<bdi>{_bdi(ctx.outlet(did))}: <q>{_esc(text[s:e])}</q></bdi>')
        ev = f" ({_esc('event')} {_bdi(dis['event'])})" if dis.get("event") is not None else ""
        kind = dis.get("kind")
        if kind is not None:
            ev += f' <span class="badge kind">{_bdi(_KIND_LABEL.get(str(kind), str(kind)))}</span>'
        items.append(f'<li class="disagreement" data-field="{_esc(fld)}" data-kind="{_esc(kind or "")}">'
                     f'<b>{_bdi(fld)}</b>{ev}: '
                     + " ≠ ".join(parts)
                     + ('<br><span class="note">الدليل / evidence:</span> ' + " · ".join(quotes)
                        if quotes else "")
                     + "</li>")
    if not items:
        return '<p class="note">لا خلافات بين المصادر / no disagreements between sources</p>'
    return ('<h4>الخلافات / Disagreements</h4><ul class="disagreements">' + "".join(items) + "</ul>")


def _timeline(ctx: _Ctx, story: dict) -> str:
    tl = [t for t in _as_list(story.get("timeline")) if isinstance(t, dict)]
    if not tl:
        return ""
    items = []
    for t in tl:
        kind = str(t.get("kind") or "event")
        kind_label = {"event": "حدث / event", "report": "تقرير / report"}.get(kind, kind)
        time = t.get("time")
        did = t.get("doc")
        who = f" — {_bdi(ctx.outlet(str(did)))}" if did is not None else ""
        eid = f' <span class="meta">{_bdi(t["event"])}</span>' if t.get("event") else ""
        items.append(f'<li class="kind-{_esc(kind)}"><span class="time">'
                     f'{_bdi(time) if time else _bdi("غير مؤرخ / undated")}</span> '
                     f'<span class="badge">{_esc(kind_label)}</span> {_bdi(t.get("label") or "")}'
                     f'{who}{eid}</li>')
    return '<h4>التسلسل الزمني / Timeline</h4><ol class="timeline">' + "".join(items) + "</ol>"


def _events_table(ctx: _Ctx, events: list[dict]) -> str:
    """Fields as rows, one column per event: the same reading direction as the merged tables,
    and narrow enough for a dozen fields without squeezing every cell."""
    if not events:
        return '<p class="note">لا أحداث / no events</p>'
    head = ('<tr><th scope="col">الحقل / field</th>'
            + "".join(f'<th scope="col">{_esc("الحدث / event")} {_bdi(ev.get("id", "?"))}</th>'
                      for ev in events) + "</tr>")
    rows = []
    for key, label in _ROWS:
        cells = "".join(f"<td>{_bdi(_event_field(ev, key, ctx.actors))}</td>" for ev in events)
        rows.append(f'<tr data-field="{key}"><th scope="row">{_esc(label)}</th>{cells}</tr>')
    return (f'<div class="table-wrap"><table class="events"><thead>{head}</thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def _story_section(ctx: _Ctx, story: dict, si: int) -> str:
    sid = str(story.get("id", f"story{si}"))
    doc_ids = [str(d) for d in _as_list(story.get("documents"))]
    # Disagreement evidence is highlighted in the texts it comes from.
    dis_spans: dict[str, list[tuple[int, int, str, str]]] = {}
    for dis in _as_list(story.get("disagreements")):
        if not isinstance(dis, dict):
            continue
        vals = _as_dict(dis.get("values"))
        for did, spans in _as_dict(dis.get("evidence")).items():
            val = _fv(vals.get(did), ctx.actors) if did in vals else ""
            for sp in _as_list(spans):
                if isinstance(sp, dict):
                    dis_spans.setdefault(str(did), []).append(
                        (sp.get("start"), sp.get("end"), "disagreement",
                         f"{_FIELD_LABEL['disagreement']}: {dis.get('field', '?')} = {val}"))
    cols = []
    for k, did in enumerate(doc_ids):
        cols.append(f'<article class="source" data-doc="{_esc(did)}"><header>'
                    f'<div class="outlet">{_bdi(ctx.outlet(did))}</div>{_doc_meta(ctx, did)}'
                    f'</header>{_doc_text_html(ctx, did, dis_spans.get(did, []), f"t{si}-{k}-")}'
                    f'</article>')
    merged = [m for m in _as_list(story.get("events")) if isinstance(m, dict)]
    tables = "".join(_merged_table(ctx, story, m, doc_ids, i) for i, m in enumerate(merged))
    if not merged:
        tables = '<p class="note">لا أحداث مدمجة / no merged events</p>'
    # Story documents' events that no merged event takes up would otherwise be invisible.
    used = set()
    for m in merged:
        for did, ev in _resolve_sources(ctx, m, doc_ids)[0].items():
            used.add((did, id(ev)))
    left = []
    for did in doc_ids:
        for ev in _as_list(ctx.doc_by_id.get(did, {}).get("events")):
            if isinstance(ev, dict) and (did, id(ev)) not in used:
                left.append(ev)
    left_html = ""
    if left:
        left_html = ("<h4>أحداث أخرى في وثائق القصة / Other events in the story's documents</h4>"
                     + _events_table(ctx, left))
    missing = [d for d in doc_ids if d not in ctx.doc_by_id]
    miss_html = ""
    if missing:
        miss_html = (f'<p class="note">وثائق غير موجودة في النتيجة / documents not in the result: '
                     f'{_bdi(", ".join(missing))}</p>')
    return (f'<section class="story" id="story-{_esc(sid)}" data-story="{_esc(sid)}">'
            f'<h3>القصة / Story {_bdi(sid)} <span class="badge">{len(doc_ids)} '
            f'مصادر / sources</span></h3>{miss_html}'
            f'<div class="sources" style="grid-template-columns: repeat({max(len(doc_ids), 1)}, '
            f'minmax(20rem, 1fr))">{"".join(cols)}</div>'
            f'{tables}{_disagreement_list(ctx, story)}{_timeline(ctx, story)}{left_html}</section>')


def _all_errors(ctx: _Ctx) -> list[tuple[str | None, dict]]:
    errs: list[tuple[str | None, dict]] = []
    for d in ctx.docs:
        for e in _as_list(d.get("errors")):
            errs.append((str(d.get("id", "")), e if isinstance(e, dict) else {"message": e}))
    for e in _as_list(ctx.result.get("errors")):
        errs.append((None, e if isinstance(e, dict) else {"message": e}))
    return errs


def _errors_section(ctx: _Ctx) -> str:
    errs = _all_errors(ctx)
    if not errs:
        body = '<p class="note">لا أخطاء / no errors</p>'
    else:
        rows = []
        for did, e in errs:
            where = e.get("path") or did or ""
            if e.get("line") is not None:
                where = f"{where}:{e['line']}"
            rows.append(f'<tr><td class="code">{_bdi(e.get("code") or "?")}</td>'
                        f'<td>{_bdi(e.get("message") or "")}</td><td>{_bdi(where)}</td>'
                        f'<td>{_bdi(e.get("hint") or "")}</td></tr>')
        body = ('<div class="table-wrap"><table class="errors"><thead><tr>'
                '<th scope="col">الرمز / code</th><th scope="col">الرسالة / message</th>'
                '<th scope="col">الموضع / where</th><th scope="col">الحل / fix</th></tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table></div>')
    return f'<section id="errors"><h2>الأخطاء / Errors</h2>{body}</section>'


# --------------------------------------------------------------------------- public API


def render_html(result: dict, texts: dict[str, str]) -> str:
    """Render a marsad-json/1 ``result`` as one self-contained, right-to-left HTML page.

    ``texts`` maps each document id to its original text; the offsets in ``result`` index into
    it.  Missing keys, missing texts and bad offsets are shown as notes, never raised, and every
    string is HTML-escaped, so any input renders.  Extra keys shown when present: a story's
    ``timeline``, a disagreement's ``evidence`` (highlighted in the texts), a merged event's
    ``agreed`` notes.
    """
    if not isinstance(result, dict):
        result = {"documents": [], "errors": [{"code": "E-HTML-INPUT", "message":
                  f"result is a {type(result).__name__}, not a marsad-json/1 object",
                  "hint": "pass the dict that marsad.export.json_out.to_json returns"}]}
    ctx = _Ctx(result, texts)
    in_story = {str(d) for s in ctx.stories for d in _as_list(s.get("documents"))}
    stories = "".join(_story_section(ctx, s, i) for i, s in enumerate(ctx.stories))
    if not stories:
        stories = '<p class="note">لا قصص / no stories</p>'
    alone = []
    for i, d in enumerate(ctx.docs):
        did = str(d.get("id", ""))
        if did in in_story:
            continue
        evs = [e for e in _as_list(d.get("events")) if isinstance(e, dict)]
        alone.append(f'<section class="doc-alone" data-doc="{_esc(did)}"><h3>'
                     f'{_bdi(ctx.outlet(did))} <span class="badge">{len(evs)} أحداث / events'
                     f'</span></h3>{_doc_meta(ctx, did)}{_events_table(ctx, evs)}'
                     f'<details><summary>النص مع التعليم / text with highlights</summary>'
                     f'<article class="source" data-doc="{_esc(did)}">'
                     f'{_doc_text_html(ctx, did, [], f"d{i}-")}</article></details></section>')
    alone_html = "".join(alone) or '<p class="note">كل الوثائق ضمن قصص / every document is in a story</p>'
    toggles = "".join(f'<input type="checkbox" class="toggle" id="hl-{k}" checked '
                      f'aria-label="{_esc(en)}">' for k, _, en, _ in FIELDS)
    fmt = result.get("format", "marsad-json/1")
    return ("<!DOCTYPE html>\n"
            '<html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="generator" content="marsad">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            "<title>marsad — تقرير المحلل / analyst report</title>"
            f"<style>{_CSS}</style></head><body>"
            '<header class="page"><h1>مَرصد — تقرير المحلل / marsad analyst report</h1>'
            f'<p>{_bdi(fmt)}</p></header>'
            f"{toggles}<main>"
            f'<section id="summary"><h2>الملخص / Summary</h2>{_summary(ctx)}</section>'
            f"{_legend()}"
            f'<section id="stories"><h2>القصص / Stories</h2>{stories}</section>'
            f'<section id="documents"><h2>وثائق خارج القصص / Documents not in a story</h2>'
            f"{alone_html}</section>"
            f"{_errors_section(ctx)}"
            "</main></body></html>\n")


def write_html(result: dict, texts: dict[str, str], path: str | os.PathLike) -> None:
    """Write :func:`render_html` output to ``path`` as UTF-8 (parent folders must exist).

    Raises ``OSError`` with code E-HTML-WRITE and a fix hint when the file cannot be written.
    """
    page = render_html(result, texts)
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(page)
    except OSError as exc:
        raise OSError(exc.errno, f"error E-HTML-WRITE: cannot write the HTML report to {path}: "
                      f"{exc.strerror or exc} (check that the folder exists and is writable)") from exc
