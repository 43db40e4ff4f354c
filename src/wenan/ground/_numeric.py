"""Numeric claims: phones, dates and times, prices, percentages and discounts, quantities.

Extraction is a sequence of regex passes over the normalised text. Each pass only takes characters
no earlier pass took, so the order below is the precedence: structural numbers (hashtags, list
markers, 第N, listicle counts, model names) are taken first *without* producing a claim — that is how
they stay out of the report instead of becoming false alarms.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from ._models import Claim, ClaimKind
from ._text import CN, CN_CHARS, CN_DIGITS, NUM, fmt, parse_cn, parse_cn_digits, to_decimal
from ._units import CN_FORBIDDEN, UNIT_RE, canon_unit


@dataclass
class Scan:
    """Normalised text plus which characters a pass already took."""

    text: str
    taken: bytearray = field(init=False)
    claims: list[Claim] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.taken = bytearray(len(self.text))

    def free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    def take(self, start: int, end: int) -> None:
        self.taken[start:end] = b"\x01" * (end - start)

    def add(self, kind: ClaimKind, start: int, end: int, value: str, unit: str | None = None) -> None:
        self.take(start, end)
        self.claims.append(Claim(kind=kind, text=self.text[start:end], start=start, end=end, value=value, unit=unit))


NUMX = rf"(?:{NUM}|{CN}+)"
_ASCII_LETTER = re.compile(r"[A-Za-z]")

# --- structural numbers: taken, never claims ----------------------------------------------------------
_LISTICLE_NOUN = (r"(?:小?技巧|方法|理由|建议|原因|秘诀|步骤|小?tips|细节|妙招|要点|误区|习惯|冲法|做法|吃法|玩法|"
                  r"穿搭|关键|心得|好处|坑|雷区|问题|维度|必看|必买|必备|真相|注意事项|步搞定|招搞定)")
_IDIOMS = ("五颜六色|一五一十|三心二意|四面八方|七上八下|九牛一毛|十全十美|百发百中|千方百计|万无一失|三番五次|"
           "七嘴八舌|一年四季|五湖四海|三天两头|三天打鱼|两天晒网|乱七八糟|八九不离十|三五成群|一心一意|独一无二|"
           "一模一样|三言两语|两全其美|一举两得|一石二鸟|四舍五入|五花八门|七七八八|十分|万分|百分百|千万|万一|"
           "一点点|一下子|六六大顺|四季|四轮定位|三明治|一二")
# A hashtag is # plus one short token: no space, no punctuation (normalize() made full-width punctuation ASCII).
# "#洗车前，我洗了4天左右" is the tag #洗车前 and then prose, whose numbers are claims like any other; a run
# longer than a tag is prose from its first character. A dot between digits stays inside (#3.8女神节).
_TAG_STOP = "\\s#,.!?;:()\\[\\]{}<>\"'/\\\\|~，。！？；：、…—·“”‘’「」『』【】《》〈〉\ufe0f\u20e3"  # #️⃣ is a keycap
_TAG_CHAR = rf"(?:[^{_TAG_STOP}]|(?<=\d)\.(?=\d))"
HASHTAG = re.compile(rf"#{_TAG_CHAR}{{1,30}}#|#{_TAG_CHAR}{{1,16}}(?!{_TAG_CHAR})")
# List markers. Only a number standing where a list item starts is one: at the start of a line, or inline
# after clause punctuation or a space — but not after "14:30" or "1,299", whose punctuation is inside a number.
_MARK_NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,2})"
_BULLET = r"(?:[-*•·▪][ \t]?)?"
_ITEM_START = r"(?:^|(?<=[\s,.;:!?。])(?<!\d[\s,.;:!?]))[ \t]*"
LIST_MARKERS: tuple[re.Pattern[str], ...] = (
    # (1) （1) 【1】 [1]: a lone number in brackets where an item starts; inline only one digit, so the 99 of
    # "满 (99) 包邮" stays a claim
    re.compile(rf"(?m)^[ \t]*{_BULLET}[(\[【][ \t]?{_MARK_NUM}[ \t]?[)\]】]"),
    re.compile(rf"{_ITEM_START}[(\[【][ \t]?(?:\d|[一二三四五六七八九十])[ \t]?[)\]】]"),
    # 1. 1、 1) at the start of a line; not 3.8 / 3、5、7号楼, where a number follows and the list is of values
    re.compile(rf"(?m)^[ \t]*{_BULLET}{_MARK_NUM}[.、)](?!\d)"),
    # inline "，2、两只脚": 2、 starts an item, unless more numbers follow (3、5、7号楼, 二、三天 list values)
    re.compile(rf"(?m){_ITEM_START}\d{{1,2}}、(?!\d)"),
    re.compile(rf"(?m){_ITEM_START}[一二三四五六七八九十]{{1,2}}、(?![\d{CN_CHARS}])"),
    # inline "：1.降噪 2.续航": one digit, a dot, then words (3.8 and 9.9 have a digit after the dot)
    re.compile(rf"(?m){_ITEM_START}\d\.(?=[ \t]?[\u4e00-\u9fff])"),
)
SKIP_RES: tuple[re.Pattern[str], ...] = (
    re.compile(r"https?://\S+|www\.\S+|@[\w.\-]{1,30}"),
    HASHTAG,  # 小红书 #tag and 微博 #tag#: topics, not statements
    re.compile(r"《[^》\n]{0,40}》"),
    re.compile("[0-9#*]\ufe0f?\u20e3|\U0001f51f|[\u2460-\u2473\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]"),
    *LIST_MARKERS,
    re.compile(r"(?i)(?<![a-z])(?:top|no\.?)[ \t]?\d{1,3}"),
    re.compile(rf"第[ \t]?(?:\d+|{CN}+)"),
    re.compile(rf"(?:\d+|{CN}+)[ \t]?(?:个|种|大|条|点|招|款|步)?[ \t]?{_LISTICLE_NOUN}"),
    re.compile(_IDIOMS),
    re.compile(r"(?<!\d)(?:[5-9]0|[0-2]0|95|85|75)后(?!\d)"),  # 90后, 00后: a generation, not a quantity
    re.compile(r"(?<![\d:])\d{1,2}[ \t]?[:：][ \t]?\d(?!\d)"),  # ratios such as 1:1, 16:9
)

# --- phones --------------------------------------------------------------------------------------------
PHONE_RES = (
    re.compile(r"(?<![\d\-])(?:\+?86[\s\-]?)?1[3-9]\d(?:[\s\-]?\d{4}){2}(?!\d)"),
    re.compile(r"(?<![\d\-])[48]00[\s\-]?\d{3}[\s\-]?\d{4}(?!\d)"),
    re.compile(r"(?<![\d\-])0\d{2,3}[\s\-]?\d{3,4}[\s\-]?\d{4}(?!\d)"),
)


#: a local number without area code (6288 1234) is a phone only after a phone word
LOCAL_PHONE = re.compile(r"(?:电话|热线|订座|订位|预约|预订|致电|拨打|咨询|联系|tel|TEL|Tel)[:：]?[ \t]?"
                         r"(?<![\d\-])(\d{3,4}[ \t\-]?\d{4})(?![ \t\-]?\d)")


def phones(scan: Scan) -> None:
    for rx in PHONE_RES:
        for m in rx.finditer(scan.text):
            if scan.free(m.start(), m.end()):
                digits = re.sub(r"\D", "", m.group())
                if len(digits) == 13 and digits.startswith("86"):
                    digits = digits[2:]
                scan.add("phone", m.start(), m.end(), digits)
    for m in LOCAL_PHONE.finditer(scan.text):  # after full numbers: 021 6288 1234 is one number
        if scan.free(m.start(1), m.end(1)):
            scan.add("phone", m.start(1), m.end(1), re.sub(r"\D", "", m.group(1)))


# --- dates and times -----------------------------------------------------------------------------------
Y4 = r"(?:(?:19|20)\d{2}|[零〇一二三四五六七八九]{4})"
MN = rf"(?:\d{{1,2}}|{CN}{{1,3}})"
_CONNECT = r"[ \t]?(?:-|~|～|—|–|到|至)[ \t]?"
DATE_FULL = re.compile(rf"(?:({Y4})[ \t]?年[ \t]?)?({MN})[ \t]?月[ \t]?({MN})[ \t]?[日号]")
DATE_DAYS = re.compile(rf"(?:({Y4})[ \t]?年[ \t]?)?({MN})[ \t]?月[ \t]?({MN}){_CONNECT}({MN})[ \t]?[日号]")  # 11月8-9日
DATE_TAIL = re.compile(rf"{_CONNECT}(?:(?:({Y4})[ \t]?年[ \t]?)?({MN})[ \t]?月[ \t]?)?({MN})[ \t]?[日号]")
DATE_DOT = re.compile(r"(?<![\d.])(?:((?:19|20)\d{2})[.\-/])?(\d{1,2})[./](\d{1,2})(?![\d%])(?!\.\d)")
DOT_TAIL = re.compile(rf"{_CONNECT}(?:(\d{{1,2}})[./])?(\d{{1,2}})(?![\d.%])")
DOT_CUE = re.compile(r"[ \t]?(?:开业|开张|开始|开抢|开售|开卖|开课|开播|开门|上新|上市|发货|截止|之前|前|"
                     r"当天|当日|当晚|零点|"
                     r"晚|早|上午|下午|中午|凌晨|周|星期|礼拜|见|有效|生日|这天|那天|营业|\d{1,2}:\d{2})")
DATE_MONTH = re.compile(rf"(?:({Y4})[ \t]?年[ \t]?)?({MN})[ \t]?月[ \t]?(?:份|底|初|上旬|中旬|下旬)")
DATE_YM = re.compile(rf"({Y4})[ \t]?年[ \t]?({MN})[ \t]?月")
DATE_YEAR = re.compile(rf"(?<![\d.])({Y4})[ \t]?年")
DATE_DAY = re.compile(rf"(?<![\d{CN_CHARS}.月])({MN})[ \t]?[日号]"
                      r"(?=[ \t]?(?:前|之前|后|开|起|当天|晚|早|上午|下午|见|截止|发货|[（(]?周|星期))")
#: (pattern, value); 618 and 520 are also plain numbers, so they count as events only when no unit follows.
EVENTS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"双[ \t]?(?:11|十一)"), "*-11-11"),
    (re.compile(r"双[ \t]?(?:12|十二)"), "*-12-12"),
    (re.compile(r"(?<![\d.¥￥])618(?![\d.%])|六一八"), "*-06-18"),
    (re.compile(r"(?<![\d.¥￥])520(?![\d.%])|五二零"), "*-05-20"),
    (re.compile(r"女神节|妇女节|三八节|38节|3\.8节"), "*-03-08"),
    (re.compile(r"情人节"), "*-02-14"),
    (re.compile(r"平安夜"), "*-12-24"),
    (re.compile(r"圣诞节?"), "*-12-25"),
    (re.compile(r"元旦"), "*-01-01"),
    (re.compile(r"国庆节?"), "*-10-01"),
    (re.compile(r"劳动节|五一假期|五一小长假"), "*-05-01"),
    (re.compile(r"七夕|中秋节?|端午节?|春节|元宵节?|除夕|重阳节?"), "lunar"),
)
_WD = "一二三四五六日天1234567"
_WD_NUM = {c: i + 1 for i, c in enumerate("一二三四五六日")} | {"天": 7} | {str(i): i for i in range(1, 8)}
WEEK_RANGE = re.compile(rf"(?:周|星期|礼拜)([{_WD}])[ \t]?(?:至|到|-|~)[ \t]?(?:周|星期|礼拜)?([{_WD}])")
# 每周3次 / 每周三天 / 每周2、3天 count times in a week: the numeral there is a count, not a weekday.
WEEKDAY = re.compile(rf"(?:下|本|这|每|上)?个?(?:周|星期|礼拜)([{_WD}])"
                     r"(?![ \t]?(?:次(?!日)|天(?!气|猫)|节课|课时|个?小时|分钟|趟|、\d))"
                     r"(?:[ \t]?[、和及/与]?[ \t]?([日天])(?![期记常子本报气猫]))?")
WEEK_WORDS = re.compile(r"周末|工作日")
#: 周一店休: a day the shop is closed. Kept as unit "休" so "周一也营业" is not supported by it.
_CLOSED = re.compile(r"[ \t]?(?:也?(?:店休|休息|闭店|不营业|休业|公休|休))")
PERIOD = (r"(?:凌晨|清晨|早上|早晨|今早|明早|上午|中午|午后|下午|傍晚|晚上|晚间|夜里|夜间|深夜|今晚|明晚|当晚|次日|"
          r"每晚|每早|早|晚)")
_PM = {"中午", "午后", "下午", "傍晚", "晚上", "晚间", "夜里", "夜间", "深夜", "今晚", "明晚", "当晚", "每晚", "晚"}
TIME_HM = re.compile(rf"({PERIOD})?[ \t]?(\d{{1,2}})[:：](\d{{2}})(?!\d)")
TIME_DIAN = re.compile(rf"({PERIOD})?[ \t]?(\d{{1,2}}|{CN}{{1,3}})[ \t]?点"
                       rf"(?:[ \t]?(半|一刻|三刻|整|钟|(\d{{1,2}}|{CN}{{1,3}})[ \t]?分?))?")
_TIME_CUE_AFTER = re.compile(r"[ \t]?(?:前|后|开|到|至|-|~|～|起|截止|见|开始|准时|左右|营业|关门|打烊)")
_TIME_CUE_BEFORE = re.compile(r"(?:到|至|-|~|～|从|每天|每日|营业|开门)[ \t]?$")


def _mn(s: str | None) -> int | None:
    if s is None:
        return None
    if s.isdigit():
        return int(s)
    return parse_cn(s)


def _year(s: str | None) -> str:
    if not s:
        return "*"
    return s if s.isdigit() else (parse_cn_digits(s) or "*")


def _date_value(y: str | None, m: int | None, d: int | None) -> str | None:
    if m is not None and not 1 <= m <= 12:
        return None
    if d is not None and not 1 <= d <= 31:
        return None
    return f"{_year(y)}-{m:02d}-" + (f"{d:02d}" if d is not None else "*") if m is not None else None


def dates(scan: Scan) -> None:
    text = scan.text
    _weekdays(scan)  # first: 周六日 is Saturday and Sunday, not "the 6th"
    for m in DATE_DAYS.finditer(text):
        first = _date_value(m.group(1), _mn(m.group(2)), _mn(m.group(3)))
        last = _date_value(m.group(1), _mn(m.group(2)), _mn(m.group(4)))
        if first and last and scan.free(m.start(), m.end()):
            scan.add("date", m.start(), m.start(4) - 1 if text[m.start(4) - 1] in "-~～—–到至" else m.start(4), first)
            scan.add("date", m.start(4), m.end(), last)
    for m in DATE_FULL.finditer(text):
        value = _date_value(m.group(1), _mn(m.group(2)), _mn(m.group(3)))
        if value is None or not scan.free(m.start(), m.end()):
            continue
        scan.add("date", m.start(), m.end(), value)
        tail = DATE_TAIL.match(text, m.end())
        if tail:
            y = tail.group(1) or m.group(1)
            month = _mn(tail.group(2)) if tail.group(2) else _mn(m.group(2))
            end_value = _date_value(y, month, _mn(tail.group(3)))
            start = tail.start() + len(tail.group()) - len(tail.group().lstrip(" -~～—–到至"))
            if end_value and scan.free(start, tail.end()):
                scan.add("date", start, tail.end(), end_value)
    for m in DATE_DOT.finditer(text):
        if not scan.free(m.start(), m.end()):
            continue
        value = _date_value(m.group(1), int(m.group(2)), int(m.group(3)))
        if value is None:
            continue
        tail = DOT_TAIL.match(text, m.end())
        tail_value = None
        if tail:
            tail_value = _date_value(m.group(1), int(tail.group(1) or m.group(2)), int(tail.group(2)))
        if tail and tail_value and (tail.group(1) or m.group(1)):
            scan.add("date", m.start(), m.end(), value)
            start = tail.end() - len(tail.group().lstrip(" -~～—–到至"))
            scan.add("date", start, tail.end(), tail_value)
        elif m.group(1) or DOT_CUE.match(text, m.end()):
            # 3.8 is a date only when the words around say so; otherwise 9.9 stays a number (a price).
            scan.add("date", m.start(), m.end(), value)
    for rx in (DATE_MONTH, DATE_YM):
        for m in rx.finditer(text):
            value = _date_value(m.group(1), _mn(m.group(2)), None)
            if value and scan.free(m.start(), m.end()):
                scan.add("date", m.start(), m.end(), value)
    for m in DATE_YEAR.finditer(text):
        if scan.free(m.start(), m.end()) and _year(m.group(1)) != "*":
            scan.add("date", m.start(), m.end(), f"{_year(m.group(1))}-*-*")
    for m in DATE_DAY.finditer(text):
        day = _mn(m.group(1))
        if day and 1 <= day <= 31 and scan.free(m.start(), m.end()):
            scan.add("date", m.start(), m.end(), f"*-*-{day:02d}")
    for rx, value in EVENTS:
        for m in rx.finditer(text):
            numeric = m.group().isdigit()
            if numeric and re.match(rf"[ \t]?(?!晚|夜|节)(?:{UNIT_RE}|元|块|万|%|折)", text[m.end():]):
                continue
            if scan.free(m.start(), m.end()):
                scan.add("date", m.start(), m.end(), value if value != "lunar" else "节:" + m.group()[:2])
    _times(scan)


def _weekdays(scan: Scan) -> None:
    for m in WEEK_RANGE.finditer(scan.text):
        a, b = _WD_NUM[m.group(1)], _WD_NUM[m.group(2)]
        if a <= b and scan.free(m.start(), m.end()):
            scan.add("date", m.start(), m.end(), "周" + ",".join(str(i) for i in range(a, b + 1)))
    for m in WEEKDAY.finditer(scan.text):
        if scan.free(m.start(), m.end()):
            days = [_WD_NUM[g] for g in m.groups() if g]
            closed = "休" if _CLOSED.match(scan.text, m.end()) else None
            scan.add("date", m.start(), m.end(), "周" + ",".join(str(d) for d in days), closed)
    for m in WEEK_WORDS.finditer(scan.text):
        if scan.free(m.start(), m.end()):
            scan.add("date", m.start(), m.end(), "周6,7" if m.group() == "周末" else "周1,2,3,4,5")


def _time_value(period: str | None, hour: int, minute: int, exact: bool) -> str | None:
    if not (0 <= hour <= 24 and 0 <= minute < 60):
        return None
    if period in _PM and hour < 12:
        hour += 12
    elif period in ("凌晨", "早", "早上", "清晨") and hour == 12:
        hour = 0
    hour %= 24
    ambiguous = period is None and not exact and 1 <= hour <= 12
    return ("~" if ambiguous else "") + f"{hour % 12 if ambiguous else hour:02d}:{minute:02d}"


def _times(scan: Scan) -> None:
    text = scan.text
    last_end, last_period = -10, None
    found: list[tuple[int, int, str | None, int, int, bool]] = []
    for m in TIME_HM.finditer(text):
        found.append((m.start(), m.end(), m.group(1), int(m.group(2)), int(m.group(3)), True))
    for m in TIME_DIAN.finditer(text):
        hour = _mn(m.group(2))
        if hour is None or (m.group(2) == "一" and not m.group(1)):
            continue
        if not (m.group(1) or m.group(3) or _TIME_CUE_AFTER.match(text, m.end())
                or _TIME_CUE_BEFORE.search(text[max(0, m.start() - 4): m.start()])):
            continue  # "注意两点" / "3点建议": 点 is a point, not a time
        minutes = {"半": 30, "一刻": 15, "三刻": 45}.get(m.group(3) or "", 0)
        if m.group(4):
            minutes = _mn(m.group(4)) or 0
        found.append((m.start(), m.end(), m.group(1), hour, minutes, False))
    for start, end, period, hour, minute, exact in sorted(found):
        if not scan.free(start, end):
            continue
        if period is None and re.fullmatch(r"[ \t]?(?:-|~|～|—|到|至)[ \t]?", text[last_end:start]):
            period = last_period  # 下午2点-4点: the range end keeps the start's 下午
        value = _time_value(period, hour, minute, exact)
        if value:
            scan.add("date", start, end, value)
            last_end, last_period = end, period


# --- prices, offers, percentages, quantities ------------------------------------------------------------
BUY_GET = re.compile(rf"(买|拍)[ \t]?({NUMX})[ \t]?(?:{UNIT_RE})?[ \t]?(?:送|赠|发)[ \t]?({NUMX})[ \t]?(?:{UNIT_RE})?")
MAN_JIAN = re.compile(rf"满[ \t]?({NUMX})[ \t]?(?:元|块)?[ \t]?(?:再|还|立|就|可)?(?:减|-)[ \t]?"
                      rf"({NUMX})(?:[ \t]?(?:元|块))?")
YUAN_SIGN = re.compile(rf"[¥￥][ \t]?({NUM})[ \t]?(万)?")
# 九块九 = 9.9; but 十八块一大杯 is 18 yuan for one large cup, so 一 needs a non-word character after it
KUAI_JIAO = re.compile(rf"({NUM}|{CN}+)[ \t]?块[ \t]?([0-9]|[二三四五六七八九]|一(?![\u4e00-\u9fff]))"
                       rf"(?![0-9{CN_CHARS}个只支瓶罐件颗粒片包盒袋份杯毛大小条])")
PRICE_UNIT = re.compile(rf"({NUM}|{CN}+)(?:[ \t]?(万|w|W|千))?[ \t]?(元|块钱|块|RMB|rmb)")
DISCOUNT = re.compile(rf"({NUM}|{CN}{{1,3}})[ \t]?折(?!叠|腾|磨|服|射|扣)")
HALF = re.compile(r"半价|对折")
PERCENT = re.compile(rf"({NUM})[ \t]?[%％]|百分之[ \t]?({NUM}|{CN}+)"
                     r"|([二三四五六七八九十])成(?![功为本人年都熟立长交])")
_OFF_BEFORE = re.compile(r"(?:优惠|立减|直降|打|减)[ \t]?$")
_OFF_AFTER = re.compile(r"[ \t]?(?:折扣|off|OFF|优惠)")
NUMBER_RANGE = re.compile(rf"(?<![\d.])({NUMX}){_CONNECT}({NUMX})[ \t]?(?:余|多)?[ \t]?({UNIT_RE})")
NUMBER_UNIT = re.compile(rf"(?<![\d.])({NUMX})(?:[ \t]?(万|亿|w|W|千))?[ \t]?(?:余|多|来|\+)?[ \t]?({UNIT_RE})")
PAIR_PEOPLE = re.compile(r"(双|单)人")
HALF_UNIT = re.compile(r"半[ \t]?(个小时|小时|年|个月|斤)")
SPF = re.compile(r"(?i)SPF[ \t]?(\d+)\+?")
CUE_PRICE = re.compile(rf"(?:原价|现价|售价|定价|特价|价格|价|到手|只要|只需|仅需|仅售|仅|才|低至|立减|直降|减|首发|"
                       rf"一口价|秒杀|团购)[ \t]?[:：]?[ \t]?({NUM}|{CN}+)(?![\d.%])")
BARE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?!\d)")
#: A number with 万/亿 or a w/W and no unit after. w is 万 in internet shorthand (10w+, 10w粉丝, 月销1w) and
#: watts on an appliance (功率800w, 65w快充): the words around decide, see ``_w_reading``.
MULT = re.compile(rf"(?<![\d.])({NUM})[ \t]?([wW]|万|亿)(?![A-Za-z0-9])")
_WATT_CUE = re.compile(r"功率|瓦|电机|快充|闪充|充电|输出|输入|额定|加热|火力|电源|灯泡|吹风|电饭|微波")
_WAN_AFTER = re.compile(r"[ \t]?(?:\+|多|余|粉|播放|阅读|浏览|点赞|收藏|销量|好评|评价|用户|订单|单|人次|字|转发|评论|"
                        r"曝光|关注)")
_WAN_BEFORE = re.compile(r"(?:销量?|月销|已售|卖出|售出|累计|超过|突破|粉丝|播放|阅读|浏览|点赞|收入|月入|"
                         r"年薪|薪资?|预算|存款|赚)[ \t]?$")
#: 2、3天 / 2或3天 / 299、399元: the numbers of a list share the unit written once, after the last one.
LIST_UNIT = re.compile(rf"(?<![\d.])({NUM})(?=(?:[ \t]?(?:、|或者?|和|及|与)[ \t]?(?:{NUM}))*"
                       rf"[ \t]?(?:、|或者?|和|及|与)[ \t]?(?P<last>{NUM})[ \t]?(?:{UNIT_RE}|元))")


def _cn_ok(s: str) -> bool:
    """A Chinese numeral that really is a quantity: not the article 一, not an approximation (三五)."""
    return s.isascii() or (s != "一" and parse_cn(s) is not None)


def _num(s: str, mult: str | None = None) -> Decimal | None:
    value = to_decimal(s)
    if value is None:
        return None
    if mult in ("万", "w", "W"):
        value *= 10_000
    elif mult == "亿":
        value *= 100_000_000
    elif mult == "千":
        value *= 1000
    return value


# --- model numbers, SKUs, standards ---------------------------------------------------------------------
# Letters glued to 2+ digits name a thing (BX-500, QH2031, SPF50, N95, iPhone15): an invented one is as false as
# an invented price. One digit (5G, A4, V8, PM2.5) is usually a generic term, so it is left alone; a number
# followed by % or a decimal point belongs to the quantity passes (VC20% is 20%).
CODE_RE = re.compile(r"(?<![A-Za-z0-9_\-])([A-Za-z]{1,8})[-_ ]?(\d{2,6})([A-Za-z]{0,3})(?![A-Za-z0-9%‰.\-])")


def codes(scan: Scan) -> None:
    for m in CODE_RE.finditer(scan.text):
        if scan.free(m.start(), m.end()):
            scan.add("code", m.start(), m.end(), "".join(m.groups()).upper())


def _letters_around(text: str, start: int, end: int | None = None) -> bool:
    """Digits glued to Latin letters are model names (S8, RYT200, iPhone15, 5G), not quantities."""
    before = text[start - 1] if start else ""
    if before == "-" and start > 1:
        before = text[start - 2]
    after = text[end] if end is not None and end < len(text) else ""
    return bool(_ASCII_LETTER.match(before) or _ASCII_LETTER.match(after))


def _w_reading(text: str, m: re.Match[str]) -> str:
    """Read the w/W after a number as watts ("W") or 万: a wattage cue wins, then a count cue; else the case and
    size decide (engineers write 800W; 1.5w and 10w are more often 万 than watts, 800w more often watts)."""
    near = text[max(0, m.start() - 8): m.end() + 6]
    if _WATT_CUE.search(near):
        return "W"
    if _WAN_AFTER.match(text, m.end()) or _WAN_BEFORE.search(text[max(0, m.start() - 6): m.start()]):
        return "万"
    raw = m.group(1).replace(",", "")
    return "W" if m.group(2) == "W" or (raw.isdigit() and int(raw) >= 100) else "万"


def _passes(scan: Scan, rx: re.Pattern[str], handle: Callable[[re.Match[str]], None]) -> None:
    for m in rx.finditer(scan.text):
        if scan.free(m.start(), m.end()):
            handle(m)


def quantities(scan: Scan) -> None:
    text = scan.text

    def buy_get(m: re.Match[str]) -> None:
        a, b = _num(m.group(2)), _num(m.group(3))
        if a is not None and b is not None:
            if m.group(1) == "拍":  # 拍一发二 = 买一送一
                b -= a
            scan.add("number", m.start(), m.end(), f"买{fmt(a)}送{fmt(b)}", "买赠")

    def man_jian(m: re.Match[str]) -> None:
        for g in (1, 2):
            value = _num(m.group(g))
            if value is not None and _cn_ok(m.group(g)):
                scan.add("price", m.start(g), m.end(g), fmt(value), "元")

    def yuan_sign(m: re.Match[str]) -> None:
        value = _num(m.group(1), m.group(2))
        if value is not None:
            scan.add("price", m.start(), m.end(), fmt(value), "元")

    def kuai_jiao(m: re.Match[str]) -> None:
        whole, jiao = to_decimal(m.group(1)), CN_DIGITS.get(m.group(2), None)
        jiao = int(m.group(2)) if m.group(2).isdigit() else jiao
        if whole is not None and jiao is not None and (m.group(1).isascii() or parse_cn(m.group(1)) is not None):
            scan.add("price", m.start(), m.end(), fmt(whole + Decimal(jiao) / 10), "元")

    def price_unit(m: re.Match[str]) -> None:
        nxt = text[m.end(): m.end() + 1]
        if m.group(3) == "块" and re.match(r"[\u4e00-\u9fff]", nxt) and nxt != "钱":
            return  # 三块蛋糕: a count, not yuan
        value = _num(m.group(1), m.group(2))
        well_formed = m.group(1).isascii() or parse_cn(m.group(1)) is not None
        if value is not None and well_formed and not _letters_around(text, m.start()):
            scan.add("price", m.start(), m.end(), fmt(value), "元")

    def discount(m: re.Match[str]) -> None:
        raw = m.group(1)
        if raw.isascii():
            d = Decimal(raw)
            pay = d * 10 if d < 10 else d  # 8.8折 -> 88, 75折 -> 75
        else:
            digits = parse_cn_digits(raw) if len(raw) == 2 else None
            single = parse_cn(raw)
            if digits:
                pay = Decimal(digits)
            elif single is not None and single < 10:
                pay = Decimal(single * 10)
            else:
                return
        if 0 < pay < 100:
            scan.add("percent", m.start(), m.end(), fmt(pay), "折")

    def percent(m: re.Match[str]) -> None:
        raw = m.group(1) or m.group(2)
        parsed = Decimal(parse_cn(m.group(3)) or 0) * 10 if m.group(3) else (to_decimal(raw) if raw else None)
        if parsed is None:
            return
        value: Decimal = parsed
        if _OFF_BEFORE.search(text[max(0, m.start() - 3): m.start()]) or _OFF_AFTER.match(text, m.end()):
            scan.add("percent", m.start(), m.end(), fmt(100 - value), "折")  # 优惠20% = 8折
        else:
            scan.add("percent", m.start(), m.end(), fmt(value), "%")

    def number_range(m: re.Match[str]) -> None:
        a, b = m.group(1), m.group(2)
        if not (_cn_ok(a) and _cn_ok(b)) or _letters_around(text, m.start()):
            return
        unit = canon_unit(m.group(3))
        if not a.isascii() and unit in CN_FORBIDDEN:
            return
        va, vb = _num(a), _num(b)
        if va is not None and vb is not None and va < vb:
            scan.add("number", m.start(), m.end(), f"{fmt(va)}-{fmt(vb)}", unit)

    def number_unit(m: re.Match[str]) -> None:
        raw, unit_raw = m.group(1), m.group(3)
        if not raw.isascii() and (not _cn_ok(raw) or unit_raw in CN_FORBIDDEN):
            scan.take(m.start(), m.end())  # 一杯 / 三五天 / 十分: taken so no later pass reads a piece of it
            return
        if raw.isascii() and _letters_around(text, m.start()):
            return
        value = _num(raw, m.group(2))
        if value is not None:
            if text[max(0, m.start() - 2): m.start()] == "零下":
                value = -value  # 零下30度 is not the 30℃ in the washing instructions
            scan.add("number", m.start(), m.end(), fmt(value), canon_unit(unit_raw))

    def mult(m: re.Match[str]) -> None:
        if re.match(rf"[ \t]?(?:余|多|来|\+)?[ \t]?{UNIT_RE}", text[m.end():]) or _letters_around(text, m.start()):
            return  # 10w+人 / 1.5万人: a count with its unit, NUMBER_UNIT's; X100W: a model name
        if m.group(2) in "wW" and _w_reading(text, m) == "W":
            scan.add("number", m.start(), m.end(), fmt(Decimal(m.group(1).replace(",", ""))), "W")
            return
        value = _num(m.group(1), m.group(2))
        if value is not None:
            scan.add("number", m.start(), m.end(), fmt(value))

    def list_unit(m: re.Match[str]) -> None:
        last = next((c for c in scan.claims if c.start == m.start("last")), None)
        value = _num(m.group(1))
        if last is None or value is None or last.kind not in ("price", "number") or last.unit in (None, "买赠"):
            return
        scan.add(last.kind, m.start(1), m.end(1), fmt(value), last.unit)

    def cue_price(m: re.Match[str]) -> None:
        raw = m.group(1)
        value = _num(raw)
        if value is not None and _cn_ok(raw) and not _letters_around(text, m.start(1), m.end(1)):
            scan.add("price", m.start(1), m.end(1), fmt(value), "元")

    _passes(scan, SPF, lambda m: scan.add("number", m.start(), m.end(), m.group(1), "SPF"))
    _passes(scan, BUY_GET, buy_get)
    _passes(scan, MAN_JIAN, man_jian)
    _passes(scan, YUAN_SIGN, yuan_sign)
    _passes(scan, KUAI_JIAO, kuai_jiao)
    _passes(scan, PRICE_UNIT, price_unit)
    _passes(scan, HALF, lambda m: scan.add("percent", m.start(), m.end(), "50", "折"))
    _passes(scan, DISCOUNT, discount)
    _passes(scan, PERCENT, percent)
    _passes(scan, PAIR_PEOPLE,
            lambda m: scan.add("number", m.start(), m.end(), "2" if m.group(1) == "双" else "1", "人"))
    _passes(scan, HALF_UNIT, lambda m: scan.add("number", m.start(), m.end(), "0.5", canon_unit(m.group(1))))
    _passes(scan, NUMBER_RANGE, number_range)
    _passes(scan, MULT, mult)  # before NUMBER_UNIT, which would read 800W as watts and 10W粉丝 too
    _passes(scan, NUMBER_UNIT, number_unit)
    _passes(scan, LIST_UNIT, list_unit)  # after NUMBER_UNIT: it reads the unit of the list's last number
    _passes(scan, CUE_PRICE, cue_price)

    def bare(m: re.Match[str]) -> None:
        if not _letters_around(text, m.start(), m.end()):
            scan.add("number", m.start(), m.end(), fmt(Decimal(m.group())))

    _passes(scan, BARE, bare)


def skip_structural(scan: Scan) -> None:
    for rx in SKIP_RES:
        for m in rx.finditer(scan.text):
            scan.take(m.start(), m.end())
