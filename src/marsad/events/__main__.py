"""``python -m marsad.events FILE [--published YYYY-MM-DD] [--data DIR]``: the events of one text.

For analysts editing the knowledge files: runs the available pipeline stages on FILE and prints
each event as JSON (offsets into the file's text, plus the text of each span for reading).
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys
from pathlib import Path

from ..errors import MarsadError


def _with_text(obj, text: str):
    """An event as a dict, with the covered text beside each span (for reading only)."""
    if dataclasses.is_dataclass(obj):
        d = {f.name: _with_text(getattr(obj, f.name), text) for f in dataclasses.fields(obj)}
        end = d.get("end_char", d.get("end"))
        if isinstance(d.get("start"), int) and isinstance(end, int):
            d["_text"] = text[d["start"]:end]
        return d
    if isinstance(obj, list):
        return [_with_text(x, text) for x in obj]
    return obj


def main(argv: list[str] | None = None) -> int:
    """Print the events of one text file as JSON lines; returns the exit status."""
    ap = argparse.ArgumentParser(prog="python -m marsad.events", description=__doc__)
    ap.add_argument("file")
    ap.add_argument("--published", help="publication date YYYY-MM-DD (anchors 'today')")
    ap.add_argument("--data", help="folder with alternative triggers/weapons/cues TSV files")
    a = ap.parse_args(argv)
    try:
        text = Path(a.file).read_text(encoding="utf-8")
        published = dt.date.fromisoformat(a.published) if a.published else None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        print(f"error E_INPUT: {a.file}: {exc} (give a UTF-8 text file and --published YYYY-MM-DD)",
              file=sys.stderr)
        return 2
    from ..config import Options
    from ..model import Document
    options = Options(extra={"events_data_dir": a.data} if a.data else {})
    try:
        from ..pipeline import Pipeline
        doc = Pipeline(options=options)(Document(id=Path(a.file).stem, text=text,
                                                 published=published))
        events = doc.events
        if a.data:       # the pipeline's events stage reads options too; re-run to be sure
            from . import extract
            events = extract(doc, options=options)
    except MarsadError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    for e in events:
        print(json.dumps(_with_text(e, text), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
