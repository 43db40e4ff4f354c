"""Every test runs against a throw-away user dir; the 253 MB embedded GGUF is assembled once per machine."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

MODELS_CACHE = Path(os.environ.get("WENAN_TEST_MODELS_DIR", Path.home() / ".cache" / "wenan-test-models"))


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("wenan-home")
    monkeypatch.setenv("WENAN_HOME", str(home))
    monkeypatch.setenv("WENAN_MODELS_DIR", str(MODELS_CACHE))
    for var in ("WENAN_MODEL", "DEEPSEEK_API_KEY", "OPENAI_API_KEY", "DASHSCOPE_API_KEY", "WENAN_DATABASE_URL"):
        monkeypatch.delenv(var, raising=False)
    # Tests must leave the second core free (a busy core slows llama.cpp to a crawl).
    monkeypatch.setenv("WENAN_THREADS", str(max(1, (os.cpu_count() or 2) - 1)))
    return home
