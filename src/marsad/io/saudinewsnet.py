"""Access to the SaudiNewsNet corpus in ../shared without copying it.

Articles are named ``<file date>:<index>``: the date of the JSON file inside the zip and the
article's 0-based position in that file's array. Gold sets and benches refer to articles this way
and store character offsets into the article's ``content``, never the text.
"""
from __future__ import annotations

import json
import os
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from ..errors import MarsadError


def default_dir() -> Path:
    """``$MARSAD_SHARED/data/saudinewsnet``, else ``<repo>/../shared/data/saudinewsnet``, else ``./../shared``."""
    env = os.environ.get("MARSAD_SHARED")
    cands = [Path(env) / "data" / "saudinewsnet"] if env else []
    here = Path(__file__).resolve()
    cands += [p / "shared" / "data" / "saudinewsnet" for p in here.parents]
    cands.append(Path.cwd().parent / "shared" / "data" / "saudinewsnet")
    for c in cands:
        if c.is_dir():
            return c
    raise MarsadError("E_NOT_FOUND", "SaudiNewsNet corpus not found",
                      "set MARSAD_SHARED to the shared data folder (it holds data/saudinewsnet)")


def _files(corpus: Path) -> list[Path]:
    return sorted(corpus.glob("*.zip"))


@lru_cache(maxsize=4)
def _day(corpus: str, day: str) -> list[dict]:
    z = Path(corpus) / f"{day}.zip"
    with zipfile.ZipFile(z) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".json"))
        return json.loads(zf.read(name))


def get_article(article_id: str, corpus: Path | None = None) -> dict:
    """One article by id ``YYYY-MM-DD:N``."""
    corpus = corpus or default_dir()
    day, _, idx = article_id.partition(":")
    try:
        return _day(str(corpus), day)[int(idx)]
    except (FileNotFoundError, KeyError, ValueError, IndexError) as exc:
        raise MarsadError("E_NOT_FOUND", f"no SaudiNewsNet article {article_id!r} in {corpus}") from exc


def iter_articles(limit: int | None = None, corpus: Path | None = None) -> Iterator[tuple[str, dict]]:
    """(article id, article) in file order, at most ``limit``."""
    corpus = corpus or default_dir()
    n = 0
    for z in _files(corpus):
        with zipfile.ZipFile(z) as zf:
            for name in sorted(zf.namelist()):
                if not name.endswith(".json"):
                    continue
                day = Path(name).stem
                for i, art in enumerate(json.loads(zf.read(name))):
                    yield f"{day}:{i}", art
                    n += 1
                    if limit is not None and n >= limit:
                        return
