from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from wenan.kb.cli import kb_app
from wenan.store.cli import brand_app

app = typer.Typer()
app.add_typer(brand_app, name="brand")
app.add_typer(kb_app, name="kb")
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture(autouse=True)
def _hash_embedder(monkeypatch):
    monkeypatch.setenv("WENAN_KB_EMBEDDER", "hash")


@pytest.fixture
def docs(tmp_path):
    root = tmp_path / "docs"
    root.mkdir()
    (root / "faq.md").write_text(
        "# 常见问题\n## 能放冰箱吗\n不建议放冷冻室，可以放冷藏室。\n", encoding="utf-8"
    )
    (root / "catalog.csv").write_text(
        "商品名称,SKU,价格\n真空保温杯,BX-500,199\n焖烧罐,BX-800,259\n", encoding="utf-8"
    )
    return root


def test_kb_add_search_list_remove(docs):
    assert run("brand", "create", "暖途").exit_code == 0

    r = run("kb", "add", str(docs), "--brand", "暖途")
    assert r.exit_code == 0, r.output
    assert "[新增]" in r.output and "新增 2 个文件" in r.output

    r = run("kb", "add", str(docs / "faq.md"), "--brand", "暖途")
    assert "[未变]" in r.output and "跳过 1 个" in r.output

    r = run("kb", "search", "BX-800 多少钱", "--brand", "暖途", "--k", "2")
    assert r.exit_code == 0, r.output
    assert r.output.startswith("1. 焖烧罐") and "259元" in r.output

    hits = json.loads(run("kb", "search", "冷冻", "--brand", "暖途", "--json", "--mode", "bm25").output)
    assert hits[0]["text"].startswith("不建议放冷冻室") and hits[0]["metadata"]["heading_path"]

    listed = run("kb", "list", "--brand", "暖途").output
    assert "faq.md" in listed and "catalog.csv" in listed
    docs_json = json.loads(run("kb", "list", "--brand", "暖途", "--json").output)
    assert {d["n_chunks"] for d in docs_json} == {1, 2}

    r = run("kb", "remove", str(docs / "faq.md"), "--brand", "暖途")
    assert r.exit_code == 0 and "已移除" in r.output
    assert "faq.md" not in run("kb", "list", "--brand", "暖途").output
    r = run("kb", "remove", str(docs / "faq.md"), "--brand", "暖途")
    assert r.exit_code == 2 and "知识库里没有这个文件" in r.output


def test_kb_errors(docs, tmp_path):
    r = run("kb", "add", str(docs), "--brand", "没有")
    assert r.exit_code == 2 and "品牌不存在：没有" in r.output and "wenan brand create 没有" in r.output

    run("brand", "create", "暖途")
    (tmp_path / "scan.pdf").write_bytes(b"not a pdf")
    r = run("kb", "add", str(tmp_path / "scan.pdf"), str(docs / "faq.md"), "--brand", "暖途")
    assert r.exit_code == 2 and "[失败]" in r.output and "[新增]" in r.output

    r = run("kb", "search", "x", "--brand", "暖途", "--mode", "fuzzy")
    assert r.exit_code == 2 and "未知的检索模式" in r.output

    run("brand", "create", "青禾")
    assert "还是空的" in run("kb", "list", "--brand", "青禾").output
    assert "没有找到相关内容" in run("kb", "search", "的", "--brand", "暖途", "--mode", "bm25").output


def test_brand_delete(docs):
    assert run("brand", "create", "暖途").exit_code == 0
    assert run("kb", "add", str(docs), "--brand", "暖途").exit_code == 0

    r = run("brand", "delete", "暖途")  # CliRunner's stdin is not a terminal: no silent deletes
    assert r.exit_code == 2 and "--yes" in r.output
    assert "暖途" in run("brand", "list").output

    r = run("brand", "delete", "暖途", "--yes")
    assert r.exit_code == 0, r.output
    assert "已删除品牌 暖途：0 条历史文案、2 个知识库文件、3 个片段" in r.output
    assert "暖途" not in run("brand", "list").output
    assert run("kb", "search", "BX-800", "--brand", "暖途").exit_code == 2

    r = run("brand", "delete", "没有", "--yes")
    assert r.exit_code == 2 and "没有" in r.output
