from __future__ import annotations

import shutil

import pytest

from wenan.exceptions import NotFoundError, StoreError
from wenan.kb import HashEmbedder, open_kb

from .builders import docx_file, scanned_pdf, sparse_file, text_pdf, xlsx_file, zip_bomb_docx

FAQ = """# 暖途常见问题

## 保温杯可以放冰箱冷冻吗？
不建议放入冷冻室。低温会让硅胶密封圈变硬，可能导致漏水。可以放冷藏室。

## BX-500 保温多久？
BX-500 在 95℃ 热水灌满的情况下，6 小时后水温不低于 70℃。保冷可达 12 小时。
"""

CATALOG = (
    "商品名称,SKU,价格,规格,颜色\n"
    "暖途真空保温杯,BX-500,199,500ml/316不锈钢,雪山白\n"
    "暖途焖烧罐,BX-800,259,800ml,松林绿\n"
)


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "docs"
    root.mkdir()
    (root / "faq.md").write_text(FAQ, encoding="utf-8")
    (root / "catalog.csv").write_text(CATALOG, encoding="utf-8")
    (root / "story.txt").write_text(
        "暖途创立于2016年，总部在杭州。\n我们相信好装备让户外更轻松。", encoding="utf-8"
    )
    (root / "guide.html").write_text(
        "<html><head><title>清洁指南</title><style>p{}</style></head><body><nav>首页</nav>"
        "<h1>清洁指南</h1><h2>日常清洗</h2><p>用温水和软毛刷清洗，不要使用钢丝球。</p>"
        "<h2>除异味</h2><p>可用小苏打溶液浸泡 30 分钟。</p><script>var x=1;</script></body></html>",
        encoding="utf-8",
    )
    docx_file(
        root / "manual.docx",
        [
            ("Heading 1", "BX-800 焖烧罐使用说明"),
            ("p", "首次使用前请用开水预热 5 分钟。"),
            ("Heading 2", "焖粥方法"),
            ("p", "放入 1/5 杯米，加开水至水位线，焖 4 小时即可食用。"),
            ("table", "项目|参数;容量|800ml;重量|420g"),
        ],
    )
    text_pdf(root / "warranty.pdf", ["Warranty: BX-500 comes with a 2 year warranty.", "Keep the receipt."])
    xlsx_file(
        root / "accessories.xlsx",
        [["品名", "货号", "售价"], ["杯套", "AC-101", 29], ["替换杯盖", "AC-102", 39.5]],
    )
    return root


def test_ingest_every_supported_type(kb, corpus):
    report = kb.add([corpus])
    assert report.failed == 0, report.files
    assert report.added == 7
    by_name = {f.path.rsplit("/", 1)[-1]: f for f in report.files}
    assert by_name["catalog.csv"].n_chunks == 2
    assert by_name["accessories.xlsx"].n_chunks == 2
    # catalogues are ingested first so their SKUs/names enter the segmenter before prose
    assert report.files[0].path.endswith((".csv", ".xlsx"))
    assert {d.title for d in kb.documents()} >= {"暖途常见问题", "清洁指南", "catalog"}

    top = kb.search("保温杯能放冷冻室吗", k=3)
    assert "冷冻室" in top[0].text
    assert top[0].metadata["heading_path"] == "暖途常见问题 > 保温杯可以放冰箱冷冻吗？"

    row = kb.search("BX-800", k=3)[0]
    assert row.text.startswith("商品：暖途焖烧罐 SKU：BX-800 价格：259元 规格：800ml")
    assert row.metadata["sku"] == "BX-800" and row.metadata["fields"]["颜色"] == "松林绿"

    assert "39.5元" in kb.search("AC-102 多少钱", k=1)[0].text
    html = kb.search("小苏打除异味", k=1)[0]
    assert "小苏打" in html.text and "var x" not in html.text and "首页" not in html.text
    docx_hit = kb.search("焖粥 米 水位线", k=1)[0]
    assert docx_hit.metadata["heading"] == ["BX-800 焖烧罐使用说明", "焖粥方法"]
    assert "容量：800ml" in kb.search("焖烧罐 容量 重量", k=1, mode="bm25")[0].text
    assert "2 year warranty" in kb.search("warranty", k=1)[0].text


def test_dedup_unchanged_and_duplicate(kb, corpus, tmp_path):
    kb.add([corpus])
    again = kb.add([corpus])
    assert again.added == 0 and again.skipped == 7
    assert {f.status for f in again.files} == {"unchanged"}

    copy = tmp_path / "copy_of_faq.md"
    shutil.copy(corpus / "faq.md", copy)
    dup = kb.add([copy]).files[0]
    assert dup.status == "duplicate" and "faq.md" in dup.message
    assert len(kb.documents()) == 7


def test_changed_file_replaces_old_chunks(kb, corpus, index):
    kb.add([corpus / "faq.md"])
    before = index.count(kb.brand.id)
    (corpus / "faq.md").write_text(
        FAQ.replace("12 小时", "24 小时").replace("可以放冷藏室。", ""), encoding="utf-8"
    )
    report = kb.add([corpus / "faq.md"])
    assert report.files[0].status == "replaced"
    assert index.count(kb.brand.id) == before
    texts = [p.text for p in kb.search("保冷多久", k=5, mode="bm25")]
    assert any("24 小时" in t for t in texts) and not any("12 小时" in t for t in texts)
    assert len(kb.documents()) == 1


def test_remove(kb, corpus, index):
    kb.add([corpus / "faq.md", corpus / "catalog.csv"])
    record = kb.remove(corpus / "faq.md")
    assert record.path.endswith("faq.md")
    assert index.count(kb.brand.id) == 2
    assert all(p.source_path.endswith("catalog.csv") for p in kb.search("冷冻", k=5))
    with pytest.raises(NotFoundError):
        kb.remove(corpus / "faq.md")


def test_brands_are_isolated(store, index, corpus):
    with open_kb("暖途", store=store, index=index, embedder=HashEmbedder()) as a:
        a.add([corpus / "faq.md"])
    with open_kb("青禾", store=store, index=index, embedder=HashEmbedder()) as b:
        assert b.search("冷冻", k=5) == []
        # same file for another brand is not a duplicate
        assert b.add([corpus / "faq.md"]).added == 1


def test_missing_brand(store, index):
    with pytest.raises(NotFoundError, match="wenan brand create 没有"):
        open_kb("没有", store=store, index=index, embedder=HashEmbedder())


def test_embedder_change_is_detected(store, index, corpus):
    with open_kb("暖途", store=store, index=index, embedder=HashEmbedder(64)) as k:
        k.add([corpus / "faq.md"])
    with pytest.raises(StoreError, match="hash-64"):
        open_kb("暖途", store=store, index=index, embedder=HashEmbedder(32))


def test_bad_files_are_reported_and_good_ones_kept(kb, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    scanned_pdf(bad / "scan.pdf")
    (bad / "broken.docx").write_bytes(b"PK\x03\x04garbage" * 10)
    (tmp_path / "notes.zip").write_bytes(b"x")
    import zipfile

    with zipfile.ZipFile(bad / "not_word.docx", "w") as z:
        z.writestr("hello.txt", "不是 Word")
    zip_bomb_docx(bad / "bomb.docx")
    sparse_file(bad / "huge.pdf", 500)
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (bad / "good.md").write_text("# 好文件\n内容正常。", encoding="utf-8")
    (bad / "image.png").write_bytes(b"\x89PNG")  # unsupported inside a directory: ignored

    report = kb.add([bad, tmp_path / "notes.zip", tmp_path / "missing.md"])
    msgs = {f.path.rsplit("/", 1)[-1]: (f.status, f.message) for f in report.files}
    assert msgs["good.md"][0] == "added"
    assert "image.png" not in msgs
    assert "没有可提取的文字（可能是扫描件），请先 OCR" in msgs["scan.pdf"][1]
    assert "已损坏" in msgs["broken.docx"][1]
    assert "已损坏" in msgs["not_word.docx"][1]
    assert "压缩炸弹" in msgs["bomb.docx"][1]
    assert "文件过大" in msgs["huge.pdf"][1] and "WENAN_MAX_FILE_MB" in msgs["huge.pdf"][1]
    assert "空的" in msgs["empty.txt"][1]
    assert "二进制" in msgs["binary.txt"][1]
    assert "不支持的文件类型" in msgs["notes.zip"][1]
    assert "不存在" in msgs["missing.md"][1]
    assert report.failed == 9 and report.added == 1
    assert [d.title for d in kb.documents()] == ["好文件"]


def test_size_cap_configurable(kb, tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_text("暖途" * 20_000, encoding="utf-8")  # ~120 KB
    monkeypatch.setenv("WENAN_MAX_FILE_MB", "0.05")
    outcome = kb.add([path]).files[0]
    assert outcome.status == "failed" and "文件过大" in outcome.message and "上限 0.05 MB" in outcome.message
    monkeypatch.setenv("WENAN_MAX_FILE_MB", "1")
    assert kb.add([path]).files[0].status == "added"


class _Boom(RuntimeError):
    pass


def test_failed_index_write_rolls_back_everything(kb, corpus, index, monkeypatch):
    kb.add([corpus / "faq.md"])
    n_before = index.count(kb.brand.id)
    (corpus / "faq.md").write_text(FAQ + "\n## 新问题\n新答案。", encoding="utf-8")

    from wenan.kb import sqlite_index

    original = sqlite_index._SqliteWriter.replace

    def half_then_fail(self, *args, **kwargs):
        original(self, *args, **kwargs)  # rows written inside the transaction…
        raise _Boom("disk full")  # …then the write fails

    monkeypatch.setattr(sqlite_index._SqliteWriter, "replace", half_then_fail)
    outcome_error = None
    try:
        kb.add([corpus / "faq.md", corpus / "catalog.csv"])
    except _Boom as exc:  # a non-Wenan error propagates, but only after rolling back
        outcome_error = exc
    assert outcome_error is not None
    monkeypatch.undo()
    assert index.count(kb.brand.id) == n_before
    assert (
        kb.documents()[0].content_hash
        == kb.store.get_document(kb.brand.id, kb.documents()[0].path).content_hash
    )
    assert [d.path.rsplit("/", 1)[-1] for d in kb.documents()] == ["faq.md"]
    assert "冷冻室" in kb.search("冷冻", k=1)[0].text  # old content still served
    # and the next attempt succeeds
    assert kb.add([corpus / "faq.md"]).files[0].status == "replaced"


def test_failed_store_commit_rolls_back_index(kb, corpus, index, monkeypatch):
    from contextlib import contextmanager

    real = kb.store.stage_document

    @contextmanager
    def failing_commit(*args, **kwargs):
        with real(*args, **kwargs) as doc_id:
            yield doc_id
            raise StoreError("数据库连接中断")

    monkeypatch.setattr(kb.store, "stage_document", failing_commit)
    outcome = kb.add([corpus / "faq.md"]).files[0]
    assert outcome.status == "failed" and "数据库连接中断" in outcome.message
    assert index.count(kb.brand.id) == 0
    assert kb.documents() == []


def test_embedding_failure_writes_nothing(store, index, corpus):
    class Flaky(HashEmbedder):
        def embed(self, texts, kind):
            if any("冷冻" in t for t in texts):
                raise StoreError("嵌入服务不可用")
            return super().embed(texts, kind)

    with open_kb("暖途", store=store, index=index, embedder=Flaky()) as k:
        report = k.add([corpus / "faq.md", corpus / "story.txt"])
        assert [f.status for f in report.files] == ["failed", "added"]
        assert [d.path.rsplit("/", 1)[-1] for d in k.documents()] == ["story.txt"]


def test_second_connection_sees_new_vectors(store, index, corpus, tmp_path):
    from wenan.kb.sqlite_index import SqliteIndex

    reader_index = SqliteIndex(tmp_path / "home" / "kb.sqlite")
    with open_kb("暖途", store=store, index=reader_index, embedder=HashEmbedder()) as reader:
        assert reader.search("冷冻", k=1, mode="vector") == []
        with open_kb("暖途", store=store, index=index, embedder=HashEmbedder()) as writer:
            writer.add([corpus / "faq.md"])
        assert reader.search("冷冻", k=1, mode="vector")  # data_version changed -> matrix reloaded
    reader_index.close()
