"""``wenan kb …``: add files to a brand's knowledge base, search it, list and remove documents."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from wenan.store.cli import cli_errors

from .types import SEARCH_MODES, FileOutcome

kb_app = typer.Typer(help="品牌知识库：导入产品资料、检索。", no_args_is_help=True)

BrandOpt = Annotated[str, typer.Option("--brand", "-b", help="品牌名（先用 wenan brand create 创建）")]
JsonOpt = Annotated[bool, typer.Option("--json", help="输出 JSON")]

_STATUS = {"added": "新增", "replaced": "更新", "unchanged": "未变", "duplicate": "重复", "failed": "失败"}


@kb_app.command("add")
@cli_errors
def add(
    paths: Annotated[list[Path], typer.Argument(help="文件或目录（目录会递归）")],
    brand: BrandOpt,
    as_json: JsonOpt = False,
) -> None:
    """导入 .txt .md .html .pdf .docx .xlsx .csv；重复内容跳过，改动过的文件整体替换。"""
    from .base import open_kb

    def progress(f: FileOutcome) -> None:
        detail = f"{f.n_chunks} 个片段" if f.status in ("added", "replaced") else f.message
        typer.echo(f"[{_STATUS[f.status]}] {f.path}  {detail}")

    with open_kb(brand) as kb:
        report = kb.add(paths, on_file=None if as_json else progress)
    if as_json:
        typer.echo(json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2))
    else:
        typer.echo(report.summary())
    if report.failed:
        raise typer.Exit(code=2)


@kb_app.command("search")
@cli_errors
def search(
    query: Annotated[str, typer.Argument(help="检索内容，如 “BX-500 保温多久”")],
    brand: BrandOpt,
    k: Annotated[int, typer.Option("--k", min=1, max=100, help="返回条数")] = 5,
    mode: Annotated[str, typer.Option("--mode", help=f"检索方式：{' / '.join(SEARCH_MODES)}")] = "hybrid",
    as_json: JsonOpt = False,
) -> None:
    """检索知识库。"""
    from .base import open_kb

    with open_kb(brand) as kb:
        passages = kb.search(query, k=k, mode=mode)  # type: ignore[arg-type]  # validated inside
    if as_json:
        typer.echo(json.dumps([p.model_dump(mode="json") for p in passages], ensure_ascii=False, indent=2))
        return
    if not passages:
        typer.echo("没有找到相关内容。")
        return
    for rank, p in enumerate(passages, start=1):
        where = p.metadata.get("heading_path") or Path(p.source_path).name
        typer.echo(f"{rank}. {p.title}（{where}）  score={p.score:.4f}")
        typer.echo(f"   {p.text[:200]}")


@kb_app.command("list")
@cli_errors
def list_(brand: BrandOpt, as_json: JsonOpt = False) -> None:
    """列出已收录的文件。"""
    from wenan.store import Store

    with Store.open() as store:
        docs = store.list_documents(brand)
    if as_json:
        typer.echo(json.dumps([d.model_dump(mode="json") for d in docs], ensure_ascii=False, indent=2))
        return
    if not docs:
        typer.echo(f"{brand} 的知识库还是空的；用 wenan kb add 文件 --brand {brand} 导入。")
        return
    for d in docs:
        typer.echo(f"{d.path}  {d.n_chunks} 个片段  {d.ingested_at:%Y-%m-%d %H:%M}  {d.title}")


@kb_app.command("remove")
@cli_errors
def remove(
    path: Annotated[Path, typer.Argument(help="已导入的文件路径")],
    brand: BrandOpt,
) -> None:
    """从知识库移除一个文件及其全部片段。"""
    from .base import open_kb

    with open_kb(brand) as kb:
        record = kb.remove(path)
    typer.echo(f"已移除：{record.path}（{record.n_chunks} 个片段）")
