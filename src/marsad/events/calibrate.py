"""Learned calibration of event candidates: P(a candidate is a true event) from its features.

The rule extractor (:mod:`marsad.events.extract`) proposes candidate events; each carries a small
feature vector (trigger weight and kind, type family, which arguments were found, where in the
document it stands, background signals, how much conflict vocabulary the document has).  A
logistic regression trained on the train split of an annotated gold set
(``python -m marsad.events.train``) turns the features into a calibrated probability, stored as
``Event.confidence``; candidates below the model's threshold are dropped.

The model is a JSON file (``data/calibration.json``): feature names, weights, bias, threshold and
its provenance (data digests, settings, cross-validated scores).  numpy only, no hub downloads.
"""
from __future__ import annotations

import functools
import json
import math
from pathlib import Path

from ..errors import MarsadError

MODEL_PATH = Path(__file__).resolve().parent / "data" / "calibration.json"

# Feature names, in vector order.  Kept here (not only in the model file) so that a model file
# whose features differ from the code is detected instead of silently misread.
FEATURES = (
    "mentions", "count_value", "weapons", "lead", "position", "fam_explosions", "date_fallback",
    "background", "verbal", "fam_strategic", "fam_vac", "location", "actor1_known", "quoted",
    "pluperfect", "link_line",
)
# The extractor computes a few more (ALL_FEATURES) for analysis; cross-validation on the train
# split kept the set above (the others added variance, not signal, on ~120 candidates).
ALL_FEATURES = FEATURES + (
    "weight", "fam_battles", "fam_other_material", "actor1", "actor2", "location_town", "date",
    "trigger_definite", "trigger_verb", "speech", "doc_conflict", "doc_casualty", "generic",
    "inherited",
)


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


class Calibrator:
    """A logistic model over candidate features: ``prob(feats)`` and ``keep(p)``."""

    def __init__(self, weights: dict[str, float], bias: float, threshold: float,
                 mean: dict[str, float] | None = None, scale: dict[str, float] | None = None,
                 meta: dict | None = None):
        self.weights = dict(weights)
        self.bias = float(bias)
        self.threshold = float(threshold)
        self.mean = dict(mean or {})
        self.scale = dict(scale or {})
        self.meta = dict(meta or {})

    def prob(self, feats: dict[str, float]) -> float:
        """Probability that the candidate described by ``feats`` is a true event (in [0, 1])."""
        z = self.bias
        for name, w in self.weights.items():
            x = float(feats.get(name, 0.0) or 0.0)
            x = (x - self.mean.get(name, 0.0)) / (self.scale.get(name, 1.0) or 1.0)
            z += w * x
        return _sigmoid(z)

    def keep(self, p: float) -> bool:
        """True when a candidate of probability ``p`` is emitted."""
        return p >= self.threshold

    def to_json(self) -> dict:
        """The model as a JSON-ready dict (the format :func:`load_calibrator` reads)."""
        return {"format": "marsad-event-calibration/1", "features": list(FEATURES),
                "weights": self.weights, "bias": self.bias, "threshold": self.threshold,
                "mean": self.mean, "scale": self.scale, **self.meta}


def load_calibrator(path: str | Path | None = None) -> Calibrator | None:
    """Read a calibration model; None when the default file is absent (rules alone then).

    A given ``path`` that cannot be read, or a file with unknown features, is an error
    ``E_EVENTS_MODEL``.
    """
    p = Path(path) if path else MODEL_PATH
    if not p.exists():
        if path:
            raise MarsadError("E_EVENTS_MODEL", f"{p}: calibration model not found",
                              "run `python -m marsad.events.train` or pass an existing file")
        return None
    try:
        d = json.loads(p.read_text(encoding="utf-8"))
        unknown = set(d["weights"]) - set(ALL_FEATURES)
        if unknown:
            raise MarsadError("E_EVENTS_MODEL", f"{p}: unknown features {sorted(unknown)}",
                              "retrain with `python -m marsad.events.train`")
        return Calibrator(d["weights"], d["bias"], d["threshold"], d.get("mean"), d.get("scale"),
                          {k: v for k, v in d.items() if k not in (
                              "format", "features", "weights", "bias", "threshold", "mean", "scale")})
    except MarsadError:
        raise
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise MarsadError("E_EVENTS_MODEL", f"{p}: cannot read calibration model: {exc}",
                          "retrain with `python -m marsad.events.train`") from exc


@functools.lru_cache(maxsize=1)
def default_calibrator() -> Calibrator | None:
    """The packaged model (cached), or None when there is none."""
    return load_calibrator(None)


def fit_logistic(X, y, *, l2: float = 1.0, iters: int = 3000, lr: float = 0.1):
    """L2-regularised logistic regression by gradient descent (numpy).

    ``X``: (n, d) standardised features, ``y``: (n,) 0/1.  Returns (weights (d,), bias).  The
    bias is not penalised.
    """
    import numpy as np

    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    n, d = X.shape
    w = np.zeros(d)
    b = 0.0
    for _ in range(iters):
        z = X @ w + b
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        g = p - y
        w -= lr * (X.T @ g / n + l2 * w / n)
        b -= lr * g.mean()
    return w, b
