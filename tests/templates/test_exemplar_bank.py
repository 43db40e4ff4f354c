"""Every exemplar is what we want the model to imitate: channel-correct, compliant, and grounded —
each number it states appears in its own brief (the behaviour the grounding checker enforces)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from wenan.channels import count_chars, emoji_count, get_channel, shape
from wenan.templates import Exemplar
from wenan.templates._loader import _package_banks, _package_templates

BANKS = _package_banks()
CASES = [pytest.param(bank, ex, id=ex.id) for bank, exemplars in BANKS.items() for ex in exemplars]

#: Absolute terms (《广告法》第九条), efficacy claims ordinary food/cosmetics may not make, promises.
FORBIDDEN = [
    "最", "第一", "唯一", "首个", "首选", "顶级", "极致", "国家级", "世界级", "100%", "万能", "全网",
    "绝对", "根治", "治愈", "特效", "保证", "包过", "保过", "美白", "祛斑", "祛痘", "抗皱", "排毒",
    "降血", "抗癌", "稳赚", "零风险", "无副作用",
]
#: Off-platform diversion, banned on 小红书 and 抖音.
OFF_PLATFORM = ["微信", "vx", "加v", "电话", "手机号", "http", "www.", "二维码", "淘宝", "拼多多", "私下"]
NUMBER = re.compile(r"\d+(?:\.\d+)?")
SHOT_HEAD = re.compile(r"^镜头\d+（\d+秒）$", re.M)


def _brief_text(brief: dict[str, Any]) -> str:
    parts: list[str] = []
    for value in brief.values():
        if isinstance(value, list):
            parts.extend(value)
        elif value is not None:
            parts.append(str(value))
    return "\n".join(parts)


def test_every_template_has_a_bank() -> None:
    for tpl in _package_templates().values():
        assert tpl.exemplars in BANKS, tpl.id


@pytest.mark.parametrize("bank", sorted(BANKS))
def test_bank_is_big_and_varied(bank: str) -> None:
    exemplars = BANKS[bank]
    assert len(exemplars) >= 8
    assert len({ex.industry for ex in exemplars}) >= 8
    assert len({ex.id for ex in exemplars}) == len(exemplars)


@pytest.mark.parametrize(("bank", "ex"), CASES)
def test_numbers_come_from_the_brief(bank: str, ex: Exemplar) -> None:
    text = SHOT_HEAD.sub("", ex.output)  # shot numbers and seconds are format, not facts
    source = _brief_text(ex.brief)
    invented = [n for n in NUMBER.findall(text) if n not in source]
    assert not invented, f"{ex.id} 的文案里有 brief 中没有的数字：{invented}"


@pytest.mark.parametrize(("bank", "ex"), CASES)
def test_compliant(bank: str, ex: Exemplar) -> None:
    hits = [w for w in FORBIDDEN if w in ex.output]
    assert not hits, f"{ex.id} 含违规用语：{hits}"
    if bank in ("xiaohongshu", "douyin"):
        low = ex.output.lower()
        assert not [w for w in OFF_PLATFORM if w in low], f"{ex.id} 有站外导流"


@pytest.mark.parametrize(("bank", "ex"), CASES)
def test_parses_cleanly_in_its_channel(bank: str, ex: Exemplar) -> None:
    """The pipeline's own parser accepts the exemplar without a single repair or warning."""
    spec = get_channel(bank)
    draft = shape(spec, ex.output, duration=ex.brief["duration"])
    assert not draft.flags, [f.as_dict() for f in draft.flags]
    target = spec.target_chars("short")
    if bank == "moments":
        assert target.min <= count_chars(draft.text) <= spec.length_targets["medium"].max
        assert count_chars(draft.text.splitlines()[0]) <= (spec.habits.hook_max_chars or 30)
    if bank == "xiaohongshu":
        assert draft.title and count_chars(draft.title) <= 20
        assert 3 <= len(draft.tags) <= 10
        assert target.min <= count_chars(draft.text) <= target.max
        paragraphs = [p for p in draft.text.splitlines() if p.strip()]
        assert all(emoji_count(p[:2]) for p in paragraphs), "每段都要以 emoji 开头"
    if bank == "ecommerce":
        assert draft.title and count_chars(draft.title) <= 30
        assert 3 <= len(draft.bullets) <= 6
        assert all(count_chars(b) <= 25 for b in draft.bullets)
        description = ex.output.split("描述：", 1)[1]
        assert 80 <= count_chars(description) <= 200
        assert emoji_count(ex.output) == 0


@pytest.mark.parametrize(("bank", "ex"), [c for c in CASES if c.values[0] == "douyin"])
def test_douyin_timing(bank: str, ex: Exemplar) -> None:
    spec = get_channel("douyin")
    duration = ex.brief["duration"]
    assert duration, f"{ex.id} 需要 brief.duration"
    draft = shape(spec, ex.output, duration=duration)
    seconds = [int(s) for s in re.findall(r"^镜头\d+（(\d+)秒）$", ex.output, re.M)]
    assert sum(seconds) == duration
    assert all(2 <= s <= 6 for s in seconds)
    spoken = sum(count_chars(s.voiceover) for s in draft.shots)
    target = duration * (spec.speaking_rate_cps or 4.0)
    assert abs(spoken - target) <= 0.2 * target, f"口播 {spoken} 字，{duration} 秒应约 {target:.0f} 字"
    assert all(0 < count_chars(s.subtitle) <= 10 for s in draft.shots)
    assert all(s.visual for s in draft.shots)
    assert emoji_count(ex.output) == 0


def test_exemplar_brief_is_validated() -> None:
    good = {"id": "x", "industry": "餐饮", "brief": {"product": "面"}, "output": "好吃"}
    assert Exemplar.model_validate(good).brief["selling_points"] == []
    with pytest.raises(ValueError, match="channel"):
        Exemplar.model_validate({**good, "brief": {"product": "面", "channel": "moments"}})
    with pytest.raises(ValueError, match="未知字段"):
        Exemplar.model_validate({**good, "brief": {"product": "面", "price": 9}})
    with pytest.raises(ValueError, match="Extra inputs|extra"):
        Exemplar.model_validate({**good, "note": "x"})


#: Exemplar industries as the compliance checker names them (anything else is checked as "general").
COMPLY_INDUSTRY = {"餐饮": "food", "烘焙": "food", "农产品": "food", "食品": "food", "美妆护肤": "cosmetics",
                   "教育培训": "education"}


@pytest.mark.parametrize(("bank", "ex"), CASES)
def test_passes_the_products_own_checkers(bank: str, ex: Exemplar) -> None:
    """What wenan's compliance and grounding checks would flag in a generated variant, no exemplar has."""
    from wenan.comply import check as compliance
    from wenan.ground import Source
    from wenan.ground import check as grounding
    from wenan.write.brief import Brief

    draft = shape(get_channel(bank), ex.output, duration=ex.brief["duration"])
    text = SHOT_HEAD.sub("", draft.full_text())
    report = compliance(text, channel=bank, industry=COMPLY_INDUSTRY.get(ex.industry, "general"))
    assert not report.violations, [(v.text, v.explanation) for v in report.violations]
    brief = Brief.model_validate({k: v for k, v in ex.brief.items() if v is not None})
    sources = [Source(id=sid, text=t, title="brief") for sid, t in brief.source_fields()]
    ungrounded = grounding(text, sources).ungrounded
    assert not ungrounded, [(u.claim.text, u.claim.kind) for u in ungrounded]
