"""build_profile, describe, most_similar and render_profile on small hand-made inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

import wenan.voice as voice
from wenan.voice import Post, StyleProfile, build_profile, describe, most_similar, render_profile

DATA = json.loads((Path(__file__).parent / "data" / "brands.json").read_text(encoding="utf-8"))
BAKERY = [Post(**p) for p in DATA["bakery"]["posts"]]
INDUSTRIAL = [Post(**p) for p in DATA["industrial"]["posts"]]


def test_profile_measures_the_obvious_habits() -> None:
    playful, formal = build_profile(BAKERY), build_profile(INDUSTRIAL)
    assert playful.emoji.per_100_chars > 3 and formal.emoji.per_100_chars == 0
    assert playful.person.shares.get("宝子们", 0) > 0.5
    assert formal.person.shares.get("我司", 0) > 0.5
    assert playful.tone.formality < -0.3 < 0.3 < formal.tone.formality
    assert formal.sentences.bracket_title_posts > 0.8
    assert playful.hashtags.top[0].text == "麦兜兜烘焙日记"
    assert {"宝子们", "手慢无"} <= {p.text for p in playful.signature_phrases}
    assert playful.length.p25 <= playful.length.median <= playful.length.p75
    assert playful.engagement_weighted and not formal.engagement_weighted


def test_profile_round_trips_through_json() -> None:
    profile = build_profile(BAKERY)
    again = StyleProfile.model_validate_json(profile.model_dump_json())
    assert again == profile
    with pytest.raises(ValidationError):
        StyleProfile.model_validate({**json.loads(profile.model_dump_json()), "surprise": 1})


def test_engagement_weights_signature_phrases() -> None:
    # 巧克力 and 草莓 each appear in half the posts; only the engagement numbers tell them apart
    texts = [("巧克力蛋糕好吃", 900), ("巧克力来了", 800), ("草莓蛋糕好吃", 0), ("草莓来了", 0)]
    weighted = {p.text: p.score for p in build_profile([Post(text=t, likes=n) for t, n in texts]).signature_phrases}
    plain = {p.text: p.score for p in build_profile([Post(text=t) for t, _ in texts]).signature_phrases}
    assert plain["巧克力"] == plain["草莓"]
    assert weighted["巧克力"] > weighted["草莓"]


def test_post_validation() -> None:
    with pytest.raises(ValidationError):
        Post(text="x", likes=-1)
    assert Post(text="x").engagement is None
    assert Post(text="x", likes=1, comments=1, shares=1).engagement == 6
    with pytest.raises(ValueError, match="at least one post"):
        build_profile([Post(text="  ")])


def test_describe_is_a_chinese_paragraph() -> None:
    text = describe(build_profile(BAKERY))
    assert text.startswith("平均每条约") and text.endswith("。")
    assert "宝子们" in text and "emoji" in text and "#麦兜兜烘焙日记" in text
    formal = describe(build_profile(INDUSTRIAL))
    assert "基本不用emoji" in formal and "我司" in formal and "正式" in formal


def test_most_similar_finds_the_near_duplicate() -> None:
    texts = [p.text for p in BAKERY + INDUSTRIAL]
    query = "【产品推荐】恒力机械永磁变频空压机，欢迎联系我司销售工程师获取报价。"
    top = most_similar(query, texts, k=3)
    assert len(top) == 3 and all(i >= len(BAKERY) for i in top)
    assert most_similar("宝子们！海盐卷出炉啦🥐", BAKERY, k=1) == [0]
    assert most_similar("x", [], k=3) == [] and most_similar("x", texts, k=0) == []


def test_render_profile_is_a_rich_table() -> None:
    from rich.console import Console

    console = Console(record=True, width=120)
    console.print(render_profile(build_profile(BAKERY)))
    out = console.export_text()
    assert "品牌文风" in out and "口头禅" in out and "宝子们" in out


def test_all_is_the_public_api() -> None:
    assert sorted(voice.__all__) == sorted(["Post", "StyleProfile", "build_profile", "describe", "most_similar",
                                            "render_profile", "voice_score"])


def test_import_stays_light() -> None:
    import subprocess
    import sys

    code = "import sys, wenan.ground, wenan.voice; print(sorted(m for m in ('rich', 'numpy') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
