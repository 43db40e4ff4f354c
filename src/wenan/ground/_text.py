"""Text normalisation and Chinese numerals: the layer every extractor shares.

``normalize`` maps full-width ASCII to half-width one character for one character, so every offset
found in the normalised text is also an offset in the original — citations and flags point at what
the user actually sees.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from .._numerals import CN_CHARS, CN_DIGITS, parse_cn, parse_cn_digits  # noqa: F401 (re-exported)

_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20  # ideographic space


def normalize(text: str) -> str:
    """Full-width digits/letters/punctuation -> ASCII, same length (offsets stay valid)."""
    return text.translate(_FULLWIDTH)


#: A Chinese numeral run (one char class so regexes stay readable).
CN = f"[{CN_CHARS}]"
#: Arabic number, optionally with thousands separators (¥2,699) and decimals.
NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


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
