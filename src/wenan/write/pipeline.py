"""brief → template → N variants (streamed) → channel shaping → checks (+ fixes) → score → rank."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from ..channels import Draft, Flag, get_channel, remeasure, shape
from ..models.base import Model, Request, Usage
from ..templates import RenderedPrompt, get_template
from .brand import BrandContext
from .brief import Brief
from .checks import (
    DEFAULT_CHECKS,
    Check,
    ComplianceCheck,
    Context,
    LeakCheck,
    VoiceCheck,
    compliance_industry,
    draft_coverage,
    length_penalty,
)

#: Flag kinds that mean "this variant states something it must not": never ranked above a clean one.
BLOCKING = {"compliance", "ungrounded_number", "ungrounded_claim", "prompt_leak", "copied_exemplar"}
PENALTY = {"error": 0.3, "warning": 0.08, "info": 0.02}
KIND_PENALTY = {
    "copied_exemplar": 0.5, "prompt_leak": 0.6, "compliance": 0.4, "ungrounded_number": 0.3,
    "ungrounded_claim": 0.3, "off_topic": 0.35, "no_prose": 0.5, "repetitive": 0.3, "empty_shot": 0.2,
    "missing_points": 0.0,  # scored by how much of the brief is missing, below
}
MISSING_POINTS_WEIGHT = 0.2  # a draft that conveys none of the selling points and offer loses this much

Event = tuple[str, int, Any]  # ("start"|"chunk"|"retry"|"done", variant index, payload)


@dataclass
class Variant:
    draft: Draft
    max_tokens: int
    score: float = 0.0
    attempts: int = 1
    usage: Usage = field(default_factory=Usage)
    citations: list[dict[str, Any]] = field(default_factory=list)
    compliance: dict[str, Any] | None = None
    voice: float | None = None
    model: str = ""

    @property
    def flags(self) -> list[Flag]:
        return self.draft.flags

    @property
    def blocked(self) -> bool:
        return any(f.kind in BLOCKING for f in self.flags)

    def reshape(self, raw: str, ctx: Context) -> bool:
        """Replace the draft with a new raw output (e.g. a compliant rewrite) if it still parses."""
        draft = _shape(raw, ctx)
        if draft.rejected:
            return False
        self.draft = draft
        return True

    def as_dict(self) -> dict[str, Any]:
        d = self.draft
        out: dict[str, Any] = {"text": d.text, "score": round(self.score, 4),
                               "flags": [f.as_dict() for f in d.flags]}
        if d.title is not None or d.channel in ("xiaohongshu", "ecommerce"):
            out["title"] = d.title
        if d.channel == "xiaohongshu":
            out["tags"] = d.tags
        if d.bullets:
            out["bullets"] = d.bullets
        if d.shots:
            out["shots"] = [s.__dict__ for s in d.shots]
        if self.citations:
            out["citations"] = self.citations
        if self.voice is not None:
            out["voice"] = round(self.voice, 4)
        out["attempts"] = self.attempts
        return out


@dataclass
class WriteResult:
    variants: list[Variant]
    rejected: list[Variant]
    model: str
    template: dict[str, Any]
    usage: Usage
    brief_flags: list[Flag] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "variants": [v.as_dict() for v in self.variants],
            "model": self.model,
            "template": self.template,
            "usage": self.usage.as_dict(),
            "brief_flags": [f.as_dict() for f in self.brief_flags],
            "rejected": [{"text": v.draft.text, "flags": [f.as_dict() for f in v.flags]} for v in self.rejected],
        }


_LOOP_RE = re.compile(r"(.{1,16}?)\1{6,}$", re.S)
_SPACES_RE = re.compile(r"[ \t\u3000]+")


def _squash(text: str) -> str:
    # Loops drift in whitespace ("#无 \n#无\n"); compare what a reader sees.
    return _SPACES_RE.sub("", text).rstrip()


def looping(tail: str) -> bool:
    """True when the text ends in a short unit repeated 7+ times, in the same line 4+ times, or in
    48 characters drawn from at most 8 distinct ones (tag soup like "#吃 #喝 #吃 #洗完澡 #吃 …", which
    never repeats exactly; real Chinese copy uses 30+ distinct characters in that span)."""
    squashed = _squash(tail)
    if _LOOP_RE.search(squashed):
        return True
    window = squashed[-48:]
    if len(window) == 48 and len(set(window)) <= 8:
        return True
    lines = [ln for ln in squashed.splitlines() if ln]
    return len(lines) >= 4 and len(set(lines[-4:])) == 1


def trim_loop(text: str) -> str:
    """Keep one copy of a trailing repeated unit or line."""
    out: list[str] = []
    for line in text.rstrip().splitlines():
        if out and line.strip() and _squash(line) == _squash(out[-1]):
            continue
        out.append(line)
    return _LOOP_RE.sub(r"\1", "\n".join(out))


def _shape(raw: str, ctx: Context) -> Draft:
    b = ctx.brief
    fallback_tags = [t for t in (b.brand, b.product, *(b.selling_points[:3])) if t and len(t) <= 12]
    return shape(ctx.channel, raw, duration=b.duration, fallback_tags=fallback_tags)


def default_max_tokens(ctx: Context) -> int:
    # Chinese runs ~1–1.5 chars per token on common tokenizers; formats add labels, tags and shot headers.
    target = ctx.channel.target_chars(ctx.brief.length).max
    overhead = {"plain": 40, "xiaohongshu": 120, "douyin": 200, "ecommerce": 120}[ctx.channel.format]
    if ctx.channel.format == "douyin":
        seconds = ctx.brief.duration or ctx.channel.default_duration_s or 30
        target = int(seconds * (ctx.channel.speaking_rate_cps or 4) * 2.2)  # 画面 + 字幕 roughly double it
    return int(target * 1.3) + overhead


class Writer:
    """Runs the write pipeline with one model. Reusable across briefs (the model stays loaded)."""

    def __init__(self, model: Model, *, template_id: str | None = None, checks: Sequence[Check] | None = None,
                 max_attempts: int = 2, temperature: float = 0.8, max_tokens: int | None = None,
                 seed: int | None = None, on_event: Callable[[Event], None] | None = None,
                 review: bool | None = None) -> None:
        self.model = model
        self.template_id = template_id
        self.checks = list(checks) if checks is not None else [
            ComplianceCheck(review) if c is ComplianceCheck else c() for c in DEFAULT_CHECKS]
        self.max_attempts = max(1, max_attempts)
        self.temperature = temperature
        self.max_tokens = max_tokens
        self.seed = seed
        self.on_event = on_event or (lambda event: None)
        self._event_lock = threading.Lock()

    def check_brief(self, brief: Brief) -> list[Flag]:
        """A brief asking for 全网第一 is told why not before any tokens are spent."""
        from ..comply import check

        text = "\n".join(t for _, t in brief.source_fields())
        report = check(text, channel=brief.channel, industry=compliance_industry(brief.industry))
        return [Flag("brief_compliance", f"brief 中的“{v.text}”：{v.explanation}（{v.basis}），生成的文案不应使用它",
                     "warning", source="compliance") for v in report.violations]

    def write(self, brief: Brief, n: int = 3, *, brand: BrandContext | None = None) -> WriteResult:
        """Write ``n`` variants. ``brand`` (see ``write.brand.load_brand_context``) adds facts and voice."""
        ctx = Context(brief=brief, channel=get_channel(brief.channel), model=self.model)
        if brand is not None:
            ctx.facts, ctx.reference_posts, ctx.voice_profile = brand.facts, brand.reference_posts, brand.profile
        template = get_template(brief.channel, self.template_id)
        prompt = template.render(brief, facts=ctx.facts, voice=brand.voice if brand else "")
        checks = [*self.checks, LeakCheck(prompt.system, prompt.completion)]
        if brand is not None:
            checks.append(VoiceCheck(brand.words_to_avoid))
        brief_flags = self.check_brief(brief)
        workers = min(n, self.model.max_concurrency)
        if workers > 1:
            with ThreadPoolExecutor(max_workers=workers) as pool:
                variants = list(pool.map(lambda i: self._one(i, prompt, ctx, checks), range(n)))
        else:
            variants = [self._one(i, prompt, ctx, checks) for i in range(n)]
        usage = Usage()
        for v in variants:
            usage.add(v.usage)
        kept = sorted((v for v in variants if not v.draft.rejected), key=lambda v: (v.blocked, -v.score))
        rejected = [v for v in variants if v.draft.rejected]
        return WriteResult(variants=kept, rejected=rejected,
                           model=variants[-1].model if variants else self.model.model_id,
                           template={"id": prompt.template_id, "version": prompt.template_version,
                                     "exemplars": prompt.exemplar_ids},
                           usage=usage, brief_flags=brief_flags)

    def _request(self, prompt: RenderedPrompt, ctx: Context, attempt_seed: int | None) -> Request:
        return Request(system=prompt.system, prompt=prompt.user,
                       completion_prompt=None if self.model.is_chat else prompt.completion,
                       # "\n【" ends the copy even when the base model skips the ### separator.
                       stop=[] if self.model.is_chat else [*prompt.stop, "\n【"],
                       max_tokens=self.max_tokens or default_max_tokens(ctx),
                       temperature=self.temperature, seed=attempt_seed)

    def _emit(self, event: Event) -> None:
        with self._event_lock:  # variants may run on worker threads; the printer is not thread-safe
            self.on_event(event)

    def _one(self, index: int, prompt: RenderedPrompt, ctx: Context, checks: list[Check]) -> Variant:
        best: Variant | None = None
        spent = Usage()
        for attempt in range(1, self.max_attempts + 1):
            seed = None if self.seed is None else self.seed + index * 101 + attempt
            request = self._request(prompt, ctx, seed)
            self._emit(("start" if attempt == 1 else "retry", index, attempt))
            response, chunks = self.model.stream(request)
            parts: list[str] = []
            for chunk in chunks:
                parts.append(chunk)
                self._emit(("chunk", index, chunk))
                if len(parts) % 8 == 0 and looping("".join(parts[-64:])):
                    # Small base models fall into loops ("#无\n#无\n…"); stop paying for them.
                    chunks.close()  # type: ignore[attr-defined]
                    response.usage.completion_tokens = max(response.usage.completion_tokens, len(parts))
                    break
            text = trim_loop("".join(parts))
            spent.add(response.usage)
            variant = Variant(draft=_shape(text, ctx), max_tokens=request.max_tokens, attempts=attempt,
                              model=response.model)
            run_checks(variant, ctx, checks)
            spent.add(variant.usage)  # model calls made by checks (a compliance rewrite)
            if best is None or (variant.draft.rejected, variant.blocked, -variant.score) < (
                    best.draft.rejected, best.blocked, -best.score):
                best = variant
            if not best.draft.rejected and not best.blocked:
                break
        assert best is not None
        best.usage = spent
        self._emit(("done", index, best))
        return best


def run_checks(variant: Variant, ctx: Context, checks: Sequence[Check]) -> None:
    if variant.draft.rejected:
        variant.score = 0.0
        return
    for check in checks:
        flags = check.run(variant, ctx)
        if flags and check.fix(variant, flags, ctx):
            remeasure(variant.draft, ctx.channel)
            flags = check.run(variant, ctx)
            fixed_note = Flag(f"{check.name}_fixed", "已自动修正部分表述", "info", repaired=True,
                              source=check.name)
            variant.draft.flags.append(fixed_note)
        variant.draft.flags.extend(flags)
    variant.score = score(variant, ctx)


def score(variant: Variant, ctx: Context) -> float:
    s = 1.0
    for f in variant.flags:
        if f.repaired:
            s -= 0.03
        else:
            s -= KIND_PENALTY.get(f.kind, PENALTY[f.severity])
    s -= length_penalty(variant.draft.text, ctx)
    if any(f.kind == "missing_points" for f in variant.flags):
        missing, total = draft_coverage(variant.draft, ctx.brief)
        s -= MISSING_POINTS_WEIGHT * len(missing) / max(1, total)
    cta = ctx.brief.cta
    if cta and ctx.channel.habits.needs_cta and cta[:4] not in variant.draft.text:
        s -= 0.05
    if variant.voice is not None:
        s = 0.75 * s + 0.25 * variant.voice
    return max(0.0, min(1.0, s))
