"""``wenan brand …``: create, edit, list, show, delete brands and import their past posts (``learn``)."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from wenan.exceptions import WenanError

brand_app = typer.Typer(help="管理品牌档案与历史文案。", no_args_is_help=True)

F = TypeVar("F", bound=Callable[..., Any])
_LIST_SEP = re.compile(r"[,，、;；]")


def cli_errors(func: F) -> F:
    """Print a WenanError as one Chinese line (+ hint) on stderr and exit with its code, no traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except WenanError as exc:
            typer.echo(f"错误：{exc.message}", err=True)
            if exc.hint:
                typer.echo(f"提示：{exc.hint}", err=True)
            raise typer.Exit(code=exc.exit_code) from exc

    return wrapper  # type: ignore[return-value]


def split_list(raw: str | None) -> list[str] | None:
    """'词1,词2，词3、词4' -> ['词1', '词2', '词3', '词4']; None stays None (flag not given)."""
    if raw is None:
        return None
    return [w.strip() for w in _LIST_SEP.split(raw) if w.strip()]


def _open_store() -> Any:
    from .repo import Store

    return Store.open()


Description = Annotated[str | None, typer.Option("--description", help="品牌简介")]
Audience = Annotated[str | None, typer.Option("--audience", help="目标人群")]
VoiceNotes = Annotated[str | None, typer.Option("--voice-notes", help="语气与风格说明")]
Use = Annotated[str | None, typer.Option("--use", help="鼓励使用的词，逗号分隔")]
Avoid = Annotated[str | None, typer.Option("--avoid", help="避免使用的词，逗号分隔")]
Channels = Annotated[
    str | None, typer.Option("--channels", help="默认渠道，逗号分隔，如 moments,xiaohongshu")
]
Industry = Annotated[str | None, typer.Option("--industry", help="所属行业")]


def _fields(**raw: Any) -> dict[str, Any]:
    lists = {"words_to_use", "words_to_avoid", "default_channels"}
    out = {k: (split_list(v) if k in lists else v) for k, v in raw.items()}
    return {k: v for k, v in out.items() if v is not None}


def _validated(model: type, data: dict[str, Any]) -> Any:
    from pydantic import ValidationError

    from wenan.exceptions import UserError

    try:
        return model(**data)
    except ValidationError as exc:
        problems = "；".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise UserError(f"品牌信息不合法：{problems}") from exc


@brand_app.command("create")
@cli_errors
def create(
    name: Annotated[str, typer.Argument(help="品牌名")],
    description: Description = None,
    audience: Audience = None,
    voice_notes: VoiceNotes = None,
    use: Use = None,
    avoid: Avoid = None,
    channels: Channels = None,
    industry: Industry = None,
) -> None:
    """新建品牌档案。"""
    from .models import BrandProfile

    fields = _fields(
        description=description,
        audience=audience,
        voice_notes=voice_notes,
        words_to_use=use,
        words_to_avoid=avoid,
        default_channels=channels,
        industry=industry,
    )
    profile = _validated(BrandProfile, {"name": name, **fields})
    with _open_store() as store:
        brand = store.create_brand(profile)
    typer.echo(f"已创建品牌：{brand.name}")


@brand_app.command("edit")
@cli_errors
def edit(
    name: Annotated[str, typer.Argument(help="品牌名")],
    rename: Annotated[str | None, typer.Option("--rename", help="改名为")] = None,
    description: Description = None,
    audience: Audience = None,
    voice_notes: VoiceNotes = None,
    use: Use = None,
    avoid: Avoid = None,
    channels: Channels = None,
    industry: Industry = None,
) -> None:
    """修改品牌档案（只改给出的字段；列表字段整体替换）。"""
    from .models import BrandUpdate

    fields = _fields(
        name=rename,
        description=description,
        audience=audience,
        voice_notes=voice_notes,
        words_to_use=use,
        words_to_avoid=avoid,
        default_channels=channels,
        industry=industry,
    )
    if not fields:
        typer.echo("没有要修改的字段；用 --description / --use 等选项指定。", err=True)
        raise typer.Exit(code=2)
    with _open_store() as store:
        brand = store.update_brand(name, _validated(BrandUpdate, fields))
    typer.echo(f"已更新品牌：{brand.name}")


@brand_app.command("list")
@cli_errors
def list_(
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
) -> None:
    """列出所有品牌。"""
    with _open_store() as store:
        brands = store.list_brands()
    if as_json:
        typer.echo(json.dumps([b.model_dump(mode="json") for b in brands], ensure_ascii=False, indent=2))
        return
    if not brands:
        typer.echo("还没有品牌；用 wenan brand create 名称 新建。")
        return
    for b in brands:
        extra = f"（{b.industry}）" if b.industry else ""
        typer.echo(f"{b.name}{extra}  渠道：{'、'.join(b.default_channels) or '-'}")


@brand_app.command("show")
@cli_errors
def show(
    name: Annotated[str, typer.Argument(help="品牌名")],
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
) -> None:
    """查看品牌档案。"""
    with _open_store() as store:
        brand = store.get_brand(name)
        n_posts = len(store.list_posts(name))
    if as_json:
        typer.echo(json.dumps(brand.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return
    lines = [
        ("品牌", brand.name),
        ("行业", brand.industry),
        ("简介", brand.description),
        ("目标人群", brand.audience),
        ("语气", brand.voice_notes),
        ("常用词", "、".join(brand.words_to_use)),
        ("避免用词", "、".join(brand.words_to_avoid)),
        ("默认渠道", "、".join(brand.default_channels)),
        ("历史文案", f"{n_posts} 条"),
        ("风格画像", "已生成" if brand.style_profile else "未生成"),
    ]
    for label, value in lines:
        typer.echo(f"{label}：{value or '-'}")
    if brand.style_profile:
        from rich.console import Console

        from ..voice import StyleProfile, render_profile

        Console().print(render_profile(StyleProfile.model_validate(brand.style_profile)))


@brand_app.command("delete")
@cli_errors
def delete(
    name: Annotated[str, typer.Argument(help="品牌名")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="不再确认，直接删除")] = False,
) -> None:
    """删除品牌：档案、历史文案、知识库文件记录与全部片段（不可恢复）。"""
    import sys

    from wenan.exceptions import UserError
    from wenan.kb.base import delete_brand

    with _open_store() as store:
        if not yes:
            if not sys.stdin.isatty():
                store.get_brand(name)  # a missing brand is the error to show, not the missing --yes
                raise UserError(f"删除品牌 {name} 需要确认", hint="非交互环境请加 --yes")
            n_posts, n_docs = len(store.list_posts(name)), len(store.list_documents(name))
            question = f"删除品牌 {name}（{n_posts} 条历史文案、{n_docs} 个知识库文件）？此操作不可恢复"
            if not typer.confirm(question, default=False):
                typer.echo("已取消，未做任何改动。")
                raise typer.Exit(code=1)
        posts, docs, chunks = delete_brand(name, store=store)
    typer.echo(f"已删除品牌 {name}：{posts} 条历史文案、{docs} 个知识库文件、{chunks} 个片段。")


@brand_app.command("learn")
@cli_errors
def learn(
    file: Annotated[Path, typer.Argument(help="历史文案文件：.csv / .xlsx / .txt（空行分隔）")],
    brand: Annotated[str, typer.Option("--brand", "-b", help="品牌名")],
    channel: Annotated[str | None, typer.Option("--channel", help="文件里没有渠道列时使用的渠道")] = None,
) -> None:
    """导入品牌的历史文案（按内容去重）。"""
    from .importer import read_posts

    with _open_store() as store:
        store.get_brand(brand)  # fail on a missing brand before parsing a big file
        posts = read_posts(file, channel=channel)
        added, skipped = store.add_posts(brand, posts)
        profile = _learn_profile(store, brand)
    typer.echo(f"已导入 {added} 条文案，跳过重复 {skipped} 条（共读取 {len(posts)} 条）。")
    if profile is not None:
        from ..voice import describe

        typer.echo(f"已根据 {profile.n_posts} 条历史文案更新风格画像：{describe(profile)}")


def _learn_profile(store: Any, brand: str) -> Any:
    """Rebuild the brand's style profile from all of its stored posts (engagement-weighted when known)."""
    from ..voice import Post, build_profile

    stored = store.list_posts(brand)
    if not stored:
        return None

    def count(post: Any, key: str) -> int | None:
        value = (post.engagement or {}).get(key)
        return None if value is None else max(0, int(value))

    posts = [Post(text=p.text, likes=count(p, "likes"), comments=count(p, "comments"), shares=count(p, "shares"))
             for p in stored]
    profile = build_profile(posts)
    store.set_style_profile(brand, profile.model_dump(mode="json"))
    return profile
