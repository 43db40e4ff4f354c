"""Channel specs: the measurable rules of each channel, loaded from validated YAML shipped in the package.

All lengths are counted in characters as a Chinese reader counts them (see ``count_chars``), never words.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..exceptions import TemplateError, UnknownNameError

Format = Literal["plain", "xiaohongshu", "douyin", "ecommerce"]


class Range(BaseModel):
    model_config = ConfigDict(extra="forbid")
    min: int = Field(ge=0)
    max: int = Field(ge=1)


class Limits(BaseModel):
    """Hard limits: output breaking these is repaired or rejected, never shipped."""

    model_config = ConfigDict(extra="forbid")
    body_max_chars: int = Field(ge=10)
    body_min_chars: int = Field(0, ge=0)
    title_max_chars: int | None = None
    tags_min: int | None = None
    tags_max: int | None = None
    bullets_min: int | None = None
    bullets_max: int | None = None


class Habits(BaseModel):
    """Soft norms: breaking these lowers the score but does not reject the variant."""

    model_config = ConfigDict(extra="forbid")
    fold_after_lines: int | None = None
    hook_max_chars: int | None = Field(None, description="第一行（钩子）建议长度上限")
    emoji_per_100_chars: Range | None = None
    needs_cta: bool = True


class ChannelSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    name: str
    description: str
    format: Format
    limits: Limits
    habits: Habits
    length_targets: dict[Literal["short", "medium", "long"], Range]
    default_length: Literal["short", "medium", "long"] = "medium"
    #: douyin only: spoken Chinese at a natural ad pace (characters per second of 口播).
    speaking_rate_cps: float | None = None
    default_duration_s: int | None = None
    duration_tolerance: float = 0.15
    output_instructions: str = Field(description="告诉模型输出格式的说明，模板会引用")

    def target_chars(self, length: str | int | None) -> Range:
        if isinstance(length, int):
            return Range(min=max(1, int(length * 0.8)), max=int(length * 1.2))
        return self.length_targets[length or self.default_length]  # type: ignore[index]


def _data():
    return resources.files("wenan.channels") / "data"


@cache
def _load_all() -> dict[str, ChannelSpec]:
    specs: dict[str, ChannelSpec] = {}
    for entry in sorted(_data().iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        try:
            spec = ChannelSpec.model_validate(yaml.safe_load(entry.read_text("utf-8")))
        except (ValidationError, yaml.YAMLError) as exc:
            raise TemplateError(f"channel spec {entry.name} is invalid: {exc}") from exc
        specs[spec.id] = spec
    return specs


def list_channels() -> list[str]:
    return sorted(_load_all())


def get_channel(name: str) -> ChannelSpec:
    specs = _load_all()
    if name not in specs:
        raise UnknownNameError("渠道", name, list(specs))
    return specs[name]
