"""The write pipeline with the scripted FakeModel: shaping, checks, fixes, regeneration, ranking, output."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from wenan.config import user_dir
from wenan.models.fake import FakeModel
from wenan.write import Writer, parse_brief

BRIEF = dict(product="手工酸奶", brand="山间牧场", selling_points=["只用鲜牛奶和菌种"], facts=["每杯12元"],
             offer="第二杯半价", channel="moments", cta="评论区留言预订", industry="烘焙")
GOOD = "一大早，牛奶刚进门🥛 山间牧场的手工酸奶只用鲜牛奶和菌种，每杯12元，第二杯半价。想喝的评论区留言预订～"
INVENTED = "酸奶来啦🥛 每杯15元，地址文二路99号，电话13812345678，只用鲜牛奶和菌种，评论区留言预订"


def kinds(variant) -> set[str]:
    return {f.kind for f in variant.flags}


def test_clean_variant_ranks_above_one_with_invented_numbers():
    model = FakeModel([INVENTED, GOOD], is_chat=False)
    result = Writer(model, max_attempts=1).write(parse_brief(BRIEF), n=2)
    assert [v.draft.text for v in result.variants] == [GOOD, INVENTED]
    bad = result.variants[1]
    details = " ".join(f.detail for f in bad.flags if f.kind == "ungrounded_number")
    assert "15元" in details and "13812345678" in details and "文二路99号" in details
    assert "ungrounded_number" not in kinds(result.variants[0])
    assert result.variants[0].score > bad.score


def test_ungrounded_variant_is_regenerated():
    model = FakeModel([INVENTED, GOOD], is_chat=False)
    result = Writer(model, max_attempts=2).write(parse_brief(BRIEF), n=1)
    (variant,) = result.variants
    assert variant.draft.text == GOOD and variant.attempts == 2
    assert len(model.requests) == 2


def test_base_model_gets_completion_prompt_and_stops():
    model = FakeModel([GOOD], is_chat=False)
    Writer(model, max_attempts=1).write(parse_brief(BRIEF), n=1)
    request = model.requests[0]
    assert request.completion_prompt and request.completion_prompt.endswith("【文案】\n")
    assert "###" in request.stop and "每杯12元" in request.completion_prompt


def test_compliance_fixed_deterministically_for_base_model():
    text = "山间牧场手工酸奶，全网最低价！只用鲜牛奶和菌种，每杯12元🥛 评论区留言预订"
    result = Writer(FakeModel([text], is_chat=False), max_attempts=1).write(parse_brief(BRIEF), n=1)
    (variant,) = result.variants
    assert "全网最低" not in variant.draft.text
    assert "compliance_fixed" in kinds(variant) and "compliance" not in kinds(variant)


def test_compliance_rewrite_asked_of_chat_model():
    text = "山间牧场手工酸奶，全网最低价！只用鲜牛奶和菌种，每杯12元🥛 评论区留言预订"
    model = FakeModel([text, GOOD], is_chat=True)
    result = Writer(model, max_attempts=1).write(parse_brief(BRIEF), n=1)
    assert "全网最低" in model.requests[1].prompt and "广告法" in model.requests[1].prompt
    assert result.variants[0].draft.text == GOOD
    # Both calls are paid for: the draft and the rewrite (FakeModel counts characters as tokens).
    assert result.usage.completion_tokens == len(text) + len(GOOD)
    assert result.variants[0].usage.completion_tokens == len(text) + len(GOOD)


def test_brief_asking_for_absolute_terms_is_told_why():
    brief = parse_brief({**BRIEF, "selling_points": ["全网销量第一"]})
    result = Writer(FakeModel([GOOD], is_chat=False), max_attempts=1).write(brief, n=1)
    assert result.brief_flags and "第九条" in result.brief_flags[0].detail


def test_unrepairable_channel_output_is_rejected_not_shipped():
    brief = parse_brief({**BRIEF, "channel": "douyin", "duration": 15})
    result = Writer(FakeModel(["就是一段没有分镜的话"], is_chat=False), max_attempts=2).write(brief, n=1)
    assert result.variants == [] and len(result.rejected) == 1
    assert result.rejected[0].flags[0].kind == "bad_format"


def test_events_stream_in_order():
    events = []
    Writer(FakeModel([GOOD], is_chat=False), max_attempts=1, on_event=events.append).write(parse_brief(BRIEF), n=1)
    assert events[0] == ("start", 0, 1) and events[-1][0] == "done"
    assert "".join(e[2] for e in events if e[0] == "chunk") == GOOD


def test_douyin_shot_headers_are_not_claims():
    brief = parse_brief({**BRIEF, "channel": "douyin", "duration": 10})
    script = ("镜头1（4秒）\n画面：酸奶特写\n口播：山间牧场手工酸奶，只用鲜牛奶和菌种。\n字幕：只用鲜奶\n"
              "镜头2（6秒）\n画面：门店\n口播：每杯12元，第二杯半价，评论区留言预订。\n字幕：第二杯半价")
    (variant,) = Writer(FakeModel([script], is_chat=False), max_attempts=1).write(brief, n=1).variants
    assert "ungrounded_number" not in kinds(variant), variant.flags


def test_cli_json_output_shape():
    from wenan.cli.app import app

    (user_dir() / "config.yaml").write_text(
        "models:\n  scripted:\n    backend: fake\n    options:\n      replies:\n"
        f"        - \"标题：山间牧场手工酸奶\\n正文：\\n🥛{GOOD}\\n标签：#酸奶 #早餐 #手工\"\n", "utf-8")
    out = CliRunner().invoke(app, ["write", "--model", "scripted", "--json", "-n", "2", "-c", "xiaohongshu",
                                   "--product", "手工酸奶", "--brand", "山间牧场", "-p", "只用鲜牛奶和菌种",
                                   "-f", "每杯12元", "--offer", "第二杯半价", "--cta", "评论区留言预订"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert set(data) >= {"variants", "model", "template", "usage"}
    assert data["template"]["id"] == "xiaohongshu.expert" and isinstance(data["template"]["version"], int)
    first = data["variants"][0]
    assert first["title"] == "山间牧场手工酸奶" and first["tags"] == ["酸奶", "早餐", "手工"]
    assert isinstance(first["score"], float) and all({"kind", "detail"} <= set(f) for f in first["flags"])
    assert data["usage"]["total_tokens"] > 0


def test_degenerate_loops_are_cut_short():
    from wenan.write.pipeline import looping, trim_loop

    looped = "酸奶好喝🥛 只用鲜牛奶和菌种，每杯12元，评论区留言预订\n" + "#无\n" * 200
    model = FakeModel([looped], is_chat=False, chunk_size=2)
    events = []
    result = Writer(model, max_attempts=1, on_event=events.append).write(parse_brief(BRIEF), n=1)
    streamed = "".join(e[2] for e in events if e[0] == "chunk")
    assert len(streamed) < 120, "generation should stop soon after the loop starts"
    assert result.variants[0].draft.text.count("#无") <= 1
    assert not looping("哈哈哈，这家店太好吃了") and trim_loop("好" + "啊" * 20) == "好啊"
    soup = "标签：#酸奶 #洗完澡 #吃饱 #喝 #喝 #喝 #洗完澡 #吃 #吃 #喝 #喝 #洗完澡 #吃 #喝 #喝 #吃 #吃 #喝 #洗完澡 #吃"
    assert looping(soup) and not looping(GOOD + INVENTED)


def test_drop_repeated_clauses():
    from wenan.write.checks import drop_repeated_clauses

    text = "山间牧场手工酸奶，只用鲜牛奶和菌种\n\n山间牧场手工酸奶，只用鲜牛奶和菌种，每杯12元，第二杯半价\n好吃，好吃"
    assert drop_repeated_clauses(text) == "山间牧场手工酸奶，只用鲜牛奶和菌种\n\n每杯12元，第二杯半价\n好吃，好吃"
    # a line left with a fragment goes whole; a text that would be emptied is returned unchanged
    assert drop_repeated_clauses("每次我这一瓶都喝完\n所以，每次我这一瓶都喝完") == "每次我这一瓶都喝完"
    assert drop_repeated_clauses("哈哈哈哈哈，哈哈哈哈哈") == "哈哈哈哈哈，哈哈哈哈哈"


def test_tag_soup_and_off_topic_rank_below_real_copy():
    soup = "#我是无\n#今日分享好物推荐\n#生活小确幸日常记录\n#酸奶控的快乐每一天"
    off = "今天天气真好，出门散步的时候看到路边的花都开了，心情也跟着明亮起来🌸"
    model = FakeModel([soup, off, GOOD], is_chat=False)
    result = Writer(model, max_attempts=1).write(parse_brief(BRIEF), n=3)
    assert result.variants[0].draft.text == GOOD
    by_text = {v.draft.text: v for v in result.variants}
    assert "no_prose" in kinds(by_text[soup]) and "off_topic" in kinds(by_text[off])


def test_repetitive_copy_is_repaired_or_flagged_and_empty_shots_are_flagged():
    loop = "手工酸奶真好喝，手工酸奶真好喝，只用鲜牛奶和菌种，每杯12元，第二杯半价，手工酸奶真好喝，手工酸奶真好喝🥛"
    (variant,) = Writer(FakeModel([loop], is_chat=False), max_attempts=1).write(parse_brief(BRIEF), n=1).variants
    assert variant.draft.text == "手工酸奶真好喝，只用鲜牛奶和菌种，每杯12元，第二杯半价"
    assert "quality_fixed" in kinds(variant) and "repetitive" not in kinds(variant)
    chant = "好喝，好喝，好喝，好喝，好喝，山间牧场手工酸奶只用鲜牛奶和菌种，每杯12元，第二杯半价"  # nothing to drop
    (variant,) = Writer(FakeModel([chant], is_chat=False), max_attempts=1).write(parse_brief(BRIEF), n=1).variants
    assert variant.draft.text == chant and "repetitive" in kinds(variant)
    brief = parse_brief({**BRIEF, "channel": "douyin", "duration": 8})
    script = ("镜头1（4秒）\n画面：\n口播：山间牧场手工酸奶，只用鲜牛奶和菌种。\n字幕：\n"
              "镜头2（4秒）\n画面：门店\n口播：每杯12元，第二杯半价，评论区留言预订。\n字幕：第二杯半价")
    (variant,) = Writer(FakeModel([script], is_chat=False), max_attempts=1).write(brief, n=1).variants
    assert any(f.kind == "empty_shot" and "1" in f.detail for f in variant.flags)


def test_remote_models_write_variants_concurrently_and_print_in_order():
    import io
    import time

    from rich.console import Console

    from wenan.cli.render import StreamPrinter

    replies = [GOOD.replace("一大早", f"第{k}条：") for k in "一二三"]
    model = FakeModel(replies, is_chat=True, chunk_size=4, delay_s=0.02, max_concurrency=3)
    buffer = io.StringIO()
    printer = StreamPrinter(3, console=Console(file=buffer, width=200, highlight=False))
    started = time.perf_counter()
    result = Writer(model, max_attempts=1, on_event=printer.on_event).write(parse_brief(BRIEF), n=3)
    elapsed = time.perf_counter() - started
    one = 0.02 * (len(GOOD) / 4 + 1)
    assert elapsed < 2.2 * one, f"expected ~{one:.2f}s for three concurrent drafts, took {elapsed:.2f}s"
    out = buffer.getvalue()
    assert out.index("草稿 1/3") < out.index("草稿 2/3") < out.index("草稿 3/3")
    for k in "一二三":  # every draft's text is shown whole, not interleaved with another
        assert GOOD.replace("一大早", f"第{k}条：") in out.replace("\n", "")
    assert len(result.variants) == 3


def test_copying_a_few_shot_exemplar_is_blocked():
    from wenan.templates import get_template

    prompt = get_template("moments").render(parse_brief(BRIEF))
    exemplar_body = prompt.completion.split("【文案】\n")[1].split("###")[0].strip()
    copied = "手工酸奶来啦🥛\n" + exemplar_body
    model = FakeModel([copied, GOOD], is_chat=False)
    result = Writer(model, max_attempts=1).write(parse_brief(BRIEF), n=2)
    assert result.variants[0].draft.text == GOOD
    assert any(f.kind == "copied_exemplar" for f in result.variants[1].flags)
    assert not any(f.kind == "copied_exemplar" for f in result.variants[0].flags)


def test_flags_describe_the_text_after_a_fix():
    # 8 lines before the repeats are dropped, 3 after: "folded" (fold after 6 lines) must not survive the fix
    lines = ["山间牧场手工酸奶🥛只用鲜牛奶和菌种", "每杯12元，第二杯半价", "评论区留言预订"]
    looped = "\n".join(lines + [lines[0], lines[1], lines[0], lines[2], lines[0]])
    (variant,) = Writer(FakeModel([looped], is_chat=False), max_attempts=1).write(parse_brief(BRIEF), n=1).variants
    assert variant.draft.text == "\n".join(lines)
    assert "quality_fixed" in kinds(variant) and "folded" not in kinds(variant)


def test_a_fix_that_leaves_too_little_copy_rejects_the_draft():
    loop = "山间牧场手工酸奶真好喝，" * 4 + "🥛"  # 11 characters once the repeats go; moments needs 20
    result = Writer(FakeModel([loop], is_chat=False), max_attempts=1).write(parse_brief(BRIEF), n=1)
    assert not result.variants
    (rejected,) = result.rejected
    assert "body_too_short" in kinds(rejected)


def test_terminal_output_caps_flags_of_one_kind():
    from rich.console import Console

    from wenan.cli.render import print_result

    weights = "，".join(f"{g}克" for g in (100, 75, 65, 55, 45, 40))
    text = f"山间牧场手工酸奶🥛只用鲜牛奶和菌种，每杯12元，有{weights}装，评论区留言预订"
    result = Writer(FakeModel([text], is_chat=False), max_attempts=1).write(parse_brief(BRIEF), n=1)
    assert sum(f.kind == "ungrounded_number" for f in result.variants[0].flags) == 6
    console = Console(record=True, width=200)
    print_result(result, console)
    shown = console.export_text()
    assert shown.count("[ungrounded_number]") == 4  # three flags and the line counting the rest
    assert "“100克”" in shown and "“40克”" not in shown and "另有 3 处 [ungrounded_number]" in shown


def test_an_exemplar_title_reused_whole_is_blocked():
    from wenan.templates import get_template

    brief = parse_brief({**BRIEF, "channel": "xiaohongshu"})
    completion = get_template("xiaohongshu").render(brief).completion
    titles = [line.removeprefix("标题：") for line in completion.splitlines() if line.startswith("标题：")]
    title = next(t for t in titles if len(t) >= 8)
    body = f"正文：\n🥛{GOOD}\n标签：#酸奶 #早餐 #手工"
    model = FakeModel([f"标题：{title}\n{body}", f"标题：山间牧场手工酸奶\n{body}"], is_chat=False)
    result = Writer(model, max_attempts=1).write(brief, n=2)
    by_title = {v.draft.title: v for v in result.variants}
    assert "copied_exemplar" in kinds(by_title[title])
    assert "copied_exemplar" not in kinds(by_title["山间牧场手工酸奶"])


def test_brief_coverage_counts_paraphrases_and_ranks_the_draft_that_uses_the_brief_first():
    from wenan.write.checks import brief_coverage

    brief = parse_brief(BRIEF)
    # 纯牛奶和菌种 conveys 只用鲜牛奶和菌种; a draft about the weather conveys nothing
    assert brief_coverage("纯牛奶和菌种做的手工酸奶，第二杯半价", brief)[0] == []
    missing, total = brief_coverage("今天天气真好，出门散步", brief)
    assert total == 1 + len(brief.selling_points) and len(missing) == total
    no_offer = "山间牧场手工酸奶，只用鲜牛奶和菌种，现做现卖，每天早上来拿🥛"
    model = FakeModel([no_offer, GOOD], is_chat=False)
    result = Writer(model, max_attempts=1).write(brief, n=2)
    assert result.variants[0].draft.text == GOOD and "missing_points" not in kinds(result.variants[0])
    (flag,) = [f for f in result.variants[1].flags if f.kind == "missing_points"]
    assert flag.severity == "warning" and brief.offer in flag.detail  # the offer is what the post is for
    assert result.variants[1].score < result.variants[0].score
