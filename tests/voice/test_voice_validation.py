"""Does voice_score tell brands apart? Three brands written for this test, 5 posts of each held out.

- 麦兜兜烘焙: playful bakery, 宝子们, many emoji, ～ and 啦/呀, with engagement numbers
- 恒力机械: formal B2B compressor supplier, 【】 headers, 我司, no emoji
- 半山茶舍: quiet, literary tea house — no emoji, few markers: the hard case, closest to generic copy

Generic template copy (data/brands.json "generic", written separately from the shipped background
corpus) must score below a brand's own held-out posts.
"""

from __future__ import annotations

import json
import statistics
from pathlib import Path

import pytest

from wenan.voice import Post, StyleProfile, build_profile, voice_score

DATA = json.loads((Path(__file__).parent / "data" / "brands.json").read_text(encoding="utf-8"))
BRANDS = ("bakery", "industrial", "teahouse")
HELD_OUT = 5


def split(brand: str) -> tuple[list[Post], list[str]]:
    posts = [Post(**p) for p in DATA[brand]["posts"]]
    return posts[:-HELD_OUT], [p.text for p in posts[-HELD_OUT:]]


@pytest.fixture(scope="module")
def profiles() -> dict[str, tuple[StyleProfile, list[str]]]:
    out = {}
    for brand in BRANDS:
        train, _ = split(brand)
        out[brand] = (build_profile(train), [p.text for p in train])
    return out


def test_each_brand_has_enough_posts() -> None:
    assert all(len(DATA[b]["posts"]) >= 20 for b in BRANDS)


@pytest.mark.parametrize("with_refs", [False, True], ids=["profile", "profile+refs"])
@pytest.mark.parametrize("brand", BRANDS)
def test_held_out_posts_score_highest_on_their_own_brand(profiles: dict, brand: str, with_refs: bool) -> None:
    _, held = split(brand)
    for text in held:
        own = voice_score(text, profiles[brand][0], profiles[brand][1] if with_refs else None)
        for other in BRANDS:
            if other != brand:
                theirs = voice_score(text, profiles[other][0], profiles[other][1] if with_refs else None)
                assert own > theirs, (brand, other, text[:20], own, theirs)


@pytest.mark.parametrize("with_refs", [False, True], ids=["profile", "profile+refs"])
@pytest.mark.parametrize("brand", ["bakery", "industrial"])
def test_generic_copy_scores_below_every_held_out_post(profiles: dict, brand: str, with_refs: bool) -> None:
    profile, refs = profiles[brand]
    refs = refs if with_refs else None
    own = [voice_score(t, profile, refs) for t in split(brand)[1]]
    generic = [voice_score(t, profile, refs) for t in DATA["generic"]]
    print(f"\n{brand} ({'refs' if refs else 'profile'}): held-out {min(own):.3f}–{max(own):.3f}, "
          f"generic {min(generic):.3f}–{max(generic):.3f}")
    assert max(generic) < min(own)


@pytest.mark.parametrize("with_refs", [False, True], ids=["profile", "profile+refs"])
def test_generic_copy_scores_below_the_quiet_brand_on_average(profiles: dict, with_refs: bool) -> None:
    # A calm voice without emoji or catchphrases shares most surface habits with generic copy; the
    # ranges touch at the edges, so only the averages are required to separate (by a clear margin).
    profile, refs = profiles["teahouse"]
    refs = refs if with_refs else None
    own = statistics.fmean(voice_score(t, profile, refs) for t in split("teahouse")[1])
    generic = statistics.fmean(voice_score(t, profile, refs) for t in DATA["generic"])
    assert own - generic > 0.1


def test_scores_are_in_unit_interval(profiles: dict) -> None:
    profile, refs = profiles["bakery"]
    for text in ["", "a", "！！！！！" * 50, "🥐" * 200, DATA["generic"][0]]:
        assert 0.0 <= voice_score(text, profile) <= 1.0
        assert 0.0 <= voice_score(text, profile, refs) <= 1.0
