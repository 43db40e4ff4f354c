"""Read past posts from .csv / .xlsx / .txt for ``wenan brand learn``.

Tables need a text column (text/内容/文案/正文); likes/点赞, comments/评论, shares/转发, date/日期 and
channel/渠道 are optional. A .txt holds one post per blank-line-separated block.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from wenan.exceptions import InputFileError

from .filesafe import check_file, read_text
from .models import PostIn
from .tabular import find_column, pick, read_rows

TEXT_COLUMNS = ("text", "内容", "文案", "正文", "content", "post", "帖子", "文本")
ENGAGEMENT_COLUMNS = {
    "likes": ("likes", "like", "点赞", "点赞数", "赞"),
    "comments": ("comments", "comment", "评论", "评论数"),
    "shares": ("shares", "share", "转发", "转发数", "分享", "分享数"),
    "favorites": ("favorites", "收藏", "收藏数"),
}
DATE_COLUMNS = ("date", "posted_at", "日期", "时间", "发布时间", "发布日期")
CHANNEL_COLUMNS = ("channel", "渠道", "平台")
_BLANK_LINES = re.compile(r"\n\s*\n")
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M", "%Y年%m月%d日", "%Y.%m.%d")


def read_posts(path: Path, *, channel: str | None = None) -> list[PostIn]:
    check_file(path)
    suffix = path.suffix.lower()
    if suffix in (".txt", ".md"):
        blocks = _BLANK_LINES.split(read_text(path).replace("\r\n", "\n"))
        return [PostIn(text=b.strip()[:20000], channel=channel) for b in blocks if b.strip()]
    if suffix not in (".csv", ".xlsx", ".xlsm"):
        raise InputFileError(f"不支持的文件类型：{path.suffix or path.name}", hint="支持 .csv、.xlsx、.txt")
    rows = read_rows(path)
    headers = list(dict.fromkeys(h for r in rows for h in r))
    if rows and find_column(headers, TEXT_COLUMNS) is None:
        raise InputFileError(
            f"{path.name} 里找不到文案列（现有列：{'、'.join(headers)}）",
            hint="请把文案所在列命名为 text / 内容 / 文案 / 正文 之一",
        )
    posts = []
    for row in rows:
        text = pick(row, TEXT_COLUMNS)
        if not text:
            continue
        engagement = {}
        for key, aliases in ENGAGEMENT_COLUMNS.items():
            number = parse_count(pick(row, aliases))
            if number is not None:
                engagement[key] = number
        posts.append(
            PostIn(
                text=text[:20000],
                channel=pick(row, CHANNEL_COLUMNS) or channel,
                engagement=engagement or None,
                posted_at=parse_date(pick(row, DATE_COLUMNS)),
            )
        )
    return posts


def parse_count(raw: str | None) -> float | None:
    """'1,234' -> 1234, '1.2万' -> 12000, '3k' -> 3000; anything else -> None (never fail an import on it)."""
    if not raw:
        return None
    text = raw.strip().replace(",", "").replace("，", "").lower()
    scale = 1.0
    for suffix, factor in (("万", 10_000.0), ("w", 10_000.0), ("k", 1_000.0), ("千", 1_000.0)):
        if text.endswith(suffix):
            text, scale = text[: -len(suffix)], factor
            break
    try:
        return float(text) * scale
    except ValueError:
        return None


def parse_date(raw: str | None) -> datetime | None:
    if not raw:
        return None
    raw = raw.strip()
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        value = None
        for fmt in _DATE_FORMATS:
            try:
                value = datetime.strptime(raw, fmt)
                break
            except ValueError:
                continue
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)
