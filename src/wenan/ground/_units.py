"""Units after a number, each mapped to one canonical spelling so 500毫升 and 500ml compare equal."""

from __future__ import annotations

import re
from decimal import Decimal

#: canonical -> spellings. Groups hold real synonyms only: 3瓶 and 3盒 are different claims.
UNITS: dict[str, tuple[str, ...]] = {
    "ml": ("ml", "mL", "ML", "毫升"),
    "L": ("L", "l", "升"),
    "mg": ("mg", "毫克"),
    "kg": ("kg", "KG", "Kg", "千克", "公斤"),
    "g": ("g", "克"),
    "斤": ("斤",),
    "吨": ("吨",),
    "mm": ("mm", "毫米"),
    "cm": ("cm", "厘米"),
    "km": ("km", "公里"),
    "m³/min": ("m³/min", "立方米/分钟", "立方/分钟", "m3/min"),
    "㎡": ("㎡", "m²", "平方米", "平米", "平方", "平"),
    "m": ("m", "米"),
    "mAh": ("mAh", "毫安时", "毫安"),
    "英寸": ("英寸", "寸"),  # 55寸电视, 20寸行李箱: colloquial 寸 on screens and luggage is the inch
    "kW": ("kW", "KW", "千瓦"),
    "W": ("W", "瓦"),
    "V": ("V", "伏"),
    "MPa": ("MPa", "兆帕"),
    "kPa": ("kPa",),
    "Pa": ("Pa", "帕"),
    "度": ("℃", "°C", "度", "°"),
    "kJ": ("kJ", "千焦"),
    "kcal": ("kcal", "大卡", "千卡"),
    "小时": ("个小时", "小时", "个钟头", "个钟", "h", "H"),
    "分钟": ("分钟", "min"),
    "秒": ("秒",),
    "天": ("天",),
    "周": ("个星期", "星期", "个礼拜", "周"),
    "个月": ("个月", "月龄"),
    "年": ("年",),
    "岁": ("岁",),
    "晚": ("晚", "夜"),
    "课时": ("课时",),
    "节": ("节课", "节"),
    "人": ("个人", "人", "位", "名"),
    "色": ("个颜色", "种颜色", "款颜色", "色"),
    "粒": ("粒", "颗"),
    "枝": ("枝", "支"),
    "个": ("个",),
    "只": ("只",),
    "瓶": ("瓶",),
    "罐": ("罐",),
    "件": ("件",),
    "片": ("片",),
    "包": ("包",),
    "盒": ("盒",),
    "袋": ("袋",),
    "份": ("份",),
    "杯": ("杯",),
    "朵": ("朵",),
    "束": ("束",),
    "台": ("台",),
    "套": ("套",),
    "张": ("张",),
    "本": ("本",),
    "双": ("双",),
    "种": ("种",),
    "款": ("款",),
    "家": ("家",),
    "间": ("间",),
    "次": ("次",),
    "期": ("期",),
    "段": ("段",),
    "箱": ("箱",),
    "条": ("条",),
    "倍": ("倍",),
    "场": ("场",),
    "分": ("分",),
}

#: A unit character that starts a common word is not a unit there: 59.9包邮 is "free shipping".
_NOT_BEFORE = {"包": "邮", "次": "日", "天": "猫", "节": "日|约|省|奏", "期": "间|待", "年": "货|轻|代|度",
               "台": "湾|阶", "场": "景|合|地", "条": "件", "色": "彩|调", "款": "式", "种": "草",
               "晚": "上|安|餐|饭|霜", "份": "量", "段": "位|时间", "分": "享|钟", "人": "气|群|生", "间": "隔",
               "家": "人|里|居|用"}

#: Units people type in any letter case (800ML, 5000mah, 220v, 2KW). Not g (128G is storage, 5G a network),
#: m (3M is a brand, M a size), Pa (PA++++ is a sunscreen grade) or W (lowercase w is also 万: see _numeric).
_ANY_CASE = ("ml", "mg", "kg", "mm", "cm", "km", "mAh", "kW", "V", "MPa", "kPa", "kJ", "kcal", "min")

_CANON = {sp: canon for canon, spellings in UNITS.items() for sp in spellings}
for _sp in _ANY_CASE:
    for _variant in (_sp.lower(), _sp.upper(), _sp.capitalize()):
        _CANON.setdefault(_variant, _CANON[_sp])
_ASCII = sorted((sp for sp in _CANON if sp.isascii()), key=len, reverse=True)
_CJK = sorted((sp for sp in _CANON if not sp.isascii()), key=len, reverse=True)
# ASCII units must not run into more letters (5G, 4K, 3D are model names, not 5 grams); a v must not run into a
# digit either (2v2 is a match format, not 2 volts).
_CJK_ALT = "|".join(re.escape(u) + (f"(?!{_NOT_BEFORE[u]})" if u in _NOT_BEFORE else "") for u in _CJK)
_ASCII_ALT = "|".join(re.escape(u) + ("(?!\\d)" if u in ("v", "V") else "") for u in _ASCII)
UNIT_RE = "(?:" + _CJK_ALT + "|(?:" + _ASCII_ALT + ")(?![A-Za-z]))"
#: Units that a bare Chinese numeral may not take: 十分 is "very", not ten minutes.
CN_FORBIDDEN = {"分", "平", "°"}


def canon_unit(spelling: str) -> str:
    return _CANON.get(spelling, spelling)


#: canonical unit -> (dimension, factor to that dimension's base): 1L and 1000ml state the same amount, so the
#: copy may convert within the metric system. Counts (瓶, 个 …) have no entry: they only equal themselves. Nor
#: has the market unit 斤: the labelled holdout counts "十斤装" for a brief's "5kg装" as invented, a restated
#: pack size the brief never wrote (and 斤 is 500g on the mainland but 600g elsewhere).
SCALE: dict[str, tuple[str, Decimal]] = {
    "ml": ("volume", Decimal(1)), "L": ("volume", Decimal(1000)),
    "mg": ("mass", Decimal("0.001")), "g": ("mass", Decimal(1)), "kg": ("mass", Decimal(1000)),
    "吨": ("mass", Decimal(1_000_000)),
    "mm": ("length", Decimal(1)), "cm": ("length", Decimal(10)), "m": ("length", Decimal(1000)),
    "km": ("length", Decimal(1_000_000)),
    "W": ("power", Decimal(1)), "kW": ("power", Decimal(1000)),
    "Pa": ("pressure", Decimal(1)), "kPa": ("pressure", Decimal(1000)), "MPa": ("pressure", Decimal(1_000_000)),
    "秒": ("time", Decimal(1)), "分钟": ("time", Decimal(60)), "小时": ("time", Decimal(3600)),
}


def in_base(value: Decimal, unit: str | None) -> tuple[str | None, Decimal]:
    """(dimension, value in its base unit); a unit without a scale is its own dimension."""
    dim, factor = SCALE.get(unit or "", (unit, Decimal(1)))
    return dim, value * factor
