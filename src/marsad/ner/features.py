"""CRF features for Arabic NER, computed from token strings alone.

Every token is seen through its clitics (``"والرياض"`` → ``و`` + ``ال`` + ``رياض``): the stem, the
proclitic chain and the article are separate features, so a name learnt bare is recognised
with any clitic attached.  Other features: word shape, stem affixes, corpus frequency, nested
unsupervised word clusters (:mod:`marsad.ner.clusters`), one-word and multi-word gazetteer
matches (:mod:`marsad.ner.gazetteer`), and the same for the neighbouring words.

Python feature extraction is the bottleneck of tagging, so everything that depends on one word
type only is computed once and cached (``FeatureExtractor._cache``).
"""
from __future__ import annotations

import math
from pathlib import Path

from .arabic import hash_key, norm_key, split_proclitics, word_shape
from .clusters import load_clusters, load_vectors
from .gazetteer import Gazetteer

__all__ = ["FeatureExtractor"]

_CACHE_LIMIT = 500_000   # bounded so that a long-running process cannot grow without end
# Word vectors are unit length, so each coordinate is small (~0.1); scaling them to ~1 lets the
# CRF's L1/L2 penalties treat them like the binary features.
VEC_SCALE = 3.0
# Real-valued vector features: the word's own ("e<k>") and its neighbours' ("-1e<k>", "+1e<k>").
VEC_OFFSETS = (-1, 0, 1)


class _Type:
    __slots__ = ("own", "m1", "p1", "m2", "p2", "core", "word", "stem", "first", "kc", "emb")

    def __init__(self, own, m1, p1, m2, p2, core, word, stem, first, kc, emb=None):
        self.own, self.m1, self.p1, self.m2, self.p2 = own, m1, p1, m2, p2
        self.core, self.word, self.stem, self.first = core, word, stem, first
        self.kc = kc    # the word's mid-level cluster (or shape), for cluster-pair features
        self.emb = emb  # the stem's scaled word vector (numpy float32) or None (unknown stem)


class FeatureExtractor:
    """Turns sentences (lists of token strings) into crfsuite feature lists."""

    def __init__(self, clusters_path: Path | None, gazetteer_path: Path | None,
                 names_path: Path | None = None):
        if clusters_path is not None and clusters_path.exists():
            self.clusters, self.freq, self.levels = load_clusters(clusters_path)
        else:
            self.clusters, self.freq, self.levels = {}, {}, ()
        vectors = None
        if clusters_path is not None and clusters_path.exists():
            vectors = load_vectors(clusters_path)
        self.vec_rows, self.vec = vectors if vectors is not None else ({}, None)
        if self.vec is not None:
            self.vec = self.vec * VEC_SCALE
        self.gaz = Gazetteer.load(gazetteer_path) if gazetteer_path is not None else Gazetteer(None)
        # names annotated in the training data (hashed, :func:`marsad.ner.gazetteer.names_gazetteer`):
        # a name met in training is likely the same name again, even in a new context
        self.names: Gazetteer | None = None
        if names_path is not None and names_path.exists():
            self.names = Gazetteer.load(names_path)
        self._cache: dict[str, _Type] = {}
        self.known: set[str] | frozenset[str] | None = None

    def set_known(self, attributes) -> None:
        """Keep only features the trained model has weights for (crfsuite ignores the others,
        but still pays to look them up: pruning them here makes tagging ~40% faster)."""
        self.known = frozenset(attributes)
        self._cache.clear()

    # -- per word type -----------------------------------------------------------------------
    def _type(self, token: str) -> _Type:
        t = self._cache.get(token)
        if t is not None:
            return t
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        key = token
        try:
            token.encode("utf-8")
        except UnicodeEncodeError:
            # lone surrogates cannot reach crfsuite (UTF-8 strings): replace them
            token = token.encode("utf-8", "replace").decode("utf-8")
        w = norm_key(token)
        pro, art, stem = split_proclitics(w, self.freq)
        core = (art + stem) if pro else w
        shape = word_shape(token)
        own = ["w=" + w, "s=" + stem, "sh=" + shape, "pro=" + pro, "art=" + art,
               "len=" + str(min(len(stem), 8))]
        if core != w:
            own.append("c=" + core)
        for k in (1, 2, 3):
            if len(stem) > k:
                own.append(f"p{k}=" + stem[:k])
                own.append(f"x{k}=" + stem[-k:])
        if len(w) > 2:
            own.append("wx2=" + w[-2:])
        f = self.freq.get(hash_key(w), 0)
        own.append("fq=" + str(int(math.log2(f + 1)) // 2))
        cl = self.clusters.get(hash_key(stem))
        ks = []
        if cl is None:
            ks.append("k=oov")
        else:
            for lvl, cid in zip(self.levels, cl):
                ks.append(f"k{lvl}={cid}")
        own.extend(ks)
        gtypes = set(self.gaz.types_of(w)) | set(self.gaz.types_of(core))
        if art:
            gtypes |= set(self.gaz.types_of(stem))
        gs = ["g1=" + g for g in sorted(gtypes)]
        own.extend(gs)

        nb = ["w=" + w, "s=" + stem, "sh=" + shape, "pro=" + pro, *ks, *gs]
        if core != w:
            nb.append("c=" + core)
        m1 = tuple("-1" + x for x in nb)
        p1 = tuple("+1" + x for x in nb)
        nb2 = ["w=" + w, "s=" + stem, *ks[-2:], *gs]
        m2 = tuple("-2" + x for x in nb2)
        p2 = tuple("+2" + x for x in nb2)
        first = hash_key(core) in self.gaz.first or hash_key(w) in self.gaz.first
        kn = self.known
        if kn is not None:
            own = [x for x in own if x in kn]
            m1, p1 = tuple(x for x in m1 if x in kn), tuple(x for x in p1 if x in kn)
            m2, p2 = tuple(x for x in m2 if x in kn), tuple(x for x in p2 if x in kn)
        kc = ks[1] if len(ks) > 1 else ("sh=" + shape)
        emb = None
        if self.vec is not None:
            row = self.vec_rows.get(hash_key(stem))
            if row is not None:
                emb = self.vec[row]
        t = _Type(tuple(own), m1, p1, m2, p2, core, w, stem, first, kc, emb)
        self._cache[key] = t
        return t

    # -- per sentence ------------------------------------------------------------------------
    def sentence(self, tokens: list[str]) -> list[list[str]]:
        """Feature lists (one per token) for one sentence of token strings."""
        types = [self._type(tok) for tok in tokens]
        n = len(types)
        kn = self.known
        out = []
        empty: tuple = ()
        bos, eos = ("BOS",), ("EOS",)
        for i, t in enumerate(types):
            out.append([*t.own,
                        *(types[i - 1].m1 if i > 0 else bos),
                        *(types[i - 2].m2 if i > 1 else empty),
                        *(types[i + 1].p1 if i + 1 < n else eos),
                        *(types[i + 2].p2 if i + 2 < n else empty)])
        for i, f in self.sentence_extras(types):
            if kn is None or f in kn:
                out[i].append(f)
        return out

    def items(self, tokens: list[str]) -> list[dict[str, float]]:
        """Feature dicts (name → value) for one sentence: the binary features of
        :meth:`sentence` with value 1, plus the real-valued word-vector features of the word and
        its neighbours when the clusters file carries vectors (what training and crfsuite see)."""
        out = [dict.fromkeys(f, 1.0) for f in self.sentence(tokens)]
        if self.vec is None:
            return out
        embs = [self._type(tok).emb for tok in tokens]
        n = len(tokens)
        for off in VEC_OFFSETS:
            pre = "" if off == 0 else f"{off:+d}"
            names = [f"{pre}e{k}" for k in range(self.vec.shape[1])]
            for i in range(n):
                j = i + off
                if 0 <= j < n and embs[j] is not None:
                    out[i].update(zip(names, embs[j].tolist()))
        return out

    def sentence_extras(self, types: list[_Type]):
        """(position, feature) pairs that depend on more than one word: stem pairs and
        multi-word gazetteer matches (the part of :meth:`sentence` that cannot be cached)."""
        n = len(types)
        out = []
        cores, words = [t.core for t in types], [t.word for t in types]
        if self.names is not None:
            _span_features(out, self.names.match_spans(cores, words), "TG=", n)
        if any(t.first for t in types):
            _span_features(out, self.gaz.match_spans(cores, words), "G=", n)
        for i in range(1, n):
            a, b = types[i - 1], types[i]
            pair = a.stem + "|" + b.stem
            out.append((i, "ss-1=" + pair))
            out.append((i - 1, "ss+1=" + pair))
            kp = a.kc + "|" + b.kc
            out.append((i, "kk-1=" + kp))
            out.append((i - 1, "kk+1=" + kp))
        return out

    def forms(self, token: str) -> tuple[str, str]:
        """(form without conj/prep proclitics, normalized form) of a token, cached."""
        t = self._type(token)
        return t.core, t.word

    def core(self, token: str) -> str:
        """The token's normalized form without conj/prep proclitics (article kept), cached."""
        return self._type(token).core


def _span_features(out: list, spans, prefix: str, n: int) -> None:
    """BIO features of multi-word matches (``prefix`` "G=" gazetteer, "TG=" names) on each token
    of a span, and on its neighbours as "+1"/"-1" context."""
    for s, e, typ in spans:
        for j in range(s, e):
            g = prefix + ("B-" if j == s else "I-") + typ
            out.append((j, g))
            if j > 0:
                out.append((j - 1, "+1" + g))
            if j + 1 < n:
                out.append((j + 1, "-1" + g))
