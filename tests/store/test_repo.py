from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import inspect, text

from wenan.exceptions import NotFoundError, UserError
from wenan.store import BrandProfile, BrandUpdate, PostIn, Store, database_url, user_dir


def _brand(name: str = "暖途", **kw) -> BrandProfile:
    return BrandProfile(name=name, **kw)


def test_paths_follow_wenan_home(tmp_path, monkeypatch):
    assert user_dir() == tmp_path / "home"
    assert database_url() == f"sqlite:///{tmp_path / 'home' / 'wenan.db'}"
    monkeypatch.setenv("WENAN_DATABASE_URL", "postgresql+psycopg://u@h/db")
    assert database_url() == "postgresql+psycopg://u@h/db"
    monkeypatch.delenv("WENAN_HOME")
    assert user_dir().parts[-3:] == (".local", "share", "wenan")


def test_open_default_creates_db_in_user_dir(tmp_path):
    with Store.open() as s:
        s.create_brand(_brand())
    assert (tmp_path / "home" / "wenan.db").exists()


def test_migrations_create_tables_and_are_idempotent(db_url):
    Store.open(db_url).close()
    s = Store.open(db_url)  # second open: nothing to upgrade, must not fail
    tables = set(inspect(s.engine).get_table_names())
    assert {"brands", "posts", "documents", "alembic_version"} <= tables
    with s.engine.connect() as conn:
        assert conn.execute(text("select version_num from alembic_version")).scalar() == "0001"
    s.close()


def test_brand_crud(store):
    created = store.create_brand(
        _brand(
            description="户外保温杯品牌",
            words_to_use=["保温", " 轻量 ", "保温"],
            default_channels=["moments", "xiaohongshu"],
            industry="户外",
        )
    )
    assert created.id > 0
    assert created.words_to_use == ["保温", "轻量"]
    assert created.style_profile is None
    assert created.created_at.tzinfo is not None

    got = store.get_brand("暖途")
    assert got.description == "户外保温杯品牌"
    assert got.default_channels == ["moments", "xiaohongshu"]

    updated = store.update_brand("暖途", BrandUpdate(audience="露营爱好者", words_to_avoid=["最"]))
    assert updated.audience == "露营爱好者"
    assert updated.words_to_avoid == ["最"]
    assert updated.description == "户外保温杯品牌"  # untouched fields stay

    store.create_brand(_brand("青禾"))
    assert [b.name for b in store.list_brands()] == ["暖途", "青禾"]

    renamed = store.update_brand("青禾", BrandUpdate(name="青禾护肤"))
    assert renamed.name == "青禾护肤"
    with pytest.raises(NotFoundError):
        store.get_brand("青禾")


def test_duplicate_brand_and_rename_conflict(store):
    store.create_brand(_brand())
    store.create_brand(_brand("青禾"))
    with pytest.raises(UserError, match="品牌已存在"):
        store.create_brand(_brand())
    with pytest.raises(UserError, match="品牌已存在"):
        store.update_brand("青禾", BrandUpdate(name="暖途"))


def test_missing_brand_hint_names_the_command(store):
    with pytest.raises(NotFoundError) as info:
        store.get_brand("不存在")
    assert "wenan brand create 不存在" in str(info.value)
    with pytest.raises(NotFoundError):
        store.add_posts("不存在", [PostIn(text="x")])


def test_profile_rejects_unknown_fields():
    with pytest.raises(ValueError):
        BrandProfile(name="x", colour="red")  # type: ignore[call-arg]


def test_style_profile_roundtrip(store):
    store.create_brand(_brand())
    profile = {"avg_len": 120, "emoji_rate": 0.3, "top_words": ["露营", "保温"]}
    assert store.set_style_profile("暖途", profile).style_profile == profile
    assert store.get_brand("暖途").style_profile == profile


def test_posts_dedup_by_hash(store):
    store.create_brand(_brand())
    posted = datetime(2024, 5, 1, 8, 30, tzinfo=UTC)
    posts = [
        PostIn(
            text="周末去露营，带上暖途保温杯。", channel="moments", engagement={"likes": 12}, posted_at=posted
        ),
        PostIn(text="周末去露营，带上暖途保温杯。 "),  # same after whitespace normalisation
        PostIn(text="新品 BX-500 上市"),
    ]
    assert store.add_posts("暖途", posts) == (2, 1)
    assert store.add_posts("暖途", posts) == (0, 3)
    listed = store.list_posts("暖途")
    assert [p.text for p in listed] == ["周末去露营，带上暖途保温杯。", "新品 BX-500 上市"]
    assert listed[0].engagement == {"likes": 12}
    assert listed[0].posted_at == posted
    # the same text is a different post for another brand
    store.create_brand(_brand("青禾"))
    assert store.add_posts("青禾", posts[:1]) == (1, 0)


def test_delete_brand_removes_posts_and_never_reuses_ids(store):
    old = store.create_brand(_brand())
    store.add_posts("暖途", [PostIn(text="a")])
    store.delete_brand("暖途")
    assert store.list_brands() == []
    new = store.create_brand(_brand())
    assert store.list_posts("暖途") == []
    assert new.id != old.id  # KB chunks are keyed by brand id


def test_stage_document_commits_or_rolls_back(store):
    brand = store.create_brand(_brand())
    with store.stage_document(
        brand.id, "/a.md", title="A", content_hash="h1", mime="text/markdown", n_chunks=3
    ):
        pass
    first = store.get_document(brand.id, "/a.md")
    assert first is not None and first.n_chunks == 3

    with (
        pytest.raises(RuntimeError),
        store.stage_document(
            brand.id, "/a.md", title="A2", content_hash="h2", mime="text/markdown", n_chunks=9
        ),
    ):
        raise RuntimeError("index write failed")
    assert store.get_document(brand.id, "/a.md").content_hash == "h1"  # old record kept

    with store.stage_document(
        brand.id, "/a.md", title="A2", content_hash="h2", mime="text/markdown", n_chunks=9
    ):
        pass
    again = store.get_document(brand.id, "/a.md")
    assert again.id == first.id and again.content_hash == "h2"
    assert store.find_document_by_hash(brand.id, "h2").path == "/a.md"
    assert [d.path for d in store.list_documents("暖途")] == ["/a.md"]

    with pytest.raises(RuntimeError), store.stage_document_removal(brand.id, "/a.md"):
        raise RuntimeError("boom")
    assert store.get_document(brand.id, "/a.md") is not None
    with store.stage_document_removal(brand.id, "/a.md") as record:
        assert record.title == "A2"
    assert store.get_document(brand.id, "/a.md") is None
    with pytest.raises(NotFoundError), store.stage_document_removal(brand.id, "/a.md"):
        pass


def test_bad_url_is_store_error():
    from wenan.exceptions import StoreError

    with pytest.raises(StoreError, match="无法打开数据库"):
        Store.open("postgresql+psycopg://nobody:secret@127.0.0.1:1/none?connect_timeout=2")


def test_import_is_light():
    import subprocess
    import sys

    code = "import sys, wenan.store; print('sqlalchemy' in sys.modules or 'alembic' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
