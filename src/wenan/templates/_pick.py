"""Choosing few-shot exemplars: same industry first, then the most similar product and selling points."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..write.brief import Brief
    from ._models import Exemplar


@lru_cache(maxsize=4096)
def _bigrams_of(text: str) -> frozenset[str]:
    chars = [c for c in text.lower() if c.isalnum()]  # CJK characters are alphanumeric too
    if len(chars) == 1:
        return frozenset(chars)
    return frozenset(a + b for a, b in zip(chars, chars[1:], strict=False))


def _bigrams(product: str, selling_points: Iterable[str]) -> frozenset[str]:
    grams: set[str] = set(_bigrams_of(product))
    for point in selling_points:
        grams |= _bigrams_of(point)
    return frozenset(grams)


def _same_industry(a: str | None, b: str | None) -> bool:
    a, b = (a or "").strip(), (b or "").strip()
    return bool(a and b) and (a in b or b in a)


def similarity(brief: Brief, exemplar: Exemplar) -> tuple[bool, float]:
    """(same industry, Dice coefficient of character bigrams) — larger is more relevant."""
    ex: dict[str, Any] = exemplar.brief
    industry = _same_industry(brief.industry, exemplar.industry) or _same_industry(
        brief.industry, ex.get("industry")
    )
    mine = _bigrams(brief.product, brief.selling_points)
    theirs = _bigrams(ex.get("product") or "", ex.get("selling_points") or ())
    dice = 2 * len(mine & theirs) / (len(mine) + len(theirs)) if mine and theirs else 0.0
    return industry, dice


def pick_exemplars(brief: Brief, bank: Sequence[Exemplar], k: int) -> list[Exemplar]:
    """The ``k`` most relevant exemplars, most relevant first. Ties keep bank order: deterministic."""
    if k <= 0:
        return []
    ranked = sorted(
        enumerate(bank),
        key=lambda item: (*(-x for x in similarity(brief, item[1])), item[0]),
    )
    return [ex for _, ex in ranked[:k]]
