"""Grounding checker throughput: claims checked per second on the labelled grounding sets.

    python benchmarks/bench_ground.py [--rounds 5]

Writes benchmarks/results/ground.md. "cold" clears the extraction caches before every variant (the
first variant of a brief); "warm" keeps the sources' analysis cached, as the write pipeline does when it
checks several variants of one brief.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import time
from pathlib import Path

from wenan.ground import Source, check, extract_claims
from wenan.ground._check import _extract, _facts

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "ground" / "data"
OUT = ROOT / "benchmarks" / "results" / "ground.md"


def load() -> list[tuple[str, list[Source]]]:
    cases = []
    for name in ("grounding_cases.jsonl", "grounding_holdout.jsonl"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            cases.append((row["text"], [Source(**s) for s in row["sources"]]))
    return cases


def clear() -> None:
    _extract.cache_clear()
    _facts.cache_clear()


def run(cases: list[tuple[str, list[Source]]], *, cold: bool) -> tuple[float, int]:
    clear()
    claims = 0
    start = time.perf_counter()
    for text, sources in cases:
        if cold:
            clear()
        claims += len(check(text, sources).claims)
    return time.perf_counter() - start, claims


def extract_only(texts: list[str]) -> tuple[float, int]:
    clear()
    start = time.perf_counter()
    n = 0
    for t in texts:
        n += len(extract_claims(t))
        _extract.cache_clear()
    return time.perf_counter() - start, n


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    cases = load()
    check(cases[0][0], cases[0][1])  # import-time and lexicon loading are not what we measure
    rows = []
    for label, cold in (("check, cold caches", True), ("check, warm source cache", False)):
        times, claims = [], 0
        for _ in range(args.rounds):
            t, claims = run(cases, cold=cold)
            times.append(t)
        best = min(times)
        rows.append((label, len(cases), claims, best, claims / best, len(cases) / best, statistics.median(times)))
    long_text = "\n".join(t for t, _ in cases[:40])
    times = []
    for _ in range(args.rounds):
        t, n = extract_only([long_text])
        times.append(t)
    rows.append((f"extract only, one {len(long_text)}-char text", 1, n, min(times), n / min(times), 1 / min(times),
                 statistics.median(times)))
    lines = [
        "# Grounding checker benchmark",
        "",
        f"`python benchmarks/bench_ground.py --rounds {args.rounds}` on {platform.machine()}, Python "
        f"{platform.python_version()}, {platform.system()}; best of {args.rounds} rounds (median in last column).",
        "",
        "| run | variants | claims | seconds | claims/s | variants/s | median s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for label, nv, nc, best, cps, vps, med in rows:
        lines.append(f"| {label} | {nv} | {nc} | {best:.3f} | {cps:,.0f} | {vps:,.0f} | {med:.3f} |")
    lines += ["", "Set: the 148 labelled variants of tests/ground/data (dev + holdout), 4–6 sources each."]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
