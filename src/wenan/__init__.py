"""wenan 文案 — a self-hosted AI copywriting studio for Chinese social channels.

Public entry points are re-exported lazily so ``import wenan`` stays cheap (no model runtime,
no database driver, no HTTP client until used).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "Brief": "wenan.write",
    "Writer": "wenan.write",
    "WriteResult": "wenan.write",
    "load_brief": "wenan.write",
    "parse_brief": "wenan.write",
    "get_model": "wenan.models.registry",
    "get_channel": "wenan.channels",
    "get_template": "wenan.templates",
    "check": "wenan.comply",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'wenan' has no attribute {name!r}")
