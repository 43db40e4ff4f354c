"""A dead, failing, slow or nonsense endpoint: one clear line, non-zero exit, nothing hangs.

Real HTTP on loopback (a stdlib server in a thread) and the real ``wenan`` entry point in a subprocess.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

pytestmark = pytest.mark.integration


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass

    def do_POST(self):  # noqa: N802 (stdlib naming)
        self.rfile.read(int(self.headers.get("content-length", 0)))
        if self.path.startswith("/500"):
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b"internal error")
        elif self.path.startswith("/garbage"):
            self.send_response(200)
            self.send_header("content-type", "text/html")
            self.end_headers()
            self.wfile.write(b"<html>hello</html>")
        elif self.path.startswith("/slow"):
            time.sleep(3)
            self.send_response(200)
            self.end_headers()


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def run_cli(home, *args, timeout=60):
    env = {"WENAN_HOME": str(home), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "wenan", *args], capture_output=True, text=True,
                          timeout=timeout, env=env)


@pytest.mark.parametrize(
    ("path", "extra", "message"),
    [
        ("/500/v1", "", "HTTP 500"),
        ("/garbage/v1", "", "没有返回任何内容"),
        ("/slow/v1", "    timeout: 0.5\n", "没有响应"),
    ],
)
def test_broken_endpoint_gives_one_line_and_exit_3(tmp_path, server, path, extra, message):
    (tmp_path / "config.yaml").write_text(
        f"models:\n  broken:\n    base_url: {server}{path}\n    model: m\n    needs_key: false\n"
        f"    max_retries: 1\n{extra}", "utf-8")
    started = time.monotonic()
    proc = run_cli(tmp_path, "write", "--product", "酸奶", "--model", "broken", "-n", "1")
    assert proc.returncode == 3, proc.stderr
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert time.monotonic() - started < 30


def test_dead_endpoint_falls_back_then_explains(tmp_path):
    (tmp_path / "config.yaml").write_text(
        "models:\n  dead:\n    base_url: http://127.0.0.1:9/v1\n    model: m\n    needs_key: false\n"
        "    max_retries: 0\n    fallback: [dead2]\n"
        "  dead2:\n    base_url: http://127.0.0.1:9/v2\n    model: m\n    needs_key: false\n    max_retries: 0\n",
        "utf-8")
    proc = run_cli(tmp_path, "write", "--product", "酸奶", "--model", "dead", "-n", "1")
    assert proc.returncode == 3
    assert "所有已配置的模型都不可用" in proc.stderr and "--model local" in proc.stderr


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["write"], 2, "brief 为空"),
        (["write", "--product", "酸奶", "--channel", "weibo"], 2, "未知的渠道"),
        (["write", "--product", "酸奶", "--model", "nope"], 2, "未知的模型"),
        (["write", "--product", "酸奶", "--model", "deepseek"], 2, "wenan keys set deepseek"),
        (["write", "--product", "酸奶", "-n", "0"], 2, "-n"),
        (["write", "--product", "酸奶", "--template", "nope"], 2, "未知的模板"),
    ],
)
def test_usage_errors(tmp_path, args, code, message):
    proc = run_cli(tmp_path, *args)
    assert proc.returncode == code, proc.stderr
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stdout == "", "a usage error is reported before any model loads or notice prints"


def test_brief_file_errors(tmp_path):
    bad = tmp_path / "brief.yaml"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    proc = run_cli(tmp_path, "write", "--brief", str(bad))
    assert proc.returncode == 2 and "UTF-8" in proc.stderr
    big = tmp_path / "big.yaml"
    big.write_text("product: 酸奶\nfacts:\n" + "  - 事实\n" * 200_000, "utf-8")
    proc = run_cli(tmp_path, "write", "--brief", str(big))
    assert proc.returncode == 2 and "过大" in proc.stderr
