"""KB tests: WENAN_HOME in tmp_path, HashEmbedder unless a test asks for the real model."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest.importorskip("apsw", reason="needs the kb extra: pip install 'wenan[kb]'")
pytest.importorskip("sqlalchemy", reason="needs the kb extra: pip install 'wenan[kb]'")

from wenan.kb import HashEmbedder, KnowledgeBase, open_kb  # noqa: E402
from wenan.kb.sqlite_index import SqliteIndex  # noqa: E402
from wenan.store import BrandProfile, Store  # noqa: E402


@pytest.fixture(autouse=True)
def _user_dir(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("WENAN_HOME", str(tmp_path / "home"))
    for var in ("WENAN_DATABASE_URL", "WENAN_MAX_FILE_MB", "WENAN_KB_MILVUS_URI", "WENAN_KB_EMBEDDER"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def store() -> Iterator[Store]:
    s = Store.open()
    s.create_brand(BrandProfile(name="暖途", words_to_use=["暖途"]))
    s.create_brand(BrandProfile(name="青禾"))
    yield s
    s.close()


@pytest.fixture
def index(tmp_path) -> Iterator[SqliteIndex]:
    idx = SqliteIndex(tmp_path / "home" / "kb.sqlite")
    yield idx
    idx.close()


@pytest.fixture
def kb(store, index) -> Iterator[KnowledgeBase]:
    with open_kb("暖途", store=store, index=index, embedder=HashEmbedder()) as k:
        yield k
