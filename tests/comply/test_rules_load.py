"""Rule packs are validated data: they load, reject unknown keys, cover every category, and their own
worked examples behave (hit examples are hit, ok examples are not, and the fix for a hit is clean)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from wenan.comply import CATEGORIES, CHANNELS, INDUSTRIES, check, fix
from wenan.comply._schema import Rule, load_pack, load_packs, load_variants
from wenan.exceptions import TemplateError

RULES = [rule for pack in load_packs() for rule in pack.rules]


def _scope(rule: Rule) -> tuple[str | None, str]:
    """A channel and industry in which ``rule`` applies as a violation."""
    channel = rule.channels[0] if rule.channels else None
    industry = next(i for i in (rule.industries or INDUSTRIES) if rule.applies(i))
    return channel, industry


def test_every_category_has_rules_and_every_pack_cites_sources() -> None:
    assert {r.category for r in RULES} == set(CATEGORIES)
    for pack in load_packs():
        assert pack.sources, pack.pack
        assert all(s.title and s.covers for s in pack.sources)


def test_rule_ids_are_unique_and_prefixed_by_category() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert all(r.id.split(".")[0] == r.category for r in RULES)


def test_every_rule_has_examples_and_chinese_explanation() -> None:
    for rule in RULES:
        assert rule.examples.hit, rule.id
        assert any("\u4e00" <= ch <= "\u9fff" for ch in rule.explanation), rule.id


def test_variants_load_and_fill_contact_placeholders() -> None:
    variants = load_variants()
    assert "v信" in variants.contact["wechat"] and "扣扣" in variants.contact["qq"]
    assert "zui" in variants.lexicon["最"]


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(body, encoding="utf-8")
    return path


GOOD = """\
pack: demo
title: 演示
sources:
  - title: 《广告法》
    covers: 全部
rules:
  - id: absolute.demo
    category: absolute
    severity: high
    basis: 《广告法》第九条
    explanation: 演示规则说明
    suggestions: [很好]
    terms: [最棒]
"""


def test_load_pack_accepts_a_valid_file(tmp_path: Path) -> None:
    pack = load_pack(_write(tmp_path, GOOD))
    assert pack.rules[0].terms == ["最棒"]


@pytest.mark.parametrize("broken", [
    GOOD + "    colour: red\n",  # unknown key inside a rule
    GOOD + "extra: 1\n",  # unknown key at the top
    GOOD.replace("category: absolute", "category: spam"),  # unknown category
    GOOD.replace("severity: high", "severity: fatal"),
    GOOD.replace("    terms: [最棒]\n", ""),  # nothing to match
    GOOD.replace("    suggestions: [很好]\n", "    suggestions: []\n"),
    GOOD.replace("sources:\n  - title: 《广告法》\n    covers: 全部\n", "sources: []\n"),
    GOOD + "    industries: [spaceships]\n",
    GOOD + "    channels: [weibo]\n",
    "pack: [unclosed\n",
])
def test_load_pack_rejects_invalid_files(tmp_path: Path, broken: str) -> None:
    with pytest.raises(TemplateError):
        load_pack(_write(tmp_path, broken))


def test_rule_model_forbids_extra_fields() -> None:
    with pytest.raises(ValidationError):
        Rule.model_validate({"id": "absolute.x", "category": "absolute", "severity": "high", "basis": "依据",
                             "explanation": "这是说明", "suggestions": ["a"], "terms": ["最"], "oops": 1})


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_examples(rule: Rule) -> None:
    channel, industry = _scope(rule)
    for text in rule.examples.hit:
        report = check(text, channel=channel, industry=industry)
        assert any(v.rule == rule.id for v in report.violations), (text, report.violations)
        for v in report.violations:
            assert text[v.start:v.end] == v.text
        fixed = fix(text, report)
        assert not check(fixed, channel=channel, industry=industry).violations, (text, fixed)
    for text in rule.examples.ok:
        report = check(text, channel=channel, industry=industry)
        assert not any(v.rule == rule.id for v in report.violations), (text, report.violations)


def test_channels_and_industries_are_documented() -> None:
    assert set(CHANNELS) == {"moments", "xiaohongshu", "douyin", "ecommerce"}
    expected = {"general", "cosmetics", "food", "health_food", "medical", "finance", "education"}
    assert expected <= set(INDUSTRIES)
