"""The shipped statistical tagger: a linear-chain CRF (python-crfsuite) over cached features.

Loaded lazily on first use (:func:`get_model`); the files live in ``marsad/ner/data``.
"""
from __future__ import annotations

import threading
from pathlib import Path

from .features import FeatureExtractor

__all__ = ["DATA_DIR", "NerModel", "get_model", "ModelMissingError"]

DATA_DIR = Path(__file__).resolve().parent / "data"
MODEL_FILE = "ner.crfsuite"
CLUSTERS_FILE = "clusters.npz"
GAZETTEER_FILE = "gazetteer.npz"

_MAX_SENT = 200   # the CRF is linear in length, but very long "sentences" are cut for safety


class ModelMissingError(RuntimeError):
    """The CRF model file is absent. Code NER-MODEL; fix: run ``marsad train ner``."""

    code = "NER-MODEL"
    hint = "run `marsad train ner` to rebuild it from ../shared"


class NerModel:
    """Feature extractor + crfsuite tagger, from one data directory."""

    def __init__(self, data_dir: Path = DATA_DIR):
        import pycrfsuite

        model = data_dir / MODEL_FILE
        if not model.exists():
            raise ModelMissingError(f"error NER-MODEL: no NER model at {model} ({ModelMissingError.hint})")
        self.features = FeatureExtractor(data_dir / CLUSTERS_FILE, data_dir / GAZETTEER_FILE)
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model))
        self._lock = threading.Lock()   # a crfsuite Tagger is not safe to share across threads

    def tag(self, tokens: list[str]) -> list[str]:
        """BIO tags (B-PER, I-LOC, ..., O) for one sentence of token strings."""
        out: list[str] = []
        for s in range(0, len(tokens), _MAX_SENT):
            chunk = tokens[s:s + _MAX_SENT]
            if not chunk:
                continue
            xseq = self.features.sentence(chunk)
            with self._lock:
                out.extend(self._tagger.tag(xseq))
        return out

    def tag_marginals(self, tokens: list[str]) -> tuple[list[str], list[float]]:
        """Tags and each tag's marginal probability (a confidence per token)."""
        tags: list[str] = []
        probs: list[float] = []
        for s in range(0, len(tokens), _MAX_SENT):
            chunk = tokens[s:s + _MAX_SENT]
            if not chunk:
                continue
            xseq = self.features.sentence(chunk)
            with self._lock:
                t = self._tagger.tag(xseq)
                probs.extend(self._tagger.marginal(y, i) for i, y in enumerate(t))
            tags.extend(t)
        return tags, probs


_MODEL: NerModel | None = None
_MODEL_LOCK = threading.Lock()


def get_model() -> NerModel:
    """The shared model, loaded on first call."""
    global _MODEL
    if _MODEL is None:
        with _MODEL_LOCK:
            if _MODEL is None:
                _MODEL = NerModel()
    return _MODEL
