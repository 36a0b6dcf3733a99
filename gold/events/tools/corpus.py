"""Access to the SaudiNewsNet zips by article id (``<file date>:<index>``).

The gold set stores ids and offsets only; every tool here reads the text from
the shared corpus at run time so that no article text enters the repository.
"""
from __future__ import annotations

import json
import zipfile
from functools import lru_cache
from pathlib import Path

# The repository's sibling folder ``shared`` holds the corpus (see ARCHITECTURE.md).
CORPUS_DIR = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "saudinewsnet"


class CorpusError(Exception):
    """Raised with a code and a fix hint when the corpus or an article is missing."""


@lru_cache(maxsize=None)
def load_day(date: str) -> list[dict]:
    """Return the article list of one day file (``YYYY-MM-DD``)."""
    path = CORPUS_DIR / f"{date}.zip"
    if not path.exists():
        raise CorpusError(f"E-CORPUS-MISSING: {path} not found; fix: place the SaudiNewsNet zips in shared/data/saudinewsnet")
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read(f"{date}.json"))


def days() -> list[str]:
    """Return the dates of all day files, sorted."""
    return sorted(p.stem for p in CORPUS_DIR.glob("*.zip"))


def article(article_id: str) -> dict:
    """Return the article dict for ``<file date>:<index>``."""
    try:
        date, idx = article_id.split(":")
        return load_day(date)[int(idx)]
    except (ValueError, IndexError) as exc:
        raise CorpusError(f"E-ARTICLE-ID: bad article id {article_id!r} ({exc}); fix: use '<YYYY-MM-DD>:<index>'") from exc
