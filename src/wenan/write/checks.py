"""Pipeline checks: each looks at a variant and returns flags; some can also repair what they find.

The pipeline runs ``DEFAULT_CHECKS`` in order. Later capabilities (knowledge-base grounding, brand
voice) are more entries in the same list — a check is one class with one ``run`` method.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..channels import ChannelSpec, Draft, Flag, count_chars
from ..exceptions import UnknownNameError
from ..models.base import Model, Request
from .brief import Brief

if TYPE_CHECKING:
    from .pipeline import Variant


@dataclass
class Context:
    brief: Brief
    channel: ChannelSpec
    model: Model | None = None
    #: knowledge-base facts retrieved for this brief: [{"id", "text", "title"?}]
    facts: list[dict[str, Any]] = field(default_factory=list)
    #: the brand's own past posts used as the voice reference
    reference_posts: list[str] = field(default_factory=list)
    voice_profile: Any = None

    @property
    def industry(self) -> str | None:
        """The brief's industry in the compliance vocabulary (free text like 烘焙 maps to a rule pack)."""
        return compliance_industry(self.brief.industry)

    def sources(self) -> list[tuple[str, str, str | None]]:
        """(id, text, title) of everything the copy may state as fact."""
        out: list[tuple[str, str, str | None]] = [(sid, text, "brief") for sid, text in self.brief.source_fields()]
        out += [(str(f["id"]), str(f["text"]), f.get("title")) for f in self.facts]
        return out


class Check(ABC):
    name: str = "check"

    @abstractmethod
    def run(self, variant: Variant, ctx: Context) -> list[Flag]:
        """Return this check's flags for the variant (may also attach data, e.g. citations)."""

    def fix(self, variant: Variant, flags: list[Flag], ctx: Context) -> bool:
        """Try to repair the variant in place; return True if the text changed."""
        return False


class GroundingCheck(Check):
    """Every number, price, date, phone, address and model number must come from the brief (or the brand's facts).

    Without a knowledge base the flag is ``ungrounded_number`` (numbers only, issue-2 contract); with
    facts every claim kind is checked and flagged ``ungrounded_claim`` with citations for the rest.
    """

    name = "grounding"

    def run(self, variant: Variant, ctx: Context) -> list[Flag]:
        from ..ground import NUMERIC_KINDS, Source, check

        sources = [Source(id=sid, text=text, title=title) for sid, text, title in ctx.sources()]
        report = check(variant.draft.claim_text(), sources)
        with_kb = bool(ctx.facts)
        variant.citations = [c.as_dict() for c in report.citations] if with_kb else []
        flags = []
        for item in report.ungrounded:
            claim = item.claim
            if not with_kb and claim.kind not in NUMERIC_KINDS:
                continue
            kind = "ungrounded_claim" if with_kb else "ungrounded_number"
            where = "brief 和知识库" if with_kb else "brief"
            flags.append(Flag(kind, f"“{claim.text}”（{claim.kind}）在{where}中找不到出处", "error", source=self.name))
        return flags


class ComplianceCheck(Check):
    """Advertising-Law and platform rules. Fixes by rewording with a chat model, else by replacement."""

    name = "compliance"

    def __init__(self, review: bool | None = None) -> None:
        from ..config import comply_review

        # The semantic review (comply/review.py) adds advisories for paraphrased claims the rules miss.
        self.review = comply_review(review)
        self._reviewer: Any = None

    def _report(self, variant: Variant, ctx: Context) -> Any:
        from ..comply import check

        return check(variant.draft.full_text(), channel=ctx.channel.id, industry=ctx.industry)

    def run(self, variant: Variant, ctx: Context) -> list[Flag]:
        report = self._report(variant, ctx)
        flags = [
            Flag("compliance", f"“{v.text}”：{v.explanation}（{v.basis}）"
                 + (f" 建议改为：{v.suggestions[0]}" if v.suggestions else ""), "error", source=self.name)
            for v in report.violations
        ]
        if self.review:
            if self._reviewer is None:
                from ..comply.review import default_reviewer

                self._reviewer = default_reviewer()
            hints = self._reviewer.review(variant.draft.full_text(), channel=ctx.channel.id,
                                          skip=[(v.start, v.end) for v in report.violations])
            report.advisories.extend(hints)
            flags += [Flag("compliance_review", f"“{a.text}”：{a.message}", "warning", source=self.name)
                      for a in hints]
        variant.compliance = report.to_dict()
        return flags

    def fix(self, variant: Variant, flags: list[Flag], ctx: Context) -> bool:
        from ..comply import check, fix

        report = self._report(variant, ctx)
        if not report.violations:
            return False
        if ctx.model is not None and ctx.model.is_chat:
            problems = "\n".join(f"- {f.detail}" for f in flags if f.kind == "compliance")
            prompt = (f"下面这段{ctx.channel.name}文案有违反《广告法》或平台规则的表述：\n{problems}\n\n"
                      f"请只改写这些表述，保持其余内容、格式和长度不变，直接输出改写后的完整文案：\n\n"
                      f"{variant.draft.raw}")
            try:
                response = ctx.model.generate(Request(prompt=prompt, max_tokens=variant.max_tokens,
                                                      temperature=0.3))
                rewritten = response.text
                variant.usage.add(response.usage)  # the rewrite is paid for too: count it
            except Exception:  # a failed rewrite falls through to deterministic replacement
                rewritten = ""
            if rewritten.strip() and variant.reshape(rewritten, ctx) and not self._report(variant, ctx).violations:
                return True
        def violations(value: str) -> Any:
            return check(value, channel=ctx.channel.id, industry=ctx.industry)

        draft = variant.draft
        if draft.title:
            draft.title = fix(draft.title, violations(draft.title))
        draft.text = fix(draft.text, violations(draft.text))
        draft.tags = [t for t in draft.tags if not violations(t).violations]
        return True


def compliance_industry(name: str | None) -> str | None:
    """Briefs carry free-text industries (烘焙, 母婴…); unknown ones get the general rule pack, not an error."""
    from ..comply._scope import resolve_industry

    if not name:
        return None
    try:
        return resolve_industry(name)
    except UnknownNameError:
        pass
    # Order matters: 保健食品 must win over 食品, 医美 over 美妆.
    for keywords, industry in _INDUSTRY_KEYWORDS:
        if any(k in name for k in keywords):
            return industry
    return "general"


_INDUSTRY_KEYWORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("保健",), "health_food"),
    (("医", "药", "诊所", "口腔", "牙"), "medical"),
    (("美妆", "护肤", "化妆", "彩妆", "个护"), "cosmetics"),
    (("金融", "理财", "投资", "加盟", "招商", "保险"), "finance"),
    (("教育", "培训", "课程", "辅导", "留学"), "education"),
    (("房", "地产", "楼盘"), "real_estate"),
    (("食", "烘焙", "餐", "饮", "茶", "咖啡", "奶", "农产品", "生鲜", "零食", "酒", "水果"), "food"),
)


def length_penalty(text: str, ctx: Context) -> float:
    target = ctx.channel.target_chars(ctx.brief.length)
    n = count_chars(text)
    if target.min <= n <= target.max:
        return 0.0
    edge = target.min if n < target.min else target.max
    return min(0.3, 0.3 * abs(n - edge) / max(edge, 1))


class LeakCheck(Check):
    """Copy must not recite the prompt. Hostile documents may make the model print its instructions
    (``prompt_leak``), and small base models often copy a few-shot exemplar wholesale (``copied_exemplar``,
    another brand's facts presented as this one's). Flags any run of ``MIN_RUN`` characters taken from the
    system prompt or the exemplars that is not in the brief or facts themselves.
    """

    name = "leak"
    MIN_RUN = 16
    MIN_TITLE = 8

    def __init__(self, system_prompt: str = "", exemplars: str = "") -> None:
        self.texts = [("prompt_leak", "系统提示词", _squash_ws(system_prompt)),
                      ("copied_exemplar", "示例文案", _squash_ws(exemplars))]

    def run(self, variant: Variant, ctx: Context) -> list[Flag]:
        text = _squash_ws(variant.draft.full_text())
        allowed = "".join(_squash_ws(t) for _, t, _ in ctx.sources())
        flags = []
        for kind, label, source in self.texts:
            if len(source) < self.MIN_RUN:
                continue
            for i in range(0, max(len(text) - self.MIN_RUN + 1, 0), self.MIN_RUN // 2):
                window = text[i : i + self.MIN_RUN]
                if len(window) == self.MIN_RUN and window in source and window not in allowed:
                    flags.append(Flag(kind, f"文案照抄了{label}（“{window[:12]}…”），已拦截", "error",
                                      source=self.name))
                    break
        # Titles are shorter than MIN_RUN, and a base model often reuses an exemplar's title whole
        # (洗完澡别急着穿衣服，先做这一步 on a face cream): someone else's hook is not this brand's title.
        title = _squash_ws(variant.draft.title or "")
        if (len(title) >= self.MIN_TITLE and title not in allowed and not flags
                and any(title in source for _, _, source in self.texts)):
            flags.append(Flag("copied_exemplar", f"标题照抄了示例（“{variant.draft.title}”），已拦截", "error",
                              source=self.name))
        return flags


def _squash_ws(text: str) -> str:
    return "".join(text.split())


class VoiceCheck(Check):
    """How close the variant sounds to the brand's own posts; words the brand never uses are flagged."""

    name = "voice"

    def __init__(self, words_to_avoid: list[str] | None = None) -> None:
        self.words_to_avoid = words_to_avoid or []

    def run(self, variant: Variant, ctx: Context) -> list[Flag]:
        text = variant.draft.full_text()
        flags = [Flag("avoid_word", f"使用了品牌禁用词“{w}”", "warning", source=self.name)
                 for w in self.words_to_avoid if w and w in text]
        if ctx.voice_profile is not None:
            from ..voice import voice_score

            variant.voice = voice_score(text, ctx.voice_profile, ctx.reference_posts or None)
        return flags

    def fix(self, variant: Variant, flags: list[Flag], ctx: Context) -> bool:
        return False


class QualityCheck(Check):
    """Copy must be about the product, be prose, and not repeat itself. Small models drift off topic,
    emit tag soup, or circle on one clause; these are the failures a reader notices first."""

    name = "quality"
    MIN_PROSE_CHARS = 15
    MIN_UNIQUE_RATIO = 0.7

    def run(self, variant: Variant, ctx: Context) -> list[Flag]:
        draft = variant.draft
        body = draft.claim_text() if draft.shots else draft.text  # a title alone does not make copy on-topic
        flags = []
        product = re.sub(r"\s+", "", ctx.brief.product or ctx.brief.brand)
        grams = {product[i : i + 2] for i in range(len(product) - 1)} or ({product} if product else set())
        if grams and not any(g in body for g in grams):
            flags.append(Flag("off_topic", f"正文没有提到“{ctx.brief.product or ctx.brief.brand}”", "warning",
                              source=self.name))
        # Joined with newlines: a line break ends a clause, and clauses must not merge across lines.
        prose = "\n".join(line for line in body.splitlines() if not line.lstrip().startswith("#"))
        if len(_CJK_RE.findall(prose)) < self.MIN_PROSE_CHARS:
            flags.append(Flag("no_prose", "几乎没有正文内容", "warning", source=self.name))
        clauses = [c for c in (_squash_clause(c) for c in _CLAUSE_RE.split(prose)) if len(c) >= 2]
        if len(clauses) >= 4 and len(set(clauses)) / len(clauses) < self.MIN_UNIQUE_RATIO:
            flags.append(Flag("repetitive", f"{len(clauses) - len(set(clauses))} 处重复的句子", "warning",
                              source=self.name))
        missing, total = draft_coverage(draft, ctx.brief)
        if missing:
            # The offer is what a promotion post is for; a draft without it, or without any selling point,
            # needs the marketer's attention. Other gaps only lower the rank (see ``pipeline.score``).
            serious = ctx.brief.offer in missing or len(missing) == total
            flags.append(Flag("missing_points", "没有用到需求里的：" + "；".join(missing),
                              "warning" if serious else "info", source=self.name))
        empty = [s.index for s in draft.shots if not (s.visual and s.voiceover)]
        if empty:
            flags.append(Flag("empty_shot", f"镜头 {'、'.join(map(str, empty))} 缺少画面或口播", "warning",
                              source=self.name))
        return flags

    def fix(self, variant: Variant, flags: list[Flag], ctx: Context) -> bool:
        # Only repetition is repairable by editing: small models circle on one sentence until
        # max_tokens, and the first occurrence of each sentence is usually the readable copy.
        draft = variant.draft
        if draft.shots or not any(f.kind == "repetitive" for f in flags):
            return False
        text = drop_repeated_clauses(draft.text)
        if text == draft.text:
            return False
        draft.text = text
        return True


_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
COVERED_SHARE = 0.5  # of an item's character pairs found in the copy: 纯牛奶和菌种 conveys 只用鲜牛奶和菌种


def brief_coverage(text: str, brief: Brief) -> tuple[list[str], int]:
    """(the selling points and offer the copy does not convey, how many there are).

    Facts are left out: the brief lists them as what the copy *may* use. An item counts as conveyed when
    half of its character pairs occur in the copy, so a paraphrase that keeps the key words passes and a
    draft about something else does not.
    """
    items = [p for p in (*brief.selling_points, brief.offer) if p and p.strip()]
    have = _pairs(text)
    missing = []
    for item in items:
        pairs = _pairs(item)
        if pairs and len(pairs & have) < COVERED_SHARE * len(pairs):
            missing.append(item.strip())
    return missing, len(items)


def draft_coverage(draft: Draft, brief: Brief) -> tuple[list[str], int]:
    """``brief_coverage`` of a draft's title and copy (a script's voice-over and subtitles, not its shot notes)."""
    body = draft.claim_text() if draft.shots else draft.text
    return brief_coverage(f"{draft.title or ''}\n{body}", brief)


def _pairs(text: str) -> set[str]:
    squashed = _squash_clause(text).lower()
    return {squashed[i:i + 2] for i in range(len(squashed) - 1)} or ({squashed} if squashed else set())
_CLAUSE_PUNCT = "，,。！!？?；;、~～…"
_CLAUSE_RE = re.compile(f"[{_CLAUSE_PUNCT}\n]+")


def _squash_clause(clause: str) -> str:
    return re.sub(r"[\s\W_]+", "", clause)


_CLAUSE_WITH_END_RE = re.compile(f"[^{_CLAUSE_PUNCT}\n]+[{_CLAUSE_PUNCT}]*")


def drop_repeated_clauses(text: str, min_chars: int = 4) -> str:
    """Drop later repeats of clauses of ``min_chars``+ characters (short ones like 好吃、真的 repeat
    naturally). A line that loses clauses keeps the rest only if it still says something (2 x
    ``min_chars`` characters), so no dangling fragments (所以，每次) are left. Lines without repeats
    are untouched. Returns the text unchanged rather than empty."""
    seen: set[str] = set()
    lines = []
    for line in text.splitlines():
        kept, dropped = [], False
        for clause in _CLAUSE_WITH_END_RE.findall(line):
            key = _squash_clause(clause)
            if len(key) >= min_chars and key in seen:
                dropped = True
                continue
            seen.add(key)
            kept.append((clause, key))
        if not dropped:
            lines.append(line)
        elif sum(len(key) for _, key in kept) >= 2 * min_chars:
            lines.append("".join(clause for clause, _ in kept).rstrip("，,、；;"))
    if not "".join(lines).strip():
        return text
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()

DEFAULT_CHECKS: tuple[type[Check], ...] = (QualityCheck, ComplianceCheck, GroundingCheck)
