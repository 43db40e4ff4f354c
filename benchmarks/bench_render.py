"""Prompt rendering time per channel template (a share of the write pipeline's overhead).

    python benchmarks/bench_render.py [--runs 5] [--per-run 50]

Writes benchmarks/results/render.md. The brief and facts are the template tests' rich brief
(tests/templates/conftest.py); the time is the best of ``--runs`` batches of ``--per-run`` renders,
after one warm-up render, so Jinja compilation and the exemplar bank load are not counted.
This replaced a timed test (1 ms bound) that failed whenever the shared machine was slow.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from pathlib import Path

from wenan.channels import list_channels
from wenan.templates import get_template
from wenan.write.brief import Brief

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "results" / "render.md"
BRIEF = Brief(
    brand="山茶小馆", product="桂花酒酿圆子", selling_points=["酒酿自家发酵", "圆子每天现搓", "桂花是自家晒的"],
    audience="附近写字楼的上班族", offer="本周工作日下午茶时段第二份半价",
    facts=["单份 16 元", "下午茶时段 14:00-17:00", "地址：人民路 21 号"], tone="亲切", cta="到店或私信预订",
    duration=20, industry="餐饮",
)
FACTS = [{"id": "kb:3", "text": "酒酿用糯米和甜酒曲发酵，约 36 小时", "title": "产品手册"},
         {"id": "kb:7", "text": "圆子用的是本地糯米粉"}]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--per-run", type=int, default=50)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = []
    for channel in list_channels():
        tpl = get_template(channel)
        brief = BRIEF.model_copy(update={"channel": channel})
        tpl.render(brief, facts=FACTS)
        best = float("inf")
        for _ in range(args.runs):
            start = time.perf_counter()
            for _ in range(args.per_run):
                tpl.render(brief, facts=FACTS)
            best = min(best, (time.perf_counter() - start) / args.per_run)
        rows.append(f"| {channel} | {tpl.id} v{tpl.version} | {best * 1000:.3f} ms |")
        print(rows[-1], flush=True)
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    report = [
        "# Prompt rendering", "",
        f"Command: `python benchmarks/bench_render.py --runs {args.runs} --per-run {args.per_run}`  ",
        f"Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}  ",
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; load average {load}", "",
        "Best of the batches, per render, with two knowledge-base facts (the brief of the template tests).", "",
        "| channel | template | per render |", "|---|---|---|", *rows, "",
    ]
    args.out.write_text("\n".join(report), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
