"""The Milvus backend against Milvus Lite (same pymilvus client a cluster uses)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

pytest.importorskip("pymilvus", reason="needs the milvus extra: pip install 'wenan[milvus]'")
pytest.importorskip("milvus_lite", reason="milvus-lite is not installable on this platform")

from wenan.kb import HashEmbedder, open_kb  # noqa: E402
from wenan.kb.milvus_index import MilvusIndex  # noqa: E402

FAQ = "# 常见问题\n## 能放冰箱吗\n不建议放冷冻室，可以放冷藏室。\n## 保温多久\nBX-500 保温 12 小时。\n"
CATALOG = "商品名称,SKU,价格\n真空保温杯,BX-500,199\n焖烧罐,BX-800,259\n"


@pytest.fixture
def milvus(tmp_path):
    index = MilvusIndex(str(tmp_path / "milvus.db"))
    yield index
    index.close()


@pytest.fixture
def docs(tmp_path):
    root = tmp_path / "docs"
    root.mkdir()
    (root / "faq.md").write_text(FAQ, encoding="utf-8")
    (root / "catalog.csv").write_text(CATALOG, encoding="utf-8")
    return root


def test_ingest_search_replace_remove(store, milvus, docs):
    with open_kb("暖途", store=store, index=milvus, embedder=HashEmbedder()) as kb:
        report = kb.add([docs])
        assert report.added == 2 and report.failed == 0
        assert milvus.count(kb.brand.id) == 4
        assert set(milvus.terms(kb.brand.id)) >= {"BX-500", "真空保温杯"}

        top = kb.search("BX-800", k=3)[0]
        assert top.text.startswith("商品：焖烧罐 SKU：BX-800") and isinstance(top.id, str)
        assert kb.search("冷冻室", k=1, mode="bm25")[0].text.startswith("不建议放冷冻室")
        assert kb.search("冷冻", k=4, mode="vector")
        assert kb.add([docs]).skipped == 2

        (docs / "faq.md").write_text(FAQ.replace("12 小时", "24 小时"), encoding="utf-8")
        assert kb.add([docs / "faq.md"]).replaced == 1
        assert milvus.count(kb.brand.id) == 4  # old generation deleted
        texts = [p.text for p in kb.search("保温 小时", k=4, mode="bm25")]
        assert any("24 小时" in t for t in texts) and not any("12 小时" in t for t in texts)

        kb.remove(docs / "faq.md")
        assert milvus.count(kb.brand.id) == 2

    with open_kb("青禾", store=store, index=milvus, embedder=HashEmbedder()) as other:
        assert other.search("BX-800", k=3) == []  # brands are filtered apart


def test_failed_write_rolls_back(store, milvus, docs, monkeypatch):
    from contextlib import contextmanager

    from wenan.exceptions import StoreError

    with open_kb("暖途", store=store, index=milvus, embedder=HashEmbedder()) as kb:
        kb.add([docs / "faq.md"])
        real = kb.store.stage_document

        @contextmanager
        def failing_commit(*args, **kwargs):
            with real(*args, **kwargs) as doc_id:
                yield doc_id
                raise StoreError("数据库连接中断")

        monkeypatch.setattr(kb.store, "stage_document", failing_commit)
        (docs / "faq.md").write_text(FAQ + "## 新\n新内容。\n", encoding="utf-8")
        assert kb.add([docs / "faq.md"]).failed == 1
        assert milvus.count(kb.brand.id) == 2  # new generation removed, old one kept
        assert "冷冻室" in kb.search("冷冻室", k=1, mode="bm25")[0].text


def test_embedder_change_is_detected(store, milvus):
    from wenan.exceptions import StoreError

    open_kb("暖途", store=store, index=milvus, embedder=HashEmbedder(64)).close()
    # Milvus Lite drops field descriptions, so only the dimension is checked there
    with pytest.raises(StoreError, match="64 维"):
        open_kb("暖途", store=store, index=milvus, embedder=HashEmbedder(32))


def test_drop_brand_deletes_only_that_brand(store, milvus, docs):
    from wenan.kb.base import delete_brand

    for name in ("暖途", "青禾"):
        with open_kb(name, store=store, index=milvus, embedder=HashEmbedder()) as kb:
            kb.add([docs])
    gone, kept = store.get_brand("暖途").id, store.get_brand("青禾").id
    assert delete_brand("暖途", store=store, index=milvus) == (0, 2, 4)
    assert milvus.count(gone) == 0 and milvus.count(kept) == 4
    with open_kb("青禾", store=store, index=milvus, embedder=HashEmbedder()) as kb:
        assert kb.search("BX-800", k=1)[0].text.startswith("商品：焖烧罐")
