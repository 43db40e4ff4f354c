"""Split sections into ~300-500 character chunks on Chinese sentence ends; catalogue rows into facts.

Chunks never cross a heading (an FAQ answer stays with its question) and carry the heading path as
context. Consecutive chunks of one section overlap by the last sentence (up to ``overlap`` chars).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from wenan.store.tabular import Row, pick

from .loaders import LoadedDocument, Section
from .text import extract_codes, normalize_code
from .types import Chunk

_SENTENCE = re.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;]+[”’」』）)]*|\n|$)")

NAME_COLUMNS = (
    "商品",
    "商品名",
    "商品名称",
    "品名",
    "名称",
    "产品",
    "产品名",
    "产品名称",
    "name",
    "product",
    "title",
)
SKU_COLUMNS = ("sku", "货号", "型号", "编号", "商品编码", "商品编号", "款号", "model", "code", "item_no")
PRICE_COLUMNS = ("价格", "售价", "零售价", "单价", "到手价", "price", "建议零售价")
SPEC_COLUMNS = ("规格", "spec", "specs", "specification", "参数", "容量", "尺寸")


def sentences(text: str) -> list[str]:
    """Sentences with their end punctuation; a line break is kept so joined lines stay apart."""
    out = []
    for match in _SENTENCE.finditer(text):
        piece = match.group(0).strip(" \t\r\u3000")
        if piece.strip():
            out.append(piece.lstrip("\n"))
    return out


def chunk_sections(
    sections: Iterable[Section], *, title: str, max_chars: int = 480, overlap: int = 80
) -> list[Chunk]:
    chunks: list[Chunk] = []
    for section in sections:
        heading = " > ".join(section.heading)
        for body in pack(sentences(section.text), max_chars=max_chars, overlap=overlap):
            meta: dict[str, object] = dict(section.metadata)
            if section.heading:
                meta["heading"] = list(section.heading)
            chunk = Chunk(text=body, title=title, heading=heading, metadata=meta)
            chunk.codes = dict.fromkeys(extract_codes(chunk.embedding_text()), 1.0)
            chunks.append(chunk)
    return chunks


def pack(parts: list[str], *, max_chars: int, overlap: int) -> list[str]:
    """Greedy packing of sentences up to ``max_chars``; long sentences are cut hard with overlap."""
    pieces: list[str] = []
    for part in parts:
        while len(part) > max_chars:
            pieces.append(part[:max_chars])
            part = part[max_chars - overlap :]
        pieces.append(part)

    out: list[str] = []
    current: list[str] = []
    size = 0
    fresh = False  # does `current` hold anything beyond the overlap carried from the previous chunk?
    for piece in pieces:
        if fresh and size + len(piece) > max_chars:
            out.append(_join(current))
            tail = current[-1] if len(current[-1]) <= overlap else ""
            current, size = ([tail], len(tail)) if tail else ([], 0)
        current.append(piece)
        size += len(piece)
        fresh = True
    if fresh:
        out.append(_join(current))
    return out


def _join(parts: list[str]) -> str:
    # Chinese needs no spaces between sentences; keep one between ASCII words.
    text = ""
    for part in parts:
        if text and text[-1].isascii() and text[-1].isalnum() and part[:1].isascii() and part[:1].isalnum():
            text += " "
        text += part
    return text.strip()


def catalogue_chunks(rows: list[Row], *, title: str) -> list[Chunk]:
    """One fact chunk per product row: '商品：… SKU：… 价格：…元 规格：…' plus the other columns."""
    chunks = []
    for number, row in enumerate(rows, start=2):  # row 1 is the header, as the user sees it in Excel
        name, sku = pick(row, NAME_COLUMNS), pick(row, SKU_COLUMNS)
        price, spec = pick(row, PRICE_COLUMNS), pick(row, SPEC_COLUMNS)
        used = {_column(row, c) for c in (NAME_COLUMNS, SKU_COLUMNS, PRICE_COLUMNS, SPEC_COLUMNS)}
        parts = []
        if name:
            parts.append(f"商品：{name}")
        if sku:
            parts.append(f"SKU：{sku}")
        if price:
            parts.append(f"价格：{price}" + ("" if re.search(r"[元¥￥]", price) else "元"))
        if spec:
            parts.append(f"规格：{spec}")
        parts += [f"{k}：{v}" for k, v in row.items() if k not in used]
        metadata: dict[str, object] = {"row": number, "fields": dict(row)}
        for key, value in (("name", name), ("sku", sku), ("price", price), ("spec", spec)):
            if value:
                metadata[key] = value
        chunk = Chunk(text=" ".join(parts), title=name or title, metadata=metadata)
        codes = dict.fromkeys(extract_codes(chunk.text), 1.0)
        if sku and normalize_code(sku):
            codes[normalize_code(sku)] = 2.0  # the row that *is* this SKU outranks rows that mention it
        chunk.codes = codes
        chunks.append(chunk)
    return chunks


def _column(row: Row, aliases: tuple[str, ...]) -> str | None:
    lowered = {k.strip().lower(): k for k in row}
    return next((lowered[a] for a in aliases if a in lowered), None)


def chunk_document(doc: LoadedDocument, *, max_chars: int = 480, overlap: int = 80) -> list[Chunk]:
    if doc.rows:
        return catalogue_chunks(doc.rows, title=doc.title)
    return chunk_sections(doc.sections, title=doc.title, max_chars=max_chars, overlap=overlap)


def catalogue_terms(chunks: Iterable[Chunk]) -> list[str]:
    """Product names and SKUs for the brand's segmenter dictionary."""
    terms = []
    for chunk in chunks:
        for key in ("name", "sku"):
            value = chunk.metadata.get(key)
            if isinstance(value, str) and 2 <= len(value) <= 30:
                terms.append(value)
    return terms
