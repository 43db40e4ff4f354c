"""Code-backed detectors a rule can name instead of terms or patterns (``detector:`` in a pack).

Each takes one folded line and the scanner's per-document state and returns ``Found`` spans relative to
the line. All of them are the ``false_promo`` arithmetic checks of ``_promo.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._promo import (
    Found,
    bundle_mismatch,
    deadline_claims,
    deadline_conflict,
    deadline_judge,
    discount_mismatch,
    free_but_charged,
    period_conflict,
    price_inversion,
    stock_conflict,
    threshold_mismatch,
)

__all__ = ["DETECTORS", "STATEFUL", "Found"]

DETECTORS: dict[str, Callable[[str, dict[str, Any]], list[Found]]] = {
    "price_inversion": price_inversion,
    "discount_mismatch": discount_mismatch,
    "threshold_mismatch": threshold_mismatch,
    "bundle_mismatch": bundle_mismatch,
    "free_but_charged": free_but_charged,
    "stock_conflict": stock_conflict,
    "period_conflict": period_conflict,
    "deadline_conflict": deadline_conflict,
}
#: Detectors whose answer depends on earlier text, split in two: a stateless part that reads a line (run
#: wherever the line is scanned, also in a worker process) and a stateful part that judges what it found
#: in document order (run by the process that owns the document). Only what the first part found travels.
STATEFUL: dict[str, tuple[Callable[[str], list[Any]], Callable[[list[Any], dict[str, Any]], list[Found]]]] = {
    "deadline_conflict": (deadline_claims, deadline_judge),
}

