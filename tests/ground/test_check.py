"""check(): support by normalised value, citations, polarity, and the public contract."""

from __future__ import annotations

import json

import wenan.ground as ground
from wenan.ground import GroundingReport, Source, check

BRIEF = [
    Source(id="brief.offer", text="开业当周美式咖啡到手价9.9元，全场5折", title="brief"),
    Source(id="brief.facts[0]", text="开业时间：2024年3月8日（周五）晚上8点", title="brief"),
    Source(id="brief.facts[1]", text="上海市静安区南京西路1266号恒隆广场2楼L215，电话021-62881234", title="brief"),
    Source(id="kb:faq#1", text="本品含5%烟酰胺，不含酒精。不得宣称美白功效。", title="常见问题"),
]


def flagged(text: str) -> list[str]:
    return [c.claim.text for c in check(text, BRIEF).ungrounded]


def test_paraphrases_are_supported() -> None:
    assert flagged("美式九块九，全场半价，3.8晚八点开业，周五见") == []
    assert flagged("¥9.9的美式，2024年3月8日开业，订座6288 1234") == []
    assert flagged("📍南京西路1266号恒隆广场二楼") == []
    assert flagged("含烟酰胺，不含酒精") == []


def test_invented_claims_are_flagged() -> None:
    assert flagged("美式只要12元，全场7折") == ["12元", "7折"]
    assert flagged("3月9日晚7点开业") == ["3月9日", "晚7点"]
    assert flagged("南京西路1288号恒隆广场3楼") == ["南京西路1288号恒隆广场3楼"]
    assert flagged("订座电话021-62885678") == ["021-62885678"]
    assert flagged("含烟酰胺和玻尿酸") == ["玻尿酸"]


def test_negated_source_does_not_support() -> None:
    # the KB says 不得宣称美白 and 不含酒精: neither supports the opposite
    assert flagged("坚持用能美白") == ["美白"]
    assert flagged("添加了酒精") == ["酒精"]


def test_citation_points_at_the_source_passage() -> None:
    report = check("3.8开业，美式9.9元", BRIEF)
    cites = {c.claim: c for c in report.citations}
    date = cites["3.8"]
    assert date.source_id == "brief.facts[0]"
    assert BRIEF[1].text[date.start: date.end] == "2024年3月8日"
    assert "2024年3月8日" in date.passage
    assert cites["9.9元"].source_id == "brief.offer"
    assert cites["9.9元"].as_dict()["source_title"] == "brief"


def test_report_is_json_serialisable() -> None:
    report = check("全场7折，3.8开业", BRIEF)
    data = json.loads(report.model_dump_json())
    assert GroundingReport.model_validate(data) == report
    assert [c.claim.text for c in report.ungrounded] == ["7折"]
    assert not report.ok


def test_no_claims_no_flags() -> None:
    report = check("今天的第一杯咖啡☕ 给自己一点仪式感～ #100天咖啡计划", [])
    assert report.claims == [] and report.ok


def test_all_is_the_public_api() -> None:
    assert sorted(ground.__all__) == sorted(
        ["NUMERIC_KINDS", "CheckedClaim", "Citation", "Claim", "ClaimKind", "GroundingReport", "Source", "check",
         "extract_claims"])
    for name in ground.__all__:
        assert hasattr(ground, name)


SHOP = [
    Source(id="brief.offer", text="满99包邮", title="brief"),
    Source(id="brief.facts[0]", text="2kg×3瓶装99元，每次只需15ml，试用装250克", title="brief"),
    Source(id="brief.facts[1]", text="买2斤送半斤，配送范围3公里内", title="brief"),
    Source(id="brief.facts[2]", text="功率800W，容量4L，充满电需90分钟", title="brief"),
    Source(id="brief.facts[3]", text="办卡充500送100，蓬松度650，2-3天发货", title="brief"),
]


def shop_flags(text: str) -> list[str]:
    return [c.claim.text for c in check(text, SHOP).ungrounded]


def test_a_number_without_unit_in_the_source_supports_only_the_same_kind() -> None:
    # 满99包邮 is money: it supports a price, never a count
    assert shop_flags("99瓶装") == ["99瓶"]
    assert shop_flags("满99元包邮，满99包邮") == []
    assert shop_flags("充500元送100元") == []  # 充 makes them money
    assert shop_flags("蓬松度650，只要650元") == ["650元"]  # no money word around 650 in the brief


def test_a_number_without_unit_in_the_copy() -> None:
    # the copy's bare number matches a price (元 dropped) or a bare source number, not a counted one
    assert shop_flags("3瓶装到手99，充500送100") == []
    assert shop_flags("规格(2)，3-4号楼") == ["2", "3", "4"]  # not the 2 of 买2斤 nor the 3 of 3公里
    assert shop_flags("2、3天发货，2或3天到") == []


def test_units_must_agree_but_metric_ones_convert() -> None:
    assert shop_flags("3km内配送，3000米内都送，容量4000mL，90min充满，1.5小时充满") == []
    assert shop_flags("试用装250g，也就是0.25kg") == []
    assert shop_flags("3瓶装，2瓶装，4斤") == ["2瓶", "4斤"]
    assert shop_flags("6kg超大桶") == ["6kg"]  # 2kg×3 is not stated as 6kg


def test_lowercase_w_is_watts() -> None:
    assert shop_flags("功率 800w，大功率800W") == []
    assert shop_flags("功率 900w") == ["900w"]
    assert shop_flags("10w粉丝推荐") == ["10w"]  # 万, not watts: nothing in the brief


def test_unit_spellings_in_any_case_are_supported() -> None:
    assert shop_flags("每次15ML，每次15mL，每次15毫升") == []
    assert shop_flags("九十九元，¥99，99块") == []
