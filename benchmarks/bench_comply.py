"""Throughput of the compliance checker over ≥ 20 MB of realistic Chinese marketing copy.

Run by hand from the repo root, on an otherwise idle machine (the load average is recorded with each
measurement; other jobs on these two cores lower every number):

    python benchmarks/bench_comply.py            # 21 MB, writes benchmarks/results/comply.md
    python benchmarks/bench_comply.py --mb 50 --runs 5

The corpus is generated from a few hundred lines written for this benchmark (product copy for fashion,
cosmetics, food, finance, education; notes in 小红书 style with emoji; e-commerce details with prices and
English brand names; the hard negatives 最近/第一次/100%棉/我最喜欢/我们家卖得最好/consistent prices),
shuffled deterministically. Two densities are measured: the stress corpus, where 6% of lines carry a
violation (~750 violations per MB, one per ~1.3 KB), and a realistic one with one violation per ~2 KB
(~500 per MB). 10% of lines are hard negatives in both. Nothing is downloaded.

Measured: ``check_stream`` on the corpus written to a file (the path the CLI takes for large files) with
the full rule set and ``channel="xiaohongshu"`` (every contact rule is live), in one process and on two
worker processes, plus the raw Aho-Corasick automaton and the normalisation pass alone as the ceiling.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from wenan.comply import Report, check_stream  # noqa: E402
from wenan.comply._matcher import find, matcher_for  # noqa: E402
from wenan.comply._normalise import fold_block, skeleton  # noqa: E402


def _lines(text: str) -> list[str]:
    return [line for line in text.strip().split("\n") if line]


SUBJECTS = _lines("""
这款连衣裙
这件羊毛大衣
这支口红
这瓶精华
这款面霜
这双运动鞋
这款蓝牙耳机
这套四件套
这款坚果礼盒
这款咖啡豆
这款儿童书包
这台空气炸锅
这款防晒衣
这款保温杯
这份牛肉干
这款瑜伽垫
iPhone 15 手机壳
这款 Dior 同色系唇釉
这款燕麦片
这只托特包
""")
CLAIMS = _lines("""
版型利落，显高显瘦
面料柔软亲肤，透气不闷
质地轻薄，上脸很服帖
颜色温柔，黄皮也能驾驭
做工扎实，细节处理得很用心
容量刚好，通勤出差都方便
口感香脆，一口接一口停不下来
配方温和，敏感肌也能放心用
加热均匀，少油也能做出酥脆口感
保温效果不错，早上装的水下午还是热的
分区合理，书本文具放得整整齐齐
颗粒饱满，每一颗都是当季新货
续航表现稳定，降噪效果明显
垫面防滑，回弹性好
肩带可调节，背起来不勒肩
香味清新不刺鼻，留香大概四五个小时
""")
CLOSERS = _lines("""
喜欢的姐妹冲！
日常百搭，闭眼入。
送礼自用都合适。
点赞收藏，下次不迷路～
库存不多，先到先得。
有问题欢迎评论区留言。
搭配小白鞋就很好看。
秋冬必备的一件单品。
性价比很高，推荐试试。
实测一周，真实感受分享给大家。
""")
NOTES = _lines("""
✨{s}真的惊艳到我了：{c}。{z}
{s}【{c}】到手价 {p} 元，{z}
{s}，{c}，{z}
姐妹们看过来！{s}{c}。{z}
📦 今天到货的{s}，{c}，{z}
{c}，{c}，{z}
{s}上身效果：{c}。
同事问了好几次链接，{s}{c}。{z}
{s} ¥{p}，{c}，{z}
通勤党看过来：{s}，{c}。
一句话总结：{c}。{z}
{s}有三个颜色可选，{c}。
""")
# Lines the checker must NOT flag, each costs a context decision.
HARD_NEGATIVES = _lines("""
🌸最近入手了{s}，{c}，{z}
📦到货第一天就上身，{c}，{z}
#好物分享 {s}，{c}。第一次买这个牌子，{z}
我最喜欢的还是{s}，{c}。
这款是我们家卖得最好的，{c}，{z}
面料成分：100%棉，{c}。
2023年天猫双11服饰类目销量第一（数据来源：天猫官方榜单），{z}
开封后最好冷藏保存，{c}。
活动最后一天，{s}{c}，{z}
{s}日常价 {q} 元，现价 {p} 元，{z}
满200减30，实付170元，{s}{c}。
""")
VIOLATIONS = _lines("""
全网最低价，错过等一年！
销量第一的网红爆款，{c}
国家级品质，{z}
这支真的是最好用的口红
加微信 meiyan_{n} 领优惠券
有问题加威了解，{z}
v信同号，私聊发链接
扣扣 {n}{n} 咨询
7天美白，28天淡斑
98%的用户都说好用
喝了能治疗失眠，{z}
每天一杯，降血压降血脂
加盟我们稳赚不赔，月入3万不是梦
零基础保过，考不过退费
大师开光的貔貅手串，招财转运
国宴特供的好茶
原价99现价199，{z}
第二件半价：单价100元，两件合计{q}元
限量100件，已售出{n}件，{z}
研究表明，{s}{c}
ｚｕｉ好的选择
最 便 宜 的 一 款
預約電話 138 1234 5678
详情见 https://example.com/item?id={n}
國家級工藝，頂級面料
无副作用，效果立竿见影
""")

DIRTY_SHARE = 0.06  # share of lines carrying a violation in the stress corpus (~750 violations per MB)
REALISTIC_SHARE = 0.04  # one violation per ~2 KB (~500 per MB)
HARD_SHARE = 0.10  # share of lines carrying a hard negative


def _fill(templates: list[str], rng: random.Random, copies: int) -> list[str]:
    def one(t: str) -> str:
        return t.format(s=rng.choice(SUBJECTS), c=rng.choice(CLAIMS), z=rng.choice(CLOSERS),
                        p=rng.randint(19, 399), q=rng.randint(400, 999), n=rng.randint(10000, 99999))

    return [one(t) for t in templates for _ in range(copies)]


def make_corpus(target_bytes: int, seed: int = 7, dirty_share: float = DIRTY_SHARE) -> str:
    rng = random.Random(seed)
    clean, hard, dirty = _fill(NOTES, rng, 25), _fill(HARD_NEGATIVES, rng, 10), _fill(VIOLATIONS, rng, 4)

    def line() -> str:
        r = rng.random()
        return rng.choice(dirty if r < dirty_share else hard if r < dirty_share + HARD_SHARE else clean)

    out: list[str] = []
    size = 0
    while size < target_bytes:
        paragraph = [line() for _ in range(rng.randint(3, 8))]
        text = "".join(paragraph) if rng.random() < 0.3 else "\n".join(paragraph)
        out.append(text)
        size += len(text.encode()) + 2
    return "\n\n".join(out)


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _timed(path: Path, workers: int, runs: int) -> tuple[float, float, Report]:
    """(best wall seconds, load average just before that run, report) of ``runs`` checks of the file."""
    best, load, report = float("inf"), 0.0, None
    for _ in range(runs):
        before = os.getloadavg()[0]
        t0 = time.perf_counter()
        with path.open("rb") as f:
            report = check_stream(f, channel="xiaohongshu", industry="general", workers=workers)
        elapsed = time.perf_counter() - t0
        if elapsed < best:
            best, load = elapsed, before
    assert report is not None
    return best, load, report


def _density(report: Report, mb: float) -> str:
    n = len(report.violations)
    return f"{n:,} violations, {n / mb:.0f} per MB (one per {mb * 1000 / max(n, 1):.1f} KB)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=21.0, help="corpus size in MB (UTF-8), at least 20")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "comply.md")
    parser.add_argument("--quiet-below", type=float, default=None, metavar="LOAD",
                        help="first wait (up to 15 min) until the 1-minute load average is below LOAD")
    args = parser.parse_args()

    if args.quiet_below is not None:
        deadline = time.monotonic() + 900
        while os.getloadavg()[0] >= args.quiet_below and time.monotonic() < deadline:
            time.sleep(10)
    load_start = os.getloadavg()
    t0 = time.perf_counter()
    matcher = matcher_for("xiaohongshu", "general")
    build = time.perf_counter() - t0
    matcher.automaton_for(1 << 30)  # the large-input automaton, as any large check builds it first

    rows: list[str] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, share in (("stress", DIRTY_SHARE), ("realistic", REALISTIC_SHARE)):
            corpus = make_corpus(int(args.mb * 1_000_000), dirty_share=share)
            path = Path(tmp) / f"{label}.txt"
            path.write_text(corpus, encoding="utf-8")
            mb = path.stat().st_size / 1_000_000
            if label == "stress":
                raw = prep = float("inf")
                automaton = matcher.automaton_for(len(corpus))
                for _ in range(args.runs):
                    t0 = time.perf_counter()
                    find(automaton, corpus)
                    raw = min(raw, time.perf_counter() - t0)
                    t0 = time.perf_counter()
                    skeleton(fold_block(corpus))
                    prep = min(prep, time.perf_counter() - t0)
                rows.append(f"| stress | automaton only (UTF-8 DFA + offset conversion) | {raw:.2f} s | "
                            f"{mb / raw:.1f} MB/s | |")
                rows.append(f"| stress | normalisation only (fold + skeleton) | {prep:.2f} s | "
                            f"{mb / prep:.1f} MB/s | |")
                lines = corpus.count("\n") + 1
                notes.append(f"stress corpus: {mb:.1f} MB UTF-8, {len(corpus):,} characters, {lines:,} lines")
            del corpus
            one, load1, report1 = _timed(path, 1, args.runs)
            two, load2, report2 = _timed(path, 2, args.runs)
            assert report2.violations == report1.violations, "parallel and sequential results differ"
            rows.append(f"| {label} | full check, 1 process (`check_stream(f)`) | {one:.2f} s | {mb / one:.1f} MB/s "
                        f"| {load1:.2f} |")
            rows.append(f"| {label} | **full check, 2 processes (`check_stream(f, workers=2)`, as the CLI runs "
                        f"it)** | **{two:.2f} s** | **{mb / two:.1f} MB/s** | {load2:.2f} |")
            per_cat: dict[str, int] = {}
            for v in report1.violations:
                per_cat[v.category] = per_cat.get(v.category, 0) + 1
            notes.append(f"{label} corpus ({mb:.1f} MB): {_density(report1, mb)} — "
                         + ", ".join(f"{k} {n:,}" for k, n in sorted(per_cat.items())))
    load_end = os.getloadavg()

    result = f"""# Compliance checker throughput

Command: `python benchmarks/bench_comply.py --mb {args.mb:g} --runs {args.runs}` (from the repo root)

Machine: {cpu_name()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()};
load average (1/5/15 min) {load_start[0]:.2f} / {load_start[1]:.2f} / {load_start[2]:.2f} before the run and
{load_end[0]:.2f} / {load_end[1]:.2f} / {load_end[2]:.2f} after it. The last column is the 1-minute load
average just before the best run of that row. It includes this benchmark's own earlier runs (each full
check keeps one or two cores busy), so ~0.5–1 is what a quiet machine shows here; well above 1 means other
jobs shared the two cores and the two-process figures suffer first.

Rules: every shipped pack, channel=xiaohongshu, industry=general ({len(matcher.rules)} rules,
{len(matcher.entries):,} automaton patterns, built in {build * 1000:.0f} ms). Each time is the best of
{args.runs} runs of `check_stream` over the corpus written to a file.

| corpus | stage | best of {args.runs} | throughput | load |
| --- | --- | ---: | ---: | ---: |
{chr(10).join(rows)}

Both full checks return identical violations. One process reads 1 M-character blocks; with two, the
parent cuts the file into ~768 KB newline-aligned blocks that the workers read, decode and check
themselves, and only the deadline comparison, which needs the document in order, runs in the parent.

{chr(10).join(f"- {n}" for n in notes)}

The `wenan check` CLI adds to this for large files: one up-front UTF-8 validation pass in the parent (so a
bad byte fails before any output) and the formatting of every violation it prints.
"""
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(result, encoding="utf-8")
    print(result)


if __name__ == "__main__":
    main()
