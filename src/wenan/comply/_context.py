"""What is around a hit: the windows and judgements the ``unless`` / ``only_if`` clauses of a rule use.

Clauses are compiled once per rule (``compile_context``): word lists become one regex or one ``endswith``
tuple, so judging a hit is a handful of C calls on the already-folded text, not a Python loop per word.
Windows are found with one regex call each (the last clause end before a hit, the next one after it), and
everything here reads at most a few thousand characters around the hit, so a 100 MB single-line input
costs the same per hit as a tweet. A ``View`` caches what several hits in one block share (the line's
source judgement, where special-cosmetics registrations are) and what several checks of one hit share (where
its clause and its sentence start).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from ._normalise import fold
from ._schema import Context

NEAR = 8  # characters before a hit that ``near_before`` looks at
_EDGE = 12  # characters compared by ``before`` / ``after``
_REACH = 300  # how far a clause or sentence extends at most
_LINE_REACH = 2000  # how far a line (paragraph) extends at most
_BLOCK_REACH = 5 * _LINE_REACH  # the neighbourhood searched for whole-note markers (注册证号)

_CLAUSE_ENDS = "，,；;。！？!?\n…"
_SENTENCE_ENDS = "；;。！？!?\n"


def _ends(chars: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(last end in a window, via a greedy match that backtracks from the right; next end after a point)."""
    cls = "[" + re.escape(chars) + "]"
    return re.compile(r"[\s\S]*" + cls), re.compile(cls)


_CLAUSE_BACK, _CLAUSE_FWD = _ends(_CLAUSE_ENDS)
_SENTENCE_BACK, _SENTENCE_FWD = _ends(_SENTENCE_ENDS)
_NEAR_BACK = 32  # clauses are short: look this far back first, the full reach only when no end is there

# A stated source: 数据来源/来源：/据…统计/《…》/检测报告编号. Naming a source is what 广告法第十一条 asks.
_SOURCE = re.compile(
    # A bare 检测报告显示 names no one: only a report number or a named body (鸿信检测中心…) is a source.
    # Every alternative starts with a literal character, so the regex engine skips ahead to those characters.
    r"数据来源|资料来源|来源\s*[:：]|出处|引自|援引|报告编号|报告号|source\s*[:：]|"
    + "|".join(w + "(?:中心|机构|所|院|站)" for w in ("检测", "检验", "测试", "质检", "计量"))
    + r"|据[^，。！？；\n]{1,40}?(?:统计|报告|调查|调研|数据|显示|发布|测试|检测|榜单|问卷|抽样|回访)"
    r"|《[^》\n]{2,40}》"
)
_DATE = re.compile(
    r"(?:19|20)\d{2}\s*(?:年|[-/.]\s*\d{1,2}|q[1-4]|财年)|\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
    r"|(?:19|20)\d{2}\s*(?:上|下)半年"
)
# A footnote line under the claim (``*数据来源：…``); the leading newline lets the engine jump between lines.
_FOOTNOTE = re.compile(r"\n[ \t]*((?:[*※＊]|注[:：]|数据来源|来源[ \t]*[:：]|资料来源)[^\n]*)")


def _any_of(words: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted({fold(w) for w in words}, key=len, reverse=True)))


# 《广告绝对化用语执法指南》 exempts comparisons among a seller's own goods, unless the copy reaches outward.
# The seller's own range: words that name the range themselves (店里, 全系列), and words that only name the
# seller (我们家) and need a range after them (我们家三款…里, 我们家今年卖得最好的) — 我们家的被子是最舒服的 is
# a plain claim about the product, not a comparison within the range.
_SELF_RANGE = _any_of(("本店", "店里", "店内", "全店", "店铺里", "本系列", "全系列", "系列里", "系列中", "旗下",
                       "家里卖"))
_SELF = _any_of(("我们家", "我家", "自家", "本品牌", "我们店", "这家店", "我们的产品", "我们品牌"))
# 我们家四个尺码的收纳箱中，这个号装得最多: sizes, models or flavours counted are the range too.
_RANGE = re.compile(r"里|之中|当中|中的|中[，,]|所有|全部|[几两三四五六七八九十多各\d]\s*款|款式|系列|在售"
                    r"|卖得|卖的|销量|产品线|之间|相比"
                    r"|[几两三四五六七八九十多各\d]\s*[个种]?\s*(?:尺码|型号|规格|尺寸|颜色|色号|口味|容量|版本|档位)")
# A whole region (全港, 全省, 全城) reaches outward as much as 全国 does: 本店奶茶是全港最顶级的 compares with
# every shop there.
_OUTWARD = _any_of(("全网", "全国", "全球", "世界", "行业", "同类", "同行", "市场", "业内", "国内", "各大",
                    "别家", "其他品牌", "所有品牌", "全平台", "史上", "宇宙", "天下", "全省", "全市", "全城", "全港",
                    "全澳", "全台", "全岛", "全县", "全区", "全镇", "全州", "整条街", "方圆"))
_SELLER_WE = _any_of(("我们", "我家", "我司", "我店"))
_SPECIAL_REGISTRATION = re.compile(r"国妆特字|国妆特进字|特殊化妆品(?:注册|备案)?证|妆特|特证")


class View:
    """One folded text (a block, or its separator-free skeleton) that hits are judged in."""

    __slots__ = ("text", "_sources", "_special", "_clauses", "_sentences")

    def __init__(self, text: str) -> None:
        self.text = text
        self._sources: dict[tuple[int, int], tuple[bool, bool]] = {}
        self._special: list[int] | None = None
        # Where the clause / sentence of a hit starting here starts: most checks of a hit ask, several per hit.
        self._clauses: dict[int, int] = {}
        self._sentences: dict[int, int] = {}

    def back(self, pos: int, rx: re.Pattern[str], reach: int) -> int:
        """Start of the span ending at ``pos``: just after the last end character within ``reach``.

        ``rx`` runs forward to ``pos`` and backtracks to the last end, so its cost grows with the window:
        a short window is tried first.
        """
        low = max(0, pos - reach)
        if pos - low > _NEAR_BACK:
            m = rx.match(self.text, pos - _NEAR_BACK, pos)
            if m:
                return m.end()
        m = rx.match(self.text, low, pos)
        return m.end() if m else low

    def fwd(self, pos: int, rx: re.Pattern[str], reach: int) -> int:
        high = min(len(self.text), pos + reach)
        m = rx.search(self.text, pos, high)
        return m.start() if m else high

    def clause_start(self, pos: int) -> int:
        start = self._clauses.get(pos)
        if start is None:
            start = self._clauses[pos] = self.back(pos, _CLAUSE_BACK, _REACH)
        return start

    def sentence_start(self, pos: int) -> int:
        start = self._sentences.get(pos)
        if start is None:
            start = self._sentences[pos] = self.back(pos, _SENTENCE_BACK, _REACH)
        return start

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        return self.sentence_start(start), self.fwd(end, _SENTENCE_FWD, _REACH)

    def source(self, start: int, end: int) -> tuple[bool, bool]:
        """(a source is named, a dated source is named) in the hit's line plus footnotes (``*数据来源：…``)."""
        t = self.text
        lo = max(t.rfind("\n", max(0, start - _LINE_REACH), start) + 1, start - _LINE_REACH, 0)
        hi = t.find("\n", end, end + _LINE_REACH)
        hi = hi if hi != -1 else min(len(t), end + _LINE_REACH)
        known = self._sources.get((lo, hi))
        if known is None and _SOURCE.search(t, lo, hi) and _DATE.search(t, lo, hi):
            # The line itself names a dated source: footnotes can only add to that (neither regex looks ahead or
            # anchors at the end), so the search for them (~6 us, the most of a source judgement) is skipped.
            known = self._sources[(lo, hi)] = (True, True)
        if known is None:
            parts = [t[lo:hi]]
            first_break = t.find("\n", end, end + _LINE_REACH)
            if first_break != -1:
                parts += _FOOTNOTE.findall(t, first_break, end + _LINE_REACH)
            src = "\n".join(parts)
            named = bool(_SOURCE.search(src))
            known = self._sources[(lo, hi)] = (named, named and bool(_DATE.search(src)))
        return known

    def special_registration_near(self, start: int, end: int) -> bool:
        if self._special is None:  # one pass per block, however many hits ask
            self._special = [m.start() for m in _SPECIAL_REGISTRATION.finditer(self.text)]
        i = bisect_left(self._special, start - _BLOCK_REACH)
        return i < len(self._special) and self._special[i] < end + _BLOCK_REACH


# --- named checks ----------------------------------------------------------------------------------------


def _sourced(v: View, s: int, e: int) -> bool:
    return v.source(s, e)[0]


def _dated_sourced(v: View, s: int, e: int) -> bool:
    return v.source(s, e)[1]


def _self_comparison(v: View, s: int, e: int) -> bool:
    """The seller's own range is named before the superlative and nothing outward is in the sentence."""
    lo, hi = v.sentence(s, e)
    if _OUTWARD.search(v.text, lo, hi):
        return False
    for own in _SELF_RANGE.finditer(v.text, lo, s):
        # 本店招牌酸菜鱼，销量第一: the seller names one dish as its signature, the ranking is then outward.
        if not _SIGNATURE.match(v.text, own.end()):
            return True
    m = _SELF.search(v.text, lo, s)
    if m is None:
        return False
    # 我们家最受欢迎的是芒果千层: the superlative picks one item of the range the seller then names.
    return _RANGE.search(v.text, m.end(), e) is not None or (
        s - m.end() <= 2 and _PICK.match(v.text, e, e + 8) is not None)


_SIGNATURE = re.compile(r"的?(?:招牌|主打|镇店之宝|明星产品|爆款)(?![^，,。！？!?\n]{0,4}?(?:里|中|之间))")
_PICK = re.compile(r"[\u4e00-\u9fff]{0,4}?的(?:就|还|要|当|应该)?(?:是|数|属)")


def _personal(v: View, s: int, e: int) -> bool:
    """A first-person experience (这是我去过最远的地方), not the seller speaking as 我们."""
    lo = v.clause_start(s)
    return v.text.find("我", lo, s) != -1 and not _SELLER_WE.search(v.text, lo, s)


def _evasive_spelling(v: View, s: int, e: int) -> bool:
    """The hit is written with Latin letters standing in for Chinese (第yi): itself a sign of a dodged filter."""
    return any("a" <= ch <= "z" for ch in v.text[s:e])


def _registered_special(v: View, s: int, e: int) -> bool:
    return v.special_registration_near(s, e)


# A stated goal or wish of the seller (我们的心愿是做街坊最放心的店): 执法指南 exempts it.
_GOAL = _any_of(("目标", "心愿", "愿望", "愿景", "使命", "梦想", "宗旨", "理念", "初心", "追求", "致力", "立志", "希望",
                 "力争", "争做", "争当", "努力", "一心想", "想做", "要做"))


def _aspiration(v: View, s: int, e: int) -> bool:
    """A goal word earlier in the same clause: the superlative is what the seller aims at, not a claim."""
    return bool(_GOAL.search(v.text, v.clause_start(s), s))


# 最高能省80元, 最少两件起发, 最多送3张券, 最适合身高160-170厘米: a concrete, checkable limit or fit, not a
# ranking. Read from the hit on; a comparison reaching outward (全网最低9.9元) is still a claim.
_LIMIT = re.compile(
    r"(?:最(?:高|多|低|少|快|晚|迟|长|短|大|小|久)|至多|至少)[^，,。！？!?；;\n]{0,5}?"
    r"(?:\d|[一两二三四五六七八九十半][件个张份单次天人位台套瓶盒箱袋斤周年]|[一两二三四五六七八九十]个?(?:小时|月))"
    r"|最适合[^，,。！？!?；;\n]{0,3}?(?:身高|体重|腰围|胸围|臀围|脚长|脚宽|头围|尺码|码数|\d)"
    # 最适合这个季节穿, 最适合秋冬喝: when to wear or use it (README stance: 最适合春秋穿), not a ranking of the goods.
    r"|最适合(?:在|于)?(?:这个|这|当下|眼下|现在(?:这个)?|今年)?(?:季节|时节|天气|节气|换季|[早初盛深晚]?[春夏秋冬](?:天|季|日)?|"
    r"春秋|秋冬|春夏|雨季|梅雨季?|三伏天?|入[春夏秋冬]|降温|回暖)(?:的时候|时)?"
    r"(?:穿|用|吃|喝|戴|泡|炖|煮|做|带|盖|涂|擦|搭|囤|[，,。！？!?；;\n]|$)"
)


def _quantity_limit(v: View, s: int, e: int) -> bool:
    if not _LIMIT.match(v.text, s, s + 24):
        return False
    lo = v.clause_start(s)
    return not _OUTWARD.search(v.text, lo, v.fwd(e, _CLAUSE_FWD, _REACH))


# 最大的挑战 / 最多的感动 / 最大的收获: the seller's own story or feelings, not a property of the goods.
_ABSTRACT = re.compile(r"[\u4e00-\u9fff]{1,2}的(?:挑战|困难|难关|考验|收获|感动|感触|感受|遗憾|心愿|愿望|变化|"
                       r"改变|骄傲|幸运|幸福|快乐|欣慰|鼓励|支持|动力|感谢|感恩|问题|坎|回忆|体会|成长|意义|压力|惊喜是)")


def _own_story(v: View, s: int, e: int) -> bool:
    return _ABSTRACT.match(v.text, e, e + 8) is not None


_WEATHER_ADJ = re.compile(r"最(?:冷|热|寒|暖|闷|潮|湿|干|晒|凉)")
_WEATHER = _any_of(("天气", "气温", "温度", "冬天", "夏天", "冬季", "夏季", "春天", "秋天", "入冬", "入夏", "三九",
                    "三伏", "降温", "寒潮", "季节", "节气", "年份", "今年", "这几天", "这周", "预报"))


# 开瓶后建议24小时内喝完，此时气泡感最足: the moment pointed at (此时) is one the sentence sets by a step of use — a
# consumer tip on when the product is at its best (执法指南 exempts it), not a ranking against other goods.
_MOMENT = re.compile(r"此时|这时候?|这个时候|那时候?|那个时候")
_USE_STEP = _any_of(("开瓶", "开封", "开盖", "开罐", "拆封", "冲泡", "泡开", "冷藏", "冰镇", "加热", "解冻", "静置",
                     "摇匀", "醒酒", "醒发", "出炉", "出锅", "喝完", "吃完", "食用", "饮用", "建议"))


def _weather(v: View, s: int, e: int) -> bool:
    """今年冬天最冷的几天: a remark about the weather, not about the product."""
    if not _WEATHER_ADJ.match(v.text, s, s + 3):
        return False
    return bool(_WEATHER.search(v.text, *v.sentence(s, e)))


def _use_moment(v: View, s: int, e: int) -> bool:
    """此时气泡感最足: the clause points at a moment the sentence sets by a step of use, and compares with no one."""
    lo = v.clause_start(s)
    if _MOMENT.search(v.text, lo, s) is None:
        return False
    slo, shi = v.sentence(s, e)
    return _USE_STEP.search(v.text, slo, lo) is not None and not _OUTWARD.search(v.text, slo, shi)


_NUMBERED = re.compile(r"(?<![a-z])no\.?\s*\d|色号|型号|编号|款号|序号|货号")
_RANKING = _any_of(("销量", "销售", "排名", "排行", "榜", "类目", "行业", "全网", "全国", "全球", "市场", "品类"))


def _numbered_item(v: View, s: int, e: int) -> bool:
    """色号No.1 … No.2: a label in a numbered series, not a ranking (no ranking word in the sentence)."""
    lo, hi = v.sentence(s, e)
    if _RANKING.search(v.text, lo, hi):
        return False
    labels = _NUMBERED.findall(v.text, lo, hi)
    return len(labels) >= 2 or any(not lab.startswith("no") for lab in labels)


_TITLE_REACH = 40


def _titled(v: View, s: int, e: int) -> bool:
    """Inside a title in 《》 (a course, book or programme name): a name, not a claim."""
    t = v.text
    i = t.rfind("《", max(0, s - _TITLE_REACH), s)
    if i == -1 or t.find("》", i, s) != -1:
        return False
    j = t.find("》", e, e + _TITLE_REACH)
    return j != -1 and t.find("《", e, j) == -1 and t.find("\n", i, j) == -1


_OPEN_QUOTES, _CLOSE_QUOTES = "“「『\"'‘", "”」』\"'’"
_OPEN_RX = re.compile("[" + re.escape(_OPEN_QUOTES) + "]")
_CLOSE_RX = re.compile("[" + re.escape(_CLOSE_QUOTES) + "]")
_QUOTE_STOP = re.compile(r"[，,。！？!?；;\n]")
# 「第一名」烘焙工作室: a kind word may come between the name and the shop word.
_NAME_AFTER = re.compile(r"[\s]*[\u4e00-\u9fff]{0,4}?小?(?:便利店|超市|商店|小店|店|餐厅|饭店|饭馆|酒楼|酒店|茶馆|"
                         r"茶楼|面馆|火锅|烧烤|商行|"
                         r"商铺|公司|工作室|品牌|牌|号|小区|村|路|街|楼|馆|坊|铺|斋|阁|堂|酒家)")
_NAME_BEFORE = _any_of(("叫", "名为", "名叫", "店名", "取名", "起名", "名字是", "招牌", "牌匾"))
_QUOTE_REACH = 8


def _quoted_name(v: View, s: int, e: int) -> bool:
    """“招财”便利店, 店名叫“旺旺”: a quoted name, not an efficacy claim."""
    t = v.text
    lo = max(0, s - _QUOTE_REACH)
    i = -1
    for o in _OPEN_RX.finditer(t, lo, s):  # the last opening quote before the hit (a few characters: C calls)
        i = o.start()
    if i == -1:
        return False
    c = _CLOSE_RX.search(t, e, e + _QUOTE_REACH)
    if c is None or _QUOTE_STOP.search(t, i, c.start()):
        return False
    close = c.start()
    return bool(_NAME_AFTER.match(t, close + 1)) or bool(_NAME_BEFORE.search(t, max(0, i - 4), i))


# A warning against such claims, not one: 别信“包治百病”的宣传, 谨防所谓“保本”, 零风险？不存在的, 包过？别信！,
# 有没有护肝片？没有哈. Either a warning verb earlier in the hit's clause, or the hit's clause is a question that the
# next words answer no.
# 别指望喝茶能治好: what the reader should not expect of something is a warning too.
_WARN_BEFORE = _any_of(("别信", "不要信", "别相信", "不要相信", "别轻信", "不要轻信", "莫信", "勿信", "谨防", "警惕",
                        "提防", "当心", "识破", "别指望", "不要指望", "别奢望", "别幻想", "不要幻想"))
# 包过？没有哪家机构能做到 / 转运？一条手链哪有那么大本事: the answer says no one can, or belittles the claim
# (哪有那么神, 没那么管用).
_QUESTION_THEN_NO = re.compile(
    r"[^，,。！？!?；;\n]{0,12}?[？?]+[\s\"”」』'’]*(?:(?:并|根本|当然)?没有[哈啊呀呢的哦喔。！!，,\s]|没有这|没有$|不存在|别信|不要信|别相信|"
    r"不可能|假的|骗人|骗局|智商税|想多了|别想了|醒醒|不卖|没卖|我们不|本店不|不做|不提供|做不到|"
    r"没有(?:哪|谁|任何)|[^，,。！？!?；;\n]{0,10}?(?:哪有|哪来|哪能|没有?)(?:那么|这么)(?:大|神|好|多|厉害|灵|管用))")


# The claim modifies a noun that the clause then calls a fraud or tells the reader not to trust: 宣称能根治糖尿病的
# 保健品都是骗局, 说喝了就能降血糖的饮料别信. The 的 is what makes it a quotation: 能根治糖尿病，别信谣言 is not one.
_QUOTED_THEN_FALSE = re.compile(
    r"[^，,。！？!?；;\n]{0,10}?的[^，,。！？!?；;\n]{0,8}?"
    r"(?:(?:都|全|全都|统统|一律|基本)?(?:是|属于|纯属)?(?:骗局|骗人的?|骗子|智商税|谣言|假的|虚假宣传|忽悠|瞎编的|胡编的|编出来的)"
    r"|(?:千万|一律|都)?(?:别信|不要信|别相信|不要相信|不可信|别买|不要买|别上当|不能信|别当真|不要当真|不能当真|当不得真))")


# 根本没有保过这回事, 哪有根治这种事: the claim is named as a thing that does not exist. Both ends are needed: a
# negator earlier in the clause and 这回事 right after the hit (没有保过的学员 is a plain statement, not this).
_NO_SUCH_BEFORE = re.compile(r"没有|哪有|哪来的?|不存在|从来没")
_NO_SUCH_AFTER = re.compile(r"[\s\"”」』'’]*(?:这回事|这种事|这一说|这种说法|这么一说)")
# 谁跟你说保上岸都要多个心眼, 凡是承诺稳赚的一律别信: whoever makes the claim is to be distrusted. Both ends are
# needed too, which keeps 谁说中药不能根治 (rhetoric that affirms, see _RHETORIC_BEFORE) flagged.
_WHOEVER = re.compile(r"(?:谁|凡是|但凡|只要有人|不管谁|无论谁)(?:跟你|和你|对你|给你|向你)?"
                      r"(?:说|讲|吹|宣传|宣称|承诺|保证|打包票)")
_WHOEVER_THEN = re.compile(r"[^。！？!?；;\n]{0,10}?(?:都|就|一律|统统|全都)(?:要|得|该)?"
                           r"(?:多个心眼|多留个?心眼|留个?心眼|别信|不要信|不能信|是骗子|是骗人|是忽悠|当心|小心|快跑|拉黑)")


# 没有哪家机构能保证你考过, 没有任何产品可以根治: no one can make the claim, so the clause denies it. A short
# subject only, then the modal right before the hit (没有哪家比我们更… is a comparison, not this).
_NOBODY_CAN = re.compile(r"没有?(?:哪|谁|任何|一家|一个)[\u4e00-\u9fff]{0,6}?(?:能|可以|敢|会)(?:真正|真的)?$")


def _debunked(v: View, s: int, e: int) -> bool:
    t = v.text
    lo = v.clause_start(s)
    if _WARN_BEFORE.search(t, lo, s) or _NOBODY_CAN.search(t, max(lo, s - 14), s):
        return True
    if _QUESTION_THEN_NO.match(t, e) is not None or _QUOTED_THEN_FALSE.match(t, e) is not None:
        return True
    if _NO_SUCH_AFTER.match(t, e) and _NO_SUCH_BEFORE.search(t, lo, s) and not _RHETORIC_BEFORE.search(t, lo, s):
        return True
    return _WHOEVER.search(t, lo, s) is not None and _WHOEVER_THEN.match(t, e) is not None


# A wish to the reader (祝大家财源滚滚, 愿您好运连连), not a promise about what the product does.
_GREETING = re.compile(r"(?:^|[，,。！!？?；;\n\s])(?:祝|恭祝|敬祝|预祝|祝愿|祝福|愿|但愿|恭喜)"
                       r"(?![^，,。！？!?；;\n]{0,12}?(?:戴上|摆上|挂上|请回|佩戴|摆放|买了|用了))")


def _greeting(v: View, s: int, e: int) -> bool:
    """The hit's sentence opens with a wish (祝/愿/恭喜), and no object is credited with bringing it about."""
    lo = v.sentence_start(s)
    m = _GREETING.search(v.text, max(0, lo - 1), s)
    return m is not None and not _CREDITED.search(v.text, lo, s)


_CREDITED = re.compile(r"戴上|摆上|挂上|请回|请一尊|佩戴|摆放|摆在|挂在|放在|开光")


# Quoted rule text, not a claim: 化妆品不能宣称抗炎、抗敏, 广告里不得出现“最好”“第一”, 普通食品禁止标注护肝.
# 别说/千万别写 is the same rule said to a colleague (口播里别说“史上最低价”).
_RULE_TEXT = re.compile(r"(?:不能|不得|不可以|不可|不允许|不准|禁止|严禁|不要|不应|不许|千万别|切勿|别)[在再]?\s*"
                        r"(?:宣称|声称|宣传|标注|标榜|标称|使用|用|出现|写|说|提|打|涉及|暗示|明示|承诺|含有)")


# The seller says it does not sell or do it: 我们只卖水果不卖神药, 本店不搞包过那一套, 拒绝所谓的稳赚.
# These verbs serve the hit right after them (here) and, with those said after a topic, a mention anywhere in
# the sentence (below).
# 我们不宣传抗敏 / 不承诺保本: not claiming it is a denial as much as not selling it. 不做任何疾病治疗: after 任何/什么
# a short noun may come before the hit. 不宣传“抗敏”“消炎”: the denial covers a whole series of quoted words.
_QUOTED_SERIES = r"(?:[“\"「『][^“”\"「」『』，,。！？!?；;\n]{1,10}[”\"」』]\s*[、/和与及或]?\s*)*"
_DENY_BEFORE_WORDS = ("不卖", "不售", "没卖", "不搞", "不玩", "不碰", "不做", "不提供", "不涉及", "从不做", "从来不做",
                      "拒绝", "不宣传", "不宣称", "不声称", "不标榜", "不承诺", "从不宣传", "从来不宣传")
# The topic first, the denial after it (开光我们不做); see _denied_in_sentence.
_DENY_AFTER_WORDS = ("不做", "不卖", "不售", "不搞", "不提供", "做不了", "从来不做", "一律不做",
                     "不宣传", "不宣称", "不承诺")
_DENY_VERB = ("(?:" + "|".join(_DENY_BEFORE_WORDS) + ")"
              r"(?:(?:什么|任何)[\u4e00-\u9fff]{0,4}?|所谓的?|那种|这种)?" + _QUOTED_SERIES + r"[“\"「『]?")
_DENIED = re.compile(_DENY_VERB + "$")
_DENIED_REACH = 30  # how far before the hit a denial (with a quoted series) may start
# “开光”是佛教仪式，不该拿来给商品做宣传 / “史上最低价”属于极限用语: a quoted word that the rest of the sentence
# calls unfit for advertising. Only a word in quotes: 开光貔貅，不该拿来… is not talk about the word.
_QUOTED_RULE_AFTER = re.compile(
    r"[”\"」』'’][^。！？!?；;\n]{0,30}?(?:(?:不该|不应该?|不能|不得|不可|禁止|严禁|不允许|不准|别)"
    r"(?:拿来|用来|用于|被|再|随便|乱)?[^，,。！？!?；;\n]{0,8}?(?:宣传|做广告|打广告|宣称|当卖点|做卖点|营销|推销|卖货|带货)"
    r"|违禁词|极限词|极限用语|敏感词|违规词|禁用词|违禁用语"
    # “抗炎”“药妆”都是违规的, “修复受损”化妆品不能这么写: the quoted word itself is called against the rules.
    r"|(?:都|也|全|全都)?(?:是|属于|算)违(?:规|法|禁)|(?:不能|不可以|不要|别|不得)(?:这么|这样)(?:写|说|用|标|讲|宣传))")


def _rule_text(v: View, s: int, e: int) -> bool:
    t = v.text
    lo = v.clause_start(s)
    if _RULE_TEXT.search(t, lo, s) is not None or _DENIED.search(t, max(lo, s - _DENIED_REACH), s) is not None:
        return True
    return s > 0 and t[s - 1] in _OPEN_QUOTES and _QUOTED_RULE_AFTER.match(t, e) is not None


# A denial of the claim itself: 定投不是稳赚的方法, 洗发水不能生发, 世上没有药到病除的事, 并不是什么包治百病的神药.
# A negator, then at most a filler word, right before the hit. Not when the clause turns it into a question
# (不能生发？错！, 这不是稳赚是什么) or someone is contradicted (谁说…不能…).
_NEGATED = re.compile(
    r"(?:不是|并不是|并非|绝非|绝不是|从来不是|也不是|都不是|根本不是|不能|不可能|并不能|也不能|无法|没法|做不到|不会|"
    r"并不会|不代表|不等于|没有|哪有|哪里有|不存在|不需要|也不需要|无需|不必)"
    r"(?:什么|所谓的?|那种|这种|号称|传说中的?|一个|一种|一款|任何|真正的?|真的|能|可以|会|帮你|让你|一次性|直接|包|保){0,2}"
    r"[“\"「『]?$")
_RHETORIC_AFTER = re.compile(r"[^，,。！!；;\n]{0,12}?(?:[？?]|吗|是什么|才怪)")
_RHETORIC_BEFORE = _any_of(("谁说", "以为"))


# 不具有减肥、排毒等保健功能: the disclaimer's negator covers every item of the series it opens, not only the first.
_NEGATED_SERIES = re.compile(r"(?:不具有|不具备|并不具有|并不具备|并无|不能|无法|不宣称|不涉及)"
                             r"(?:[\u4e00-\u9fff]{1,6}[、/])+$")
_SERIES_REACH = 30


def _negated(v: View, s: int, e: int) -> bool:
    t = v.text
    lo = v.clause_start(s)
    m = _NEGATED.search(t, max(lo, s - 10), s)
    if m is None:
        return _NEGATED_SERIES.search(t, max(lo, s - _SERIES_REACH), s) is not None
    return _RHETORIC_AFTER.match(t, e) is None and _RHETORIC_BEFORE.search(t, lo, m.start()) is None


# The seller says it does not sell or do it anywhere in the sentence: then the other mentions of the same word in
# that sentence are talk about it (开光仪式是宗教活动，我们店不卖开光商品).
_DENY_AFTER = r"(?:我们|本店|咱们|我|店里)?(?:" + "|".join(_DENY_AFTER_WORDS) + ")"
# The prefilter: every verb either pattern can match, so it never rules out a sentence they would excuse.
_DENY_ANY = _any_of(_DENY_BEFORE_WORDS + _DENY_AFTER_WORDS)


def _denied_in_sentence(v: View, s: int, e: int) -> bool:
    """Also the topic first: 开光我们不做."""
    t = v.text
    lo, hi = v.sentence(s, e)
    if _DENY_ANY.search(t, lo, hi) is None:  # one compiled search before building the word's pattern
        return False
    word = re.escape(t[s:e])
    return re.search(f"{_DENY_VERB}{word}|{word}{_DENY_AFTER}", t[lo:hi]) is not None


# Custom or belief of other people reported, not the seller's claim: 古人挂艾草说是为了辟邪, 老一辈认为红绳能挡灾.
_FOLK = re.compile(r"(?:古人|古代人|古时候|古时|旧时|从前的人|过去的人|以前的人|老一辈|老辈人|祖辈|先人|民间|"
                   r"旧俗|习俗|风俗|传统上|老话)[^，,。！？!?；;\n]{0,12}?(?:认为|相信|觉得|说是|说|讲究|讲|信|以为|用来|为了|图)")


def _folk_belief(v: View, s: int, e: int) -> bool:
    return _FOLK.search(v.text, v.clause_start(s), s) is not None


# The goods are an accessory of a device named by the hit (治疗仪专用收纳包, 理疗仪的替换电极片): the accessory
# claims nothing about treatment.
_ACCESSORY = re.compile(
    r"[\u4e00-\u9fff]{0,2}?(?:仪|器|机|灯|贴)[的]?(?:专用|配套|通用|适用|替换|备用)?的?"
    r"(?:收纳包|收纳盒|收纳袋|包|袋|盒|保护套|保护壳|外壳|防尘罩|套|支架|底座|充电器|充电线|数据线|电源线|电源|适配器|"
    r"电池|电极片|贴片|导电贴|凝胶片|绑带|腰带|挂钩|替换头|耗材|配件)"
    r"(?![^，,。！？!?；;\n]{0,6}?(?:治疗|疗效|治愈|专治))")


def _accessory(v: View, s: int, e: int) -> bool:
    return _ACCESSORY.match(v.text, e, e + 14) is not None


# 稳赚的是自己的好心情, 包赚的只有快乐: what is "earned" is a feeling, a joke about the money word, not a promise.
_FIGURATIVE = re.compile(r"的?(?:是|就是|只有|只是|永远是)(?:自己的|我的|你的|大家的|咱的|满满的|一份|一个)?"
                         r"(?:好心情|心情|快乐|开心|幸福感?|"
                         r"好运气|回忆|口福|满足感|笑容|笑声|面子|颜值|好身材|体验感)")


def _figurative(v: View, s: int, e: int) -> bool:
    return _FIGURATIVE.match(v.text, e, e + 16) is not None


# 政府指定的垃圾分类投放时间, 区政府规定的停车区域: a public arrangement the authority fixes, stated as information —
# a time, a place or a route, not goods it endorses.
_PUBLIC_RULE = re.compile(r"(?:指定|规定|划定|设定|公布)?的?[\u4e00-\u9fff]{0,8}?"
                          r"(?:时间|时段|地点|区域|场所|路线|点位|投放点|停车位|停车区)(?![\u4e00-\u9fff]{0,2}(?:用|供|专))")


def _public_rule(v: View, s: int, e: int) -> bool:
    return _PUBLIC_RULE.match(v.text, e, e + 16) is not None


_CHECKS: dict[str, Callable[[View, int, int], bool]] = {
    "sourced": _sourced,
    "dated_sourced": _dated_sourced,
    "self_comparison": _self_comparison,
    "personal": _personal,
    "registered_special": _registered_special,
    "aspiration": _aspiration,
    "quantity_limit": _quantity_limit,
    "weather": _weather,
    "numbered_item": _numbered_item,
    "titled": _titled,
    "quoted_name": _quoted_name,
    "own_story": _own_story,
    "debunked": _debunked,
    "greeting": _greeting,
    "evasive_spelling": _evasive_spelling,
    "rule_text": _rule_text,
    "negated": _negated,
    "denied_in_sentence": _denied_in_sentence,
    "folk_belief": _folk_belief,
    "accessory": _accessory,
    "use_moment": _use_moment,
    "figurative": _figurative,
    "public_rule": _public_rule,
}


@dataclass(frozen=True, slots=True)
class CompiledContext:
    """A ``Context`` ready to judge hits: true when any of its conditions holds."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    near_before: re.Pattern[str] | None
    clause: re.Pattern[str] | None
    sentence: re.Pattern[str] | None
    checks: tuple[Callable[[View, int, int], bool], ...]

    def holds(self, v: View, s: int, e: int) -> bool:
        t = v.text
        if self.before and t[max(0, s - _EDGE):s].endswith(self.before):
            return True
        if self.after and t[e:e + _EDGE].startswith(self.after):
            return True
        if self.near_before is not None and self.near_before.search(t, v.back(s, _CLAUSE_BACK, NEAR), s):
            return True
        if self.clause is not None and self.clause.search(
                t, v.clause_start(s), v.fwd(e, _CLAUSE_FWD, _REACH)):
            return True
        if self.sentence is not None and self.sentence.search(t, *v.sentence(s, e)):
            return True
        return any(check(v, s, e) for check in self.checks)


def compile_context(ctx: Context | None) -> CompiledContext | None:
    """``None`` for an absent or empty clause, so the hot path can skip it with one test."""
    if ctx is None or ctx.is_empty():
        return None
    return CompiledContext(
        tuple(fold(w) for w in ctx.before), tuple(fold(w) for w in ctx.after),
        _any_of(ctx.near_before) if ctx.near_before else None,
        _any_of(ctx.clause) if ctx.clause else None,
        _any_of(ctx.sentence) if ctx.sentence else None,
        tuple(_CHECKS[name] for name in ctx.checks),
    )


def allowed(unless: CompiledContext | None, only_if: CompiledContext | None, v: View, start: int,
            end: int) -> bool:
    """Whether a hit at ``v.text[start:end]`` stands as a violation given its rule's context clauses."""
    if only_if is not None and not only_if.holds(v, start, end):
        return False
    return unless is None or not unless.holds(v, start, end)
