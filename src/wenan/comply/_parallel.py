"""Scan the blocks of a large stream on several processes, results in input order.

Each worker owns a ``Scanner`` that defers the one thing that needs the whole document in order — the
stateful ``false_promo`` detector (两个“最后一天”) — back to the parent, which runs it sequentially.
Everything else about a block depends on the block alone. At most ``3 × workers`` blocks are in flight,
so memory stays bounded however large the input.

The parent's own work per block is kept small, because on a two-core machine every millisecond it spends
is taken from a worker: results travel as plain tuples (pickled in C, ~8x cheaper than the dataclasses)
and become ``Violation`` objects only here. On Linux the pool forks after the parent has built the
automata, so workers start instantly.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING, Any

from ._report import Advisory, Violation

if TYPE_CHECKING:
    from ._engine import Scanner

Row = tuple[int, int, str, str, str, str, str, str, "list[str]"]  # a Violation's fields, in order
Partial = tuple["list[Row]", "list[Advisory]", "set[str]", "list[tuple[int, int, str, str]]"]

_worker: Scanner | None = None


def _init(channel: str | None, industry: str | None) -> None:
    global _worker
    from ._engine import Scanner

    _worker = Scanner(channel, industry, defer_stateful=True)


def _scan(offset: int, block: str) -> Partial:
    assert _worker is not None
    rows = [(v.start, v.end, v.text, v.category, v.severity, v.rule, v.basis, v.explanation, v.suggestions)
            for v in _worker.scan(block, offset)]
    return (rows, *_worker.take_partial())


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def scan_parallel(scanner: Scanner, blocks: Iterable[tuple[int, str]], workers: int
                  ) -> Iterator[tuple[int, str, list[Violation]]]:
    """``(offset, block, violations)`` for each block, as ``scanner.scan`` would give them in order."""
    m = scanner.matcher
    m.automaton_for(1 << 30)  # build the big-input automaton before forking, once for all workers
    inflight: deque[tuple[int, str, Future[Partial]]] = deque()
    with ProcessPoolExecutor(workers, mp_context=_context(), initializer=_init,
                             initargs=(m.channel, m.industry)) as pool:

        def settle() -> tuple[int, str, list[Violation]]:
            offset, block, future = inflight.popleft()
            rows, advisories, markers, deferred = future.result()
            violations = [Violation(*row) for row in rows]
            return offset, block, scanner.absorb(violations, advisories, markers, deferred)

        # Three blocks a worker: one being scanned, one queued behind it, one whose result is on its way.
        for offset, block in blocks:
            inflight.append((offset, block, pool.submit(_scan, offset, block)))
            if len(inflight) >= 3 * workers:
                yield settle()
        while inflight:
            yield settle()
