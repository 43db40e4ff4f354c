"""Where the project store lives. The user dir itself is resolved in one place: ``wenan.config``."""

from __future__ import annotations

import os

from ..config import user_dir

HOME_ENV = "WENAN_HOME"
DATABASE_URL_ENV = "WENAN_DATABASE_URL"


def database_url() -> str:
    """``$WENAN_DATABASE_URL`` (any SQLAlchemy URL) or SQLite at ``<user dir>/wenan.db``."""
    return os.environ.get(DATABASE_URL_ENV) or f"sqlite:///{user_dir() / 'wenan.db'}"


__all__ = ["DATABASE_URL_ENV", "HOME_ENV", "database_url", "user_dir"]
