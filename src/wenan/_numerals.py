"""Chinese numerals (一百九十九, 三千五, 两万) read as numbers: shared by grounding and compliance."""

from __future__ import annotations

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}
CN_CHARS = "零〇一二两三四五六七八九十百千万亿"


def parse_cn(s: str) -> int | None:
    """一百九十九 -> 199, 十一 -> 11, 两万 -> 20000. None for strings that are not a well-formed numeral.

    Digit-by-digit strings (二零二四, 九五) are rejected here on purpose: they are years or discount
    codes and only the callers that know the context read them with :func:`parse_cn_digits`.
    """
    if not s or any(ch not in CN_CHARS for ch in s):
        return None
    if len(s) > 1 and all(ch in CN_DIGITS for ch in s):
        return None
    total = section = 0
    number: int | None = None
    prev_unit = 10**12
    last_unit = 0  # unit written right before the final digit: 一万二 = 12000, 三千五 = 3500
    for i, ch in enumerate(s):
        if ch in CN_DIGITS:
            if number is not None and ch not in "零〇":
                return None  # two digits in a row without a unit: 三五 (approximate), not a numeral
            number = CN_DIGITS[ch] if ch not in "零〇" else None
            prev = s[i - 1] if i else ""
            last_unit = _CN_SMALL.get(prev) or _CN_BIG.get(prev) or 0
        elif ch in _CN_SMALL:
            unit = _CN_SMALL[ch]
            if unit >= prev_unit:
                return None
            section += (number if number is not None else 1) * unit
            number, prev_unit, last_unit = None, unit, 0
        else:
            big = _CN_BIG[ch]
            total += (section + (number or 0)) * big
            section, number, prev_unit, last_unit = 0, None, 10**12, 0
    if number is not None and last_unit >= 100:
        number *= last_unit // 10
    return total + section + (number or 0)


def parse_cn_digits(s: str) -> str | None:
    """二零二四 -> '2024', 九五 -> '95' (digit-by-digit reading)."""
    if not s or any(ch not in CN_DIGITS for ch in s):
        return None
    return "".join(str(CN_DIGITS[ch]) for ch in s)
