"""``check_stream``: same answers as ``check``, bounded memory, clear errors, no hangs."""

from __future__ import annotations

import io
import resource
import time
from pathlib import Path

import pytest

from wenan.comply import check, check_stream, iter_blocks
from wenan.comply._parallel import iter_byte_blocks
from wenan.exceptions import InputFileError

TEXT = (
    "最近入手了这件大衣，第一次买这个牌子。\n"
    "全网最低价！这支最好用的口红，加微信 abc12345 领券\n"
    "面料：100%棉，亲肤透气。98%的用户都说好用。\n"
    "6月18日最后一天！\n"
    "國家級工藝，最 好 的选择\n"
    "错过再等一年，6月20日最后一天\n"
) * 5


@pytest.mark.parametrize("block_chars", [40, 64, 1000, 1 << 20])
@pytest.mark.parametrize("workers", [1, 2])
def test_stream_matches_check(block_chars: int, workers: int) -> None:
    expected = check(TEXT, channel="xiaohongshu")
    got = check_stream(io.BytesIO(TEXT.encode()), channel="xiaohongshu", block_chars=block_chars,
                       workers=workers)
    assert got.violations == expected.violations
    assert got.advisories == expected.advisories
    for v in got.violations:
        assert TEXT[v.start:v.end] == v.text


def test_text_streams_are_accepted() -> None:
    assert check_stream(io.StringIO(TEXT)).violations == check(TEXT).violations
    assert check_stream(io.StringIO(TEXT), workers=2, block_chars=100).violations == check(TEXT).violations


def test_workers_read_a_real_file_themselves(tmp_path: Path) -> None:
    path = tmp_path / "copy.txt"
    path.write_text("开头一行\n" + TEXT, encoding="utf-8")
    expected = check("开头一行\n" + TEXT, channel="xiaohongshu")
    with path.open("rb") as f:
        f.readline()  # workers must start where the file object is, not at byte 0
        got = check_stream(f, channel="xiaohongshu", workers=2, block_chars=50)
    shift = len("开头一行\n")
    assert [(v.start + shift, v.end + shift, v.rule) for v in got.violations] == \
        [(v.start, v.end, v.rule) for v in expected.violations]


@pytest.mark.parametrize("block_bytes", [1, 7, 64, 1 << 20])
def test_byte_blocks_cover_the_input_and_keep_characters_whole(block_bytes: int) -> None:
    data = (TEXT + "这是一句没有换行的很长的文案。" * 30 + "全网最低价" * 20).encode()
    blocks = list(iter_byte_blocks(io.BytesIO(data), block_bytes))
    assert b"".join(b for _, b in blocks) == data
    assert all(pos == sum(len(b) for _, b in blocks[:i]) for i, (pos, _) in enumerate(blocks))
    for _, b in blocks:
        b.decode("utf-8")  # a cut never falls inside a character


def test_long_lines_in_parallel_are_cut_at_sentence_ends() -> None:
    line = "这是一句没有换行的很长的文案。" * 200 + "全网最低价"
    report = check_stream(io.BytesIO(line.encode()), workers=2, block_chars=100)
    assert [v.text for v in report.violations] == ["全网最低价"]
    assert report.violations[0].start == line.index("全网最低价")


def test_blocks_cover_the_input_exactly() -> None:
    blocks = list(iter_blocks(io.StringIO(TEXT), block_chars=50))
    assert "".join(b for _, b in blocks) == TEXT
    assert all(offset == sum(len(b) for _, b in blocks[:i]) for i, (offset, _) in enumerate(blocks))
    assert all(b.endswith("\n") for _, b in blocks[:-1])


def test_a_line_longer_than_a_block_is_cut_not_hung() -> None:
    line = "这是一句没有换行的很长的文案。" * 2000 + "全网最低价"
    blocks = list(iter_blocks(io.StringIO(line), block_chars=1000))
    assert "".join(b for _, b in blocks) == line and max(len(b) for _, b in blocks) <= 1000
    report = check_stream(io.StringIO(line), block_chars=1000)
    assert [v.text for v in report.violations] == ["全网最低价"]


@pytest.mark.parametrize(("data", "needle"), [
    (b"abc\x00def", "二进制"),
    ("中文".encode("gbk"), "不是 UTF-8"),
    ("正常".encode() + b"\xe4\xb8", "不是 UTF-8"),  # truncated multi-byte character at the end
])
@pytest.mark.parametrize("workers", [1, 2])
def test_bad_bytes_are_input_errors(data: bytes, needle: str, workers: int) -> None:
    with pytest.raises(InputFileError, match=needle):
        check_stream(io.BytesIO(data), workers=workers)


def test_parallel_error_names_the_byte_in_the_whole_stream() -> None:
    head = ("正常的一行\n" * 50).encode()
    data = head + b"\xff" + "后面\n".encode()
    with pytest.raises(InputFileError, match=f"第 {len(head) + 1} 字节"):
        check_stream(io.BytesIO(data), workers=2, block_chars=20)


def test_multibyte_characters_split_across_reads() -> None:
    data = ("全网最低价。" * 10).encode()
    report = check_stream(io.BufferedReader(io.BytesIO(data), buffer_size=7), block_chars=7)
    assert len(report.violations) == 10


def test_empty_stream_is_clean() -> None:
    assert check_stream(io.BytesIO(b"")).ok


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_100_mb_file_in_bounded_memory(tmp_path: Path, workers: int) -> None:
    clean = "这件大衣版型利落，面料柔软亲肤，通勤出差都方便，喜欢的姐妹冲！最近天气转凉正合适。\n"
    dirty = "全网最低价，错过等一年！\n"
    chunk = (clean * 999 + dirty).encode()
    path = tmp_path / "big.txt"
    repeats = 100_000_000 // len(chunk) + 1
    with path.open("wb") as f:
        for _ in range(repeats):
            f.write(chunk)
    assert path.stat().st_size >= 100_000_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    with path.open("rb") as f:
        report = check_stream(f, channel="xiaohongshu", workers=workers)
    elapsed = time.monotonic() - started
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert len(report.violations) == repeats
    assert all(v.text == "全网最低价" for v in report.violations)
    assert grown_mb < 200, f"peak memory grew by {grown_mb:.0f} MB"  # the decoded file alone is ~200 MB
    assert elapsed < 300
