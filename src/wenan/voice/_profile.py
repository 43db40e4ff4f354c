"""``build_profile``: measure a brand's past posts once; everything else reads the profile."""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from functools import cache
from importlib.resources import files

from ._features import (
    EMOJI_RE,
    FLOORS,
    HASHTAG_RE,
    LIST_RE,
    PERSON_FLOOR,
    PERSON_FORMS,
    emojis,
    features,
    particles,
    persons,
    sentences,
    visible_chars,
)
from ._models import (
    Counted,
    EmojiStats,
    FeatureStat,
    HashtagStats,
    LengthStats,
    PersonStats,
    Post,
    Scored,
    SentenceStats,
    StyleProfile,
    ToneStats,
)

MAX_PHRASES = 12


@cache
def _background() -> tuple[frozenset[str], tuple[str, ...]]:
    import yaml  # lazy: only the first check pays for it

    data = yaml.safe_load(files("wenan.voice").joinpath("data/background.yaml").read_text(encoding="utf-8"))
    return frozenset(data["stopwords"]), tuple(data["sentences"])


def _quantile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    lo, hi = math.floor(pos), math.ceil(pos)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def _weights(posts: list[Post]) -> list[float]:
    """1 for every post without engagement; 1–2 by log engagement when the import has it."""
    eng = [p.engagement for p in posts]
    known = [e for e in eng if e is not None]
    if not known or max(known) <= 0:
        return [1.0] * len(posts)
    top = math.log1p(max(known))
    return [1.0 + (math.log1p(e) / top if e is not None else 0.5) for e in eng]


def candidates(text: str) -> set[str]:
    """Words and two-word phrases a brand might own: jieba tokens of 2+ CJK chars and their bigrams."""
    import rjieba  # lazy: keeps ``import wenan.voice`` light

    stop, _ = _background()
    body = EMOJI_RE.sub(" ", HASHTAG_RE.sub(" ", text))
    out: set[str] = set()
    for chunk in re.findall(r"[\u4e00-\u9fffA-Za-z]+", body):
        tokens = [t for t in rjieba.cut(chunk) if t.strip()]
        for i, tok in enumerate(tokens):
            if len(tok) >= 2 and tok not in stop and not tok.isascii():
                out.add(tok)
            if i + 1 < len(tokens):
                pair = tok + tokens[i + 1]
                if 3 <= len(pair) <= 6 and not pair.isascii() and tok not in stop and tokens[i + 1] not in stop:
                    out.add(pair)
    return out


def signature_phrases(posts: list[Post], weights: list[float]) -> list[Scored]:
    """Phrases the brand uses far more than generic marketing copy does, weighted by engagement."""
    _, background = _background()
    docs = [candidates(p.text) for p in posts]
    df: Counter[str] = Counter(c for d in docs for c in d)
    total_w = sum(weights)
    min_df = max(2, math.ceil(0.08 * len(posts)))
    scored: list[tuple[float, str]] = []
    for phrase, n in df.items():
        if n < min_df:
            continue
        p_brand = sum(w for d, w in zip(docs, weights, strict=True) if phrase in d) / total_w
        p_bg = (sum(phrase in s for s in background) + 0.1) / (len(background) + 1)
        score = p_brand * math.log(p_brand / p_bg)
        if score > 0:
            scored.append((score, phrase))
    scored.sort(key=lambda x: (-x[0], -len(x[1])))
    kept: list[Scored] = []
    for score, phrase in scored:
        # 宝子们冲 and 宝子们 found in the same posts are one habit; keep the longer, higher one
        if any(phrase in k.text or k.text in phrase for k in kept):
            continue
        kept.append(Scored(text=phrase, score=round(score, 4)))
        if len(kept) == MAX_PHRASES:
            break
    return kept


def build_profile(posts: list[Post]) -> StyleProfile:
    """Measure a brand's style from its past posts (at least one post with text)."""
    posts = [p for p in posts if p.text.strip()]
    if not posts:
        raise ValueError("build_profile needs at least one post with text")
    texts = [p.text for p in posts]
    weights = _weights(posts)
    lengths = [visible_chars(t) for t in texts]
    total_chars = max(sum(lengths), 1)
    per100 = 100.0 / total_chars
    all_emoji = [e for t in texts for e in emojis(t)]
    sents = [s for t in texts for s in sentences(t)] or texts
    tags = [tag for t in texts for tag in HASHTAG_RE.findall(t)]
    person: Counter[str] = Counter()
    for t in texts:
        person.update(persons(t))
    person_total = sum(person.values())
    parts = [p for t in texts for p in particles(t)]
    vectors = [features(t) for t in texts]
    casual = sum(v["casual_per_100"] * n / 100 for v, n in zip(vectors, lengths, strict=True)) * per100
    formal = sum(v["formal_per_100"] * n / 100 for v, n in zip(vectors, lengths, strict=True)) * per100
    tone_mass = casual + formal + len(parts) * per100
    phrases = signature_phrases(posts, weights)
    hits = [sum(p.text in t for p in phrases) for t in texts]
    feature_stats = {}
    for name in vectors[0]:
        values = [v[name] for v in vectors]
        spread = statistics.pstdev(values) if len(values) > 1 else 0.0
        floor = FLOORS.get(name, PERSON_FLOOR)
        feature_stats[name] = FeatureStat(mean=round(statistics.fmean(values), 4), std=round(max(spread, floor), 4))
    return StyleProfile(
        n_posts=len(posts),
        engagement_weighted=any(p.engagement is not None for p in posts),
        length=LengthStats(mean=round(statistics.fmean(lengths), 1), median=statistics.median(lengths),
                           p25=round(_quantile(lengths, 0.25), 1), p75=round(_quantile(lengths, 0.75), 1),
                           min=min(lengths), max=max(lengths)),
        emoji=EmojiStats(per_100_chars=round(len(all_emoji) * per100, 2),
                         posts_with_emoji=round(sum(bool(emojis(t)) for t in texts) / len(texts), 3),
                         top=[Counted(text=e, count=c) for e, c in Counter(all_emoji).most_common(8)]),
        sentences=SentenceStats(
            avg_chars=round(sum(visible_chars(s) for s in sents) / len(sents), 1),
            question_ratio=round(sum(s[-1] in "？?" for s in sents) / len(sents), 3),
            exclamation_ratio=round(sum(s[-1] in "！!" for s in sents) / len(sents), 3),
            tilde_per_100_chars=round(sum(t.count("～") + t.count("~") for t in texts) * per100, 2),
            ellipsis_per_100_chars=round(sum(t.count("…") for t in texts) * per100, 2),
            line_breaks_per_post=round(statistics.fmean(t.strip().count("\n") for t in texts), 2),
            list_marker_posts=round(sum(bool(LIST_RE.search(t)) for t in texts) / len(texts), 3),
            bracket_title_posts=round(sum("【" in t for t in texts) / len(texts), 3),
        ),
        hashtags=HashtagStats(per_post=round(len(tags) / len(texts), 2),
                              top=[Counted(text=t, count=c) for t, c in Counter(tags).most_common(8)]),
        person=PersonStats(per_100_chars=round(person_total * per100, 2),
                           shares={k: round(person[k] / person_total, 3) for k in PERSON_FORMS if person[k]}
                           if person_total else {}),
        tone=ToneStats(particles_per_100_chars=round(len(parts) * per100, 2),
                       top_particles=[Counted(text=p, count=c) for p, c in Counter(parts).most_common(5)],
                       casual_per_100_chars=round(casual, 2), formal_per_100_chars=round(formal, 2),
                       # +1 per 100 chars of damping: a few markers in quiet prose do not make it "very formal"
                       formality=round((formal - casual - len(parts) * per100) / (tone_mass + 1.0), 3)),
        signature_phrases=phrases,
        signature_hits_per_post=round(statistics.fmean(hits), 3),
        features=feature_stats,
    )
