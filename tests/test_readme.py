"""The README's quick start is the contract with a new user: keep it two commands, keep CI running the second,
and actually run the first in a fresh virtualenv."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def quickstart() -> list[str]:
    text = (ROOT / "README.md").read_text("utf-8")
    block = re.search(r"<!-- quickstart -->\s*```bash\n(.*?)```", text, re.S)
    assert block, "README must keep its quick-start block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_quickstart_is_exactly_two_commands_and_ci_runs_the_second():
    commands = quickstart()
    assert len(commands) == 2
    assert "wenan write" in commands[0]
    assert "pytest" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert commands[1] in ci.splitlines()


@pytest.mark.slow
@pytest.mark.integration
def test_first_command_on_a_fresh_virtualenv(tmp_path):
    """Copy the tracked tree (no .venv, no caches) and run the README's first command verbatim."""
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True,
                           text=True, check=True).stdout.split()
    work = tmp_path / "repo"
    for name in files:
        src = ROOT / name
        if src.is_file():
            (work / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, work / name)
    started = time.monotonic()
    proc = subprocess.run(["bash", "-c", quickstart()[0] + " -n 1 --max-tokens 60"], cwd=work,
                          capture_output=True, text=True, timeout=1500,
                          env={"PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
                               "HOME": str(tmp_path),
                               "WENAN_HOME": str(tmp_path / "home")})
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    # Either a ranked variant or an honest "nothing passed" — both are real copy from the real model.
    assert "草稿 1/1" in proc.stdout and "模型 local" in proc.stdout, proc.stdout[-2000:]
    assert time.monotonic() - started < 1500
