"""Grounding: every claim in a variant must come from the brief or the brand's knowledge base.

    extract_claims(text)  -> [Claim]            numbers, prices, percents, dates, phones, addresses,
                                                 ingredient and efficacy statements
    check(text, sources)  -> GroundingReport    each claim supported (with a Citation) or not

Pure Python (regexes + rjieba + a YAML lexicon); no model is involved, so it is fast and deterministic.
"""

from __future__ import annotations

from ._check import check, extract_claims
from ._models import NUMERIC_KINDS, CheckedClaim, Citation, Claim, ClaimKind, GroundingReport, Source

__all__ = [
    "NUMERIC_KINDS",
    "CheckedClaim",
    "Citation",
    "Claim",
    "ClaimKind",
    "GroundingReport",
    "Source",
    "check",
    "extract_claims",
]
