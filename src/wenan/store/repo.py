"""The project store: brands, their past posts and the KB's document catalogue.

    store = Store.open()                       # $WENAN_DATABASE_URL or <user dir>/wenan.db
    brand = store.create_brand(BrandProfile(name="暖途", industry="户外"))
    store.add_posts("暖途", [PostIn(text="…")])  # -> (added, skipped_duplicates)

SQLAlchemy and Alembic are imported inside ``open`` so ``import wenan.store`` costs nothing.
Every database failure leaves as ``StoreError``; a missing brand as ``NotFoundError``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wenan.exceptions import NotFoundError, StoreError, UserError

from .models import Brand, BrandProfile, BrandUpdate, DocumentRecord, Post, PostIn, text_hash
from .paths import database_url

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker

INSTALL_HINT = "pip install 'wenan[kb]'"


def require(module: str) -> Any:
    """Import an optional dependency or fail with the install hint."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise UserError(f"缺少可选依赖 {module}", hint=f"请运行 {INSTALL_HINT}") from exc


def _aware(value: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes; everything we write is UTC.
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


class Store:
    """Typed repository over the project database. Use ``Store.open``; close with ``close`` or ``with``."""

    def __init__(self, engine: Engine, sessions: sessionmaker[Session]) -> None:
        self.engine = engine
        self._sessions = sessions

    # ------------------------------------------------------------------ lifecycle
    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """Connect, create the SQLite directory if needed and run pending migrations."""
        require("sqlalchemy")
        require("alembic")
        from sqlalchemy import create_engine, event
        from sqlalchemy.exc import SQLAlchemyError
        from sqlalchemy.orm import sessionmaker

        url = url or database_url()
        try:
            if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
                Path(url.removeprefix("sqlite:///")).expanduser().parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url)
            if engine.dialect.name == "sqlite":
                event.listen(engine, "connect", _sqlite_pragmas)
            _upgrade(engine)
        except SQLAlchemyError as exc:
            raise StoreError(
                f"无法打开数据库：{_redact(url)}（{exc.__class__.__name__}: {exc}）",
                hint="检查 WENAN_DATABASE_URL 或 WENAN_HOME 是否可写",
            ) from exc
        except OSError as exc:
            raise StoreError(f"无法创建数据库目录：{exc}", hint="检查 WENAN_HOME 是否可写") from exc
        return cls(engine, sessionmaker(engine, expire_on_commit=False))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: commit on success, roll back and raise ``StoreError`` on a database failure."""
        from sqlalchemy.exc import SQLAlchemyError

        session = self._sessions()
        try:
            yield session
            session.commit()
        except SQLAlchemyError as exc:
            session.rollback()
            raise StoreError(f"数据库操作失败：{exc.__class__.__name__}: {exc}") from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    # ------------------------------------------------------------------ brands
    def create_brand(self, profile: BrandProfile) -> Brand:
        from ._tables import BrandRow

        with self.session() as s:
            if self._find_brand(s, profile.name) is not None:
                raise UserError(
                    f"品牌已存在：{profile.name}", hint=f"修改请用 wenan brand edit {profile.name}"
                )
            row = BrandRow(**profile.model_dump())
            s.add(row)
            s.flush()
            return _brand(row)

    def get_brand(self, name: str) -> Brand:
        with self.session() as s:
            return _brand(self._brand_row(s, name))

    def list_brands(self) -> list[Brand]:
        from sqlalchemy import select

        from ._tables import BrandRow

        with self.session() as s:
            return [_brand(r) for r in s.scalars(select(BrandRow).order_by(BrandRow.name))]

    def update_brand(self, name: str, changes: BrandUpdate) -> Brand:
        """Apply the fields set in ``changes``; renaming checks the new name is free."""
        with self.session() as s:
            row = self._brand_row(s, name)
            data = changes.model_dump(exclude_unset=True, exclude_none=True)
            new_name = data.get("name")
            if new_name and new_name != name and self._find_brand(s, new_name) is not None:
                raise UserError(f"品牌已存在：{new_name}")
            for key, value in data.items():
                setattr(row, key, value)
            s.flush()
            return _brand(row)

    def set_style_profile(self, name: str, profile: dict[str, Any] | None) -> Brand:
        with self.session() as s:
            row = self._brand_row(s, name)
            row.style_profile = profile
            s.flush()
            return _brand(row)

    def delete_brand(self, name: str) -> None:
        """Delete a brand with its posts and document records. Its KB chunks live in the index: callers
        that mean "delete everywhere" use ``wenan.kb.base.delete_brand``, which drops them first."""
        from sqlalchemy import delete

        from ._tables import DocumentRow, PostRow

        with self.session() as s:
            row = self._brand_row(s, name)
            # Explicit deletes: SQLite only cascades with PRAGMA foreign_keys, which a foreign URL may lack.
            s.execute(delete(PostRow).where(PostRow.brand_id == row.id))
            s.execute(delete(DocumentRow).where(DocumentRow.brand_id == row.id))
            s.delete(row)

    # ------------------------------------------------------------------ posts
    def add_posts(self, brand: str, posts: Iterable[PostIn]) -> tuple[int, int]:
        """Insert posts not seen before for this brand -> ``(added, skipped_duplicates)``. One transaction."""
        from sqlalchemy import select

        from ._tables import PostRow

        with self.session() as s:
            row = self._brand_row(s, brand)
            seen = set(s.scalars(select(PostRow.content_hash).where(PostRow.brand_id == row.id)))
            added = skipped = 0
            for post in posts:
                digest = text_hash(post.text)
                if digest in seen:
                    skipped += 1
                    continue
                seen.add(digest)
                s.add(PostRow(brand_id=row.id, content_hash=digest, **post.model_dump()))
                added += 1
            return added, skipped

    def list_posts(self, brand: str, *, limit: int | None = None) -> list[Post]:
        from sqlalchemy import select

        from ._tables import PostRow

        with self.session() as s:
            row = self._brand_row(s, brand)
            query = select(PostRow).where(PostRow.brand_id == row.id).order_by(PostRow.id).limit(limit)
            return [
                Post(
                    id=p.id,
                    brand_id=p.brand_id,
                    text=p.text,
                    channel=p.channel,
                    engagement=p.engagement,
                    posted_at=_aware(p.posted_at),
                    content_hash=p.content_hash,
                )
                for p in s.scalars(query)
            ]

    # ------------------------------------------------------------------ KB documents
    def list_documents(self, brand: str) -> list[DocumentRecord]:
        from sqlalchemy import select

        from ._tables import DocumentRow

        with self.session() as s:
            row = self._brand_row(s, brand)
            query = select(DocumentRow).where(DocumentRow.brand_id == row.id).order_by(DocumentRow.path)
            return [_document(d) for d in s.scalars(query)]

    def get_document(self, brand_id: int, path: str) -> DocumentRecord | None:
        from sqlalchemy import select

        from ._tables import DocumentRow

        with self.session() as s:
            query = select(DocumentRow).where(DocumentRow.brand_id == brand_id, DocumentRow.path == path)
            row = s.scalars(query).first()
            return _document(row) if row else None

    def find_document_by_hash(self, brand_id: int, content_hash: str) -> DocumentRecord | None:
        from sqlalchemy import select

        from ._tables import DocumentRow

        with self.session() as s:
            query = select(DocumentRow).where(
                DocumentRow.brand_id == brand_id, DocumentRow.content_hash == content_hash
            )
            row = s.scalars(query.order_by(DocumentRow.id)).first()
            return _document(row) if row else None

    @contextmanager
    def stage_document(
        self, brand_id: int, path: str, *, title: str, content_hash: str, mime: str, n_chunks: int
    ) -> Iterator[int]:
        """Insert or replace the record for ``path`` and yield its id; commit only if the block succeeds.

        The KB writes its chunks inside the block, so a failure on either side leaves both as they were.
        """
        from sqlalchemy import select

        from ._tables import DocumentRow

        with self.session() as s:
            query = select(DocumentRow).where(DocumentRow.brand_id == brand_id, DocumentRow.path == path)
            row = s.scalars(query).first()
            if row is None:
                row = DocumentRow(brand_id=brand_id, path=path)
                s.add(row)
            row.title, row.content_hash, row.mime, row.n_chunks = title[:500], content_hash, mime, n_chunks
            row.ingested_at = datetime.now(UTC)
            s.flush()
            yield row.id

    @contextmanager
    def stage_document_removal(self, brand_id: int, path: str) -> Iterator[DocumentRecord]:
        """Delete the record for ``path``; commit only if the block (which drops the chunks) succeeds."""
        from sqlalchemy import select

        from ._tables import DocumentRow

        with self.session() as s:
            query = select(DocumentRow).where(DocumentRow.brand_id == brand_id, DocumentRow.path == path)
            row = s.scalars(query).first()
            if row is None:
                raise NotFoundError(
                    f"知识库里没有这个文件：{path}", hint="用 wenan kb list --brand 查看已收录文件"
                )
            record = _document(row)
            s.delete(row)
            s.flush()
            yield record

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def _find_brand(s: Session, name: str) -> Any:
        from sqlalchemy import select

        from ._tables import BrandRow

        return s.scalars(select(BrandRow).where(BrandRow.name == name)).first()

    def _brand_row(self, s: Session, name: str) -> Any:
        row = self._find_brand(s, name)
        if row is None:
            raise NotFoundError(f"品牌不存在：{name}", hint=f"先运行 wenan brand create {name}")
        return row


def _brand(row: Any) -> Brand:
    return Brand(
        id=row.id,
        name=row.name,
        description=row.description,
        audience=row.audience,
        voice_notes=row.voice_notes,
        words_to_use=list(row.words_to_use or []),
        words_to_avoid=list(row.words_to_avoid or []),
        default_channels=list(row.default_channels or []),
        industry=row.industry,
        style_profile=row.style_profile,
        created_at=_aware(row.created_at),
        updated_at=_aware(row.updated_at),
    )


def _document(row: Any) -> DocumentRecord:
    return DocumentRecord(
        id=row.id,
        brand_id=row.brand_id,
        path=row.path,
        title=row.title,
        content_hash=row.content_hash,
        mime=row.mime,
        n_chunks=row.n_chunks,
        ingested_at=_aware(row.ingested_at),
    )


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")  # the CLI and the server may share one file
    cursor.close()


def _upgrade(engine: Engine) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "wenan.store:migrations")
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _redact(url: str) -> str:
    # Never echo a password from WENAN_DATABASE_URL into a terminal or log.
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<无效的数据库 URL>"
