"""Parsing a model's raw output into a channel-shaped draft, then repairing or rejecting it.

Every channel has one output format (see each spec's ``output_instructions``). Models drift from it —
the small embedded one especially — so parsing is forgiving and every repair is recorded as a flag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from .spec import ChannelSpec
from .text import count_chars, cut_at_sentence, cut_title, emoji_count

Severity = Literal["error", "warning", "info"]


@dataclass
class Flag:
    kind: str
    detail: str
    severity: Severity = "warning"
    #: True when wenan changed the text to satisfy the rule (the flag then documents what it did)
    repaired: bool = False
    #: "channel" for the channel's own rules; a check's name otherwise. Only channel errors reject a draft:
    #: a check's errors (an invented price, a 广告法 term) keep the draft visible but rank it last.
    source: str = "channel"

    def as_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "detail": self.detail, "severity": self.severity, "repaired": self.repaired}


@dataclass
class Shot:
    index: int
    seconds: float
    visual: str = ""
    voiceover: str = ""
    subtitle: str = ""


@dataclass
class Draft:
    channel: str
    raw: str
    text: str
    title: str | None = None
    tags: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    shots: list[Shot] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)

    @property
    def rejected(self) -> bool:
        return any(f.severity == "error" and not f.repaired and f.source == "channel" for f in self.flags)

    def full_text(self) -> str:
        """Everything a reader sees — what compliance and grounding checks read."""
        parts = [self.title or "", self.text, " ".join(f"#{t}" for t in self.tags)]
        return "\n".join(p for p in parts if p)

    def claim_text(self) -> str:
        """What the copy asserts: like ``full_text`` but without format scaffolding (镜头1（3秒）…)."""
        if not self.shots:
            return self.full_text()
        lines = [line for s in self.shots for line in (s.visual, s.voiceover, s.subtitle) if line]
        return "\n".join([self.title or "", *lines])


_LABEL_RE = re.compile(r"^\s*(?:\*\*)?[【\[]?(标题|正文|标签|话题|卖点|描述|文案)[】\]]?(?:\*\*)?\s*[:：]?\s*", re.M)
_TAG_RE = re.compile(r"#([^\s#＃,，。!！?？]{1,20})")
_SHOT_RE = re.compile(r"^\s*(?:镜头|分镜|shot)\s*(\d+)\s*[（(]\s*(\d+(?:\.\d+)?)\s*(?:秒|s)\s*[)）]", re.M | re.I)
_FIELD_RE = re.compile(r"^\s*(画面|口播|字幕)\s*[:：]\s*(.*)$", re.M)


# A line that is only a number in list or tag dress (#334, [10], 3.): small models count on after the copy ends.
# Dates, prices and times carry more than one number or a unit, so they are never this.
_NUMBER_LINE_RE = re.compile(r"[ \t]*(?:[#＃]\d{1,4}|[\[【(（]\d{1,3}[\]】)）]|\d{1,3}[.、)）]?)[ \t]*")


def _clean(raw: str) -> str:
    text = raw.replace("\r\n", "\n").strip()
    text = re.split(r"\n\s*(?:###|【品牌】|---+)\s*", text, maxsplit=1)[0]
    text = "\n".join(line for line in text.split("\n") if not _NUMBER_LINE_RE.fullmatch(line))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip().strip("\"“”「」").strip()


def _sections(text: str) -> dict[str, str]:
    """Split on 标题：/正文：/标签：… labels. Text before any label lands under ''."""
    out: dict[str, str] = {}
    matches = list(_LABEL_RE.finditer(text))
    out[""] = text[: matches[0].start()].strip() if matches else text
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        out.setdefault(m.group(1), text[m.end() : end].strip())
    return out


def _repair_length(draft: Draft, spec: ChannelSpec) -> None:
    n = count_chars(draft.text)
    if n > spec.limits.body_max_chars:
        draft.text = cut_at_sentence(draft.text, spec.limits.body_max_chars)
        draft.flags.append(Flag("body_too_long", f"正文 {n} 字，超过上限 {spec.limits.body_max_chars}，已在句末截断",
                                "error", repaired=True))
    if count_chars(draft.text) < spec.limits.body_min_chars:
        draft.flags.append(Flag("body_too_short", f"正文只有 {count_chars(draft.text)} 字，"
                                f"少于 {spec.limits.body_min_chars}", "error"))


def _parse_plain(draft: Draft, spec: ChannelSpec) -> None:
    draft.text = _sections(draft.text).get("文案") or _LABEL_RE.sub("", draft.text, count=1).strip()


def _parse_xiaohongshu(draft: Draft, spec: ChannelSpec, fallback_tags: list[str]) -> None:
    sec = _sections(draft.text)
    body = sec.get("正文") or sec.get("", "")
    title = sec.get("标题", "").splitlines()[0].strip() if sec.get("标题") else ""
    if not title and body:
        first, _, rest = body.partition("\n")
        title, body = first.strip(), rest.strip()
    tag_src = (sec.get("标签") or "") + " " + (sec.get("话题") or "")
    tags = _TAG_RE.findall(tag_src)
    # Tags written inline at the end of the body belong to the tag list, not the prose.
    tail = re.search(r"(\s*#[^\s#]+)+\s*$", body)
    if tail:
        tags += _TAG_RE.findall(tail.group(0))
        body = body[: tail.start()].rstrip()
    draft.tags = list(dict.fromkeys(t.strip() for t in tags if t.strip()))
    draft.text, draft.title = body, title
    limit = spec.limits.title_max_chars or 20
    if not title:
        draft.flags.append(Flag("missing_title", "没有标题", "error"))
    elif count_chars(title) > limit:
        draft.title = cut_title(title, limit)
        draft.flags.append(Flag("title_too_long", f"标题 {count_chars(title)} 字超过 {limit} 字，已缩短",
                                "error", repaired=True))
    lo, hi = spec.limits.tags_min or 0, spec.limits.tags_max or 99
    if len(draft.tags) > hi:
        draft.flags.append(Flag("too_many_tags", f"{len(draft.tags)} 个标签，保留前 {hi} 个", "error", True))
        draft.tags = draft.tags[:hi]
    if len(draft.tags) < lo:
        extra = [t for t in fallback_tags if t not in draft.tags][: lo - len(draft.tags)]
        draft.tags += extra
        ok = len(draft.tags) >= lo
        draft.flags.append(Flag("too_few_tags", f"标签少于 {lo} 个" + ("，已用品牌/产品补足" if ok else ""),
                                "error", repaired=ok))


def _drop_looped_shots(draft: Draft) -> None:
    """Small models repeat a shot word for word and get cut off mid-shot at max_tokens. A repeated
    voice-over says nothing new and a last shot with no voice-over is a cut-off, so both go before the
    script is re-timed (otherwise the repeats take screen time and the stub gets a fraction of a second)."""
    seen: set[str] = set()
    kept: list[Shot] = []
    for shot in draft.shots:
        key = re.sub(r"[\s\W_]+", "", shot.voiceover)
        if key and key in seen:
            continue
        seen.add(key)
        kept.append(shot)
    repeats = len(draft.shots) - len(kept)
    cut_off = len(kept) > 1 and not kept[-1].voiceover
    if cut_off:
        kept.pop()
    if repeats:
        draft.flags.append(Flag("repeated_shot", f"删除了 {repeats} 个口播重复的镜头", "warning", repaired=True))
    if cut_off:
        draft.flags.append(Flag("cut_off_shot", "删除了末尾没有口播的残缺镜头", "info", repaired=True))
    for number, shot in enumerate(kept, 1):
        shot.index = number
    draft.shots = kept


def _parse_douyin(draft: Draft, spec: ChannelSpec, duration: int) -> None:
    heads = list(_SHOT_RE.finditer(draft.text))
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(draft.text)
        shot = Shot(index=len(draft.shots) + 1, seconds=float(head.group(2)))
        for m in _FIELD_RE.finditer(draft.text[head.end() : end]):
            setattr(shot, {"画面": "visual", "口播": "voiceover", "字幕": "subtitle"}[m.group(1)], m.group(2).strip())
        if shot.voiceover or shot.visual:
            draft.shots.append(shot)
    if not draft.shots:
        draft.flags.append(Flag("bad_format", "没有解析出分镜（需要“镜头1（3秒）/画面/口播/字幕”格式）", "error"))
        return
    _drop_looped_shots(draft)
    total = sum(s.seconds for s in draft.shots)
    if abs(total - duration) > 0.5:
        # Re-time shots in proportion to how much each one says: the voice-over sets the pace.
        weights = [max(count_chars(s.voiceover), 1) for s in draft.shots]
        for s, w in zip(draft.shots, weights, strict=True):
            s.seconds = round(duration * w / sum(weights), 1)
        draft.flags.append(Flag("duration_mismatch", f"分镜合计 {total:g} 秒，已按口播字数重排为 {duration} 秒",
                                "warning", repaired=True))
    spoken = sum(count_chars(s.voiceover) for s in draft.shots)
    target = duration * (spec.speaking_rate_cps or 4.0)
    if spoken > target * 2 or spoken < target * 0.3:
        draft.flags.append(Flag("pace", f"口播 {spoken} 字，{duration} 秒约需 {target:.0f} 字，无法在时长内念完"
                                if spoken > target else f"口播仅 {spoken} 字，{duration} 秒约需 {target:.0f} 字",
                                "error"))
    elif abs(spoken - target) > target * spec.duration_tolerance:
        draft.flags.append(Flag("pace", f"口播 {spoken} 字，{duration} 秒建议约 {target:.0f} 字"))
    draft.text = "\n".join(
        f"镜头{s.index}（{s.seconds:g}秒）\n画面：{s.visual}\n口播：{s.voiceover}\n字幕：{s.subtitle}"
        for s in draft.shots
    )


_BULLET_RE = re.compile(r"^\s*(?:(?:[-•*·]|\d+[.、)])\s*)+")  # nested markers ("- 1. ") go together


def _parse_ecommerce(draft: Draft, spec: ChannelSpec) -> None:
    sec = _sections(draft.text)
    title = (sec.get("标题") or "").split("\n")[0].strip()
    bullets_src = sec.get("卖点") or sec.get("", "")
    # Models keep listing selling points after 描述: those lines are bullets, the rest is the description.
    desc_lines = (sec.get("描述") or "").splitlines()
    draft.bullets = list(dict.fromkeys(
        _BULLET_RE.sub("", line).strip() for line in [*bullets_src.splitlines(), *desc_lines]
        if _BULLET_RE.match(line) and _BULLET_RE.sub("", line).strip()))
    desc = "\n".join(line for line in desc_lines if not _BULLET_RE.match(line)).strip()
    draft.title = title or None
    limit = spec.limits.title_max_chars or 30
    if title and count_chars(title) > limit:
        draft.title = cut_title(title, limit)
        draft.flags.append(Flag("title_too_long", f"标题超过 {limit} 字，已缩短", "error", repaired=True))
    hi = spec.limits.bullets_max or 99
    if len(draft.bullets) > hi:
        draft.bullets = draft.bullets[:hi]
        draft.flags.append(Flag("too_many_bullets", f"卖点超过 {hi} 条，保留前 {hi} 条", "error", True))
    if len(draft.bullets) < (spec.limits.bullets_min or 0):
        draft.flags.append(Flag("too_few_bullets", f"卖点只有 {len(draft.bullets)} 条", "error"))
    draft.text = "\n".join([*(f"- {b}" for b in draft.bullets), *([desc] if desc else [])])


def _soft_checks(draft: Draft, spec: ChannelSpec) -> None:
    h = spec.habits
    lines = [ln for ln in draft.text.splitlines() if ln.strip()]
    if h.fold_after_lines and len(lines) > h.fold_after_lines:
        draft.flags.append(Flag("folded", f"{len(lines)} 行，超过 {h.fold_after_lines} 行会被折叠", "info"))
    if h.hook_max_chars and lines and count_chars(lines[0]) > h.hook_max_chars * 2:
        draft.flags.append(Flag("weak_hook", f"首行 {count_chars(lines[0])} 字，钩子太长", "info"))
    if h.emoji_per_100_chars and draft.text:
        density = emoji_count(draft.text) * 100 / max(count_chars(draft.text), 1)
        if not h.emoji_per_100_chars.min <= density <= h.emoji_per_100_chars.max:
            draft.flags.append(Flag("emoji_density", f"每百字 {density:.1f} 个 emoji，建议 "
                                    f"{h.emoji_per_100_chars.min}–{h.emoji_per_100_chars.max}", "info"))


#: Flags that measure the text as it stands; recomputed whenever a later step edits the text.
_MEASURED = frozenset({"body_too_short", "folded", "weak_hook", "emoji_density"})


def remeasure(draft: Draft, spec: ChannelSpec) -> None:
    """Re-run the channel's length and habit measurements after a check edited the text (a dropped
    repeat, a compliant replacement), so the flags describe the copy that ships, not an earlier draft.
    A fix that leaves the body too short makes the draft rejected, as it would have been from the start."""
    if any(f.kind == "bad_format" for f in draft.flags):
        return
    draft.flags = [f for f in draft.flags if f.kind not in _MEASURED]
    _repair_length(draft, spec)
    _soft_checks(draft, spec)


def shape(spec: ChannelSpec, raw: str, *, duration: int | None = None,
          fallback_tags: list[str] | None = None) -> Draft:
    """Parse, repair and check one raw model output for a channel."""
    draft = Draft(channel=spec.id, raw=raw, text=_clean(raw))
    if spec.format == "plain":
        _parse_plain(draft, spec)
    elif spec.format == "xiaohongshu":
        _parse_xiaohongshu(draft, spec, fallback_tags or [])
    elif spec.format == "douyin":
        _parse_douyin(draft, spec, duration or spec.default_duration_s or 30)
    else:
        _parse_ecommerce(draft, spec)
    if not any(f.kind == "bad_format" for f in draft.flags):
        _repair_length(draft, spec)
        _soft_checks(draft, spec)
    return draft
