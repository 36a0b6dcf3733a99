"""Word clusters learnt without labels from raw Arabic news (SaudiNewsNet), for NER features.

Method (fast, numpy/scipy only): every word is reduced to its stem (proclitics and article
removed, :func:`marsad.ner.arabic.split_proclitics`); for the most frequent stems we count the
stems immediately left and right of them (two separate context spaces), turn the counts into
positive PMI, reduce them with a truncated SVD, and cluster the unit-length vectors with
spherical k-means into ``K`` fine clusters; the fine centroids are then clustered again into
coarser levels, so the levels nest like the prefixes of a Brown hierarchy.

The shipped file stores hashes of the keys (:func:`marsad.ner.arabic.hash_key`), not the
words, together with each level's cluster id, and the corpus frequency of surface word forms
(used to decide whether a leading و/ب/ل/ك/ف is a clitic or part of a name).
"""
from __future__ import annotations

import json
import re
import zipfile
from collections import Counter
from pathlib import Path

import numpy as np

from .arabic import hash_key, norm_key, split_proclitics

__all__ = ["corpus_words", "build_clusters", "load_clusters", "load_vectors"]

_WORD_RE = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u064b-\u065f\u0640]+|[A-Za-z]+|\d+")


def corpus_words(zip_paths: list[Path]):
    """Yield the word lists of each article's content (normalized), file by file, in order."""
    for zp in sorted(zip_paths):
        with zipfile.ZipFile(zp) as zf:
            for name in zf.namelist():
                if not name.endswith(".json"):
                    continue
                articles = json.loads(zf.read(name).decode("utf-8", "replace"))
                for art in articles:
                    text = (art.get("title") or "") + "\n" + (art.get("content") or "")
                    yield [norm_key(w) for w in _WORD_RE.findall(text)]


def _spherical_kmeans(x: np.ndarray, k: int, iters: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Cosine k-means on unit rows; returns (labels, centroids). k-means++-lite seeding."""
    rng = np.random.default_rng(seed)
    n = x.shape[0]
    k = min(k, n)
    cent = x[rng.choice(n, size=k, replace=False)].copy()
    labels = np.zeros(n, dtype=np.int64)
    for _ in range(iters):
        # Chunked argmax keeps memory bounded (n x k floats otherwise).
        for s in range(0, n, 20000):
            labels[s:s + 20000] = np.argmax(x[s:s + 20000] @ cent.T, axis=1)
        new = np.zeros_like(cent)
        np.add.at(new, labels, x)
        norms = np.linalg.norm(new, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        # Re-seed empty clusters on random points so that every id stays in use.
        if empty.any():
            new[empty] = x[rng.choice(n, size=int(empty.sum()), replace=False)]
            norms[empty] = 1.0
        cent = new / norms
    return labels, cent


def build_clusters(zip_paths: list[Path], *, vocab: int = 100000, contexts: int = 2000,
                   dims: int = 100, levels: tuple[int, ...] = (1000, 250, 60),
                   surface_vocab: int = 200000, seed: int = 13,
                   vector_dims: int = 0) -> dict[str, np.ndarray]:
    """Learn nested stem clusters and surface frequencies; return arrays ready for ``np.savez``.

    Keys of the result: ``keys`` (uint64 hashes of stems, sorted), ``c<K>`` (cluster id per key
    for each level K), ``skeys``/``sfreq`` (hashes and counts of frequent surface forms) and,
    when ``vector_dims`` > 0, ``vec``: the first ``vector_dims`` SVD dimensions of each key (unit
    length, float16, rows in key order) for real-valued CRF features.
    """
    from scipy import sparse
    from scipy.sparse.linalg import svds

    surface = Counter()
    texts: list[list[str]] = []
    for words in corpus_words(zip_paths):
        surface.update(words)
        texts.append(words)
    # Clitic splitting consults surface frequencies (is "يروت" a word? no: بيروت stays whole).
    fdict = {hash_key(w): c for w, c in surface.items() if c >= 3}
    stem_of = {w: split_proclitics(w, fdict)[2] for w in surface}
    docs = [[stem_of[w] for w in words] for words in texts]
    del texts
    sfreq = Counter()
    for w, c in surface.items():
        sfreq[stem_of[w]] += c
    vocab_words = [w for w, c in sfreq.most_common(vocab) if c >= 3]
    ctx_words = [w for w, _ in sfreq.most_common(contexts)]
    vid = {w: i for i, w in enumerate(vocab_words)}
    cid = {w: i for i, w in enumerate(ctx_words)}
    nv, nc = len(vocab_words), len(ctx_words)
    rows, cols = [], []
    for stems in docs:
        ids = np.array([vid.get(s, -1) for s in stems], dtype=np.int64)
        cids = np.array([cid.get(s, -1) for s in stems], dtype=np.int64)
        if len(ids) < 2:
            continue
        # right neighbour context: columns [0, nc); left neighbour: [nc, 2nc)
        a, b = ids[:-1], cids[1:]
        m = (a >= 0) & (b >= 0)
        rows.append(a[m]); cols.append(b[m])
        a, b = ids[1:], cids[:-1]
        m = (a >= 0) & (b >= 0)
        rows.append(a[m]); cols.append(b[m] + nc)
    r = np.concatenate(rows); c = np.concatenate(cols)
    mat = sparse.coo_matrix((np.ones(len(r), dtype=np.float64), (r, c)),
                            shape=(nv, 2 * nc)).tocsr()
    mat.sum_duplicates()
    total = mat.sum()
    rs = np.asarray(mat.sum(axis=1)).ravel()
    cs = np.asarray(mat.sum(axis=0)).ravel() ** 0.75   # context smoothing (Levy et al. 2015)
    cs = cs / cs.sum() * total
    coo = mat.tocoo()
    pmi = np.log(coo.data * total / (rs[coo.row] * cs[coo.col] + 1e-12) + 1e-12)
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=mat.shape)
    u, s, _ = svds(ppmi, k=min(dims, min(ppmi.shape) - 1), random_state=seed)
    vec = u * np.sqrt(s)
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-12
    out: dict[str, np.ndarray] = {}
    labels, cent = _spherical_kmeans(vec, levels[0], iters=15, seed=seed)
    per_level = {levels[0]: labels}
    for k in levels[1:]:
        # Coarser levels cluster the finer centroids, so the levels nest.
        sub, cent2 = _spherical_kmeans(cent, k, iters=25, seed=seed)
        labels = sub[labels]
        per_level[k] = labels
        cent = cent2
    keys = np.array([hash_key(w) for w in vocab_words], dtype=np.uint64)
    order = np.argsort(keys)
    out["keys"] = keys[order]
    for k, lab in per_level.items():
        out[f"c{k}"] = lab[order].astype(np.uint16)
    if vector_dims > 0:
        # svds returns singular values in ascending order: the strongest dimensions are last
        top_dims = vec[:, np.argsort(s)[::-1][:vector_dims]]
        top_dims = top_dims / (np.linalg.norm(top_dims, axis=1, keepdims=True) + 1e-12)
        out["vec"] = top_dims[order].astype(np.float16)
    top = surface.most_common(surface_vocab)
    skeys = np.array([hash_key(w) for w, _ in top], dtype=np.uint64)
    sc = np.array([c for _, c in top], dtype=np.uint32)
    order = np.argsort(skeys)
    out["skeys"] = skeys[order]
    out["sfreq"] = sc[order]
    return out


def load_clusters(path: Path) -> tuple[dict[int, tuple[int, ...]], dict[int, int], tuple[int, ...]]:
    """Load a clusters file: (stem hash → cluster ids per level, surface hash → count, levels)."""
    z = np.load(path)
    levels = tuple(sorted((int(n[1:]) for n in z.files if n.startswith("c")), reverse=True))
    cols = [z[f"c{k}"].tolist() for k in levels]
    clusters = dict(zip(z["keys"].tolist(), zip(*cols)))
    freq = dict(zip(z["skeys"].tolist(), z["sfreq"].tolist()))
    return clusters, freq, levels


def load_vectors(path: Path) -> tuple[dict[int, int], np.ndarray] | None:
    """Load the word vectors of a clusters file: (stem hash → row, float32 matrix), or ``None``
    when the file carries no ``vec`` array (built without ``vector_dims``)."""
    z = np.load(path)
    if "vec" not in z.files:
        return None
    vec = z["vec"].astype(np.float32)
    return dict(zip(z["keys"].tolist(), range(len(vec)))), vec
