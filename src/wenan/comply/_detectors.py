"""``false_promo`` detectors: price and deadline claims that the text itself proves false.

Only contradictions visible in the copy are reported (原价99现价199; 5折 that does not add up; two different
dates each called 最后一天). Whether a stated 原价 was ever charged cannot be known from text and is not
guessed at.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

_ORIG = (
    r"(?:原价|划线价|专柜价|吊牌价|市场价|日常价|门市价|官方价|零售价|指导价)"
    r"\s*[:：]?\s*[¥￥]?\s*(?P<was>\d+(?:\.\d+)?)"
)
_NOW = (
    r"(?P<now>(?:现价|到手价|活动价|秒杀价|特价|折后价|券后价|惊喜价|限时价|直播价|团购价|优惠价|现在只要|现在仅需"
    r"|现只要|现仅需|今天只要|到手只要|只要|仅需|仅售|只需)\s*[:：]?\s*[¥￥]?\s*(?P<is>\d+(?:\.\d+)?))"
)
_PRICE_PAIR = re.compile(r"(?P<orig>" + _ORIG + r")(?P<mid>[^\n。！？!?]{0,30}?)" + _NOW)
_DISCOUNT = re.compile(r"(?<![\d.])(\d(?:\.\d)?|\d{2})\s*折")
_STACKING = re.compile(r"券|满|减|叠加|红包|补贴|返|积分|会员|再")

_LAST_DAY = re.compile(r"最后\s*(?:一|1)\s*天|仅此\s*(?:一|1)\s*天|只有今天|仅限今天|就在今天")
_DAY = re.compile(r"(?<!\d)(\d{1,2})\s*(?:月\s*|[./-])(\d{1,2})(?!\d)\s*[日号]?")


@dataclass(slots=True)
class Found:
    start: int
    end: int
    suggestions: list[str] = field(default_factory=list)
    note: str = ""


def price_inversion(line: str, state: dict[str, Any]) -> list[Found]:
    """原价 not above the price that follows it, or an X折 that does not produce the stated price."""
    out: list[Found] = []
    for m in _PRICE_PAIR.finditer(line):
        was, now = m.group("was"), m.group("is")
        orig = float(was)
        keep = [m.group("now")]
        if float(now) >= orig:
            out.append(Found(m.start(), m.end(), keep, f"标称原价 {was} 不高于现价 {now}"))
            continue
        d = _DISCOUNT.search(m.group("mid"))
        if d is None or _STACKING.search(line[m.start():m.end() + 12]):
            continue
        rate = float(d.group(1))
        rate = rate / 10 if rate >= 10 else rate
        if 0 < rate < 10:
            expected = orig * rate / 10
            if abs(expected - float(now)) > max(1.0, orig * 0.02):
                note = f"{was} 打 {d.group(1)} 折应为 {expected:g}，与所写的 {now} 不符"
                out.append(Found(m.start(), m.end(), keep, note))
    return out


def deadline_conflict(line: str, state: dict[str, Any]) -> list[Found]:
    """The same copy calling two different dates its 最后一天: at least one of them is false."""
    out: list[Found] = []
    for m in _LAST_DAY.finditer(line):
        near = [d for d in _DAY.finditer(line, max(0, m.start() - 14), min(len(line), m.end() + 14))
                if d.end() <= m.start() or d.start() >= m.end()]
        if not near:
            continue
        # The date written closest to the phrase is the one it refers to.
        day = min(near, key=lambda d: m.start() - d.end() if d.end() <= m.start() else d.start() - m.end())
        date = (int(day.group(1)), int(day.group(2)))
        if not (1 <= date[0] <= 12 and 1 <= date[1] <= 31):
            continue
        first = state.setdefault("last_day", date)
        if date != first:
            start, end = min(m.start(), day.start()), max(m.end(), day.end())
            out.append(Found(start, end, ["限时优惠"], f"前文的“最后一天”是 {first[0]}月{first[1]}日"))
    return out


DETECTORS: dict[str, Callable[[str, dict[str, Any]], list[Found]]] = {
    "price_inversion": price_inversion,
    "deadline_conflict": deadline_conflict,
}
#: Detectors whose answer depends on earlier text; they run in document order, never in parallel.
STATEFUL = frozenset({"deadline_conflict"})
