"""What a stored brand adds to a brief: facts from its knowledge base and its own voice.

``wenan write --brand 花间烘焙`` looks the brand up in the project store. A name that is not a stored
brand is just the brief's brand name (no knowledge base, no voice) — writing never requires setup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..exceptions import NotFoundError, UserError
from .brief import Brief

#: Retrieved passages given to the model; more crowds the prompt, fewer misses facts.
K_FACTS = 6
K_POSTS = 3


@dataclass
class BrandContext:
    name: str
    industry: str = ""
    facts: list[dict[str, Any]] = field(default_factory=list)
    voice: str = ""
    reference_posts: list[str] = field(default_factory=list)
    profile: Any = None
    words_to_avoid: list[str] = field(default_factory=list)


def brief_query(brief: Brief) -> str:
    return " ".join([brief.product, *brief.selling_points, brief.offer, brief.audience]).strip()


def load_brand_context(brief: Brief, *, kb_factory: Any = None) -> BrandContext | None:
    """The stored brand's facts and voice for this brief, or None when the brand is not stored."""
    if not brief.brand:
        return None
    try:
        from ..store import Store
    except ImportError:  # pragma: no cover - the store ships with the core package
        return None
    try:
        store = Store.open()
    except UserError:  # store extras not installed: behave as if no brand was stored
        return None
    try:
        try:
            brand = store.get_brand(brief.brand)
        except NotFoundError:
            return None
        posts = [p.text for p in store.list_posts(brief.brand)]
        ctx = BrandContext(name=brand.name, industry=brand.industry, words_to_avoid=list(brand.words_to_avoid))
        ctx.facts = _facts(brief, kb_factory)
        ctx.profile, ctx.voice = _voice(brand, posts)
        if posts:
            from ..voice import most_similar

            ctx.reference_posts = [posts[i] for i in most_similar(brief_query(brief), posts, K_POSTS)]
        return ctx
    finally:
        store.close()


def _facts(brief: Brief, kb_factory: Any) -> list[dict[str, Any]]:
    from ..kb import open_kb

    kb = (kb_factory or open_kb)(brief.brand)
    try:
        if not kb.documents():
            return []
        passages = kb.search(brief_query(brief), k=K_FACTS)
    finally:
        kb.close()
    return [{"id": f"kb:{p.id}", "text": p.text, "title": p.title or p.source_path} for p in passages]


def _voice(brand: Any, posts: list[str]) -> tuple[Any, str]:
    parts = []
    profile = None
    if brand.style_profile:
        from ..voice import StyleProfile, describe

        profile = StyleProfile.model_validate(brand.style_profile)
        parts.append(describe(profile))
    if brand.voice_notes:
        parts.append(f"品牌方对语气的要求：{brand.voice_notes}")
    if brand.words_to_use:
        parts.append("常用词：" + "、".join(brand.words_to_use))
    if brand.words_to_avoid:
        parts.append("不要使用：" + "、".join(brand.words_to_avoid))
    return profile, "\n".join(parts)
