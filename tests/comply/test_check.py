"""``check`` and ``fix``: hard cases, channel and industry scoping, the report contract."""

from __future__ import annotations

import json

import pytest

import wenan.comply as comply
from wenan.comply import CATEGORIES, Report, Violation, check, fix
from wenan.exceptions import UnknownNameError, UserError

HARD_NEGATIVES = [
    "最近皮肤状态很稳定",
    "活动最后一天，记得下单",
    "第一次用就爱上了",
    "面料：100%棉，亲肤透气",
    "我最喜欢这个颜色",
    "这款是我们家卖得最好的",
    "据欧睿国际2023年数据，本品牌在中国市场零售额排名第一",
    "开封后最好冷藏保存",
    "最佳赏味期为30天",
    "销量第一次突破十万件",
    "唯一的缺点是有点贵",
    "这里是国家级自然保护区",
    "支持微信支付",
    "包裹已到达转运中心",
    "本品不能代替药物",
    "确保过程顺利",
    "做最好的自己",
    "最多可容纳8人",
]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
@pytest.mark.parametrize("channel", [None, "xiaohongshu"])
def test_hard_negatives_are_clean(text: str, channel: str | None) -> None:
    report = check(text, channel=channel)
    assert report.ok, report.violations


POSITIVES = [
    ("全网最低，冲！", "general", "absolute", "全网最低"),
    ("销量第一的口红", "general", "absolute", "第一"),
    ("国家级品质", "general", "absolute", "国家级"),
    ("这支最好用", "general", "absolute", "最好用"),
    ("喝了能治疗失眠", "general", "medical", "治疗"),
    ("敏感肌专用药妆", "cosmetics", "cosmetics", "药妆"),
    ("孩子喝了提高免疫力", "food", "health_food", "提高免疫力"),
    ("这款理财保本保收益", "finance", "finance", "保本保收益"),
    ("零基础也能保过", "education", "education", "保过"),
    ("大师开光的貔貅手串", "general", "superstition", "开光"),
    ("原价99现价199", "general", "false_promo", "原价99现价199"),
    ("卫健委推荐的健康饮品", "general", "authority", "卫健委推荐"),
    ("98%的用户都说好用", "general", "unsupported_data", "98%的用户"),
]


@pytest.mark.parametrize(("text", "industry", "category", "span"), POSITIVES)
def test_positives(text: str, industry: str, category: str, span: str) -> None:
    report = check(text, industry=industry)
    assert any(v.category == category and v.text == span for v in report.violations), report.violations


def test_contact_is_channel_dependent() -> None:
    text = "喜欢的姐妹加微信 abc12345 领券"
    assert check(text, channel="xiaohongshu").violations[0].category == "contact"
    assert check(text, channel="douyin").violations[0].category == "contact"
    for channel in ("moments", "ecommerce"):  # private feed; detail pages routinely list customer service
        report = check(text, channel=channel)
        assert report.ok and not report.advisories
    unknown = check(text)
    assert unknown.ok
    assert [a.category for a in unknown.advisories] == ["contact"]
    assert unknown.advisories[0].text == text[unknown.advisories[0].start:unknown.advisories[0].end]


def test_other_platform_diversion_only_where_it_matters() -> None:
    assert not check("某宝搜同款", channel="xiaohongshu").ok
    assert check("某宝搜同款", channel="ecommerce").ok
    assert check("售后请拨打400-800-1234", channel="ecommerce").ok


def test_industry_scoping() -> None:
    assert not check("美白精华", industry="cosmetics").ok
    assert check("美白精华").ok  # 美白 is only a special-cosmetics claim when the copy is cosmetics
    assert check("美白精华（国妆特字G20230001）", industry="cosmetics").ok
    assert check("每天一杯，降血压", industry="food").violations[0].category == "health_food"
    assert check("每天一杯，降血压").violations[0].category == "medical"
    assert check("本院擅长治疗失眠", industry="medical").ok  # a clinic may describe treatment
    assert check("助眠香薰").ok and not check("助眠茶饮", industry="food").ok


def test_medical_rules_are_harder_in_medical_copy() -> None:
    assert check("皮肤科医生推荐").violations[0].severity == "medium"
    assert check("皮肤科医生推荐", industry="medical").violations[0].severity == "high"
    assert not check("疗效优于同类药物", industry="medical").ok


def test_chinese_industry_and_channel_names_resolve() -> None:
    assert check("美白精华", industry="美妆").industry == "cosmetics"
    assert check("x", channel="小红书").channel == "xiaohongshu"


@pytest.mark.parametrize(("kwargs", "kind"), [
    ({"channel": "weibo"}, "渠道"),
    ({"industry": "spaceships"}, "行业"),
])
def test_unknown_names_raise(kwargs: dict[str, str], kind: str) -> None:
    with pytest.raises(UnknownNameError) as err:
        check("文案", **kwargs)
    assert err.value.kind == kind and err.value.known


def test_advisories_are_never_violations() -> None:
    report = check("稳健理财，年化收益透明", industry="finance")
    assert report.ok and [a.rule for a in report.advisories] == ["finance.risk_warning"]
    assert not check("稳健理财。理财有风险，投资需谨慎", industry="finance").advisories
    health = check("每天两粒", industry="health_food")
    assert [a.rule for a in health.advisories] == ["health_food.not_medicine"]


def test_deadline_conflict_and_price_maths() -> None:
    text = "6月18日最后一天！\n错过再等一年，6月20日最后一天"
    report = check(text)
    assert [v.rule for v in report.violations] == ["false_promo.deadline_conflict"]
    assert "6月20日" in report.violations[0].text
    assert check("6月18日最后一天！\n6月18日最后一天").ok
    assert not check("原价100元，3折只要50元").ok
    assert check("原价199，5折只要99.5").ok
    assert check("原价299，领券后到手199").ok


def test_report_contract() -> None:
    report = check("全网最低价，这支最好用")
    assert isinstance(report, Report) and not report.ok
    data = report.to_dict()
    assert set(data) == {"violations", "advisories"}
    keys = {"start", "end", "text", "category", "severity", "rule", "basis", "explanation", "suggestions"}
    for item in data["violations"]:
        assert set(item) == keys
        assert item["category"] in CATEGORIES and item["severity"] in {"high", "medium", "low"}
        assert isinstance(item["suggestions"], list) and item["suggestions"]
    json.dumps(data, ensure_ascii=False)
    assert [v.start for v in report.violations] == sorted(v.start for v in report.violations)


def test_empty_and_whitespace_text_is_clean() -> None:
    assert check("").ok and check("   \n").ok


def test_non_string_input_is_a_user_error() -> None:
    with pytest.raises(UserError):
        check(b"bytes")  # type: ignore[arg-type]


def test_fix_replaces_with_first_suggestion() -> None:
    text = "全网最低价！这支最好用，加微信 abc12345"
    report = check(text, channel="xiaohongshu")
    fixed = fix(text, report)
    assert fixed == "超值价！这支很好用，私信咨询"
    assert check(fixed, channel="xiaohongshu").ok
    assert fix(text, report) == fixed  # deterministic


def test_fix_deletes_on_empty_suggestion_and_skips_overlaps() -> None:
    text = "100%有效"
    assert fix(text, check(text)) == "有效"
    overlapping = [Violation(0, 4, "全网最低", "absolute", "high", "r", "b", "e", ["A"]),
                   Violation(2, 4, "最低", "absolute", "high", "r", "b", "e", ["B"])]
    assert fix("全网最低价", overlapping) == "A价"


def test_fix_rejects_a_report_for_another_text() -> None:
    report = check("全网最低价")
    with pytest.raises(UserError):
        fix("完全不同的文本", report)


def test_public_names() -> None:
    for name in comply.__all__:
        assert getattr(comply, name) is not None
    with pytest.raises(AttributeError):
        comply.nope  # noqa: B018
