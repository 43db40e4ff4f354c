"""Compliance checking for Chinese marketing copy: 《广告法》, sector rules and platform rules.

    >>> from wenan.comply import check, fix
    >>> report = check("全网最低价，加微信 abc12345 领券", channel="xiaohongshu")
    >>> [v.category for v in report.violations]
    ['absolute', 'contact']
    >>> fix("全网最低价", check("全网最低价"))
    '超值价'

Importing this package is cheap (no YAML, no pydantic, no automaton): the engine is imported on first
use of ``check``/``fix``/…, rule packs (``rules/*.yaml``, validated at load time, see ``_schema.py``) are
read on the first check, and one automaton per (channel, industry) is built then and cached.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ._report import Advisory, Report, Violation
from ._scope import CATEGORIES, CATEGORY_LABELS, CHANNEL_LABELS, CHANNELS, INDUSTRIES, INDUSTRY_LABELS

if TYPE_CHECKING:
    from ._engine import Scanner, check, check_stream, fix, iter_blocks

_LAZY = {"Scanner", "check", "check_stream", "fix", "iter_blocks"}

__all__ = [
    "CATEGORIES",
    "CATEGORY_LABELS",
    "CHANNELS",
    "CHANNEL_LABELS",
    "INDUSTRIES",
    "INDUSTRY_LABELS",
    "Advisory",
    "Report",
    "Scanner",
    "Violation",
    "check",
    "check_stream",
    "fix",
    "iter_blocks",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module("wenan.comply._engine"), name)
    raise AttributeError(f"module 'wenan.comply' has no attribute {name!r}")
