"""Cosine top-k over one brand's vectors held in RAM (the SQLite index's vector leg).

Scores are computed with ``np.einsum``, single-threaded, not BLAS: a threaded sgemv on a 2-core
machine whose other core is busy waits a whole scheduler tick for its second thread (8 ms p50 for
20k rows instead of 1.8). Up to ``BINARY_MIN_ROWS`` rows the scan is exact. Above it, an exact scan
reads the whole matrix per query (150 MB at 100k x 384), which is memory-bound (~10 ms on one
core). So large brands are scanned first over 1-bit codes (the sign of each
dimension after centring on the corpus mean; 48 bytes a row instead of 1,536), and the closest
``candidates`` rows by Hamming distance (5% of the rows, at least 2,000) are re-scored exactly.
Centring matters: e5 vectors share a large common direction; signs taken around zero kept 0.51 of
the exact top 5 at a 5% pool, centred signs 0.98 (benchmarks/bench_kb.py, ``prefilter`` part).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

BINARY_MIN_ROWS = 20_000
MIN_CANDIDATES = 2_000
CANDIDATE_SHARE = 20  # re-score at least 1/20 of the rows (5%: see the benchmark for why not 2%)


class VectorMatrix:
    def __init__(
        self,
        ids: np.ndarray,
        matrix: np.ndarray,
        *,
        binary_min_rows: int = BINARY_MIN_ROWS,
        min_candidates: int = MIN_CANDIDATES,
        candidate_share: int = CANDIDATE_SHARE,
    ) -> None:
        import numpy as np

        self.ids = ids
        self.min_candidates = min_candidates
        self.candidate_share = candidate_share
        self.matrix = matrix
        self._mean: np.ndarray | None = None
        self._codes: np.ndarray | None = None
        if len(ids) >= binary_min_rows:
            self._mean = matrix.mean(axis=0, dtype=np.float64).astype(matrix.dtype)
            # Stored word-major (words, n): each word's column is contiguous for the Hamming pass.
            self._codes = np.ascontiguousarray(_pack(matrix, self._mean).T)

    def __len__(self) -> int:
        return len(self.ids)

    def candidates(self, k: int) -> int:
        """How many rows the exact re-scoring sees (all of them below the threshold)."""
        n = len(self.ids)
        if self._codes is None:
            return n
        return min(n, max(self.min_candidates, n // self.candidate_share, k))

    def top(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        """The ``k`` best (id, cosine) pairs, best first; rows and ``vector`` are L2-normalised."""
        import numpy as np

        n = len(self.ids)
        k = min(k, n)
        if k <= 0:
            return []
        vector = np.asarray(vector, dtype=self.matrix.dtype)
        if self._codes is None or self._mean is None:
            rows: np.ndarray = np.arange(n)
            scores = np.einsum("ij,j->i", self.matrix, vector)
        else:
            distance = _hamming(self._codes, _pack(vector[None, :], self._mean)[0])
            c = self.candidates(k)
            rows = _nearest(distance, c) if c < n else np.arange(n)
            scores = np.einsum("ij,j->i", self.matrix[rows], vector)
        best = np.argpartition(-scores, k - 1)[:k]
        best = best[np.argsort(-scores[best], kind="stable")]
        return [(int(self.ids[rows[i]]), float(scores[i])) for i in best]


def _pack(matrix: np.ndarray, mean: np.ndarray, block: int = 8192) -> np.ndarray:
    """Sign bits of ``matrix - mean``, packed into uint64 words, shape (n, words); rows padded to whole words."""
    import numpy as np

    n, dim = matrix.shape
    words = -(-dim // 64)
    out = np.zeros((n, words * 8), dtype=np.uint8)
    for start in range(0, n, block):  # in blocks: no full-size float temporary at 1M rows
        part = matrix[start : start + block] > mean
        out[start : start + block, : -(-dim // 8)] = np.packbits(part, axis=1)
    return out.view(np.uint64)


def _hamming(codes: np.ndarray, query: np.ndarray) -> np.ndarray:
    import numpy as np

    # Word by word into a uint16 accumulator (codes are word-major): a reduction along the short
    # axis of an (n, words) array (sum(axis=1)) is several times slower than these few vector adds.
    total = np.bitwise_count(codes[0] ^ query[0]).astype(np.uint16)
    for w in range(1, codes.shape[0]):
        total += np.bitwise_count(codes[w] ^ query[w])
    return total


def _nearest(distance: np.ndarray, c: int) -> np.ndarray:
    """Indices of the ``c`` smallest distances (ties broken by position).

    Distances are small integers (0..dim), so a histogram finds the cut-off in one pass; this is
    1.2 ms cheaper than ``np.argpartition`` over 100k rows, a third of the whole vector leg.
    """
    import numpy as np

    cumulative = np.cumsum(np.bincount(distance))
    cut = int(np.searchsorted(cumulative, c))  # the distance at which the c-th row falls
    below = np.flatnonzero(distance < cut)
    return np.concatenate([below, np.flatnonzero(distance == cut)[: c - len(below)]])


def exact_top(matrix: np.ndarray, ids: Sequence[int], vector: np.ndarray, k: int) -> list[tuple[int, float]]:
    """Reference exact scan (benchmarks compare the prefiltered scan against it)."""
    import numpy as np

    return VectorMatrix(np.asarray(ids), matrix, binary_min_rows=len(ids) + 1).top(vector, k)
