"""The in-RAM vector leg: exact scan for small brands, 1-bit prefilter + exact re-scoring for large."""

from __future__ import annotations

import numpy as np
import pytest

from wenan.kb.vectors import VectorMatrix, _nearest, exact_top


def unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=-1, keepdims=True)).astype(np.float32)


def clustered(n: int, dim: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Rows around 50 topic centres sharing one common offset, like real sentence embeddings."""
    rng = np.random.default_rng(seed)
    common = rng.standard_normal(dim) * 3
    centres = rng.standard_normal((50, dim))
    rows = common + centres[rng.integers(0, 50, n)] + 0.6 * rng.standard_normal((n, dim))
    return np.arange(n, dtype=np.int64) + 1000, unit(rows)


def test_small_matrix_is_exact_and_ordered():
    ids, m = clustered(500, 48)
    q = m[17]
    got = VectorMatrix(ids, m).top(q, 10)
    scores = m @ q
    want = np.argsort(-scores, kind="stable")[:10]
    assert [i for i, _ in got] == [int(ids[j]) for j in want]
    assert got[0] == (1017, pytest.approx(1.0, abs=1e-5))
    assert all(a[1] >= b[1] for a, b in zip(got, got[1:], strict=False))


def test_prefilter_finds_the_exact_top_k_on_structured_data():
    ids, m = clustered(30_000, 100, seed=3)  # 100 dims: rows pad to 2 words of 64 bits
    pre = VectorMatrix(ids, m)  # above BINARY_MIN_ROWS: prefiltered
    assert pre.candidates(50) == 2_000
    rng = np.random.default_rng(9)
    agree = []
    for row in rng.integers(0, len(ids), 40):
        q = unit(m[row] + 0.03 * rng.standard_normal(100).astype(np.float32))  # noise norm ~0.3
        truth = [i for i, _ in exact_top(m, ids, q, 10)]
        got = [i for i, _ in pre.top(q, 10)]
        agree.append(len(set(truth) & set(got)) / 10)
        assert got[0] == truth[0]
    assert np.mean(agree) >= 0.95


def test_prefilter_scores_are_exact_cosines():
    ids, m = clustered(2_000, 64)
    pre = VectorMatrix(ids, m, binary_min_rows=0, min_candidates=200)
    for cid, score in pre.top(m[5], 5):
        assert score == pytest.approx(float(m[cid - 1000] @ m[5]), abs=1e-5)


@pytest.mark.parametrize("c", [1, 2, 37, 500, 999, 1000])
def test_nearest_picks_the_c_smallest_distances(c):
    rng = np.random.default_rng(c)
    distance = rng.integers(0, 40, 1000).astype(np.uint16)  # many ties, as Hamming distances have
    rows = _nearest(distance, c)
    assert len(rows) == len(set(rows.tolist())) == c
    assert sorted(distance[rows].tolist()) == sorted(np.partition(distance, c - 1)[:c].tolist())


def test_edge_sizes():
    ids, m = clustered(3, 16)
    assert len(VectorMatrix(ids, m).top(m[0], 10)) == 3  # k larger than the brand
    assert VectorMatrix(ids, m).top(m[0], 0) == []
    empty = VectorMatrix(np.zeros(0, dtype=np.int64), np.zeros((0, 16), dtype=np.float32))
    assert empty.top(m[0], 5) == []
    tiny = VectorMatrix(ids, m, binary_min_rows=0, min_candidates=1)
    assert [i for i, _ in tiny.top(m[2], 1)] == [1002]


def test_query_embedding_errors_surface(kb, tmp_path):
    doc = tmp_path / "faq.md"
    doc.write_text("# 保温杯\nBX-500 保温 12 小时。", encoding="utf-8")
    kb.add([doc])
    assert kb.search("BX-500 保温多久")

    class Broken:
        name, dim = kb.embedder.name, kb.embedder.dim

        def embed(self, texts, kind):
            raise RuntimeError("embedder down")

    kb.embedder = Broken()
    with pytest.raises(RuntimeError, match="embedder down"):
        kb.search("BX-500 保温多久")
    assert kb.search("保温杯 保温", mode="bm25")  # BM25 alone never calls the embedder
