"""Character-level measurements as a Chinese reader counts them."""

from __future__ import annotations

import re

# Emoji: pictographs, dingbats, flags, keycaps. Good enough for density; not a full UTS #51 parser.
EMOJI_RE = re.compile(
    "[\U0001f300-\U0001faff\U00002600-\U000027bf\U0001f1e6-\U0001f1ff\u2b50\u2b06\u2934\u2935\u3030\u303d"
    "\u3297\u3299\u2705\u274c\u2728]"
)
_INVISIBLE_RE = re.compile("[\ufe0f\u200d\u20e3]")
SENTENCE_END = "。！？!?；;…\n"


def count_chars(text: str) -> int:
    """Visible characters, excluding whitespace and emoji joiners: what 小红书's counter shows."""
    return len(_INVISIBLE_RE.sub("", re.sub(r"\s+", "", text)))


def emoji_count(text: str) -> int:
    return len(EMOJI_RE.findall(text))


def cut_at_sentence(text: str, max_chars: int) -> str:
    """Longest prefix of whole sentences within ``max_chars`` visible chars (hard cut if none)."""
    if count_chars(text) <= max_chars:
        return text
    best = ""
    for i, ch in enumerate(text):
        if ch in SENTENCE_END:
            candidate = text[: i + 1]
            if count_chars(candidate) > max_chars:
                break
            best = candidate
    if best and count_chars(best) >= max_chars // 2:
        return best.rstrip()
    out, n = [], 0
    for ch in text:
        n += count_chars(ch)
        if n > max_chars:
            break
        out.append(ch)
    return "".join(out).rstrip()


def cut_title(title: str, max_chars: int) -> str:
    """Shorten a title at a natural break (punctuation/space) rather than mid-word when possible."""
    if count_chars(title) <= max_chars:
        return title
    for i in range(len(title) - 1, 0, -1):
        if title[i] in "，,！!？?｜|、：:；; " and count_chars(title[:i]) <= max_chars:
            if count_chars(title[:i]) >= max_chars // 2:
                return title[:i].rstrip()
            break
    return cut_at_sentence(title, max_chars)
