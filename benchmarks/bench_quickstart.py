"""Fresh-machine quick start: time from the README's first command to the first printed copy.

Copies the tracked tree to a temp dir, runs the README's first command verbatim with an empty HOME and
pip's cache disabled (so every wheel is downloaded, as on a new machine), and timestamps its output.

    python benchmarks/bench_quickstart.py

Writes benchmarks/results/quickstart.md.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def first_command() -> str:
    text = (ROOT / "README.md").read_text("utf-8")
    block = re.search(r"<!-- quickstart -->\s*```bash\n(.*?)```", text, re.S)
    assert block
    return [line for line in block.group(1).splitlines() if line.strip()][0]


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="wenan-qs-"))
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for name in files:
        (tmp / "repo" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, tmp / "repo" / name)
    env = {"PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin", "HOME": str(tmp / "home"),
           "PIP_NO_CACHE_DIR": "1", "TERM": "dumb"}
    command = first_command()
    start = time.monotonic()
    marks: dict[str, float] = {}
    proc = subprocess.Popen(["bash", "-c", command], cwd=tmp / "repo", env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, bufsize=1)
    log = []
    assert proc.stdout is not None
    for line in proc.stdout:
        now = time.monotonic() - start
        log.append(f"{now:7.1f}s {line.rstrip()}")
        if "Successfully installed" in line:
            marks.setdefault("installed", now)
        if "草稿 1/" in line:
            marks.setdefault("first_draft_header", now)
        elif "first_draft_header" in marks and re.search(r"[\u4e00-\u9fff]", line):
            marks.setdefault("first_copy_line", now)
    proc.wait()
    total = time.monotonic() - start
    out = ROOT / "benchmarks" / "results" / "quickstart.md"
    rows = "\n".join(f"| {k} | {v:.1f} |" for k, v in marks.items())
    out.write_text(
        "# Fresh-machine quick start\n\n"
        f"Command: `python benchmarks/bench_quickstart.py` ({time.strftime('%Y-%m-%d %H:%M')}, "
        f"{platform.machine()}, {os.cpu_count()} cores, pip cache disabled, empty HOME).\n\n"
        f"README command: `{command}`\n\nExit code: {proc.returncode}\n\n"
        "| milestone | seconds from start |\n|---|---|\n" + rows + f"\n| command finished | {total:.1f} |\n\n"
        "First streamed copy appears at `first_copy_line` (the model writes the first of three drafts).\n\n"
        "<details><summary>output tail</summary>\n\n```\n" + "\n".join(log[-40:]) + "\n```\n</details>\n",
        "utf-8")
    print(out.read_text("utf-8"))
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
