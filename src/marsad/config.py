"""One options object for the whole system, with a commented default config.

Every knob lives in :class:`Options`; :data:`DEFAULT_CONFIG` is the same thing as a commented TOML
document (``marsad config`` prints it) and :func:`load_options` reads a user's TOML file over the
defaults.
"""
from __future__ import annotations

import dataclasses
import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_STAGES = ("normalize", "sentences", "tokens", "quantities", "times",
                  "entities", "actors", "events")

DEFAULT_CONFIG = """\
# marsad default configuration. Copy, edit, and pass with --config FILE.

# Pipeline stages, in order. Each declares what it requires; a stage whose requirement is not
# produced by an earlier stage is an error when the pipeline is built.
stages = ["normalize", "sentences", "tokens", "quantities", "times", "entities", "actors", "events"]

# Country in focus for geocoding and actor resolution ("" = infer from the text).
country_hint = ""

# Events below this confidence are dropped from the output (0 keeps all).
min_confidence = 0.0

# SQLite database used by `marsad analyze` (--db overrides).
db = "marsad.db"

# Fusion: two reports join a story when their similarity reaches this threshold.
story_threshold = 0.55

# Events whose time lies more than this many days before publication are background, not news.
background_days = 30

# Document gate: a report yields events only when the violence cues of events/data/cues.tsv
# (weight 2 for killing, attacks and armed groups; 1 for ambiguous words such as "هجوم") sum to
# at least this much. Keeps sport, economy and society news free of events.
min_violence = 4.0
# ... and the cues must be dense enough (per 1,000 characters) unless they reach
# `violence_enough`: an opinion column that mentions a war now and then is not a report of it.
violence_density = 8.0
violence_enough = 24.0

# Statements (PLOVER verbal types) are coded only in reports whose violence cues sum to at least
# this much, and only when their sentence names violence: a minister's meeting is not a
# conflict event, a condemnation of a bombing is.
verbal_min_violence = 8.0

# Use the multilingual sentence encoder (USE, pure numpy) in fusion; off = lexical features only.
use_embeddings = true
"""


@dataclass
class Options:
    """All options. Field docs are in :data:`DEFAULT_CONFIG`."""

    stages: tuple[str, ...] = DEFAULT_STAGES
    country_hint: str = ""
    min_confidence: float = 0.0
    db: str = "marsad.db"
    story_threshold: float = 0.55
    background_days: int = 30
    min_violence: float = 4.0
    violence_density: float = 8.0
    violence_enough: float = 24.0
    verbal_min_violence: float = 8.0
    use_embeddings: bool = True
    extra: dict = field(default_factory=dict)

    def replace(self, **changes) -> "Options":
        return dataclasses.replace(self, **changes)


def load_options(path: str | Path | None = None, **overrides) -> Options:
    """Options from the defaults, a TOML file (optional) and keyword overrides, in that order."""
    from .errors import MarsadError

    values: dict = {}
    if path is not None:
        try:
            values = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise MarsadError("E_CONFIG", f"{path}: cannot read config: {exc}",
                              "see `marsad config` for the default file") from exc
    values.update({k: v for k, v in overrides.items() if v is not None})
    known = {f.name: f.type for f in dataclasses.fields(Options) if f.name != "extra"}
    extra = {k: v for k, v in values.items() if k not in known}
    kwargs = {k: v for k, v in values.items() if k in known}
    for k, v in kwargs.items():
        want = _TYPES[known[k]]
        ok = isinstance(v, want) and not (want is not bool and isinstance(v, bool))
        if k == "stages":
            ok = isinstance(v, (list, tuple)) and all(isinstance(x, str) for x in v)
        if ok and known[k] == "float" and not math.isfinite(v):
            ok = False         # TOML allows nan and inf: a threshold of nan never closes
        if not ok:
            where = f"{path}: " if path is not None else ""
            raise MarsadError("E_CONFIG", f"{where}'{k}' must be {_NAMES[known[k]]}, not {v!r}")
    if "stages" in kwargs:
        kwargs["stages"] = tuple(kwargs["stages"])
    return Options(**kwargs, extra=extra)


_TYPES = {"tuple[str, ...]": (list, tuple), "str": str, "float": (int, float), "int": int, "bool": bool}
_NAMES = {"tuple[str, ...]": "a list of stage names", "str": "a string", "float": "a number",
          "int": "a whole number", "bool": "true or false"}
