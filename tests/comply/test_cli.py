"""``wenan check``: exit codes, JSON schema, clear Chinese errors, stdin, large files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from wenan.comply import check
from wenan.comply.cli import STREAM_BYTES, check_command

app = typer.Typer()
app.command("check")(check_command)


@app.command("other")
def _other() -> None:  # a second command keeps typer from collapsing the app into ``check`` itself
    pass


runner = CliRunner()
KEYS = {"start", "end", "text", "category", "severity", "rule", "basis", "explanation", "suggestions"}


def _file(tmp_path: Path, data: str | bytes, name: str = "copy.txt") -> str:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return str(path)


def test_clean_text_exits_0(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", _file(tmp_path, "最近入手的连衣裙，面料100%棉。")])
    assert result.exit_code == 0, result.output
    assert "未发现违规" in result.stdout


def test_violations_exit_1_with_pretty_output(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", _file(tmp_path, "第一行\n全网最低价，加微信 abc12345"),
                                 "--channel", "xiaohongshu"])
    assert result.exit_code == 1
    out = result.stdout
    assert "全网最低价" in out and "第 2 行第 1 列" in out
    assert "《广告法》第九条第三项" in out and "超值价" in out
    assert "共发现 2 处违规" in out


def test_json_output_schema(tmp_path: Path) -> None:
    text = "全网最低价，加微信 abc12345"
    result = runner.invoke(app, ["check", _file(tmp_path, text), "--json", "--channel", "xiaohongshu"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert set(data) == {"violations", "advisories"}
    assert [set(v) for v in data["violations"]] == [KEYS, KEYS]
    for v in data["violations"]:
        assert text[v["start"]:v["end"]] == v["text"]
    assert data == check(text, channel="xiaohongshu").to_dict()


def test_json_clean_and_advisories(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", _file(tmp_path, "加微信 abc12345 领券"), "--json"])
    assert result.exit_code == 0  # no channel: contact details are an advisory, not a violation
    data = json.loads(result.stdout)
    assert data["violations"] == [] and data["advisories"][0]["category"] == "contact"


def test_stdin(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", "-", "--industry", "美妆"], input="美白精华".encode())
    assert result.exit_code == 1
    result = runner.invoke(app, ["check"], input="最近挺好".encode())
    assert result.exit_code == 0


@pytest.mark.parametrize(("args", "needle"), [
    (["--channel", "weibo"], "未知的渠道"),
    (["--industry", "spaceships"], "未知的行业"),
])
def test_unknown_names_exit_2(tmp_path: Path, args: list[str], needle: str) -> None:
    result = runner.invoke(app, ["check", _file(tmp_path, "文案"), *args])
    assert result.exit_code == 2
    assert needle in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(("data", "needle"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "二进制"),
    ("你好，世界".encode("gbk"), "不是 UTF-8"),
    (b"", "输入为空"),
    (b"  \n\t\n", "输入为空"),
])
def test_bad_input_files_exit_2(tmp_path: Path, data: bytes, needle: str) -> None:
    result = runner.invoke(app, ["check", _file(tmp_path, data)])
    assert result.exit_code == 2
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_missing_file_and_directory_exit_2(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["check", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and "找不到文件" in missing.stderr
    directory = runner.invoke(app, ["check", str(tmp_path)])
    assert directory.exit_code == 2 and "目录" in directory.stderr


def test_bad_flag_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", _file(tmp_path, "文案"), "--bogus"])
    assert result.exit_code == 2


def test_large_file_streams_with_same_results(tmp_path: Path) -> None:
    line = "这是一段普通的文案，面料舒适。全网最低价！\n"
    repeats = STREAM_BYTES // len(line.encode()) + 50
    path = _file(tmp_path, line * repeats)
    result = runner.invoke(app, ["check", path, "--json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert len(data["violations"]) == repeats
    first = data["violations"][repeats - 1]
    assert first["start"] == (repeats - 1) * len(line) + line.index("全网最低价")


def test_large_file_with_a_bad_byte_fails_before_output(tmp_path: Path) -> None:
    body = ("普通文案。\n" * (STREAM_BYTES // 16 + 10)).encode() + b"\xff\xfe"
    result = runner.invoke(app, ["check", _file(tmp_path, body), "--json"])
    assert result.exit_code == 2 and "不是 UTF-8" in result.stderr
    assert result.stdout == ""


def test_large_file_pretty_output_counts_lines_across_blocks(tmp_path: Path) -> None:
    clean = "这是一段普通的文案，面料舒适。\n"
    repeats = STREAM_BYTES // len(clean.encode()) + 50
    path = _file(tmp_path, clean * repeats + "全网最低价！\n" + clean * 10)
    result = runner.invoke(app, ["check", path])
    assert result.exit_code == 1
    assert f"第 {repeats + 1} 行第 1 列" in result.stdout and "全网最低价" in result.stdout
    assert "共发现 1 处违规" in result.stdout


def test_large_stdin_streams_with_same_results() -> None:
    line = "普通文案，加微信 abc12345 领券。\n"
    repeats = STREAM_BYTES // len(line.encode()) + 20
    result = runner.invoke(app, ["check", "-", "--json", "--channel", "douyin"], input=(line * repeats).encode())
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert len(data["violations"]) == repeats
    assert data["violations"][-1]["start"] == (repeats - 1) * len(line) + line.index("微信") - 1
