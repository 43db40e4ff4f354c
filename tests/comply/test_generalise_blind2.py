"""Failure classes found by the third labelled set (no longer blind), each tested with fresh wordings.

None of these sentences is taken from ``benchmarks/data/comply_blind2_cases.jsonl``: they exercise the general
mechanism behind each class (pinyin put back by the normaliser, stylised digits and letters folded, paraphrased
claims, allow-contexts, one claim reported once), not the cases that revealed it.
"""

from __future__ import annotations

import pytest

from wenan.comply import check
from wenan.comply._normalise import fold, skeleton

# (text, channel, industry, category that must be reported)
POSITIVES = [
    # 1. one character of a claim word written in pinyin
    ("这款颈枕能zhi疗颈椎病", None, "general", "medical"),
    ("这瓶爽肤水kang敏又kang炎", None, "cosmetics", "cosmetics"),
    ("苦瓜片泡水喝能jiang血糖", None, "food", "health_food"),
    ("门口摆一只金蟾zhao财", None, "general", "superstition"),
    ("部队te供的大米", None, "food", "authority"),
    ("这只基金bao本又稳zhuan", None, "finance", "finance"),
    ("有问题加我wei信 fresh_fruit01", "douyin", "general", "contact"),
]


@pytest.mark.parametrize(("text", "channel", "industry", "category"), POSITIVES)
def test_blind2_classes_positive(text: str, channel: str | None, industry: str, category: str) -> None:
    report = check(text, channel=channel, industry=industry)
    assert category in {v.category for v in report.violations}, report.violations
    for v in report.violations:
        assert text[v.start : v.end] == v.text


NEGATIVES: list[tuple[str, str | None, str]] = [
    # pinyin inside English words or brand names is left alone
    ("Zhiyun 稳定器拍视频很稳", None, "general"),
    ("Kangaroo 袋鼠图案的卫衣", None, "general"),
]


@pytest.mark.parametrize(("text", "channel", "industry"), NEGATIVES)
def test_blind2_classes_negative(text: str, channel: str | None, industry: str) -> None:
    assert not check(text, channel=channel, industry=industry).violations


def test_pinyin_syllable_maps_back_to_the_input() -> None:
    sk = skeleton(fold("能zhi疗鼻炎"))
    assert sk.text == "能治疗鼻炎"
    assert sk.span(1, 3) == (1, 5)  # 治疗 → zhi疗
    assert sk.span(1, 2) == (1, 4)  # 治 alone → zhi
    assert sk.span(3, 5) == (5, 7)
    text = "这款贴片kang炎"
    (v,) = check(text, industry="cosmetics").violations
    assert v.text == "kang炎" == text[v.start : v.end]


def test_stylised_digits_and_letters_fold_one_to_one() -> None:
    assert fold("②⑤❽➃") == "2584"
    assert fold("ⓦⓧ🅥Ⓥ") == "wxvv"
    assert fold("第Ⅱ名") == "第2名"
    assert len(fold("①Ⅻⓥ")) == 3
