"""Units after a number, each mapped to one canonical spelling so 500毫升 and 500ml compare equal."""

from __future__ import annotations

import re

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

_CANON = {sp: canon for canon, spellings in UNITS.items() for sp in spellings}
_ASCII = sorted((sp for sp in _CANON if sp.isascii()), key=len, reverse=True)
_CJK = sorted((sp for sp in _CANON if not sp.isascii()), key=len, reverse=True)
# ASCII units must not run into more letters (5G, 4K, 3D are model names, not 5 grams).
_CJK_ALT = "|".join(re.escape(u) + (f"(?!{_NOT_BEFORE[u]})" if u in _NOT_BEFORE else "") for u in _CJK)
UNIT_RE = "(?:" + _CJK_ALT + "|(?:" + "|".join(re.escape(u) for u in _ASCII) + ")(?![A-Za-z]))"
#: Units that a bare Chinese numeral may not take: 十分 is "very", not ten minutes.
CN_FORBIDDEN = {"分", "平", "°"}


def canon_unit(spelling: str) -> str:
    return _CANON.get(spelling, spelling)
