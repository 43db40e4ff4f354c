"""Helpers shared by the compliance tests."""

from __future__ import annotations

from wenan.comply import check


def found(text: str, industry: str, channel: str) -> list[tuple[str, str]]:
    """(category, span text) of every violation the checker reports."""
    return [(v.category, v.text) for v in check(text, channel=channel, industry=industry).violations]
