"""Typed prompt templates and exemplars, and how a template turns a brief into prompts.

A ``Template`` carries three Jinja sources: ``system`` + ``user`` for chat models and ``completion`` for
base models (a few-shot document that ends where the new copy begins). All three see the same context:

    brief         the Brief
    channel       the ChannelSpec (output_instructions, limits, habits, target_chars(...))
    facts         [Fact(id, text)] retrieved from the brand's knowledge base, maybe empty
    voice         a paragraph describing the brand's style, maybe ""
    exemplars     [Exemplar] few-shot examples, most relevant first
    duration      seconds of video (douyin: brief.duration or channel.default_duration_s), else None
    spoken_chars  duration x channel.speaking_rate_cps, rounded (douyin), else None
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from ..channels.spec import ChannelSpec, get_channel
from ..exceptions import TemplateError, UnknownNameError
from ._jinja import compile_source
from ._pick import pick_exemplars

if TYPE_CHECKING:
    from ..write.brief import Brief

#: The embedded base model reads the completion document on a CPU; past this many characters exemplars
#: are dropped (least relevant first, never the last one) until the document fits.
COMPLETION_MAX_CHARS = 1200

_NAME = r"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$"


def format_validation_error(exc: ValidationError, *, prefix: str = "") -> str:
    """``field.path: message`` for every error, joined — names the field a user has to fix."""
    parts = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in (prefix, *err["loc"]) if p != "") or "(整个文件)"
        msg = "未知字段" if err["type"] == "extra_forbidden" else err["msg"]
        parts.append(f"{loc}: {msg}")
    return "；".join(parts)


class Fact(BaseModel):
    """One retrieved knowledge-base statement. Extra keys a retriever adds (score, …) are ignored."""

    model_config = ConfigDict(extra="ignore", frozen=True, str_strip_whitespace=True)
    id: str = Field(min_length=1)
    text: str = Field(min_length=1)


class Exemplar(BaseModel):
    """A brief and the copy a top copywriter wrote for it, used for few-shot prompting.

    ``brief`` is validated as a ``Brief`` (without ``channel``: the bank decides that) and stored
    normalised — every Brief field present — so templates can write ``ex.brief.offer`` safely.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=_NAME)
    industry: str = Field(min_length=1)
    brief: dict[str, Any]
    output: str = Field(min_length=1)

    @field_validator("brief")
    @classmethod
    def _valid_brief(cls, value: dict[str, Any]) -> dict[str, Any]:
        from ..write.brief import Brief  # not at import time: wenan.write imports this package

        if "channel" in value:
            raise ValueError("范例的 brief 不能写 channel（渠道由范例库决定）")
        try:
            brief = Brief.model_validate(value)
        except ValidationError as exc:
            raise ValueError(f"不是有效的 brief：{format_validation_error(exc)}") from None
        return brief.model_dump(exclude={"channel"})

    @field_validator("output")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()


class RenderedPrompt(BaseModel):
    """What a model is sent, plus the provenance recorded with every output."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    system: str
    user: str
    completion: str
    stop: list[str]
    template_id: str
    template_version: int
    exemplar_ids: list[str]

    def messages(self) -> list[dict[str, str]]:
        """OpenAI-style chat messages."""
        return [{"role": "system", "content": self.system}, {"role": "user", "content": self.user}]


class Template(BaseModel):
    """One versioned expert prompt for one channel. Bump ``version`` on every change to the text."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=_NAME, description="如 moments.expert")
    version: int = Field(ge=1, description="文本有任何改动都要加一；输出会记录它")
    channel: str
    description: str = Field(min_length=1)
    system: str = Field(min_length=1, description="Jinja2：聊天模型的 system 消息")
    user: str = Field(min_length=1, description="Jinja2：聊天模型的 user 消息")
    completion: str = Field(min_length=1, description="Jinja2：基础模型续写用的少样本文档")
    stop: list[str] = Field(default_factory=list, description="基础模型的停止串")
    exemplars: str = Field(pattern=_NAME, description="范例库名，如 moments")

    #: Where exemplar banks are looked up at render time (set by the loader; None = default user dir).
    _user_dir: Path | None = PrivateAttr(default=None)

    @field_validator("channel")
    @classmethod
    def _known_channel(cls, value: str) -> str:
        try:
            get_channel(value)
        except UnknownNameError as exc:
            raise ValueError(str(exc)) from None
        return value

    @field_validator("system", "user", "completion")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            compile_source(value)
        except jinja2.TemplateSyntaxError as exc:
            raise ValueError(f"Jinja 语法错误（第 {exc.lineno} 行）：{exc.message}") from None
        return value

    @field_validator("stop")
    @classmethod
    def _no_empty_stop(cls, value: list[str]) -> list[str]:
        if any(not s for s in value):
            raise ValueError("停止串不能为空字符串")
        return value

    def context(
        self,
        brief: Brief,
        *,
        facts: Sequence[Fact] = (),
        voice: str | None = "",
        exemplars: Sequence[Exemplar] = (),
    ) -> dict[str, Any]:
        """The variables every source is rendered with (all always present)."""
        channel = get_channel(self.channel)
        duration, spoken_chars = _speech(brief, channel)
        return {
            "brief": brief,
            "channel": channel,
            "facts": list(facts),
            "voice": (voice or "").strip(),
            "exemplars": list(exemplars),
            "duration": duration,
            "spoken_chars": spoken_chars,
        }

    def render(
        self,
        brief: Brief | Mapping[str, Any],
        *,
        facts: Iterable[Mapping[str, Any] | Fact] = (),
        voice: str | None = "",
        exemplars: Sequence[Exemplar] | None = None,
        k: int = 3,
    ) -> RenderedPrompt:
        """Render system, user and completion prompts for one brief.

        ``exemplars=None`` picks the ``k`` most relevant from this template's bank; a list is used as
        given (its first ``k``). The same exemplars feed both forms; if the completion document would
        exceed ``COMPLETION_MAX_CHARS`` the least relevant are dropped (at least one stays).
        """
        from ..write.brief import Brief, parse_brief

        brief = brief if isinstance(brief, Brief) else parse_brief(dict(brief))
        fact_list = _facts(facts)
        if exemplars is None:
            from ._loader import load_exemplars  # the loader imports this module

            chosen = pick_exemplars(brief, load_exemplars(self.exemplars, user_dir=self._user_dir), k)
        else:
            chosen = list(exemplars)[: max(k, 0)]

        ctx = self.context(brief, facts=fact_list, voice=voice, exemplars=chosen)
        completion = self._render("completion", ctx)
        while len(completion) > COMPLETION_MAX_CHARS and len(chosen) > 1:
            chosen = chosen[:-1]
            ctx["exemplars"] = chosen
            completion = self._render("completion", ctx)
        return RenderedPrompt(
            system=self._render("system", ctx),
            user=self._render("user", ctx),
            completion=completion,
            stop=list(self.stop),
            template_id=self.id,
            template_version=self.version,
            exemplar_ids=[ex.id for ex in chosen],
        )

    def _render(self, part: str, ctx: dict[str, Any]) -> str:
        try:
            text = compile_source(getattr(self, part)).render(ctx)
        except jinja2.UndefinedError as exc:
            raise TemplateError(
                f"模板 {self.id} v{self.version} 的 {part} 渲染失败：{exc.message}",
                hint="检查变量名；可用变量：brief, channel, facts, voice, exemplars, duration, spoken_chars",
            ) from None
        except Exception as exc:  # a filter or method raised: still the template's fault
            raise TemplateError(f"模板 {self.id} v{self.version} 的 {part} 渲染失败：{exc}") from exc
        return _tidy(text)


_BLANK_RUNS = re.compile(r"\n{3,}")


def _tidy(text: str) -> str:
    """Strip trailing spaces and collapse blank-line runs left by omitted blocks; keep a final newline."""
    body = _BLANK_RUNS.sub("\n\n", "\n".join(line.rstrip() for line in text.splitlines())).strip("\n")
    return body + "\n" if text.endswith("\n") else body


def _speech(brief: Brief, channel: ChannelSpec) -> tuple[int | None, int | None]:
    if not channel.speaking_rate_cps:
        return brief.duration, None
    duration = brief.duration or channel.default_duration_s
    if duration is None:
        return None, None
    return duration, round(duration * channel.speaking_rate_cps)


def _facts(facts: Iterable[Mapping[str, Any] | Fact]) -> list[Fact]:
    out: list[Fact] = []
    for i, fact in enumerate(facts):
        if isinstance(fact, Fact):
            out.append(fact)
            continue
        try:
            out.append(Fact.model_validate(fact))
        except ValidationError as exc:
            raise TemplateError(
                f"facts[{i}] 无效：{format_validation_error(exc)}",
                hint='每条资料写成 {"id": "kb:12", "text": "……"}',
            ) from None
    return out
