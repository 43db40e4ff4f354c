"""Failure classes found on the third blind set, tested with copy written for these tests (not the set's)."""

from __future__ import annotations

import pytest

from wenan.comply import check


def _cats(text: str, industry: str = "general", channel: str = "ecommerce") -> set[str]:
    return {v.category for v in check(text, channel=channel, industry=industry).violations}


PROMO_CONTRADICTIONS = [
    "立减80元！以前卖259，现在只要219",          # 259 - 219 = 40, not 80
    "少花了150块！门市价499，今天389",           # 110, not 150
    "买三送一，等于打了5折",                      # 3 of 4 paid: 7.5折
    "这份礼包完全免费，下单付9.9就能拿走",
    "原价陆拾元，现价柒拾伍元",                  # capital numerals, 60 < 75
    "全场⑤折，260元的外套折后199元",              # 5折 of 260 is 130
    "周年庆仅此一天，明天同样优惠",
]
PROMO_CONSISTENT = [
    "立减40元！以前卖259，现在只要219",
    "买三送一，等于打了7.5折",
    "全场⑤折，260元的外套折后130元",
    "原价柒拾伍元，现价陆拾元",
    "今天18点开抢，原价99元，直降20元",
    "周年庆仅此一天，明天恢复原价",
    "免费领取，仅需支付邮费9.9元",
]


@pytest.mark.parametrize("text", PROMO_CONTRADICTIONS)
def test_promo_arithmetic_contradictions_are_reported(text: str) -> None:
    assert "false_promo" in _cats(text)


@pytest.mark.parametrize("text", PROMO_CONSISTENT)
def test_consistent_promo_arithmetic_is_not_reported(text: str) -> None:
    assert "false_promo" not in _cats(text)
