"""Golden tests: every package template renders, and its full text is pinned in tests/templates/golden/.

Any change to a prompt (template text, exemplars, channel spec) shows up as a diff here and must come
with a version bump. Regenerate after bumping:  WENAN_UPDATE_GOLDEN=1 pytest tests/templates
"""

from __future__ import annotations

import difflib
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from wenan.channels import get_channel
from wenan.templates import COMPLETION_MAX_CHARS, RenderedPrompt, Template, get_template
from wenan.templates._loader import _package_templates
from wenan.write.brief import Brief

GOLDEN = Path(__file__).parent / "golden"
PACKAGE = sorted(_package_templates())


def _template(template_id: str) -> Template:
    tpl = _package_templates()[template_id]
    return get_template(tpl.channel, template_id)


def _golden_text(rendered: RenderedPrompt) -> str:
    header = [
        f"# template: {rendered.template_id}",
        f"# version: {rendered.template_version}",
        f"# exemplars: {', '.join(rendered.exemplar_ids)}",
        f"# stop: {json.dumps(rendered.stop, ensure_ascii=False)}",
    ]
    parts = [("system", rendered.system), ("user", rendered.user), ("completion", rendered.completion)]
    body = [f"===== {name} =====\n{text.rstrip()}" for name, text in parts]
    return "\n".join(header) + "\n" + "\n".join(body) + "\n"


def _golden_version(text: str) -> int | None:
    m = re.search(r"^# version: (\d+)$", text, re.M)
    return int(m.group(1)) if m else None


def test_every_channel_has_an_expert_template() -> None:
    assert {f"{c}.expert" for c in ("moments", "xiaohongshu", "douyin", "ecommerce")} <= set(PACKAGE)


@pytest.mark.parametrize("template_id", PACKAGE)
def test_golden(template_id: str, rich_brief: Brief, kb_facts: list[dict[str, Any]], voice: str) -> None:
    tpl = _template(template_id)
    rendered = tpl.render(rich_brief, facts=kb_facts, voice=voice)
    text = _golden_text(rendered)
    path = GOLDEN / f"{template_id}.txt"
    old = path.read_text("utf-8") if path.exists() else None

    if os.environ.get("WENAN_UPDATE_GOLDEN") == "1":
        if old is not None and old != text and _golden_version(old) == tpl.version:
            pytest.fail(f"{template_id} 的提示词变了，但 version 仍是 {tpl.version}：先把 version 加一再生成")
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(text, "utf-8")
        return

    assert old is not None, f"缺少 {path}；用 WENAN_UPDATE_GOLDEN=1 pytest tests/templates 生成"
    if old != text:
        diff = "".join(
            list(difflib.unified_diff(old.splitlines(True), text.splitlines(True), "golden", "rendered"))[:80]
        )
        hint = (
            "版本号没变：改了提示词就要把 version 加一"
            if _golden_version(old) == tpl.version
            else "版本号已更新"
        )
        pytest.fail(f"{template_id} 与 golden 不同（{hint}；再用 WENAN_UPDATE_GOLDEN=1 重新生成）\n{diff}")


@pytest.mark.parametrize("template_id", PACKAGE)
def test_rich_brief_renders_everything(
    template_id: str, rich_brief: Brief, kb_facts: list[dict[str, Any]], voice: str
) -> None:
    tpl = _template(template_id)
    channel = get_channel(tpl.channel)
    out = tpl.render(rich_brief, facts=kb_facts, voice=voice)

    assert out.template_id == template_id and out.template_version == tpl.version
    assert out.stop == tpl.stop and out.stop
    assert 1 <= len(out.exemplar_ids) <= 3
    assert channel.output_instructions in out.system
    for fact in rich_brief.facts:
        assert fact in out.user
        assert fact in out.completion
    b = rich_brief
    for field in (b.brand, b.product, b.audience, b.offer, b.cta, b.tone, *b.selling_points):
        assert field in out.user
    for fact in kb_facts:
        assert fact["text"] in out.completion
    lines = out.user.splitlines()
    block = lines[lines.index("<资料>") + 1 : lines.index("</资料>")]
    assert block == [f"[{fact['id']}] {fact['text']}" for fact in kb_facts]
    assert "<风格>" in out.user and "邻家老板娘" in out.user
    assert "{{" not in out.system + out.user + out.completion
    if channel.speaking_rate_cps:
        spoken = round(rich_brief.duration * channel.speaking_rate_cps)
        assert f"视频总时长 {rich_brief.duration} 秒" in out.user
        assert f"口播合计约 {spoken} 字" in out.user
        assert f"【时长】{rich_brief.duration}秒" in out.completion
    else:
        target = channel.target_chars(rich_brief.length)
        assert f"{target.min}–{target.max} 字" in out.user


@pytest.mark.parametrize("template_id", PACKAGE)
def test_minimal_brief_renders(template_id: str, minimal_brief: Brief) -> None:
    tpl = _template(template_id)
    out = tpl.render(minimal_brief)
    assert get_channel(tpl.channel).output_instructions in out.system
    assert "- 产品/服务：手工皂" in out.user or "- 商品：手工皂" in out.user
    assert "品牌：" not in out.user.split("## 本次需求", 1)[1]  # empty fields are omitted
    assert "（本次没有检索到资料）" in out.user
    assert "<风格>" not in out.user
    # empty fields are left out of the few-shot block too: a base model copies a "无" placeholder
    assert out.completion.endswith("###\n\n【产品】手工皂\n" + _tail(tpl))


def _tail(tpl: Template) -> str:
    channel = get_channel(tpl.channel)
    seconds = f"【时长】{channel.default_duration_s}秒\n" if channel.speaking_rate_cps else ""
    return seconds + "【文案】\n"


@pytest.mark.parametrize("template_id", PACKAGE)
def test_completion_document_is_continuable_and_short(template_id: str, rich_brief: Brief) -> None:
    tpl = _template(template_id)
    out = tpl.render(rich_brief)
    assert len(out.completion) <= COMPLETION_MAX_CHARS
    assert out.completion.endswith("【文案】\n")
    blocks = out.completion.split("###")
    assert len(blocks) == len(out.exemplar_ids) + 1  # one "###" closes every exemplar
    assert all("【品牌】" in b for b in blocks)
    # Most relevant exemplar sits right before the query (base models weigh the nearest example most).
    first_id = out.exemplar_ids[0]
    nearest = _package_exemplar_brand(tpl.exemplars, first_id)
    assert f"【品牌】{nearest}" in blocks[-2]


def _package_exemplar_brand(bank: str, exemplar_id: str) -> str:
    from wenan.templates import load_exemplars

    return next(ex.brief["brand"] for ex in load_exemplars(bank) if ex.id == exemplar_id)


@pytest.mark.parametrize("template_id", PACKAGE)
def test_injected_fact_cannot_close_the_data_block(
    template_id: str, rich_brief: Brief, injection: dict[str, str]
) -> None:
    out = _template(template_id).render(rich_brief, facts=[injection])
    lines = out.user.splitlines()
    assert lines.count("<资料>") == 1 and lines.count("</资料>") == 1
    inside = lines[lines.index("<资料>") + 1 : lines.index("</资料>")]
    assert len(inside) == 1  # one fact, one line, whatever newlines it carried
    assert "＜/资料＞" in inside[0] and "［文案］" in inside[0] and "###" not in inside[0]
    assert out.completion.count("【文案】") == len(out.exemplar_ids) + 1
    assert out.completion.count("###") == len(out.exemplar_ids)
