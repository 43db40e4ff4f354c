"""Terminal rendering: live streaming while the model writes, then the ranked result."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from ..channels import Flag
from ..write import WriteResult

_STYLE = {"error": "red", "warning": "yellow", "info": "dim"}


class StreamPrinter:
    """Streams drafts in order. When drafts are written concurrently (remote endpoints), the first unfinished
    one streams live and the others are buffered, then replayed as soon as their turn comes."""

    def __init__(self, n: int, console: Console | None = None) -> None:
        self.n = n
        self.console = console or Console(highlight=False)
        self.focus = 0
        self.pending: dict[int, list[tuple[str, Any]]] = {}
        self.finished: set[int] = set()

    def notice(self, text: str) -> None:
        self.console.print(Text(text, style="yellow"))

    def on_event(self, event: tuple[str, int, Any]) -> None:
        kind, index, payload = event
        if index != self.focus:
            self.pending.setdefault(index, []).append((kind, payload))
            if kind == "done":
                self.finished.add(index)
            return
        self._show(kind, index, payload)
        if kind == "done":
            self._advance()

    def _advance(self) -> None:
        self.focus += 1
        while self.focus < self.n:
            for kind, payload in self.pending.pop(self.focus, []):
                self._show(kind, self.focus, payload)
            if self.focus not in self.finished:
                return
            self.focus += 1

    def _show(self, kind: str, index: int, payload: Any) -> None:
        if kind == "start":
            self.console.print(Text(f"\n── 草稿 {index + 1}/{self.n} ──", style="bold cyan"))
        elif kind == "retry":
            self.console.print(Text(f"\n── 草稿 {index + 1} 不合格，重写（第 {payload} 次）──", style="yellow"))
        elif kind == "chunk":
            self.console.out(payload, end="", style="dim", highlight=False)
        elif kind == "done":
            self.console.print()


#: A base model that lists 40 weights gets 40 ungrounded_number flags; a wall of them hides the copy.
FLAGS_PER_KIND = 3


def _capped(flags: list[Flag]) -> list[tuple[Flag, int]]:
    """The first ``FLAGS_PER_KIND`` flags of each kind; the last one shown carries how many were left out."""
    total: dict[tuple[str, bool], int] = {}
    for f in flags:
        total[f.kind, f.repaired] = total.get((f.kind, f.repaired), 0) + 1
    seen: dict[tuple[str, bool], int] = {}
    out = []
    for f in flags:
        key = (f.kind, f.repaired)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= FLAGS_PER_KIND:
            last = seen[key] == FLAGS_PER_KIND
            out.append((f, total[key] - FLAGS_PER_KIND if last else 0))
    return out


def print_result(result: WriteResult, console: Console | None = None) -> None:
    console = console or Console(highlight=False)
    tpl = result.template
    console.print(Text(f"\n模型 {result.model} · 模板 {tpl['id']} v{tpl['version']} · "
                       f"tokens {result.usage.as_dict()['total_tokens']}", style="dim"))
    for flag in result.brief_flags:
        console.print(Text(f"⚠ {flag.detail}", style="yellow"))
    for rank, v in enumerate(result.variants, 1):
        body = Text()
        if v.draft.title:
            body.append(f"{v.draft.title}\n\n", style="bold")
        body.append(v.draft.text)
        if v.draft.tags:
            body.append("\n\n" + " ".join(f"#{t}" for t in v.draft.tags), style="blue")
        shown = [f for f in v.flags if f.severity != "info"]
        if shown:
            body.append("\n")
        for f, more in _capped(shown):
            mark = "✓ 已修正" if f.repaired else "✗"
            style = "green" if f.repaired else _STYLE[f.severity]
            body.append(f"\n{mark} [{f.kind}] {f.detail}", style=style)
            if more:
                body.append(f"\n  …另有 {more} 处 [{f.kind}]（--json 列出全部）", style=style)
        title = f"#{rank}  得分 {v.score:.2f}" + ("  ⚠ 需人工处理" if v.blocked else "")
        console.print(Panel(body, title=title, title_align="left", border_style="red" if v.blocked else "green"))
    if result.rejected:
        reasons = "；".join(f.detail for v in result.rejected for f in v.flags if f.severity == "error")
        console.print(Text(f"另有 {len(result.rejected)} 条因不符合渠道硬性规则被丢弃：{reasons}", style="dim"))
    if not result.variants:
        hint = "没有合格的文案。可以增加 --attempts、调整 brief，或换用更强的模型（--model）。"
        console.print(Text(hint, style="red"))
