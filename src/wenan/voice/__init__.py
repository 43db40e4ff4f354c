"""Brand voice: learn a brand's style from its past posts and score how close new copy is to it.

    build_profile(posts)                    -> StyleProfile   (JSON-serialisable, store it with the brand)
    describe(profile)                       -> str            Chinese summary for the system prompt
    voice_score(text, profile, refs=None)   -> float 0–1      stylometry (+ n-gram closeness to refs)
    most_similar(text, posts, k)            -> [index]        few-shot exemplars without embeddings
    render_profile(profile)                 -> rich Table     for ``wenan brand show``

Pure Python plus rjieba; rich is imported only when rendering.
"""

from __future__ import annotations

from ._describe import describe, render_profile
from ._models import Post, StyleProfile
from ._profile import build_profile
from ._score import voice_score
from ._similar import most_similar

__all__ = ["Post", "StyleProfile", "build_profile", "describe", "most_similar", "render_profile", "voice_score"]
