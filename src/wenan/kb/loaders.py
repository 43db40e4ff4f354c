"""Turn a user file into sections (heading path + text) or table rows, refusing bad files clearly.

Every failure is an ``InputFileError`` with a Chinese message; nothing here writes anything.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from wenan.exceptions import InputFileError
from wenan.store.filesafe import check_file, check_zip, read_text
from wenan.store.repo import require
from wenan.store.tabular import Row, read_rows

MIME = {
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".csv": "text/csv",
}
SUPPORTED = tuple(MIME)
TABLE_SUFFIXES = (".csv", ".xlsx")


@dataclass
class Section:
    heading: tuple[str, ...]
    text: str
    metadata: dict[str, object] = field(default_factory=dict)


@dataclass
class LoadedDocument:
    title: str
    mime: str
    sections: list[Section] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)  # product catalogues (.csv / .xlsx)


def check_supported(path: Path) -> None:
    if path.suffix.lower() not in MIME:
        raise InputFileError(
            f"不支持的文件类型：{path.suffix or path.name}", hint=f"支持：{' '.join(SUPPORTED)}"
        )


def load(path: Path, *, max_bytes: int | None = None) -> LoadedDocument:
    suffix = path.suffix.lower()
    check_supported(path)
    check_file(path, max_bytes)
    loader = {
        ".txt": _load_text,
        ".md": _load_markdown,
        ".markdown": _load_markdown,
        ".html": _load_html,
        ".htm": _load_html,
        ".pdf": _load_pdf,
        ".docx": _load_docx,
        ".xlsx": _load_table,
        ".csv": _load_table,
    }[suffix]
    doc = loader(path)
    doc.mime = MIME[suffix]
    if not doc.rows and not any(s.text.strip() for s in doc.sections):
        raise InputFileError(f"{path.name} 里没有可提取的文字")
    return doc


def _load_text(path: Path) -> LoadedDocument:
    return LoadedDocument(title=path.stem, mime="", sections=[Section((), read_text(path))])


_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")


def _load_markdown(path: Path) -> LoadedDocument:
    sections = split_markdown(read_text(path))
    top = next((s.heading[0] for s in sections if s.heading), None)
    # A single leading H1 is the document's title; several H1s are just chapters.
    h1s = {s.heading[0] for s in sections if s.heading}
    return LoadedDocument(title=top if top and len(h1s) == 1 else path.stem, mime="", sections=sections)


def push_heading(stack: list[tuple[int, str]], level: int, text: str) -> None:
    """Keep the heading path: a level-2 heading replaces the previous level-2 and everything below it."""
    while stack and stack[-1][0] >= level:
        stack.pop()
    stack.append((level, text))


def heading_path(stack: list[tuple[int, str]]) -> tuple[str, ...]:
    return tuple(text for _, text in stack)


def split_markdown(text: str) -> list[Section]:
    sections: list[Section] = []
    stack: list[tuple[int, str]] = []
    lines: list[str] = []
    in_fence = False

    def flush() -> None:
        if any(line.strip() for line in lines):
            sections.append(Section(heading_path(stack), "\n".join(lines).strip()))
        lines.clear()

    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
        match = None if in_fence else _MD_HEADING.match(line)
        if match:
            flush()
            push_heading(stack, len(match.group(1)), match.group(2).strip())
        else:
            lines.append(line)
    flush()
    return sections


class _HTMLSections(HTMLParser):
    """Collects text under h1-h6 headings; skips script/style/nav/footer noise."""

    _SKIP = {"script", "style", "noscript", "nav", "footer", "head", "template", "svg"}
    _BLOCK = {
        "p",
        "div",
        "li",
        "tr",
        "br",
        "section",
        "article",
        "table",
        "ul",
        "ol",
        "dd",
        "dt",
        "blockquote",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[Section] = []
        self.title = ""
        self._stack: list[tuple[int, str]] = []
        self._buf: list[str] = []
        self._heading_level = 0
        self._heading_buf: list[str] = []
        self._skip_depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip_depth += 1
            if tag == "head":
                self._skip_depth -= 1  # <title> lives in <head>; keep reading it
        if tag == "title":
            self._in_title = True
        elif re.fullmatch(r"h[1-6]", tag):
            self._flush()
            self._heading_level = int(tag[1])
            self._heading_buf = []
        elif tag in self._BLOCK or tag in ("td", "th"):
            self._buf.append("\n" if tag in self._BLOCK else " ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and tag != "head":
            self._skip_depth = max(0, self._skip_depth - 1)
        if tag == "title":
            self._in_title = False
        elif re.fullmatch(r"h[1-6]", tag) and self._heading_level:
            heading = " ".join("".join(self._heading_buf).split())
            if heading:
                push_heading(self._stack, self._heading_level, heading)
            self._heading_level = 0
        elif tag in self._BLOCK:
            self._buf.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data.strip()
        elif self._skip_depth:
            return
        elif self._heading_level:
            self._heading_buf.append(data)
        else:
            self._buf.append(data)

    def _flush(self) -> None:
        text = "\n".join(" ".join(line.split()) for line in "".join(self._buf).splitlines())
        text = re.sub(r"\n{2,}", "\n", text).strip()
        if text:
            self.sections.append(Section(heading_path(self._stack), text))
        self._buf = []

    def close(self) -> None:
        super().close()
        self._flush()


def _load_html(path: Path) -> LoadedDocument:
    parser = _HTMLSections()
    parser.feed(read_text(path))
    parser.close()
    return LoadedDocument(title=parser.title or path.stem, mime="", sections=parser.sections)


def _load_pdf(path: Path) -> LoadedDocument:
    pypdf = require("pypdf")
    try:
        with warnings.catch_warnings():
            # pypdf warns on every slightly malformed PDF; we only care whether text comes out.
            warnings.simplefilter("ignore")
            reader = pypdf.PdfReader(path)
            if reader.is_encrypted:
                raise InputFileError(f"{path.name} 已加密，无法读取", hint="请先解除密码保护再导入")
            pages = [(page.extract_text() or "") for page in reader.pages]
            title = str((reader.metadata or {}).get("/Title") or "") if reader.metadata else ""
    except InputFileError:
        raise
    except Exception as exc:
        raise InputFileError(
            f"PDF 文件已损坏或无法解析：{path.name}（{exc.__class__.__name__}）", hint="请重新导出 PDF 再试"
        ) from exc
    sections = [Section((), text, {"page": i + 1}) for i, text in enumerate(pages) if text.strip()]
    if not sections:
        raise InputFileError(
            f"{path.name} 没有可提取的文字（可能是扫描件），请先 OCR",
            hint="用 OCR 工具转成可复制文字的 PDF 或 .docx",
        )
    return LoadedDocument(title=title or path.stem, mime="", sections=sections)


_DOCX_HEADING = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)


def _load_docx(path: Path) -> LoadedDocument:
    check_zip(path, "Word 文档")
    docx = require("docx")
    try:
        document = docx.Document(str(path))
        sections: list[Section] = []
        stack: list[tuple[int, str]] = []
        lines: list[str] = []

        def flush() -> None:
            if any(x.strip() for x in lines):
                sections.append(Section(heading_path(stack), "\n".join(lines).strip()))
            lines.clear()

        for block in document.iter_inner_content():
            if isinstance(block, docx.table.Table):
                lines.extend(_docx_table_lines(block))
                continue
            text = block.text.strip()
            style = (block.style.name if block.style is not None else "") or ""
            match = _DOCX_HEADING.match(style.strip())
            if match and text:
                flush()
                push_heading(stack, int(match.group(1)), text)
            elif style.lower() == "title" and text:
                flush()
                push_heading(stack, 0, text)
            elif text:
                lines.append(text)
        flush()
        title = document.core_properties.title or path.stem
    except Exception as exc:
        raise InputFileError(
            f"Word 文档已损坏或无法解析：{path.name}（{exc.__class__.__name__}）",
            hint="请用 Word/WPS 打开后另存为 .docx 再试",
        ) from exc
    return LoadedDocument(title=title, mime="", sections=sections)


def _docx_table_lines(table: object) -> list[str]:
    rows = [[c.text.strip() for c in r.cells] for r in table.rows]  # type: ignore[attr-defined]
    if not rows:
        return []
    if all(len(r) == 2 for r in rows):  # a key/value table: 容量 | 800ml
        return [f"{k}：{v}" for k, v in rows if k or v]
    header, body = rows[0], rows[1:]
    if not body:
        return ["；".join(c for c in header if c)]
    return ["；".join(f"{h}：{v}" for h, v in zip(header, r, strict=False) if v) for r in body]


def _load_table(path: Path) -> LoadedDocument:
    return LoadedDocument(title=path.stem, mime="", rows=read_rows(path))
