"""The grounding checker's contracts: what a claim, a source, a citation and a report are."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

ClaimKind = Literal["number", "price", "percent", "date", "phone", "address", "code", "ingredient", "efficacy"]

#: Kinds compared by normalised value; the rest (ingredient, efficacy) by lexical containment.
NUMERIC_KINDS: frozenset[str] = frozenset({"number", "price", "percent", "date", "phone", "address", "code"})


class Source(BaseModel):
    """Something the copy may state as fact: a brief field ("brief.offer") or a KB passage (its id)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    text: str
    title: str | None = None


class Claim(BaseModel):
    """A checkable statement found in text.

    ``value`` is the normalised form that matching compares, per kind:

    - number: ``"500"`` / range ``"3-5"`` / offer ``"买3送1"``; ``unit`` canonical (ml, g, 天, 个 …) or None
    - price: yuan amount ``"99"``, ``"9.9"``; ``unit`` is ``"元"``
    - percent: ``unit "%"`` plain percentage (``"30"``); ``unit "折"`` share of the price paid (5折 → ``"50"``)
    - date: ``"2024-03-08"`` with ``*`` for unknown parts (``"*-03-08"``), weekday ``"周6"``, time
      ``"20:00"`` or ``"~08:00"`` (no 上午/下午 given: 08:00 or 20:00)
    - phone: digits only; address: the address with spaces removed, Chinese floor numbers as digits
    - code: a model number, SKU or standard (BX-500, TSATA1000, SPF50, N95), upper-case, separators dropped
    - ingredient: ``"+烟酰胺"`` (contains) / ``"-蔗糖"`` (free of); efficacy: canonical effect (``"美白"``)
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: ClaimKind
    text: str
    start: int
    end: int
    value: str
    unit: str | None = None


class Citation(BaseModel):
    """Where a claim comes from: the source and the passage (``start``/``end`` index the source text)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    claim: str
    kind: ClaimKind
    source_id: str
    source_title: str | None
    passage: str
    start: int
    end: int

    def as_dict(self) -> dict[str, Any]:
        return self.model_dump()


class CheckedClaim(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    claim: Claim
    supported: bool
    citation: Citation | None = None


class GroundingReport(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    claims: list[CheckedClaim]

    @property
    def ungrounded(self) -> list[CheckedClaim]:
        return [c for c in self.claims if not c.supported]

    @property
    def citations(self) -> list[Citation]:
        return [c.citation for c in self.claims if c.citation is not None]

    @property
    def ok(self) -> bool:
        return not self.ungrounded
