"""Build stories.gold.json (the multi-outlet story gold set) from private notes kept outside the repo.

Same notes API as ``build.py`` (D, E, L, P, ACTORS, STORIES); the notes may also set ``NOTE`` (the
file's top-level note). Story integrity is checked before writing: every story document and every
``same_event`` id must exist, every story must sit in one split, and disagreement values must name
story documents only.

Usage: python build_stories.py /tmp/stories_notes.py ../stories.gold.json
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import build


def story_problems(docs: list[dict], stories: list[dict]) -> list[str]:
    """Return every integrity problem of the stories against the resolved documents (empty if none)."""
    by_id = {d["id"]: d for d in docs}
    ev_ids = {e["id"] for d in docs for e in d["events"]}
    out, seen_docs = [], {}
    for st in stories:
        sid = st["id"]
        for did in st["documents"]:
            if did not in by_id:
                out.append(f"E-STORY-DOC: {sid}: unknown document {did}; fix: annotate it with D(...)")
            elif did in seen_docs:
                out.append(f"E-STORY-TWICE: {did} is in {seen_docs[did]} and {sid}; fix: one story per document")
            else:
                seen_docs[did] = sid
        if len({by_id[d]["split"] for d in st["documents"] if d in by_id}) > 1:
            out.append(f"E-STORY-SPLIT: {sid} spans train and test; fix: give its documents one split")
        for group in st["same_event"]:
            for eid in group:
                if eid not in ev_ids or eid.split("#")[0] not in st["documents"]:
                    out.append(f"E-STORY-EVENT: {sid}: event {eid} unknown or outside the story; fix: check the id")
        for dis in st.get("disagreements", []):
            bad = [d for d in dis["values"] if d not in st["documents"]]
            if bad or len(dis["values"]) < 2:
                out.append(f"E-STORY-DIS: {sid}/{dis['field']}: values need >= 2 story documents (bad: {bad})")
    return out


def main() -> None:
    """Resolve the notes, check the stories and write the gold file."""
    notes, out_path = sys.argv[1], Path(sys.argv[2])
    ns = {"D": build.D, "E": build.E, "L": build.L, "P": build.P}
    exec(compile(Path(notes).read_text(encoding="utf-8"), notes, "exec"), ns)
    actors = ns["ACTORS"]
    docs, problems = [], []
    for d in build.DOCS:
        try:
            doc = build.resolve_doc(d, actors)
            if not d["places"]:
                # Place mentions are not annotated in this file: no list rather than an empty (false) one.
                doc.pop("places", None)
            docs.append(doc)
        except build.NoteError as exc:
            problems.append(f"{d['article']}: {exc}")
    stories = ns.get("STORIES", [])
    problems += story_problems(docs, stories) if not problems else []
    ids = [d["id"] for d in docs]
    problems += [f"E-DUP-DOC: {i}; fix: annotate each article once" for i in sorted({i for i in ids if ids.count(i) > 1})]
    if problems:
        # Report every problem at once; the gold file is left untouched.
        raise build.NoteError("\n".join(problems))
    gold = {"format": "marsad-gold/1", "corpus": "saudinewsnet",
            "note": ns.get("NOTE", "Hand annotation of SaudiNewsNet 2015 articles; ids and offsets only. See README.md."),
            "actors": actors, "documents": docs, "stories": stories}
    tmp = out_path.with_suffix(".tmp")
    tmp.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(out_path)
    n_ev = sum(len(d["events"]) for d in docs)
    print(f"wrote {out_path}: {len(docs)} documents, {n_ev} events, {len(stories)} stories")


if __name__ == "__main__":
    main()
