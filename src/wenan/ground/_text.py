"""Text normalisation and Chinese numerals: the layer every extractor shares.

``normalize`` maps full-width ASCII to half-width one character for one character, so every offset
found in the normalised text is also an offset in the original — citations and flags point at what
the user actually sees.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20  # ideographic space


def normalize(text: str) -> str:
    """Full-width digits/letters/punctuation -> ASCII, same length (offsets stay valid)."""
    return text.translate(_FULLWIDTH)


CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}
CN_CHARS = "零〇一二两三四五六七八九十百千万亿"
#: A Chinese numeral run (one char class so regexes stay readable).
CN = f"[{CN_CHARS}]"
#: Arabic number, optionally with thousands separators (¥2,699) and decimals.
NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


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


def to_decimal(s: str) -> Decimal | None:
    """Arabic (with 万/w/k suffix) or Chinese numeral -> Decimal."""
    s = s.strip().replace(",", "")
    mult = Decimal(1)
    if s and s[-1] in "万wW":
        mult, s = Decimal(10_000), s[:-1]
    elif s and s[-1] in "千kK" and s[:-1].replace(".", "").isdigit():
        mult, s = Decimal(1000), s[:-1]
    if not s:
        return None
    try:
        return Decimal(s) * mult
    except InvalidOperation:
        pass
    value = parse_cn(s)
    return Decimal(value) * mult if value is not None else None


def fmt(value: Decimal | int | float) -> str:
    """Canonical decimal text: 99.00 -> '99', 9.90 -> '9.9'."""
    d = Decimal(str(value)).normalize()
    text = format(d, "f")
    return text if "." not in text else text.rstrip("0").rstrip(".")


#: Clause boundaries: negation and absence markers only reach back to the start of their clause.
CLAUSE_END = re.compile(r"[，,。.!！?？；;\n：:|｜]")


def clause_start(text: str, pos: int) -> int:
    """Index where the clause holding ``pos`` starts."""
    best = 0
    for m in CLAUSE_END.finditer(text, 0, pos):
        best = m.end()
    return best


def sentence_around(text: str, start: int, end: int, limit: int = 80) -> tuple[int, int]:
    """(start, end) of the sentence around a span, clipped to ``limit`` chars: the cited passage."""
    left = max((m.end() for m in re.finditer(r"[。！？!?；;\n]", text[:start])), default=0)
    m = re.search(r"[。！？!?；;\n]", text[end:])
    right = end + m.end() if m else len(text)
    if right - left > limit:
        pad = max(0, (limit - (end - start)) // 2)
        left, right = max(left, start - pad), min(right, end + pad)
    return left, right
