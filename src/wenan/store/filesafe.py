"""Guards every user file passes before a parser sees it: size cap, zip-bomb check, text decoding.

Shared by ``wenan brand learn`` and ``wenan kb add``; all failures are ``InputFileError`` in Chinese.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from wenan.exceptions import InputFileError

MAX_FILE_MB_ENV = "WENAN_MAX_FILE_MB"
DEFAULT_MAX_FILE_MB = 50
# Office files are zips of XML. Real ones compress ~5-20x; bombs go 1000x+.
MAX_UNZIPPED_BYTES = 300 * 1024 * 1024
MAX_ZIP_RATIO = 200
MAX_ZIP_MEMBERS = 20_000


def max_file_bytes() -> int:
    raw = os.environ.get(MAX_FILE_MB_ENV)
    try:
        mb = float(raw) if raw else DEFAULT_MAX_FILE_MB
    except ValueError as exc:
        raise InputFileError(f"{MAX_FILE_MB_ENV} 不是数字：{raw!r}") from exc
    return int(mb * 1024 * 1024)


def check_file(path: Path, max_bytes: int | None = None) -> int:
    """Exists, is a regular file, under the size cap -> its size in bytes."""
    if not path.exists():
        raise InputFileError(f"文件不存在：{path}")
    if not path.is_file():
        raise InputFileError(f"不是普通文件：{path}")
    size = path.stat().st_size
    limit = max_file_bytes() if max_bytes is None else max_bytes
    if size > limit:
        raise InputFileError(
            f"文件过大：{path.name} 有 {_mb(size)}，上限 {_mb(limit)}",
            hint=f"请拆分文件，或设置环境变量 {MAX_FILE_MB_ENV} 调高上限",
        )
    if size == 0:
        raise InputFileError(f"文件是空的：{path.name}")
    return size


def _mb(n: int) -> str:
    mb = n / 1024 / 1024
    return f"{mb:.0f} MB" if mb >= 10 else f"{mb:.2g} MB"


def check_zip(path: Path, kind: str) -> None:
    """Refuse a corrupt Office file or a zip bomb before python-docx / openpyxl unpack it.

    zipfile never inflates a member past its declared ``file_size``, so the declared sizes are a safe bound.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputFileError(
            f"文件已损坏，无法作为 {kind} 打开：{path.name}",
            hint="请用 Office/WPS 打开后另存一份再试（设置了打开密码的文件请先取消密码）",
        ) from exc
    if len(members) > MAX_ZIP_MEMBERS:
        raise InputFileError(f"{path.name} 内部文件数异常（{len(members)} 个），已拒绝", hint="疑似压缩炸弹")
    total = sum(m.file_size for m in members)
    if total > MAX_UNZIPPED_BYTES:
        raise InputFileError(
            f"{path.name} 解压后有 {total / 1024 / 1024:.0f} MB，"
            f"超过 {MAX_UNZIPPED_BYTES // 1024 // 1024} MB 上限，已拒绝",
            hint="疑似压缩炸弹；如确为正常文件，请拆分后再导入",
        )
    for m in members:
        if m.file_size > 1024 * 1024 and m.file_size > MAX_ZIP_RATIO * max(m.compress_size, 1):
            raise InputFileError(
                f"{path.name} 中的 {m.filename} 压缩比异常"
                f"（{m.file_size // max(m.compress_size, 1)} 倍），已拒绝",
                hint="疑似压缩炸弹",
            )


def read_text(path: Path) -> str:
    """Decode a text file: UTF-8 (with or without BOM), else GB18030 (Windows/Excel exports in China)."""
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        raise InputFileError(f"{path.name} 看起来是二进制文件，不是文本", hint="请导出为 UTF-8 文本再试")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputFileError(f"{path.name} 不是 UTF-8 或 GBK 编码的文本", hint="请另存为 UTF-8 编码")
