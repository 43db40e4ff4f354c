"""Character n-gram tf-idf cosine in pure Python: exemplar picking and similarity without embeddings.

Characters, not jieba words, because a brand's voice lives in particles, emoji and punctuation as much
as in vocabulary, and character n-grams see all three.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from ._models import Post

NGRAMS = (1, 2, 3)


def grams(text: str) -> Counter[str]:
    s = re.sub(r"\s+", " ", text.lower()).strip()
    out: Counter[str] = Counter()
    for n in NGRAMS:
        for i in range(len(s) - n + 1):
            g = s[i: i + n]
            if not g.isspace():
                out[g] += 1
    return out


class TfidfIndex:
    """Sublinear tf × smoothed idf over a fixed set of documents; vectors are L2-normalised dicts."""

    def __init__(self, docs: Sequence[str]) -> None:
        counts = [grams(d) for d in docs]
        df: Counter[str] = Counter(g for c in counts for g in c)
        n = len(docs)
        self.idf = {g: math.log((1 + n) / (1 + k)) + 1 for g, k in df.items()}
        self._unseen = math.log(1 + n) + 1
        self.vectors = [self._weigh(c) for c in counts]

    def _weigh(self, counts: Counter[str]) -> dict[str, float]:
        vec = {g: (1 + math.log(tf)) * self.idf.get(g, self._unseen) for g, tf in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {g: v / norm for g, v in vec.items()}

    def vector(self, text: str) -> dict[str, float]:
        return self._weigh(grams(text))

    def similarities(self, text: str) -> list[float]:
        q = self.vector(text)
        return [_dot(q, v) for v in self.vectors]


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(g, 0.0) for g, v in a.items())


def _texts(posts: Sequence[str] | Sequence[Post]) -> tuple[str, ...]:
    return tuple(p.text if isinstance(p, Post) else p for p in posts)


@lru_cache(maxsize=32)
def index_for(texts: tuple[str, ...]) -> TfidfIndex:
    """Indexes are cached: the pipeline scores many variants against the same reference posts."""
    return TfidfIndex(texts)


def most_similar(text: str, posts: Sequence[str] | Sequence[Post], k: int = 3) -> list[int]:
    """Indices of the ``k`` posts closest to ``text`` (char n-gram tf-idf cosine), closest first."""
    texts = _texts(posts)
    if not texts or k <= 0:
        return []
    sims = index_for(texts).similarities(text)
    return sorted(range(len(texts)), key=lambda i: (-sims[i], i))[:k]


@lru_cache(maxsize=32)
def typical_similarity(texts: tuple[str, ...], top: int = 3, sample: int = 60) -> float:
    """Median over (up to ``sample``) reference posts of their mean cosine to their ``top`` nearest others.

    This is what "as close as the brand's own posts are to each other" means for this brand: a brand
    with very uniform posts has high typical similarity, so a variant must be closer to count as on-voice.
    """
    if len(texts) < 2:
        return 0.0
    idx = index_for(texts)
    step = max(1, len(texts) // sample)
    values = []
    for i in range(0, len(texts), step):
        sims = sorted((_dot(idx.vectors[i], v) for j, v in enumerate(idx.vectors) if j != i), reverse=True)
        values.append(sum(sims[:top]) / len(sims[:top]))
    values.sort()
    return values[len(values) // 2]
