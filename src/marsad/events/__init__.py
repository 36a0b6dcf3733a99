"""Event extraction: ACLED/PLOVER events with their arguments, as spans of the document.

Public API: :func:`extract`. Knowledge (triggers, weapon classes, cue phrases) lives in
``marsad/events/data/*.tsv`` (formats in ``data/README.md``).
"""
from .extract import extract
from .lexicon import load_lexicon

__all__ = ["extract", "load_lexicon"]
