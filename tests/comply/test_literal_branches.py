"""A whole-text regex run as its literal-started branches finds exactly what the alternation finds."""

from __future__ import annotations

import random
import re

import pytest

from wenan.comply import check
from wenan.comply._engine import _merged
from wenan.comply._matcher import _literal_branches, matcher_for


@pytest.mark.parametrize(("pattern", "branches"), [
    (r"a|b", 2),
    (r"x(?P<hit>y)|z\d", 2),
    (r"a[|]|b\|c", 2),
    (r"1[^]|]x|2", 2),
    (r"(?:a|b)", 0),  # one top-level branch
    (r"[|]a|b", 0),  # a class first
    (r"a*|b", 0),  # a quantified first character
    (r"a|ab", 0),  # two branches starting alike
    (r"\d|1", 0),
])
def test_split_only_literal_started_branches(pattern: str, branches: int) -> None:
    assert len(_literal_branches(re.compile(pattern))) == branches


def test_split_never_under_ignorecase() -> None:
    assert _literal_branches(re.compile("a|B", re.IGNORECASE)) == ()


def test_merged_is_finditer_of_the_alternation() -> None:
    # Branches that overlap one another (a match of one starts inside a match of another) are the hard case.
    rx = re.compile(r"1(?<!\d1)\d{2,4}(?!\d)|0\d[ -]?\d{3}|4(?:00|5)\d")
    branches = _literal_branches(rx)
    assert len(branches) == 3
    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(rng.choice("0141 -05x") for _ in range(rng.randint(0, 30)))
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        assert [m.span() for m in _merged(branches, text, lo, hi)] == [m.span() for m in rx.finditer(text, lo, hi)]


def test_phone_rule_runs_as_branches() -> None:
    m = matcher_for("xiaohongshu", None)
    (phone,) = [m.rules[i] for i in m.full_scan if m.rules[i].rule.id == "contact.phone"]
    assert len(phone.branches[0]) == 3
    report = check("热线400-123-4567，座机021-12345678，预约13812345678", channel="xiaohongshu")
    spans = [v.text for v in report.violations]
    assert spans == ["400-123-4567", "021-12345678", "13812345678"]
