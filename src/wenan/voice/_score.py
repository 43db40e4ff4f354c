"""``voice_score``: how much a variant sounds like the brand's own posts rather than generic copy."""

from __future__ import annotations

import math
from collections.abc import Sequence

from ._features import features
from ._models import StyleProfile
from ._similar import index_for, typical_similarity

#: person forms are ten features describing one habit; together they should weigh about as much as two
_WEIGHTS = {"length_log": 1.0, "digits_per_100": 0.5, "latin_per_100": 0.5}
_PERSON_WEIGHT = 0.3
STYLE_WEIGHT = 0.55  # with reference posts: the rest is n-gram closeness to the nearest posts
NEAREST = 3


def stylometric(text: str, profile: StyleProfile) -> float:
    """1 when every measured habit sits at the brand's mean; falls off with distance in brand stds."""
    f = features(text)
    total = weight_sum = 0.0
    for name, stat in profile.features.items():
        z = (f.get(name, 0.0) - stat.mean) / stat.std
        w = _PERSON_WEIGHT if name.startswith("person:") else _WEIGHTS.get(name, 1.0)
        total += w * math.exp(-0.5 * z * z)
        weight_sum += w
    habits = total / weight_sum if weight_sum else 0.0
    phrases = [p.text for p in profile.signature_phrases]
    if not phrases:
        return habits
    hits = sum(p in text for p in phrases)
    signature = min(1.0, hits / max(profile.signature_hits_per_post, 0.5))
    return 0.8 * habits + 0.2 * signature


def voice_score(text: str, profile: StyleProfile, reference_posts: Sequence[str] | None = None) -> float:
    """0–1: closeness to the brand's style profile, and (with reference posts) to its nearest posts."""
    style = stylometric(text, profile)
    refs = tuple(p for p in (reference_posts or ()) if p.strip())
    if not refs:
        return round(style, 4)
    sims = sorted(index_for(refs).similarities(text), reverse=True)[:NEAREST]
    near = sum(sims) / len(sims)
    typical = typical_similarity(refs)
    closeness = min(1.0, near / typical) if typical > 0 else near
    return round(max(0.0, min(1.0, STYLE_WEIGHT * style + (1 - STYLE_WEIGHT) * closeness)), 4)
