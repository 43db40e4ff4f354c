"""Chinese text handling for search: normalisation, rjieba tokens, SKU/model-code extraction.

FTS5's own tokenizers are useless for Chinese (FOUNDATIONS.md), so we segment with rjieba
``cut_for_search`` and index the space-joined tokens. Each brand gets its own ``rjieba.Jieba``
so one brand's product names and SKUs (``add_word``) never leak into another brand's segmentation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# SKU / model numbers: BX-500, QH2031S, SW-TG-08, A12. Letters then digits, optional hyphens.
CODE_PATTERN = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z]{1,5}(?:-?[A-Za-z]{1,5})?-?\d{2,}[A-Za-z0-9]*(?:-[A-Za-z0-9]+)*"
)
_WORD = re.compile(r"[\w]+", re.UNICODE)
# Function words that only add noise to an OR query; content words are left to BM25's IDF.
_STOPWORDS_TEXT = (
    "的 了 是 吗 呢 吧 啊 呀 哦 嘛 和 与 及 或 在 有 我 你 他 她 它 我们 你们 这 那 这个 那个 这款 那款 "
    "一个 一款 请问 想 想问 问 下 一下 能 能不能 可以 可不可以 会 会不会 要 需要 吗？ 怎么 怎么样 如何 "
    "什么 哪些 哪个 哪 多少 几 是否 有没有 就 也 都 还 很 更 最 把 被 给 让 对 从 到 为 为了 以及 之 其 "
    "款 个 么"
)
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


def normalize(text: str) -> str:
    """NFKC (full-width ＡＢ１２ -> AB12, ideographic spaces -> spaces) and lower-case."""
    return unicodedata.normalize("NFKC", text).lower()


def normalize_code(code: str) -> str:
    return re.sub(r"[^0-9a-z]", "", normalize(code))


def extract_codes(text: str) -> list[str]:
    """Normalised codes found in free text: 'bx-500 和 QH2031S' -> ['bx500', 'qh2031s']."""
    found = (normalize_code(m.group(0)) for m in CODE_PATTERN.finditer(unicodedata.normalize("NFKC", text)))
    return list(dict.fromkeys(c for c in found if c))


class Segmenter:
    """Per-brand rjieba instance with the brand's own vocabulary."""

    def __init__(self, words: Iterable[str] = ()) -> None:
        from wenan.store.repo import require

        rjieba = require("rjieba")
        self._jieba = rjieba.Jieba()
        self._known: set[str] = set()
        self.add_words(words)

    def add_words(self, words: Iterable[str]) -> None:
        for word in words:
            word = normalize(word).strip()
            if len(word) >= 2 and word not in self._known and not word.isspace():
                # rjieba has no load_userdict; freq=None makes jieba pick a frequency keeping it whole.
                self._jieba.add_word(word, None, None)
                self._known.add(word)

    def tokens(self, text: str, *, drop_stopwords: bool = False) -> list[str]:
        """Search tokens: words plus their dictionary sub-words, alphanumerics without hyphens."""
        out: list[str] = []
        for raw in self._jieba.cut_for_search(normalize(text)):
            for piece in _WORD.findall(raw.replace("-", "")) if "-" in raw else _WORD.findall(raw):
                if piece == "_" or (drop_stopwords and piece in STOPWORDS):
                    continue
                out.append(piece)
        return out

    def index_text(self, text: str) -> str:
        """Space-joined tokens for the FTS5 column (unicode61 then splits on the spaces)."""
        return " ".join(self.tokens(text))

    def match_query(self, text: str) -> str | None:
        """FTS5 MATCH expression: OR of quoted distinct tokens, or None if nothing searchable is left."""
        tokens = list(dict.fromkeys(self.tokens(text, drop_stopwords=True)))
        if not tokens:
            tokens = list(dict.fromkeys(self.tokens(text)))
        if not tokens:
            return None
        return " OR ".join(f'"{t}"' for t in tokens)
