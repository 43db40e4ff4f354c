"""The brief: everything a copywriter is told before writing. Typed, strict, loadable from YAML/JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from ..exceptions import BriefError

#: A brief is a page of facts, not a document; anything bigger is almost certainly the wrong file.
MAX_BRIEF_BYTES = 64 * 1024

Length = Literal["short", "medium", "long"]


class Brief(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    brand: str = Field("", max_length=100, description="品牌名")
    product: str = Field("", max_length=200, description="产品或服务")
    selling_points: list[str] = Field(default_factory=list, max_length=20, description="卖点")
    audience: str = Field("", max_length=300, description="目标人群")
    offer: str = Field("", max_length=300, description="活动/优惠")
    facts: list[str] = Field(
        default_factory=list, max_length=50, description="文案可以使用的真实信息（价格、地址、日期…）"
    )
    tone: str = Field("", max_length=100, description="语气")
    channel: str = Field("moments", description="渠道：moments / xiaohongshu / douyin / ecommerce")
    cta: str = Field("", max_length=200, description="行动号召")
    length: Length | int | None = Field(None, description="篇幅：short / medium / long 或目标字数")
    duration: int | None = Field(None, ge=5, le=600, description="短视频时长（秒），仅 douyin")
    industry: str | None = Field(None, max_length=50, description="行业，用于合规规则")

    @field_validator("selling_points", "facts", mode="before")
    @classmethod
    def _split_string(cls, value: Any) -> Any:
        # YAML authors often write one line instead of a list; accept it rather than fail.
        if isinstance(value, str):
            return [part.strip() for part in value.replace("；", "\n").splitlines() if part.strip()]
        return value

    @field_validator("selling_points", "facts")
    @classmethod
    def _drop_empty(cls, value: list[str]) -> list[str]:
        return [item.strip() for item in value if item and item.strip()]

    @field_validator("length", mode="before")
    @classmethod
    def _length_alias(cls, value: Any) -> Any:
        aliases = {"短": "short", "中": "medium", "长": "long"}
        if isinstance(value, str) and value.strip().isdigit():
            return int(value)
        return aliases.get(value, value) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _not_empty(self) -> Brief:
        if not (self.product or self.brand or self.selling_points):
            raise ValueError("brief 至少需要 product、brand 或 selling_points 之一")
        return self

    def source_fields(self) -> list[tuple[str, str]]:
        """(id, text) for every statement the copy may rely on — the grounding sources."""
        out: list[tuple[str, str]] = []
        for name in ("brand", "product", "audience", "offer", "cta"):
            value = getattr(self, name)
            if value:
                out.append((f"brief.{name}", value))
        for name in ("selling_points", "facts"):
            out.extend((f"brief.{name}[{i}]", v) for i, v in enumerate(getattr(self, name)))
        return out


def _format_errors(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"]) or "brief"
        if err["type"] == "extra_forbidden":
            parts.append(f"未知字段 {loc!r}")
        else:
            parts.append(f"{loc}: {err['msg']}")
    return "；".join(parts)


def parse_brief(data: Any, **overrides: Any) -> Brief:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise BriefError("brief 必须是键值对（YAML 映射或 JSON 对象）", hint="参考 README 中的 brief 示例")
    merged = {**data, **{k: v for k, v in overrides.items() if v not in (None, [], "")}}
    try:
        return Brief.model_validate(merged)
    except ValidationError as exc:
        known = ", ".join(Brief.model_fields)
        raise BriefError(f"brief 无效：{_format_errors(exc)}", hint=f"可用字段：{known}") from None


def load_brief(path: str | Path, **overrides: Any) -> Brief:
    """Read a YAML or JSON brief file. Overrides (e.g. CLI flags) win over the file."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise BriefError(f"无法读取 brief 文件 {p}：{exc.strerror}") from None
    if size > MAX_BRIEF_BYTES:
        raise BriefError(
            f"brief 文件过大（{size // 1024} KB，上限 {MAX_BRIEF_BYTES // 1024} KB）",
            hint="brief 只需写要点；长资料请用 `wenan kb add` 放进知识库",
        )
    try:
        raw = p.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise BriefError(f"brief 文件 {p} 不是 UTF-8 文本", hint="请另存为 UTF-8 编码的 YAML 或 JSON") from None
    try:
        data = json.loads(raw) if p.suffix.lower() == ".json" else yaml.safe_load(raw)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        first = str(exc).splitlines()[0]
        raise BriefError(f"brief 文件 {p} 不是有效的 YAML/JSON：{first}") from None
    return parse_brief(data, **overrides)
