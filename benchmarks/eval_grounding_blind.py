"""Blind evaluation of the grounding checker on REAL outputs of the embedded model.

    python benchmarks/eval_grounding_blind.py --generate [--force]   # embedded model, 20 briefs x 3 seeds
    python benchmarks/eval_grounding_blind.py --measure              # checker vs. the hand labels

``--generate`` writes ``tests/ground/data/blind_real_outputs.jsonl`` (brief + raw output, ``claims`` empty);
the claims were then labelled by hand — every number-like claim in the output (price, quantity with unit,
percent/discount, date/time/weekday, phone, address) as ``supported`` (the brief says the same value,
possibly paraphrased) or ``invented``, and list markers / hashtags / emoji digits as ``structural`` — all
before the checker was ever run on these outputs. ``--generate`` refuses to overwrite labelled data without
``--force``. Flags the checker raised on text left unlabelled were reviewed after the first measurement and
recorded, apart from the blind labels, in each row's ``adjudicated_after_measure`` (``correct_flag``: an
annotator miss, not counted as a false alarm; anything else counts as one).

``--measure`` runs ``wenan.ground.check`` with the brief's fields as sources (exactly what the write
pipeline does without a knowledge base: only numeric kinds become ``ungrounded_number`` flags), matches
flags to labelled spans by character overlap and writes ``benchmarks/results/grounding_blind.md``
(the adjudication section of that file is kept across runs).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "ground" / "data" / "blind_real_outputs.jsonl"
OUT = ROOT / "benchmarks" / "results" / "grounding_blind.md"
SEEDS = (11, 22, 33)
ADJUDICATION_MARK = "<!-- adjudication: kept across --measure runs -->"

# Twenty briefs written for this evaluation (never seen by the checker's authors): moments and ecommerce
# mostly, a few xiaohongshu; several industries; each with 2-4 numeric facts, some with an address.
BRIEFS: list[dict[str, Any]] = [
    {"brand": "麦田里", "product": "手作欧包", "channel": "moments", "industry": "餐饮",
     "selling_points": ["天然酵母发酵", "不加糖精和香精"],
     "offer": "满50减10",
     "facts": ["原味欧包18元一个", "每天下午4点出炉", "地址：成都市武侯区玉林南路12号"]},
    {"brand": "铁馆", "product": "私教体验课", "channel": "moments", "industry": "健身",
     "selling_points": ["一对一教练", "器械全新"],
     "offer": "首节体验课49元",
     "facts": ["每节课60分钟", "营业时间7:00-22:00", "预约电话13812345678"]},
    {"brand": "指尖花园", "product": "春季美甲", "channel": "moments", "industry": "美业",
     "selling_points": ["款式每月更新", "持久不易掉色"],
     "offer": "3月8日当天全场8折",
     "facts": ["单色美甲88元", "地址：上海市静安区南京西路1266号3楼"]},
    {"brand": "鲜果时光", "product": "阳光玫瑰葡萄", "channel": "moments", "industry": "生鲜",
     "selling_points": ["颗粒饱满", "皮薄无籽"],
     "offer": "买2斤送半斤",
     "facts": ["29.9元一斤", "下午6点前下单当天送达", "配送范围3公里内"]},
    {"brand": "花语坊", "product": "母亲节康乃馨花束", "channel": "moments", "industry": "花店",
     "selling_points": ["当天鲜切花材", "手写贺卡"],
     "offer": "提前预订立减20元",
     "facts": ["花束168元起", "5月12日前预订", "5公里内免费配送"]},
    {"brand": "小橡树英语", "product": "少儿英语暑期班", "channel": "moments", "industry": "教育",
     "selling_points": ["外教小班课", "课后有作业点评"],
     "offer": "前10名报名送教材",
     "facts": ["7月10日开课", "每班8人", "共20节课2980元"]},
    {"brand": "川渝老灶", "product": "火锅新店开业", "channel": "moments", "industry": "餐饮",
     "selling_points": ["牛油锅底现炒", "鲜切牛肉"],
     "offer": "开业前三天全场6.8折",
     "facts": ["人均90元", "地址：长沙市天心区黄兴南路88号", "营业到凌晨2点"]},
    {"brand": "亮车坊", "product": "精洗服务", "channel": "moments", "industry": "汽车服务",
     "selling_points": ["手工擦洗", "内饰吸尘"],
     "offer": "办卡充500送100",
     "facts": ["精洗一次45元", "周一至周五9:00-19:00营业", "电话0571-88886666"]},
    {"brand": "声动", "product": "蓝牙耳机", "channel": "ecommerce", "industry": "数码",
     "selling_points": ["主动降噪", "佩戴轻巧"],
     "offer": "618期间立减50元",
     "facts": ["续航30小时", "单只耳机重4.5g", "到手价199元", "下单赠耳机套"]},
    {"brand": "米家乐", "product": "智能电饭煲", "channel": "ecommerce", "industry": "家电",
     "selling_points": ["球釜内胆", "一键预约"],
     "offer": "以旧换新再减60元",
     "facts": ["容量4L", "功率800W", "最长预约24小时", "售价359元"]},
    {"brand": "棉知道", "product": "纯棉T恤", "channel": "ecommerce", "industry": "服装",
     "selling_points": ["新疆长绒棉", "不起球不变形"],
     "offer": "两件139元",
     "facts": ["100%新疆长绒棉", "克重220g", "尺码S-XXL"]},
    {"brand": "果仁铺子", "product": "每日坚果礼盒", "channel": "ecommerce", "industry": "食品",
     "selling_points": ["独立小包装", "低温烘焙"],
     "offer": "满200减30",
     "facts": ["净含量1.2kg", "内含8种坚果", "保质期180天", "礼盒价128元"]},
    {"brand": "喵星厨房", "product": "全价成猫粮", "channel": "ecommerce", "industry": "宠物",
     "selling_points": ["鲜肉添加", "无谷配方"],
     "offer": "第二袋5折",
     "facts": ["规格2kg", "粗蛋白含量40%", "单袋89元"]},
    {"brand": "途行", "product": "登机行李箱", "channel": "ecommerce", "industry": "箱包",
     "selling_points": ["静音万向轮", "TSA海关锁"],
     "offer": "双11当天前1000名送行李牌",
     "facts": ["20寸可登机", "保修3年", "售价499元"]},
    {"brand": "净白", "product": "浓缩洗衣液", "channel": "ecommerce", "industry": "日化",
     "selling_points": ["低泡易漂", "植物配方"],
     "offer": "满99包邮",
     "facts": ["2kg×3瓶装99元", "每次只需15ml"]},
    {"brand": "西湖茶人", "product": "明前龙井", "channel": "ecommerce", "industry": "茶叶",
     "selling_points": ["核心产区", "手工炒制"],
     "offer": "买二送一",
     "facts": ["2024年明前采摘", "250g罐装", "每罐368元"]},
    {"brand": "海边的院子", "product": "洱海民宿", "channel": "xiaohongshu", "industry": "住宿",
     "selling_points": ["推窗见海", "管家早餐"],
     "offer": "连住3晚9折",
     "facts": ["全店只有6间房", "淡季价398元/晚", "地址：大理市下关镇洱海东路77号"]},
    {"brand": "润肌", "product": "补水面膜", "channel": "xiaohongshu", "industry": "美妆",
     "selling_points": ["含玻尿酸", "服帖不滴液"],
     "offer": "直播间买2送1",
     "facts": ["每盒5片", "每盒159元"]},
    {"brand": "静心瑜伽", "product": "瑜伽月卡", "channel": "xiaohongshu", "industry": "健身",
     "selling_points": ["小班教学", "老师一对一调整体式"],
     "offer": "新会员月卡399元",
     "facts": ["每周3次课", "晚上7:30上课", "地址：深圳市南山区科技园南区2栋5楼"]},
    {"brand": "山谷咖啡", "product": "耶加雪菲咖啡豆", "channel": "xiaohongshu", "industry": "咖啡",
     "selling_points": ["浅烘花果香", "新鲜烘焙"],
     "offer": "新客立减15元",
     "facts": ["每袋200g", "88元一袋", "每周二烘焙发货"]},
]


# ---------------------------------------------------------------------------------------------- generate

def generate(force: bool) -> None:
    if DATA.exists() and not force:
        rows = [json.loads(x) for x in DATA.read_text(encoding="utf-8").splitlines() if x.strip()]
        if any(r.get("claims") for r in rows):
            sys.exit(f"{DATA} already holds labels; pass --force to regenerate (labels will be lost)")
    os.environ.setdefault("WENAN_MODELS_DIR", "/root/.cache/wenan-test-models")
    os.environ["WENAN_HOME"] = tempfile.mkdtemp(prefix="wenan-blind-")
    from wenan.models.base import Request
    from wenan.models.local import LocalModel
    from wenan.templates import get_template
    from wenan.write import parse_brief

    model = LocalModel(threads=1)
    rows = []
    t0 = time.perf_counter()
    for i, data in enumerate(BRIEFS):
        brief = parse_brief(data)
        prompt = get_template(brief.channel).render(brief)
        for seed in SEEDS:
            resp = model.generate(Request(prompt=prompt.user, completion_prompt=prompt.completion,
                                          stop=[*prompt.stop, "\n【"], max_tokens=160, temperature=0.8, seed=seed))
            rows.append({"id": f"b{i + 1:02d}-{brief.channel}-s{seed}", "seed": seed, "brief": data,
                         "output": resp.text, "claims": []})
            print(f"[{time.perf_counter() - t0:6.1f}s] {rows[-1]['id']}: {resp.text[:60]!r}", flush=True)
    DATA.parent.mkdir(parents=True, exist_ok=True)
    DATA.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {len(rows)} outputs to {DATA}")


# ----------------------------------------------------------------------------------------------- measure

def load(path: Path = DATA) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def span_of(output: str, text: str, occurrence: int) -> tuple[int, int]:
    """Character span of the ``occurrence``-th (0-based) occurrence of ``text`` in ``output``."""
    start = -1
    for _ in range(occurrence + 1):
        start = output.find(text, start + 1)
        if start < 0:
            raise ValueError(f"{text!r} (occurrence {occurrence}) not in output")
    return start, start + len(text)


@dataclass
class Tally:
    outputs: int = 0
    labels: Counter[str] = field(default_factory=Counter)
    invented_by_kind: Counter[str] = field(default_factory=Counter)
    caught_by_kind: Counter[str] = field(default_factory=Counter)
    supported_by_kind: Counter[str] = field(default_factory=Counter)
    flagged_by_kind: Counter[str] = field(default_factory=Counter)
    structural_flagged: int = 0
    missed: list[str] = field(default_factory=list)
    supported_alarms: list[str] = field(default_factory=list)
    structural_alarms: list[str] = field(default_factory=list)
    extra_flags: list[str] = field(default_factory=list)
    #: unlabelled flags not adjudicated ``correct_flag`` in the data: checker false alarms
    extra_false: int = 0
    #: the same rates without the labels marked ``borderline`` (judgement calls of the annotator)
    firm_invented: int = 0
    firm_caught: int = 0
    firm_supported: int = 0
    firm_flagged: int = 0

    @property
    def catch_rate(self) -> float:
        n = sum(self.invented_by_kind.values())
        return sum(self.caught_by_kind.values()) / n if n else 1.0

    @property
    def combined_false_alarm_rate(self) -> float:
        """As tests/ground/test_grounding_cases.py defines it: every flag on a non-invented span or on text
        with no label (less the adjudicated-correct ones), over supported + structural + such flags."""
        alarms = sum(self.flagged_by_kind.values()) + self.structural_flagged + self.extra_false
        n = self.labels["supported"] + self.labels["structural"] + self.extra_false
        return alarms / n if n else 0.0

    @property
    def supported_false_alarm_rate(self) -> float:
        n = sum(self.supported_by_kind.values())
        return sum(self.flagged_by_kind.values()) / n if n else 0.0


def evaluate(rows: list[dict[str, Any]]) -> Tally:
    from wenan.ground import NUMERIC_KINDS, Source, check
    from wenan.write import parse_brief

    tally = Tally(outputs=len(rows))
    for row in rows:
        out = row["output"]
        sources = [Source(id=i, text=t) for i, t in parse_brief(row["brief"]).source_fields()]
        report = check(out, sources)
        # The pipeline's ungrounded_number flag: unsupported claims of a numeric kind.
        flags = [c.claim for c in report.claims if not c.supported and c.claim.kind in NUMERIC_KINDS]
        spans = []
        for lab in row["claims"]:
            s, e = span_of(out, lab["text"], lab.get("occurrence", 0))
            spans.append((s, e))
            hits = [f for f in flags if f.start < e and s < f.end]
            kind = lab.get("kind", "?")
            where = f"{row['id']}: {lab['text']!r} ({kind})"
            tally.labels[lab["label"]] += 1
            firm = not lab.get("borderline", False)
            if lab["label"] == "invented":
                tally.invented_by_kind[kind] += 1
                tally.firm_invented += firm
                tally.firm_caught += firm and bool(hits)
                if hits:
                    tally.caught_by_kind[kind] += 1
                else:
                    found = [c.claim for c in report.claims if c.claim.start < e and s < c.claim.end]
                    how = ("extracted as " + ", ".join(f"{c.kind}={c.value!r} supported" for c in found)
                           if found else "not extracted")
                    tally.missed.append(f"{where} — {how}")
            elif lab["label"] == "supported":
                tally.supported_by_kind[kind] += 1
                tally.firm_supported += firm
                tally.firm_flagged += firm and bool(hits)
                if hits:
                    tally.flagged_by_kind[kind] += 1
                    tally.supported_alarms.append(
                        f"{where} — flagged {', '.join(f'{f.kind}={f.value!r}' for f in hits)}")
            elif hits:
                tally.structural_flagged += 1
                tally.structural_alarms.append(f"{where} — flagged {', '.join(f'{f.kind}={f.value!r}' for f in hits)}")
        for f in flags:
            if not any(s < f.end and f.start < e for s, e in spans):
                ctx = out[max(0, f.start - 8): f.end + 8].replace("\n", "⏎")
                ok = any(a["text"] == f.text and a["verdict"] == "correct_flag"
                         for a in row.get("adjudicated_after_measure", []))
                tally.extra_false += not ok
                verdict = "adjudicated: correct flag, annotator miss" if ok else "counted as a false alarm"
                tally.extra_flags.append(f"{row['id']}: {f.text!r} ({f.kind}={f.value!r}) in …{ctx}… — {verdict}")
    return tally


def table(t: Tally) -> str:
    kinds = sorted(set(t.invented_by_kind) | set(t.supported_by_kind))
    lines = ["| kind | invented | caught | catch rate | supported | flagged | false-alarm rate |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for k in kinds:
        inv, cau = t.invented_by_kind[k], t.caught_by_kind[k]
        sup, fl = t.supported_by_kind[k], t.flagged_by_kind[k]
        lines.append(f"| {k} | {inv} | {cau} | {f'{100 * cau / inv:.1f}%' if inv else '—'} | {sup} | {fl} | "
                     f"{f'{100 * fl / sup:.1f}%' if sup else '—'} |")
    inv, sup = sum(t.invented_by_kind.values()), sum(t.supported_by_kind.values())
    caught, flagged = sum(t.caught_by_kind.values()), sum(t.flagged_by_kind.values())
    lines.append(f"| **all** | **{inv}** | **{caught}** | **{100 * t.catch_rate:.1f}%** "
                 f"| **{sup}** | **{flagged}** | **{100 * t.supported_false_alarm_rate:.1f}%** |")
    return "\n".join(lines)


def render(t: Tally, adjudication: str) -> str:
    structural = t.labels["structural"]
    invented, caught = sum(t.invented_by_kind.values()), sum(t.caught_by_kind.values())
    supported, flagged = sum(t.supported_by_kind.values()), sum(t.flagged_by_kind.values())
    borderline = t.labels["invented"] + t.labels["supported"] - t.firm_invented - t.firm_supported

    def bullets(items: list[str]) -> str:
        return "\n".join(f"- {x}" for x in items) if items else "- (none)"

    return f"""# Grounding checker — blind evaluation on real embedded-model outputs

Command: `python benchmarks/eval_grounding_blind.py --measure`
(outputs generated once with `python benchmarks/eval_grounding_blind.py --generate`: Gemma-3-270M embedded
model, `LocalModel(threads=1)`, real channel templates, 20 briefs × seeds {list(SEEDS)}, temperature 0.8,
max_tokens 160). Data: `tests/ground/data/blind_real_outputs.jsonl`. Test: `tests/ground/test_blind_real_outputs.py`.

Labels were written by hand for every output before the checker was run on any of them. Sources given to the
checker: the brief's fields (`Brief.source_fields()`), as the write pipeline does without a knowledge base;
a flag is an unsupported claim of a numeric kind (the pipeline's `ungrounded_number`).

Outputs: **{t.outputs}**; labelled claims: **{sum(t.labels.values())}** ({t.labels['invented']} invented, \
{t.labels['supported']} supported, {structural} structural; {borderline} of them marked `borderline`).

{table(t)}

| measure | value | bar |
|---|---:|---:|
| catch rate on invented claims | **{100 * t.catch_rate:.1f}%** ({caught}/{invented}) | ≥ 95% |
| false-alarm rate on supported claims | **{100 * t.supported_false_alarm_rate:.1f}%** ({flagged}/{supported}) | ≤ 5% |
| structural numbers flagged | **{t.structural_flagged} / {structural}** | — |
| flags on unlabelled text | {len(t.extra_flags)} ({t.extra_false} counted as false alarms) | — |
| combined false-alarm rate (supported + structural + unlabelled, as `test_grounding_cases.py`) | \
**{100 * t.combined_false_alarm_rate:.1f}%** | ≤ 5% there |
| catch rate without `borderline` labels | {100 * t.firm_caught / t.firm_invented:.1f}% \
({t.firm_caught}/{t.firm_invented}) | — |
| supported false alarms without `borderline` labels | {100 * t.firm_flagged / t.firm_supported:.1f}% \
({t.firm_flagged}/{t.firm_supported}) | — |

## Invented claims the checker missed

{bullets(t.missed)}

## Supported claims the checker flagged

{bullets(t.supported_alarms)}

## Structural numbers the checker flagged

{bullets(t.structural_alarms)}

## Flags on unlabelled text

{bullets(t.extra_flags)}

{ADJUDICATION_MARK}
{adjudication.strip() or '## Adjudication' + chr(10) + chr(10) + '(to be written)'}
"""


def measure() -> Tally:
    tally = evaluate(load())
    adjudication = ""
    if OUT.exists() and ADJUDICATION_MARK in (old := OUT.read_text(encoding="utf-8")):
        adjudication = old.split(ADJUDICATION_MARK, 1)[1]
    OUT.write_text(render(tally, adjudication), encoding="utf-8")
    print(table(tally))
    for name, items in (("missed", tally.missed), ("supported flagged", tally.supported_alarms),
                        ("structural flagged", tally.structural_alarms), ("extra flag", tally.extra_flags)):
        for x in items:
            print(f"  {name}: {x}")
    print(f"wrote {OUT}")
    return tally


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--generate", action="store_true", help="generate outputs with the embedded model")
    group.add_argument("--measure", action="store_true", help="run the checker against the hand labels")
    ap.add_argument("--force", action="store_true", help="with --generate: overwrite labelled data")
    args = ap.parse_args()
    if args.generate:
        generate(args.force)
    else:
        measure()


if __name__ == "__main__":
    main()
