"""Read a .csv or .xlsx into rows of ``{header: text}``; used for post imports and product catalogues."""

from __future__ import annotations

import csv
import io
import warnings
from datetime import date, datetime
from pathlib import Path
from typing import Any

from wenan.exceptions import InputFileError

from .filesafe import check_zip, read_text

Row = dict[str, str]


def read_rows(path: Path) -> list[Row]:
    """All data rows of every sheet; the first non-empty row of a sheet is its header."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _rows_from_grid(list(csv.reader(io.StringIO(read_text(path)))), path)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    raise InputFileError(f"不支持的表格类型：{path.suffix}", hint="请用 .csv 或 .xlsx")


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel stores 199 as 199.0
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value).strip()


def _read_xlsx(path: Path) -> list[Row]:
    check_zip(path, "Excel 表格")
    from wenan.store.repo import require

    openpyxl = require("openpyxl")
    try:
        with warnings.catch_warnings():
            # openpyxl warns about styles/data validation it drops; irrelevant for reading values.
            warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
            try:
                rows: list[Row] = []
                for sheet in book.worksheets:
                    grid = [[cell_text(v) for v in r] for r in sheet.iter_rows(values_only=True)]
                    rows.extend(_rows_from_grid(grid, path))
            finally:
                book.close()
    except InputFileError:
        raise
    except Exception as exc:  # openpyxl raises a zoo of KeyError/ValueError/XML errors on broken files
        raise InputFileError(
            f"无法读取 Excel 文件 {path.name}：{exc.__class__.__name__}", hint="请用 Excel/WPS 打开后另存再试"
        ) from exc
    return rows


def _rows_from_grid(grid: list[list[str]], path: Path) -> list[Row]:
    grid = [[c.strip() for c in r] for r in grid]
    body = iter([r for r in grid if any(r)])
    header = next(body, None)
    if header is None:
        return []
    names = [h or f"列{i + 1}" for i, h in enumerate(header)]
    rows = []
    for r in body:
        row = {names[i]: v for i, v in enumerate(r[: len(names)]) if v}
        if row:
            rows.append(row)
    return rows


def pick(row: Row, aliases: tuple[str, ...]) -> str | None:
    """The value of the first column whose header matches an alias (case-insensitive, trimmed)."""
    lowered = {k.strip().lower(): v for k, v in row.items()}
    for alias in aliases:
        if alias in lowered:
            return lowered[alias]
    return None


def find_column(headers: list[str], aliases: tuple[str, ...]) -> str | None:
    lowered = {h.strip().lower(): h for h in headers}
    return next((lowered[a] for a in aliases if a in lowered), None)
