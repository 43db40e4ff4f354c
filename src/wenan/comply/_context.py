"""What is around a hit: the windows and judgements the ``unless`` / ``only_if`` clauses of a rule use.

Everything here reads at most a few thousand characters around the hit, so a 100 MB single-line input
costs the same per hit as a tweet.
"""

from __future__ import annotations

import re

from ._normalise import fold
from ._schema import Context

NEAR = 8  # characters before a hit that ``near_before`` looks at
_EDGE = 12  # characters compared by ``before`` / ``after``
_REACH = 300  # how far a clause or sentence extends at most
_LINE_REACH = 2000  # how far a line (paragraph) extends at most

_CLAUSE_ENDS = "，,；;。！？!?\n…"
_SENTENCE_ENDS = "；;。！？!?\n"

# A stated source: 数据来源/来源：/据…统计/《…》/检测报告编号. Naming a source is what 广告法第十一条 asks.
_SOURCE = re.compile(
    r"数据来源|资料来源|来源\s*[:：]|出处|引自|援引|报告编号|检测报告|(?i:source)\s*[:：]"
    r"|据[^，。！？；\n]{1,40}?(?:统计|报告|调查|调研|数据|显示|发布|测试|检测|榜单)"
    r"|《[^》\n]{2,40}》"
)
_DATE = re.compile(
    r"(?:19|20)\d{2}\s*(?:年|[-/.]\s*\d{1,2}|q[1-4]|财年)|\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
    r"|(?:19|20)\d{2}\s*(?:上|下)半年"
)
_FOOTNOTE_HINTS = ("*", "※", "＊", "注", "来源")
_FOOTNOTE = re.compile(r"^[ \t]*(?:[*※＊]|注[:：]|数据来源|来源[ \t]*[:：]|资料来源).*$", re.MULTILINE)

# 《广告绝对化用语执法指南》 exempts comparisons among a seller's own goods, unless the copy reaches outward.
_SELF = ("我们家", "我家", "本店", "店里", "店内", "自家", "本品牌", "我们店", "这家店", "全店",
         "店铺里", "本系列", "全系列", "系列里", "系列中", "我们的产品", "家里卖", "我们品牌", "旗下")
_OUTWARD = ("全网", "全国", "全球", "世界", "行业", "同类", "同行", "市场", "业内", "国内", "各大",
            "别家", "其他品牌", "所有品牌", "全平台", "史上", "宇宙", "天下")
_SPECIAL_REGISTRATION = re.compile(r"国妆特字|国妆特进字|特殊化妆品(?:注册|备案)?证|妆特|特证")


def _span_back(text: str, pos: int, ends: str, reach: int = _REACH) -> int:
    low = max(0, pos - reach)
    return max(max(text.rfind(ch, low, pos) for ch in ends) + 1, low)


def _span_fwd(text: str, pos: int, ends: str, reach: int = _REACH) -> int:
    high = min(len(text), pos + reach)
    found = [i for i in (text.find(ch, pos, high) for ch in ends) if i != -1]
    return min(found) if found else high


class Around:
    """Lazily built, folded windows around ``text[start:end]``."""

    __slots__ = ("text", "start", "end", "_cache")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self._cache: dict[str, str] = {}

    def _get(self, key: str) -> str:
        if key not in self._cache:
            t, s, e = self.text, self.start, self.end
            if key == "before":
                value = t[max(0, s - _EDGE):s]
            elif key == "after":
                value = t[e:e + _EDGE]
            elif key == "clause_before":
                value = t[_span_back(t, s, _CLAUSE_ENDS):s]
            elif key == "clause":
                value = t[_span_back(t, s, _CLAUSE_ENDS):_span_fwd(t, e, _CLAUSE_ENDS)]
            elif key == "sentence":
                value = t[_span_back(t, s, _SENTENCE_ENDS):_span_fwd(t, e, _SENTENCE_ENDS)]
            elif key == "line":
                value = t[_span_back(t, s, "\n", _LINE_REACH):_span_fwd(t, e, "\n", _LINE_REACH)]
            else:  # "block": the neighbourhood used for whole-note markers
                value = t[max(0, s - 5 * _LINE_REACH):e + 5 * _LINE_REACH]
            self._cache[key] = fold(value)
        return self._cache[key]

    def before(self, words: list[str]) -> bool:
        b = self._get("before")
        return any(b.endswith(w) for w in words)

    def after(self, words: list[str]) -> bool:
        a = self._get("after")
        return any(a.startswith(w) for w in words)

    def near_before(self, words: list[str]) -> bool:
        window = self._get("clause_before")[-NEAR:]
        return any(w in window for w in words)

    def in_clause(self, words: list[str]) -> bool:
        c = self._get("clause")
        return any(w in c for w in words)

    def in_sentence(self, words: list[str]) -> bool:
        c = self._get("sentence")
        return any(w in c for w in words)

    # --- named checks -------------------------------------------------------------------------------

    def _source_text(self) -> str:
        """The line plus any footnote lines (``*数据来源：…``) that follow it."""
        if "source" not in self._cache:
            following = self.text[self.end:self.end + _LINE_REACH]
            first_break = following.find("\n")
            notes = []
            if first_break != -1 and any(m in following for m in _FOOTNOTE_HINTS):
                notes = _FOOTNOTE.findall(following, first_break + 1)
            self._cache["source"] = "\n".join([self._get("line"), *map(fold, notes)])
        return self._cache["source"]

    def sourced(self) -> bool:
        return bool(_SOURCE.search(self._source_text()))

    def dated_sourced(self) -> bool:
        src = self._source_text()
        return bool(_SOURCE.search(src) and _DATE.search(src))

    def self_comparison(self) -> bool:
        """The seller's own range is named before the superlative and nothing outward is in the sentence."""
        sentence = self._get("sentence")
        before = self.text[_span_back(self.text, self.start, _SENTENCE_ENDS):self.start]
        return any(w in before for w in _SELF) and not any(w in sentence for w in _OUTWARD)

    def personal(self) -> bool:
        """A first-person experience (这是我去过最远的地方), not the seller speaking as 我们."""
        clause = self._get("clause_before")
        return "我" in clause and not any(w in clause for w in ("我们", "我家", "我司", "我店"))

    def registered_special(self) -> bool:
        return bool(_SPECIAL_REGISTRATION.search(self._get("block")))

    def matches(self, ctx: Context) -> bool:
        """True when any condition of ``ctx`` holds."""
        return bool(
            (ctx.before and self.before(ctx.before))
            or (ctx.after and self.after(ctx.after))
            or (ctx.near_before and self.near_before(ctx.near_before))
            or (ctx.clause and self.in_clause(ctx.clause))
            or (ctx.sentence and self.in_sentence(ctx.sentence))
            or any(getattr(self, name)() for name in ctx.checks)
        )


def allowed(ctx_unless: Context, ctx_only_if: Context | None, text: str, start: int, end: int) -> bool:
    """Whether a hit at ``text[start:end]`` stands as a violation given its rule's context clauses."""
    if ctx_only_if is None and ctx_unless.is_empty():
        return True
    around = Around(text, start, end)
    if ctx_only_if is not None and not around.matches(ctx_only_if):
        return False
    return not around.matches(ctx_unless)
