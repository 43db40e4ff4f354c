"""Build test files in tmp_path: Office files, PDFs (with and without text), zip bombs."""

from __future__ import annotations

import zipfile
from pathlib import Path


def docx_file(path: Path, blocks: list[tuple[str, str]]) -> Path:
    """blocks: (style, text) with style 'Heading 1'.. or 'p' for a paragraph, 'table' for 'a|b;c|d'."""
    import docx

    document = docx.Document()
    for style, text in blocks:
        if style.startswith("Heading"):
            document.add_heading(text, level=int(style.split()[-1]))
        elif style == "table":
            rows = [r.split("|") for r in text.split(";")]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = cell
        else:
            document.add_paragraph(text)
    document.save(str(path))
    return path


def xlsx_file(path: Path, rows: list[list[object]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def text_pdf(path: Path, lines: list[str]) -> Path:
    """A minimal one-page PDF with real (ASCII, Helvetica) text that pypdf can extract."""
    ops = ["BT", "/F1 12 Tf", "72 720 Td", "14 TL"]
    for line in lines:
        ops.append(f"({line}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


def scanned_pdf(path: Path, pages: int = 2) -> Path:
    """Pages with no text layer, like a scan."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    with path.open("wb") as f:
        writer.write(f)
    return path


def zip_bomb_docx(path: Path, inflated_mb: int = 20) -> Path:
    """A real .docx plus one member that inflates ~1000x."""
    docx_file(path, [("p", "正常内容")])
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/media/bomb.bin", b"\0" * (inflated_mb * 1024 * 1024))
    return path


def sparse_file(path: Path, size_mb: int) -> Path:
    """A huge file that takes no disk space (for size-cap tests)."""
    with path.open("wb") as f:
        f.truncate(size_mb * 1024 * 1024)
    return path
