"""The shipped statistical tagger: a linear-chain CRF (python-crfsuite) over cached features.

Loaded lazily on first use (:func:`get_model`); the files live in ``marsad/ner/data``.
"""
from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

from .features import FeatureExtractor

__all__ = ["DATA_DIR", "NerModel", "get_model", "ModelMissingError", "HELDOUT_MODEL_FILE"]

DATA_DIR = Path(__file__).resolve().parent / "data"
MODEL_FILE = "ner.crfsuite"          # the shipped model: trained on all of ANERcorp's train.txt
# The same settings trained without the dev part: what dev scores must be measured with
# (``marsad evaluate-ner --heldout``), since the shipped model has seen the dev sentences.
HELDOUT_MODEL_FILE = "ner.heldout.crfsuite"
CLUSTERS_FILE = "clusters.npz"
GAZETTEER_FILE = "gazetteer.npz"
NAMES_FILE = "names.npz"   # names annotated in the training data, hashed (optional)

_MAX_SENT = 200   # the CRF is linear in length, but very long "sentences" are cut for safety


class ModelMissingError(RuntimeError):
    """The CRF model file is absent. Code NER-MODEL; fix: run ``marsad train ner``."""

    code = "NER-MODEL"
    hint = "run `marsad train ner` to rebuild it from ../shared"


class NerModel:
    """Feature extractor + crfsuite tagger, from one data directory (``model_file`` names the
    CRF file in it: the shipped model by default, :data:`HELDOUT_MODEL_FILE` for dev scores)."""

    def __init__(self, data_dir: Path = DATA_DIR, model_file: str = MODEL_FILE):
        import pycrfsuite

        model = data_dir / model_file
        if not model.exists():
            raise ModelMissingError(f"error NER-MODEL: no NER model at {model} ({ModelMissingError.hint})")
        self.features = FeatureExtractor(data_dir / CLUSTERS_FILE, data_dir / GAZETTEER_FILE,
                                         data_dir / NAMES_FILE)
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model))
        self._lock = threading.Lock()   # a crfsuite Tagger is not safe to share across threads
        # Decode in numpy with the model's own weights (the same Viterbi as crfsuite): the
        # weights of a word type's features are summed once and cached, so a token costs a few
        # vector additions instead of ~40 string look-ups inside crfsuite.
        info = self._tagger.info()
        self.labels = list(self._tagger.labels())
        lid = {lab: i for i, lab in enumerate(self.labels)}
        nl = len(self.labels)
        weights: dict[str, np.ndarray] = {}
        for (attr, lab), w in info.state_features.items():
            vec = weights.get(attr)
            if vec is None:
                vec = weights[attr] = np.zeros(nl)
            vec[lid[lab]] = w
        self._w = weights
        self._trans = np.zeros((nl, nl))
        for (a, b), w in info.transitions.items():
            self._trans[lid[a], lid[b]] = w
        self._zero = np.zeros(nl)
        self._cols = np.arange(nl)
        # Real-valued word-vector features ("e<k>", "-1e<k>", "+1e<k>"): one weight matrix
        # (dims x labels) per offset, so a word's contribution is a single vector product.
        fx = self.features
        self._emb_w: dict[int, np.ndarray] = {}
        if fx.vec is not None:
            from .features import VEC_OFFSETS
            dims = fx.vec.shape[1]
            for off in VEC_OFFSETS:
                pre = "" if off == 0 else f"{off:+d}"
                mat = np.zeros((dims, nl))
                for k in range(dims):
                    row = weights.pop(f"{pre}e{k}", None)
                    if row is not None:
                        mat[k] = row
                if mat.any():
                    self._emb_w[off] = mat
        self._vec_cache: dict[str, tuple] = {}
        # Feature strings without a weight in the model are dropped before tagging.
        self.features.set_known(weights)

    def _sum(self, feats) -> np.ndarray:
        w = self._w
        v = self._zero.copy()
        for f in feats:
            x = w.get(f)
            if x is not None:
                v += x
        return v

    def _vectors(self, token: str) -> tuple:
        c = self._vec_cache.get(token)
        if c is None:
            if len(self._vec_cache) > 500_000:
                self._vec_cache.clear()
            t = self.features._type(token)
            own, m1, p1 = self._sum(t.own), self._sum(t.m1), self._sum(t.p1)
            if t.emb is not None and self._emb_w:
                # the word's vector as seen from itself (0), from the next word (-1: "previous
                # word's vector" features) and from the previous word (+1)
                ew = self._emb_w
                if 0 in ew:
                    own += t.emb @ ew[0]
                if -1 in ew:
                    m1 += t.emb @ ew[-1]
                if 1 in ew:
                    p1 += t.emb @ ew[1]
            c = (own, m1, p1, self._sum(t.m2), self._sum(t.p2), t)
            self._vec_cache[token] = c
        return c

    def _emissions(self, tokens: list[str]) -> np.ndarray:
        vecs = [self._vectors(t) for t in tokens]
        n = len(vecs)
        em = np.array([v[0] for v in vecs])
        if n > 1:
            em[1:] += np.array([v[1] for v in vecs[:-1]])      # previous word's features
            em[:-1] += np.array([v[2] for v in vecs[1:]])      # next word's features
        if n > 2:
            em[2:] += np.array([v[3] for v in vecs[:-2]])
            em[:-2] += np.array([v[4] for v in vecs[2:]])
        w = self._w
        em[0] += w.get("BOS", self._zero)
        em[-1] += w.get("EOS", self._zero)
        # features of word pairs and multi-word gazetteer matches are per sentence
        types = [v[5] for v in vecs]
        for i, f in self.features.sentence_extras(types):
            x = w.get(f)
            if x is not None:
                em[i] += x
        return em

    def _viterbi(self, em: np.ndarray) -> list[str]:
        n = em.shape[0]
        trans = self._trans
        back = np.empty((n, em.shape[1]), dtype=np.int64)
        cols = self._cols
        score = em[0]
        for i in range(1, n):
            cand = score[:, None] + trans
            b = cand.argmax(axis=0)
            back[i] = b
            # the maxima picked by the argmax: one pass over ``cand`` fewer than ``max``
            score = cand[b, cols] + em[i]
        best = int(score.argmax())
        path = [best]
        for i in range(n - 1, 0, -1):
            best = int(back[i, best])
            path.append(best)
        labels = self.labels
        return [labels[k] for k in reversed(path)]

    def tag(self, tokens: list[str]) -> list[str]:
        """BIO tags (B-PER, I-LOC, ..., O) for one sentence of token strings."""
        out: list[str] = []
        for s in range(0, len(tokens), _MAX_SENT):
            chunk = tokens[s:s + _MAX_SENT]
            if chunk:
                out.extend(self._viterbi(self._emissions(chunk)))
        return out

    def tag_crfsuite(self, tokens: list[str]) -> list[str]:
        """The same tags decoded by crfsuite itself (slower; kept to check :meth:`tag`)."""
        out: list[str] = []
        for s in range(0, len(tokens), _MAX_SENT):
            chunk = tokens[s:s + _MAX_SENT]
            if chunk:
                xseq = self.features.items(chunk)
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
            xseq = self.features.items(chunk)
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
