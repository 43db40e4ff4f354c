"""Deleting a brand removes it from the store and its chunks from the index, and a failure halfway
leaves a state that running the same delete again finishes."""

from __future__ import annotations

import pytest

from wenan.exceptions import NotFoundError, StoreError
from wenan.kb import HashEmbedder, open_kb
from wenan.kb.base import delete_brand


def fill(store, index, docs_dir, name):
    with open_kb(name, store=store, index=index, embedder=HashEmbedder()) as kb:
        report = kb.add([docs_dir])
        assert report.failed == 0
        return kb.brand.id


@pytest.fixture
def docs(tmp_path):
    root = tmp_path / "docs"
    root.mkdir()
    (root / "faq.md").write_text("# 常见问题\n## 保温多久\nBX-500 保温 12 小时。\n", encoding="utf-8")
    (root / "catalog.csv").write_text("商品名称,SKU,价格\n真空保温杯,BX-500,199\n焖烧罐,BX-800,259\n",
                                      encoding="utf-8")
    return root


def table_names(index):
    return {r[0] for r in index.conn.execute("SELECT name FROM sqlite_master")}


def test_delete_removes_brand_posts_documents_and_chunks(store, index, docs):
    from wenan.store import PostIn

    gone = fill(store, index, docs, "暖途")
    kept = fill(store, index, docs, "青禾")
    store.add_posts("暖途", [PostIn(text="冬天的第一杯热汤，用暖途焖烧罐。")])
    assert f"fts_{gone}" in table_names(index)

    assert delete_brand("暖途", store=store, index=index) == (1, 2, 3)

    assert [b.name for b in store.list_brands()] == ["青禾"]
    assert index.count(gone) == 0 and f"fts_{gone}" not in table_names(index)
    assert index.conn.execute("SELECT COUNT(*) FROM codes WHERE brand_id = ?", (gone,)).fetchone()[0] == 0
    assert index.count(kept) == 3  # the other brand is untouched and still searchable both ways
    with open_kb("青禾", store=store, index=index, embedder=HashEmbedder()) as kb:
        assert kb.search("BX-800 焖烧罐", k=1, mode="bm25")[0].text.startswith("商品：焖烧罐")
        assert kb.search("BX-800 焖烧罐", k=1, mode="vector")
    with pytest.raises(NotFoundError):
        delete_brand("暖途", store=store, index=index)


def test_brand_without_documents_or_index_tables(store, index):
    assert delete_brand("青禾", store=store, index=index) == (0, 0, 0)


def test_a_failing_index_changes_nothing_and_a_retry_finishes(store, index, docs, monkeypatch):
    fill(store, index, docs, "暖途")

    def broken(brand_id):
        raise StoreError("磁盘已满")

    monkeypatch.setattr(index, "drop_brand", broken)
    with pytest.raises(StoreError, match="磁盘已满"):
        delete_brand("暖途", store=store, index=index)
    assert len(store.list_documents("暖途")) == 2  # nothing in the store moved
    monkeypatch.undo()

    def store_fails(name):
        raise StoreError("数据库被锁定")

    monkeypatch.setattr(store, "delete_brand", store_fails)
    with pytest.raises(StoreError, match="数据库被锁定"):
        delete_brand("暖途", store=store, index=index)
    monkeypatch.undo()
    assert delete_brand("暖途", store=store, index=index) == (0, 2, 0)  # the retry completes it
    assert "暖途" not in [b.name for b in store.list_brands()]
