"""Alembic environment. ``Store.open`` passes its live connection in ``config.attributes``.

Run by hand (developers adding a revision) with the URL from ``WENAN_DATABASE_URL`` or the default.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from wenan.store._tables import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    # batch mode lets ALTER-style revisions work on SQLite, which cannot alter columns in place.
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # pragma: no cover - developer path (alembic revision --autogenerate)
    from wenan.store.paths import database_url

    with create_engine(database_url()).connect() as conn:
        _run(conn)
