"""The public contract of wenan.templates: lookup, rendering, exemplar picking, errors, speed."""

from __future__ import annotations

from typing import Any

import pytest

import wenan.templates as templates
from wenan.exceptions import BriefError, TemplateError, UnknownNameError
from wenan.templates import (
    COMPLETION_MAX_CHARS,
    Exemplar,
    Template,
    get_template,
    list_templates,
    load_exemplars,
    pick_exemplars,
)
from wenan.write.brief import Brief


def _template(**overrides: Any) -> Template:
    base = get_template("moments").model_dump()
    return Template.model_validate({**base, **overrides})


def test_all_is_the_public_api() -> None:
    assert sorted(templates.__all__) == sorted(
        ["COMPLETION_MAX_CHARS", "Exemplar", "Fact", "RenderedPrompt", "Template", "default_user_dir",
         "get_template", "list_templates", "load_exemplars", "pick_exemplars"]
    )
    for name in templates.__all__:
        assert hasattr(templates, name)


def test_get_template_defaults_to_the_expert() -> None:
    for channel in ("moments", "xiaohongshu", "douyin", "ecommerce"):
        tpl = get_template(channel)
        assert tpl.id == f"{channel}.expert" and tpl.channel == channel and tpl.version >= 1
    assert get_template("moments", "moments.expert").id == "moments.expert"
    assert [t.id for t in list_templates()] == sorted(t.id for t in list_templates())


def test_unknown_names() -> None:
    with pytest.raises(UnknownNameError, match="渠道") as exc:
        get_template("weibo")
    assert "moments" in exc.value.known
    with pytest.raises(UnknownNameError, match="模板") as exc:
        get_template("moments", "moments.nope")
    assert exc.value.known == ["moments.expert"]
    with pytest.raises(UnknownNameError, match="模板"):
        get_template("moments", "douyin.expert")  # exists, but for another channel
    with pytest.raises(UnknownNameError, match="范例库"):
        load_exemplars("nope")


def test_render_accepts_a_dict_brief_and_rejects_a_bad_one() -> None:
    tpl = get_template("moments")
    assert "手工皂" in tpl.render({"product": "手工皂"}).user
    with pytest.raises(BriefError):
        tpl.render({"prodcut": "手工皂"})


def test_facts_must_have_id_and_text() -> None:
    tpl = get_template("moments")
    with pytest.raises(TemplateError, match=r"facts\[1\]"):
        tpl.render(Brief(product="皂"), facts=[{"id": "kb:1", "text": "a"}, {"id": "kb:2"}])


def test_strict_undefined_is_an_error() -> None:
    tpl = _template(user="{{ brief.prodcut }}")
    with pytest.raises(TemplateError, match="user") as exc:
        tpl.render(Brief(product="皂"))
    assert "prodcut" in str(exc.value)
    with pytest.raises(TemplateError, match="system"):
        _template(system="{{ unknown_variable }}").render(Brief(product="皂"))


def test_syntax_error_is_reported_with_the_field() -> None:
    with pytest.raises(ValueError, match=r"completion[\s\S]*Jinja 语法错误"):
        _template(completion="{% if brief.product %}没有结束")


def test_template_fields_are_validated() -> None:
    with pytest.raises(ValueError, match="channel"):
        _template(channel="weibo")
    with pytest.raises(ValueError, match="extra|Extra"):
        Template.model_validate({**get_template("moments").model_dump(), "temperature": 0.7})


def test_context_variables() -> None:
    tpl = _template(
        system="{{ duration }}|{{ spoken_chars }}|{{ voice }}|{{ facts | length }}|{{ exemplars | length }}",
        user="{{ channel.id }}:{{ channel.target_chars(brief.length).max }}",
        completion="x",
    )
    out = tpl.render(Brief(product="皂", length="short"), facts=[{"id": "kb:1", "text": "t"}], voice=" v ")
    assert out.system == "None|None|v|1|3"
    assert out.user == "moments:100"
    dy = get_template("douyin").model_copy(update={"system": "{{ duration }}/{{ spoken_chars }}"})
    assert dy.render(Brief(product="皂")).system == "30/120"
    assert dy.render(Brief(product="皂", duration=45)).system == "45/180"


def test_explicit_exemplars_and_k() -> None:
    tpl = get_template("moments")
    bank = load_exemplars("moments")
    out = tpl.render(Brief(product="皂"), exemplars=bank[5:7])
    assert out.exemplar_ids == [bank[5].id, bank[6].id]
    assert tpl.render(Brief(product="皂"), exemplars=bank, k=1).exemplar_ids == [bank[0].id]
    zero = tpl.render(Brief(product="皂"), k=0)
    assert zero.exemplar_ids == [] and "参考范例" not in zero.user and "###" not in zero.completion


def test_completion_budget_drops_least_relevant_exemplars() -> None:
    tpl = get_template("xiaohongshu")
    brief = Brief(product="燕麦拿铁", industry="餐饮")
    facts = [{"id": f"kb:{i}", "text": "资料" * 40} for i in range(6)]
    full = tpl.render(brief, k=3)
    squeezed = tpl.render(brief, facts=facts, k=3)
    assert len(squeezed.completion) <= COMPLETION_MAX_CHARS or len(squeezed.exemplar_ids) == 1
    assert len(squeezed.exemplar_ids) < len(full.exemplar_ids)
    assert squeezed.exemplar_ids == full.exemplar_ids[: len(squeezed.exemplar_ids)]
    assert squeezed.exemplar_ids[0] == "xhs-oat-latte"


def test_pick_exemplars_prefers_industry_then_similarity() -> None:
    bank = load_exemplars("moments")
    picked = pick_exemplars(Brief(product="蛋挞", industry="烘焙"), bank, 3)
    assert picked[0].id == "moments-bagel"
    similar = pick_exemplars(Brief(product="牛肉面", selling_points=["牛骨汤现熬"]), bank, 2)
    assert similar[0].id == "moments-noodle"
    # Deterministic, and no overlap at all keeps bank order.
    assert pick_exemplars(Brief(product="皂"), bank, 3) == bank[:3]
    assert pick_exemplars(Brief(product="皂"), bank, 3) == pick_exemplars(Brief(product="皂"), bank, 3)
    assert pick_exemplars(Brief(product="皂"), bank, 0) == []
    assert len(pick_exemplars(Brief(product="皂"), bank, 99)) == len(bank)


def test_pick_exemplars_matches_partial_industry_names() -> None:
    bank = [
        Exemplar(id="a", industry="餐饮", brief={"product": "面"}, output="a"),
        Exemplar(id="b", industry="烘焙", brief={"product": "面包"}, output="b"),
    ]
    assert pick_exemplars(Brief(product="吐司", industry="烘焙甜品"), bank, 1)[0].id == "b"


def test_rendered_prompt_messages() -> None:
    out = get_template("moments").render(Brief(product="皂"))
    assert out.messages() == [
        {"role": "system", "content": out.system},
        {"role": "user", "content": out.user},
    ]


@pytest.mark.parametrize("channel", ["moments", "xiaohongshu", "douyin", "ecommerce"])
def test_missing_brief_fields_are_left_out_of_the_completion_prompt(channel: str) -> None:
    # A base model copies what it sees: "【品牌】无" came back as titles like "无：云南小粒咖啡豆".
    brief = Brief(product="云南小粒咖啡豆", channel=channel)
    own_block = get_template(channel).render(brief).completion.split("###")[-1]
    assert "【产品】云南小粒咖啡豆" in own_block
    assert "【品牌】" not in own_block and "【卖点】" not in own_block and "无" not in own_block
