"""What a check returns: violations (things to change) and advisories (things to know).

Plain slotted dataclasses rather than pydantic models: a 100 MB input can produce hundreds of thousands
of them, and they are built by the engine, never parsed from user input.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Violation:
    """One span of the input that breaks a rule. ``text == input[start:end]`` (Python str offsets)."""

    start: int
    end: int
    text: str
    category: str
    severity: str
    rule: str
    basis: str
    explanation: str
    suggestions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# A frozen dataclass's __init__ sets each field through object.__setattr__ (~3.4 us for nine fields); the
# slot descriptors set them at a third of that. A stress-density file builds ~700 violations per MB twice
# (in a worker, then with absolute offsets in the parent), so the engine builds them here.
_new = object.__new__
_set_start, _set_end, _set_text, _set_category, _set_severity, _set_rule, _set_basis, _set_explanation, \
    _set_suggestions = (getattr(Violation, name).__set__ for name in Violation.__slots__)


def violation(start: int, end: int, text: str, category: str, severity: str, rule: str, basis: str,
              explanation: str, suggestions: list[str]) -> Violation:
    """``Violation(...)``, for the engine's hot loops; equal in every way to the object ``__init__`` builds."""
    v = _new(Violation)
    _set_start(v, start)
    _set_end(v, end)
    _set_text(v, text)
    _set_category(v, category)
    _set_severity(v, severity)
    _set_rule(v, rule)
    _set_basis(v, basis)
    _set_explanation(v, explanation)
    _set_suggestions(v, suggestions)
    return v


@dataclass(frozen=True, slots=True)
class Advisory:
    """Worth knowing, not a violation: a missing risk warning, contact details when the channel is unknown.

    ``start``/``end``/``text`` are set when the advisory is about a span, ``None`` when about the whole text.
    """

    rule: str
    category: str | None
    message: str
    basis: str = ""
    start: int | None = None
    end: int | None = None
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Report:
    violations: list[Violation] = field(default_factory=list)
    advisories: list[Advisory] = field(default_factory=list)
    channel: str | None = None
    industry: str = "general"

    @property
    def ok(self) -> bool:
        """True when nothing must change; advisories do not make a report fail."""
        return not self.violations

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape ``wenan check --json`` prints."""
        return {
            "violations": [v.to_dict() for v in self.violations],
            "advisories": [a.to_dict() for a in self.advisories],
        }
