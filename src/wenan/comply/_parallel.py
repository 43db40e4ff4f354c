"""Scan a large stream on several processes, results in input order.

The parent only cuts the raw bytes into newline-aligned blocks; workers decode, check and scan them. On a
two-core machine every millisecond the parent spends is taken from a worker, so it never decodes or
pickles text: a worker reads its block straight from the file (``os.pread`` on the inherited descriptor)
when the input is a real file, and receives the bytes otherwise. Results travel as plain tuples with
block-relative offsets (pickled in C, ~8x cheaper than the dataclasses) and become ``Violation`` objects,
with absolute character offsets, only here.

Each worker owns a ``Scanner`` that defers the one thing that needs the whole document in order — the
stateful ``false_promo`` detector (两个“最后一天”) — back to the parent, which runs it sequentially.
Everything else about a block depends on the block alone. At most ``3 × workers`` blocks are in flight,
so memory stays bounded however large the input. On Linux the pool forks after the parent has built the
automata, so workers start instantly.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import IO, TYPE_CHECKING, Any

from ..exceptions import InputFileError
from ._normalise import fold_block
from ._report import Advisory, Violation, violation

if TYPE_CHECKING:
    from ._engine import Scanner

Row = tuple[int, int, str, str, str, str, str, str, "list[str]"]  # a Violation's fields, in order
Deferred = tuple[int, int, str, "list[Any]"]
# (characters in the block, rows, advisories, markers seen, deferred detector lines); or an input error.
Partial = tuple[int, "list[Row]", "list[Advisory]", "set[str]", "list[Deferred]"] | tuple[str, int]

_SENTENCE_ENDS = tuple(p.encode() for p in "。！？!?")

_worker: Scanner | None = None
_fd: int | None = None


def _init(channel: str | None, industry: str | None, fd: int | None) -> None:
    global _worker, _fd
    from ._engine import Scanner

    _worker, _fd = Scanner(channel, industry, defer_stateful=True), fd


def _scan(job: bytes | tuple[int, int]) -> Partial:
    """Decode and scan one block: the bytes themselves, or (file position, length) to read them from."""
    assert _worker is not None
    if isinstance(job, tuple):
        assert _fd is not None
        raw = os.pread(_fd, job[1], job[0])
    else:
        raw = job
    if b"\x00" in raw:
        return ("binary", 0)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return ("encoding", exc.start)
    rows = [(v.start, v.end, v.text, v.category, v.severity, v.rule, v.basis, v.explanation, v.suggestions)
            for v in _worker.scan(text, 0)]
    return (len(text), rows, *_worker.take_partial())


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def iter_byte_blocks(fileobj: IO[Any], block_bytes: int) -> Iterator[tuple[int, bytes]]:
    """``(byte offset, raw block)`` covering the stream; blocks end just after a newline when one is in
    reach, else after a sentence end (。！？), else at a character boundary (a term across it may be missed).
    A text stream is encoded back to UTF-8 as it is read."""
    buf = b""
    pos = 0
    while True:
        raw = fileobj.read(block_bytes)
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogatepass")
        buf += raw
        while len(buf) > block_bytes:
            cut = buf.rfind(b"\n", 0, block_bytes) + 1
            if cut == 0:
                ends = [i + len(p) for p in _SENTENCE_ENDS if (i := buf.rfind(p, 0, block_bytes)) != -1]
                cut = max(ends, default=0)
            if cut == 0:
                cut = block_bytes
                while cut > 0 and buf[cut] & 0xC0 == 0x80:  # never split a UTF-8 sequence
                    cut -= 1
                while cut == 0 or (cut < len(buf) and buf[cut] & 0xC0 == 0x80):  # a block under one character
                    cut += 1
                if cut == len(buf):  # the character may go on in the next read
                    break
            yield pos, buf[:cut]
            pos += cut
            buf = buf[cut:]
        if not raw:
            if buf:
                yield pos, buf
            return


def _file_descriptor(fileobj: IO[Any]) -> tuple[int, int] | None:
    """(descriptor, current position) when workers can read the input themselves: a real, seekable file
    and a start method (fork) that hands them the descriptor."""
    if _context().get_start_method() != "fork":
        return None
    try:
        if not fileobj.seekable():
            return None
        return fileobj.fileno(), fileobj.tell()
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is an OSError and ValueError
        return None


def _raise(kind: str, at: int) -> None:
    if kind == "binary":
        raise InputFileError("输入是二进制文件，不是文本", hint="请提供 UTF-8 编码的纯文本文件")
    raise InputFileError(f"输入不是 UTF-8 编码（第 {at + 1} 字节无法解码）",
                         hint="请先转换为 UTF-8，例如 iconv -f GBK -t UTF-8 原文件 > 新文件")


def scan_stream_parallel(scanner: Scanner, fileobj: IO[Any], workers: int, block_bytes: int
                         ) -> Iterator[tuple[int, bytes, list[Violation]]]:
    """``(character offset, raw block, violations)`` for each block, in order, as one process would."""
    m = scanner.matcher
    m.automaton_for(1 << 30)  # build the big-input automaton before forking, once for all workers
    fold_block("Ａ")  # and the folding tables and regexes (~30 ms a worker would otherwise spend on every run)
    direct = _file_descriptor(fileobj)
    # Objects that exist at fork time (the automata, the rules) are left out of garbage collection, here and
    # in the workers: collections in a worker would otherwise walk, and so copy, the inherited heap.
    gc.freeze()
    try:
        yield from _run(scanner, fileobj, workers, block_bytes, direct)
    finally:
        gc.unfreeze()


def _run(scanner: Scanner, fileobj: IO[Any], workers: int, block_bytes: int, direct: tuple[int, int] | None
         ) -> Iterator[tuple[int, bytes, list[Violation]]]:
    m = scanner.matcher
    inflight: deque[tuple[int, bytes, Future[Partial]]] = deque()
    chars = 0  # characters in the blocks settled so far: the next block's offset
    with ProcessPoolExecutor(workers, mp_context=_context(), initializer=_init,
                             initargs=(m.channel, m.industry, direct[0] if direct else None)) as pool:

        def settle() -> tuple[int, bytes, list[Violation]]:
            nonlocal chars
            pos, raw, future = inflight.popleft()
            result = future.result()
            if isinstance(result[0], str):
                _raise(result[0], pos + result[1])  # type: ignore[arg-type]
            n, rows, advisories, markers, deferred = result  # type: ignore[misc]
            off = chars
            chars += n
            violations = [violation(s + off, e + off, *rest) for s, e, *rest in rows]
            advisories = [Advisory(a.rule, a.category, a.message, a.basis, (a.start or 0) + off,
                                   (a.end or 0) + off, a.text) for a in advisories]
            deferred = [(ri, at + off, original, found) for ri, at, original, found in deferred]
            return off, raw, scanner.absorb(violations, advisories, markers, deferred)

        for pos, raw in iter_byte_blocks(fileobj, block_bytes):
            job: bytes | tuple[int, int] = (direct[1] + pos, len(raw)) if direct else raw
            inflight.append((pos, raw, pool.submit(_scan, job)))
            # Three blocks a worker: one being scanned, one queued behind it, one whose result is on its way.
            if len(inflight) >= 3 * workers:
                yield settle()
        while inflight:
            yield settle()
