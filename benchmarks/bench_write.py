"""Issue-2 targets, measured by hand (not in the test suite):

1. pipeline overhead: end-to-end ``Writer.write`` time vs the raw backend call for the same model, prompt,
   seed and token count — target ≤ 1.10×. Run for the embedded model in-process and for the same GGUF
   behind llama.cpp's OpenAI-compatible HTTP server.
2. embedded model speed: generation tokens/s through wenan's LocalModel vs xllamacpp called directly on the
   same GGUF and threads — target ≥ 90 %.

    python benchmarks/bench_write.py [--runs 5] [--threads 2] [--max-tokens 120]

Writes benchmarks/results/write.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

from wenan.config import ModelConfig
from wenan.models.base import Request
from wenan.models.local import LocalModel
from wenan.models.openai_compat import OpenAICompatModel
from wenan.templates import get_template
from wenan.write import Writer, parse_brief
from wenan.write.checks import Context
from wenan.write.pipeline import default_max_tokens

BRIEF = parse_brief({
    "brand": "山间牧场", "product": "手工酸奶", "channel": "moments",
    "selling_points": ["只用鲜牛奶和菌种", "当天现做当天卖"], "facts": ["每杯 12 元", "周六上午 9 点开门"],
    "offer": "第二杯半价", "cta": "评论区留言预订",
})


def interleaved(fns, runs: int) -> list[tuple[float, float, object]]:
    """Alternate the contenders run by run so background load hits both alike; (median, min, last result)."""
    samples: list[list[float]] = [[] for _ in fns]
    last: list[object] = [None] * len(fns)
    for _ in range(runs):
        for i, fn in enumerate(fns):
            t = time.perf_counter()
            last[i] = fn()
            samples[i].append(time.perf_counter() - t)
    return [(statistics.median(s), min(s), r) for s, r in zip(samples, last, strict=True)]


def overhead(model, runs: int, max_tokens: int) -> dict[str, float]:
    writer = Writer(model, max_attempts=1, max_tokens=max_tokens, seed=11)
    from wenan.channels import get_channel

    ctx = Context(brief=BRIEF, channel=get_channel("moments"))
    prompt = get_template("moments").render(BRIEF)
    # The exact request the pipeline sends for variant 0, attempt 1 (same seed → same tokens).
    request = writer._request(prompt, ctx, 11 + 0 * 101 + 1)
    assert request.max_tokens == max_tokens or default_max_tokens(ctx)
    # Warm-up: loads weights, builds the compliance automaton, fills llama.cpp's prompt cache for both.
    model.generate(request)
    writer.write(BRIEF, n=1)
    (raw_t, raw_min, raw), (pipe_t, pipe_min, result) = interleaved(
        [lambda: model.generate(request), lambda: writer.write(BRIEF, n=1)], runs)
    return {"raw_s": raw_t, "pipeline_s": pipe_t, "ratio": pipe_t / raw_t, "ratio_min": pipe_min / raw_min,
            "tokens": raw.usage.completion_tokens,
            "pipeline_tokens": result.usage.completion_tokens}


def tokens_per_second(local: LocalModel, runs: int, max_tokens: int) -> dict[str, float]:
    prompt = get_template("moments").render(BRIEF).completion
    server = local.server()
    payload = {"prompt": prompt, "max_tokens": max_tokens, "temperature": 0.8, "seed": 5,
               "repeat_penalty": 1.15, "repeat_last_n": 128, "stop": []}

    def raw():
        t = time.perf_counter()
        r = server.handle_completions(dict(payload))
        return r["usage"]["completion_tokens"] / (time.perf_counter() - t)

    def ours():
        t = time.perf_counter()
        resp = local.generate(Request(prompt="x", completion_prompt=prompt, max_tokens=max_tokens,
                                      temperature=0.8, seed=5))
        return resp.usage.completion_tokens / (time.perf_counter() - t)

    raw()
    ours()
    raw_tps_all, our_tps_all = [], []
    for _ in range(runs):
        raw_tps_all.append(raw())
        our_tps_all.append(ours())
    raw_tps, our_tps = statistics.median(raw_tps_all), statistics.median(our_tps_all)
    return {"raw_tps": raw_tps, "wenan_tps": our_tps, "ratio": our_tps / raw_tps}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--max-tokens", type=int, default=120)
    args = ap.parse_args()

    local = LocalModel(threads=args.threads)
    rows = [("embedded (in-process)", overhead(local, args.runs, args.max_tokens))]
    base = local.server().listening_address
    http = OpenAICompatModel(ModelConfig(name="llama-server", model="gemma", base_url=f"{base}/v1",
                                         needs_key=False, options={"mode": "completion"}))
    rows.append(("llama.cpp server over HTTP", overhead(http, args.runs, args.max_tokens)))
    tps = tokens_per_second(local, args.runs, args.max_tokens)

    lines = [
        "# write pipeline benchmarks (issue 2)", "",
        f"Command: `python benchmarks/bench_write.py --runs {args.runs} --threads {args.threads} "
        f"--max-tokens {args.max_tokens}`  ",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}; "
        f"{time.strftime('%Y-%m-%d %H:%M')}; median of {args.runs} runs.", "",
        "## Pipeline overhead (target ≤ 1.10×)", "",
        "Raw call and pipeline run alternate, same request (seed, prompt, max tokens), same generated text.", "",
        "| backend | raw call median (s) | `Writer.write` n=1 median (s) | ratio of medians | ratio of minima "
        "| tokens raw / pipeline |", "|---|---|---|---|---|---|",
    ]
    for name, r in rows:
        lines.append(f"| {name} | {r['raw_s']:.3f} | {r['pipeline_s']:.3f} | {r['ratio']:.3f}× | "
                     f"{r['ratio_min']:.3f}× | {r['tokens']:.0f} / {r['pipeline_tokens']:.0f} |")
    lines += ["", "## Embedded model generation speed (target ≥ 90 % of raw runtime)", "",
              "| raw xllamacpp (tok/s) | wenan LocalModel (tok/s) | ratio |", "|---|---|---|",
              f"| {tps['raw_tps']:.1f} | {tps['wenan_tps']:.1f} | {tps['ratio'] * 100:.1f} % |", ""]
    out = Path(__file__).parent / "results" / "write.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text("\n".join(lines), "utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
