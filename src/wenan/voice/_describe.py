"""Chinese summaries of a profile: a paragraph for the system prompt, a table for ``wenan brand show``."""

from __future__ import annotations

from typing import Any

from ._models import StyleProfile

_PERSON_LABEL = {
    "我": "以「我」的口吻", "我们": "以「我们」自称", "小编": "以「小编」自称", "我司": "以「我司/本公司」自称",
    "宝子们": "称读者为「宝子们」", "姐妹们": "称读者为「姐妹们」", "家人们": "称读者为「家人们」",
    "您": "用「您」称呼读者", "你": "用「你」称呼读者", "大家": "称读者为「大家」",
}


def _tone(profile: StyleProfile) -> str:
    f = profile.tone.formality
    if f >= 0.4:
        return "语气正式、专业"
    if f >= 0.25:
        return "语气偏正式"
    if f > -0.3:
        return "语气平实亲切"
    return "语气轻松活泼"


def describe(profile: StyleProfile) -> str:
    """One Chinese paragraph describing the brand's style, for a system prompt."""
    L = profile.length
    parts = [f"平均每条约{round(L.mean)}字（多数在{round(L.p25)}–{round(L.p75)}字之间）"]
    e = profile.emoji
    if e.per_100_chars >= 0.3 and e.top:
        parts.append(f"常用emoji {''.join(x.text for x in e.top[:4])}（每100字约{e.per_100_chars:g}个）")
    else:
        parts.append("基本不用emoji")
    s = profile.sentences
    size = "偏短" if s.avg_chars < 14 else "较长" if s.avg_chars > 26 else "长短适中"
    habits = [f"句子{size}（平均{s.avg_chars:g}字）"]
    if s.exclamation_ratio >= 0.2:
        habits.append(f"感叹句多（{round(100 * s.exclamation_ratio)}%）")
    if s.question_ratio >= 0.1:
        habits.append("常用问句和读者互动")
    if s.tilde_per_100_chars >= 0.3:
        habits.append("爱用「～」")
    if s.line_breaks_per_post >= 2:
        habits.append(f"分行多（每条约{s.line_breaks_per_post:g}处换行）")
    if s.list_marker_posts >= 0.3:
        habits.append("常用序号或✅分点")
    if s.bracket_title_posts >= 0.3:
        habits.append("常用【】标题")
    parts.append("，".join(habits))
    shares = sorted(profile.person.shares.items(), key=lambda kv: -kv[1])
    person = [_PERSON_LABEL[k] for k, v in shares[:3] if v >= 0.15]
    tone = _tone(profile)
    if profile.tone.top_particles and profile.tone.particles_per_100_chars >= 0.3:
        tone += "，常用语气词" + "".join(f"「{p.text}」" for p in profile.tone.top_particles[:3])
    parts.append("，".join(person + [tone]))
    if profile.signature_phrases:
        parts.append("常用口头禅" + "".join(f"「{p.text}」" for p in profile.signature_phrases[:5]))
    if profile.hashtags.per_post >= 0.5 and profile.hashtags.top:
        tags = " ".join(f"#{t.text}" for t in profile.hashtags.top[:3])
        parts.append(f"每条约带{profile.hashtags.per_post:g}个话题标签，常用{tags}")
    return "；".join(parts) + "。"


def render_profile(profile: StyleProfile) -> Any:
    """A rich renderable (table) of the profile for ``wenan brand show``; rich is imported only here."""
    from rich.table import Table

    table = Table(title=f"品牌文风（{profile.n_posts} 条历史内容" + ("，按互动加权）" if profile.engagement_weighted
                                                               else "）"), show_header=False)
    table.add_column("项目", style="bold")
    table.add_column("内容")
    L, e, s, t = profile.length, profile.emoji, profile.sentences, profile.tone
    table.add_row("篇幅", f"平均 {L.mean:g} 字，中位数 {L.median:g}，四分位 {L.p25:g}–{L.p75:g}（{L.min}–{L.max}）")
    table.add_row("emoji", f"每100字 {e.per_100_chars:g} 个，{round(100 * e.posts_with_emoji)}% 的内容使用；"
                  + " ".join(f"{x.text}×{x.count}" for x in e.top[:6]))
    table.add_row("句式", f"平均句长 {s.avg_chars:g} 字；问句 {round(100 * s.question_ratio)}%，"
                  f"感叹句 {round(100 * s.exclamation_ratio)}%；每条换行 {s.line_breaks_per_post:g} 次；"
                  f"分点 {round(100 * s.list_marker_posts)}%，【】标题 {round(100 * s.bracket_title_posts)}%")
    table.add_row("人称", "，".join(f"{k} {round(100 * v)}%" for k, v in
                                  sorted(profile.person.shares.items(), key=lambda kv: -kv[1])) or "—")
    table.add_row("语气", f"正式度 {t.formality:+.2f}；语气词每100字 {t.particles_per_100_chars:g} 个 "
                  + "".join(p.text for p in t.top_particles))
    table.add_row("口头禅", "、".join(p.text for p in profile.signature_phrases) or "—")
    table.add_row("话题标签", f"每条 {profile.hashtags.per_post:g} 个；"
                  + " ".join(f"#{x.text}" for x in profile.hashtags.top[:6]))
    table.add_row("总结", describe(profile))
    return table
