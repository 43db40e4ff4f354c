"""Store tests run on SQLite in tmp_path, and on PostgreSQL when WENAN_TEST_POSTGRES_URL is set."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from urllib.parse import quote

import pytest

pytest.importorskip("sqlalchemy", reason="needs the kb extra: pip install 'wenan[kb]'")

from wenan.store import Store  # noqa: E402

POSTGRES_ENV = "WENAN_TEST_POSTGRES_URL"


@pytest.fixture(autouse=True)
def _user_dir(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("WENAN_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("WENAN_DATABASE_URL", raising=False)
    monkeypatch.delenv("WENAN_MAX_FILE_MB", raising=False)


def _postgres_schema_url(base: str, schema: str) -> str:
    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options={quote(f'-csearch_path={schema}')}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> Iterator[str]:
    """A fresh empty database URL; PostgreSQL gets a throwaway schema so tests never touch real data."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'home' / 'wenan.db'}"
        return
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"{POSTGRES_ENV} not set (CI sets it and starts PostgreSQL 15)")
    from sqlalchemy import create_engine, text

    schema = f"wenan_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield _postgres_schema_url(base, schema)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def store(db_url) -> Iterator[Store]:
    s = Store.open(db_url)
    yield s
    s.close()
