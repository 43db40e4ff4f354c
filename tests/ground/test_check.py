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
