"""The brand-voice contracts: a past post and the style profile built from many of them."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Post(BaseModel):
    """A post the brand published before, with its engagement when the import had it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    likes: int | None = Field(None, ge=0)
    comments: int | None = Field(None, ge=0)
    shares: int | None = Field(None, ge=0)

    @property
    def engagement(self) -> int | None:
        if self.likes is None and self.comments is None and self.shares is None:
            return None
        # a comment or a share costs the reader more than a like, so it says more about what worked
        return (self.likes or 0) + 2 * (self.comments or 0) + 3 * (self.shares or 0)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Counted(_Strict):
    text: str
    count: int


class Scored(_Strict):
    text: str
    score: float


class LengthStats(_Strict):
    """Visible characters per post (whitespace and emoji joiners not counted)."""

    mean: float
    median: float
    p25: float
    p75: float
    min: int
    max: int


class EmojiStats(_Strict):
    per_100_chars: float
    posts_with_emoji: float = Field(description="share of posts with at least one emoji")
    top: list[Counted]


class SentenceStats(_Strict):
    avg_chars: float = Field(description="characters per sentence")
    question_ratio: float = Field(description="share of sentences ending in ？")
    exclamation_ratio: float = Field(description="share of sentences ending in ！")
    tilde_per_100_chars: float
    ellipsis_per_100_chars: float
    line_breaks_per_post: float
    list_marker_posts: float = Field(description="share of posts using 1. / ① / 1️⃣ / ✅ style lists")
    bracket_title_posts: float = Field(description="share of posts using 【…】 headers")


class HashtagStats(_Strict):
    per_post: float
    top: list[Counted]


class PersonStats(_Strict):
    """How the brand refers to itself and to readers: mentions per 100 chars, and each form's share."""

    per_100_chars: float
    shares: dict[str, float]


class ToneStats(_Strict):
    particles_per_100_chars: float = Field(description="语气词 啦/呀/哦/呢/吧…")
    top_particles: list[Counted]
    casual_per_100_chars: float
    formal_per_100_chars: float
    formality: float = Field(description="-1 very casual … +1 very formal")


class FeatureStat(_Strict):
    mean: float
    std: float


class StyleProfile(_Strict):
    """Everything ``voice_score`` and ``describe`` need; JSON-serialisable so a brand can store it."""

    version: int = 1
    n_posts: int
    engagement_weighted: bool
    length: LengthStats
    emoji: EmojiStats
    sentences: SentenceStats
    hashtags: HashtagStats
    person: PersonStats
    tone: ToneStats
    signature_phrases: list[Scored]
    signature_hits_per_post: float = Field(description="mean signature phrases found in the brand's own posts")
    features: dict[str, FeatureStat]
