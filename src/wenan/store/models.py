"""Typed records the project store hands in and out (pydantic; no SQLAlchemy here)."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

_WS = re.compile(r"\s+")


def _clean_words(value: list[str]) -> list[str]:
    # Users paste "词1，词2, 词3" lists; keep order, drop blanks and repeats.
    seen: dict[str, None] = {}
    for word in value:
        word = word.strip()
        if word:
            seen.setdefault(word, None)
    return list(seen)


class BrandProfile(BaseModel):
    """What a brand is and how it speaks; the input to ``Store.create_brand``."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=100, description="品牌名，全局唯一")
    description: str = Field("", max_length=4000, description="品牌简介")
    audience: str = Field("", max_length=2000, description="目标人群")
    voice_notes: str = Field("", max_length=4000, description="语气与风格说明")
    words_to_use: list[str] = Field(default_factory=list, description="鼓励使用的词")
    words_to_avoid: list[str] = Field(default_factory=list, description="避免使用的词")
    default_channels: list[str] = Field(default_factory=list, description="默认发布渠道，如 moments")
    industry: str = Field("", max_length=100, description="所属行业")

    _clean = field_validator("words_to_use", "words_to_avoid", "default_channels")(_clean_words)


class BrandUpdate(BaseModel):
    """A partial edit: only the fields that are set are changed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str | None = Field(None, min_length=1, max_length=100)
    description: str | None = Field(None, max_length=4000)
    audience: str | None = Field(None, max_length=2000)
    voice_notes: str | None = Field(None, max_length=4000)
    words_to_use: list[str] | None = None
    words_to_avoid: list[str] | None = None
    default_channels: list[str] | None = None
    industry: str | None = Field(None, max_length=100)

    @field_validator("words_to_use", "words_to_avoid", "default_channels")
    @classmethod
    def _clean(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else _clean_words(value)


class Brand(BrandProfile):
    """A stored brand."""

    model_config = ConfigDict(extra="forbid", from_attributes=True)

    id: int
    style_profile: dict[str, Any] | None = None
    created_at: datetime
    updated_at: datetime


class PostIn(BaseModel):
    """One past post to import (``wenan brand learn``)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    text: str = Field(min_length=1, max_length=20000)
    channel: str | None = None
    engagement: dict[str, float] | None = Field(None, description="likes / comments / shares …")
    posted_at: datetime | None = None


class Post(PostIn):
    model_config = ConfigDict(extra="forbid", from_attributes=True)

    id: int
    brand_id: int
    content_hash: str


class DocumentRecord(BaseModel):
    """One ingested knowledge-base file; its chunks live in the KB index under ``id``."""

    model_config = ConfigDict(extra="forbid", from_attributes=True)

    id: int
    brand_id: int
    path: str
    title: str
    content_hash: str
    mime: str
    n_chunks: int
    ingested_at: datetime


def text_hash(text: str) -> str:
    """Hash that ignores whitespace differences, so a re-pasted post counts as the same post."""
    return hashlib.sha256(_WS.sub(" ", text).strip().encode("utf-8")).hexdigest()
