"""Price facts and offers: what ``false_promo``'s detectors (``_promo.py``) read a line into.

A line is read once into *price facts* — 原价299元, 到手259元, 5折, 直降100元, 满200减50, 第二件半价, 两件合计180元,
免费, 支付39元, 限量100件, 已售500件, 仅限今天, 3月1日至3月31日 — and facts written close together (same
sentence, at most ``_GAP`` characters apart, no kind twice) form one *offer*. Nothing here judges anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .._numerals import CN_DIGITS, parse_cn

# --- facts ---------------------------------------------------------------------------------------------

_NUM = r"\d+(?:\.\d+)?\s*(?:万|w)?"
_YUAN = r"\s*(?:元|块钱?|rmb)"
# A price said in Chinese numerals (两百多, 三百九, 一千二): a digit then 千/百/十 and what follows, ending where
# the words end or 元/块/的 follow (三百九的, 两百多块), so 二十分钟 or 三百斤 is not read as money.
_CN_MONEY = (r"[一二两三四五六七八九][千百十][一二两三四五六七八九十百零]{0,4}(?:多|来)?"
             r"(?=\s*(?:元|块|的|[，,。！!？?\s]|$))(?:\s*(?:元|块钱?))?")
# 九块八, 9块8, 两块五毛: yuan and a tenth. Only where no word follows (两块五花肉 is meat), or 包邮/的/钱 does.
_KUAI = (r"(?:\d{1,4}|[一二两三四五六七八九十][一二两三四五六七八九十百]{0,4})\s*块\s*[0-9一二三四五六七八九](?:\s*毛)?"
         r"(?![0-9])(?![\u4e00-\u9fff](?<![钱的包一毛]))")
_MONEY = rf"(?:{_KUAI}|[¥￥]?\s*{_NUM}(?:{_YUAN})?|{_CN_MONEY})"  # after a label that can only mean a price
# after 只要/仅需…: 只要3步 is not a price
_MONEY_STRICT = rf"(?:{_KUAI}|[¥￥]\s*{_NUM}(?:{_YUAN})?|{_NUM}{_YUAN}|{_CN_MONEY})"
# A bare figure where a price is expected (两只一起拿198): money unless a unit of time, count or weight follows.
_BARE = (r"\d+(?:\.\d+)?(?![\d.]|\s*(?:[点号日月时分秒天周年个件份次位名人岁斤克折%:：万w-]|g|kg|ml|cm|mm|l\b))")
_LINK = r"\s*[:：=]?\s*(?:仅|只|为|是|才)?\s*"
_COUNT = r"(?:\d+|[一二两三四五六七八九十百千]+)"
_UNIT = r"(?:件|份|个|台|套|瓶|盒|只|双|张|支|单|罐|包|箱|袋|条|本|枚|组|桶|杯|位|名|人)"
# What a bundle or a total may count: goods, and services bought by the time (十次三百六, 两节课)
_UNIT_T = rf"(?:{_UNIT}|次|节|堂)"
_MD = r"\d{1,2}\s*月\s*\d{1,2}\s*[日号]?"
_DOT = r"\d{1,2}[./]\d{1,2}(?![\d.]|\s*(?:元|折|倍|%|万|kg|g|ml|l|cm|mm|斤|克|米|块))"
_YEAR = r"(?:(?:19|20)\d{2}\s*年\s*)?"

_ORIG_LABELS = ("建议零售价|原售价|原价|划线价|专柜价|吊牌价|市场价|日常价|门市价|官方价|官网价|零售价|指导价"
                "|平时价|平常价|正价|标价|定价|常规价|平日价|平时都?卖|平常卖|平日卖|之前卖|以前卖|原来卖|专柜卖|门店卖")
_NOW_LABELS = ("现售价|现价|到手价|到手|活动价|秒杀价|特价|特惠价|折后价|折后|券后价|券后|惊喜价|限时价|直播间价"
               "|直播价|团购价|拼团价|优惠价|促销价|福利价|专享价|会员价|抢购价|狂欢价|清仓价|实付款|实付|售价"
               "|(?<=折)后价?")  # 8折后159元: the rate is read first, its 后 then labels the price
_NOW_WEAK = "现在只要|现在仅需|现只要|现仅需|今天只要|今日只要|现在|只要|仅需|只需|仅售|只卖|仅要|才要|才卖|现"
# Fees for the thing itself (工本费, 材料费): what a free thing cannot cost. Postage and deposits are listed too but
# read as separate charges (``_SEPARATE_FEES``).
_OWN_FEES = ("服务费|手续费|工本费|包装费|材料费|耗材费|成本费|加工费|制作费|人工费|工时费|打包费|技术费|解读费|报告费"
             "|检测费|体验费|激活费|开卡费|入会费|挂号费|诊断费")
_FEES = _OWN_FEES + "|会员费|费用|邮费|运费|快递费|配送费|押金|定金|订金|学费|课时费|课程费"

_DIGITS = "0-9"
_CN_NUMERALS = "一二两三四五六七八九十百千"
_BUY_N = r"(?:买|拍|购买?|下单|囤)"  # 买一送一, 拍一件送一件, 下单2件送1件
_CN_AMOUNT_RX = r"[一二两三四五六七八九][千百十][一二两三四五六七八九十百零]{0,4}"
# 充500送100 / 储值一千送两百: money paid and money's worth given on top
_TOPUP = (rf"(?:充值?|储值|预存)\s*(?:{_NUM}|{_CN_AMOUNT_RX})\s*(?:元|块)?\s*(?:送|赠|返)\s*"
          rf"(?:{_NUM}|{_CN_AMOUNT_RX})\s*(?:元|块)?")


def _heads(alternation: str) -> str:
    """First characters of a ``|``-separated list of literal words."""
    return "".join(sorted({w[0] for w in alternation.split("|") if w and w[0] not in "(\\"}))


# One pass over the text near numbers; alternatives are tried in this order at each position, so the longer,
# more specific reading of a phrase (满200减50 before 减50, 第二件半价 before 半价, 两件合计 before 合计) wins.
# Each alternative is listed with the characters it can start with: a lookahead on them lets the regex engine
# reject a position in one step instead of trying every alternative there (~8x faster on ordinary copy).
_KINDS: tuple[tuple[str, str, str], ...] = (
    ("range", _DIGITS, rf"(?:{_MD}|{_DOT})\s*(?:至|到|~|～|—|–|-)\s*{_YEAR}(?:{_MD}|{_DOT}|\d{{1,2}}\s*[日号])"),
    ("threshold", "每满", rf"(?:每)?满\s*{_NUM}(?:{_YUAN})?\s*(?:立减|减|省|返|-)\s*{_NUM}(?:{_YUAN})?"),
    # 第二件半价; 买一送一 / 拍2件送1件 (paid N, given M); 充500送100 (paid money, given more); 三件只收两件的钱
    ("bundle", "第买拍购下囤充储预" + _DIGITS + _CN_NUMERALS,
     r"第\s*[二两三四2-4]\s*件\s*(?:半价|\d(?:\.\d)?\s*折|[一二三四五六七八九]\s*折|0\s*元|免费|1\s*元)"
     rf"|{_BUY_N}\s*[一二两三1-3]\s*{_UNIT}?\s*(?:就|再|即|还)?\s*(?:送|赠送?)\s*[一二两1-2]\s*{_UNIT}?"
     rf"|{_TOPUP}"
     rf"|{_COUNT}\s*{_UNIT_T}\s*(?:打包|一起|合买)?\s*(?:只收|只要|只付|只算|只花|按|收|付)\s*{_COUNT}\s*{_UNIT_T}\s*的?"
     r"(?:钱|价钱|价格|价)"
     # 三人同行一人免单: N come, M of them pay nothing
     rf"|{_COUNT}\s*[人位]\s*(?:同行|同来|一起|结伴|成团|拼团|到店)?\s*[，,]?\s*{_COUNT}\s*[人位]\s*免单"),
    ("total", _DIGITS + _CN_NUMERALS + "合共总",
     rf"{_COUNT}\s*{_UNIT_T}\s*(?:(?:合计|共计|一共|总共|共|总价|总计|到手价?|只要|仅需|只需|实付)"
     rf"\s*[:：]?\s*{_MONEY}|{_MONEY_STRICT}"
     # 两只一起拿198 / 三件打包卖一百五: items taken together and what they cost
     rf"|(?:一起|打包|合起来|加起来|一块儿?)\s*(?:拿|买|卖|收|要|带走|入手)?\s*(?:只要|仅需|只需|才|共|一共)?\s*[:：]?\s*"
     rf"(?:{_MONEY_STRICT}|{_BARE}))"
     rf"|(?:合计|共计|总共|一共|总价|总计)\s*[:：]?\s*{_MONEY}"),
    # 单价99 / 单只卖九十九 / 每盒六十 / 单次剪发四十: what one item (or one visit) costs on its own
    ("unit", "单每一1", rf"(?:单价|(?:单|每)[件只个瓶盒份支双张套杯罐包袋]|一件|1件|单次[\u4e00-\u9fff]{{0,3}}?)"
                      rf"\s*(?:卖|售价?|价格?|要|只要|仅需|是)?\s*[:：]?\s*(?:仅|只|为)?\s*{_MONEY_STRICT}"),
    ("base", "买购消凑订商", rf"(?:买满|购满|消费满?|凑满|买够|订单满|订单金额|商品金额|商品总价|消费金额)\s*{_MONEY}"
                           rf"|商品(?:价格?)?\s*[:：]?\s*{_MONEY_STRICT}"),
    ("orig", _heads(_ORIG_LABELS) + _DIGITS,
     rf"(?:{_ORIG_LABELS}){_LINK}{_MONEY}|(?<![\d.满减省降付])\d+(?:\.\d+)?\s*(?:元|块)的(?=[\u4e00-\u9fff])"),
    ("limit", "全每首本今单限仅只",
     rf"(?:全球|全国|全网|每日|每天|每人|每单|每场|首批|本批|今日|本场|单日)?\s*"
     rf"(?:限量|限售|限定|限产|仅限|只限|仅供|只做|只卖|仅做|仅售)(?:供应|发售|销售|发行|预售)?\s*{_COUNT}\s*(?:万|w)?\s*{_UNIT}"),
    ("sold", "累已售卖", rf"(?:累计售出|累计销售|已售出|已售|已卖出|已卖|已抢购|已抢出|已抢|已被抢购|已被抢|售出|卖出"
                       rf"|已成交|已下单)\s*了?\s*{_COUNT}\s*(?:万|w)?\+?\s*{_UNIT}?"),
    ("remain", "仅只还剩", rf"(?:仅剩|只剩|还剩|剩余|剩下)\s*{_COUNT}\s*{_UNIT}"),
    ("dayonly", "仅只就限", r"(?:仅|只|就)(?:限|有|在)?(?:今天|今日|当天|今晚|今夜)|(?:仅此|只此)\s*(?:一|1)\s*[天晚]"
                          r"|(?:限时|仅限|只限|只有|仅)\s*(?:一|1)\s*天"),
    ("days", "限为仅只活", rf"(?:限时|为期|仅限|只限|活动仅|仅)\s*{_COUNT}\s*(?:天|个?小时|h(?![a-z]))"),
    ("save", "再还另又叠最高至直立狂省便降少节优减第每多加",
     rf"(?:再|还|另|又|叠加|第[二两三四2-4]件|每件|每单|每人|多买|加购)?\s*(?:最高|最多|高达|至多)?\s*"
     rf"(?:(?:直降|立省|立减|直减|狂降)\s*{_MONEY}"
     rf"|(?:省下|省了|便宜了|便宜|降价|降了|少花了?|节省|优惠了?|减免|省|减)\s*{_MONEY_STRICT}"
     # 比原价299省了150: a bare figure after 省了 is money unless a unit of time, count or weight follows
     rf"|(?:省了|省下)\s*\d+(?:\.\d+)?(?![\d.]|\s*(?:[点个件份次天周年月日时分秒斤克倍折%万w]|g|kg|ml|cm|mm|l\b)))"),
    ("rate", "低最打半对直降便砍减一二三四五六七八九只付花省" + _DIGITS,
     r"(?:低至|最低|最高|低到)?\s*(?:打\s*)?(?:(?<![\d.])\d(?:\.\d)?|(?<![\d.])\d{2}"
     # 五折, 七五折, 八三折; not 双十一八折 (the 一 is the date's) or 五一八折
     r"|(?<!十)[二三四五六七八九][一二三四五六七八九](?=\s*折)|[一二三四五六七八九])"
     r"\s*折(?!叠|扣|腾|磨|射|纸)(?:起)?|半价|打?对折|(?:直降|直接降|降了|便宜了?|砍掉?|减了?)\s*一半"
     # 只付一半的钱 / 省了一半: paying half the price
     r"|(?:只付|只收|只花|只要|只需付?|付|花|省了?|省下)\s*一半(?!的?(?:时间|力气|功夫|精力|空间|步骤))"),
    ("now", _heads(_NOW_LABELS) + _heads(_NOW_WEAK) + "后今",
     rf"(?:{_NOW_LABELS}){_LINK}{_MONEY}|(?:{_NOW_WEAK}){_LINK}{_MONEY_STRICT}"
     # 现在只要349 / 今天198: a bare figure after a "now" word is a price unless a time or quantity unit follows
     rf"|(?:现在只要|现在仅需|现在只需|现只要|现仅需|今天只要|今日只要|今天|今日|现在)\s*[:：]?\s*"
     rf"\d+(?:\.\d+)?(?![\d.]|\s*(?:[点号日月时分秒天周年个件份次位名人号岁斤克折%:：万w-]|g|kg|ml|cm|mm|l\b))"),
    # Only the thing itself free (免费送, 0元购, 免费！), not a service around it (免费退换, 免费安装).
    # A trial or claim verb may take its object (0元体验美甲, 免费领取面膜); 送/赠/购 may not (免费送货 is a service).
    # A gift (赠品, 送的那件) that the copy then charges for: 买一送一，赠品需另付39元.
    # 买锅送铲子一套: a gift named after what is bought, which the copy then charges for
    ("gift", "赠送买购下拍进到关",
     r"赠品|赠送的|送的那?[件个份瓶盒只]?"
     r"|(?:买|购买|下单|拍下?|进店|到店|关注)[\u4e00-\u9fff]{0,6}?(?:就|即|还|再)?(?:送|赠送?)[\u4e00-\u9fff]{1,8}"),
    ("free", "免0零不白一", r"(?<![不非])(?:免费|(?<![\d.])0\s*元|零元)"
                        # 免费送一套刀具, 免费做一次美甲: a counted thing or visit is the thing itself
                        rf"(?:(?:送|赠送?|领取?|拿|得|获得|做|剪|洗|拍|吃|喝|玩|画|烫|染)?\s*[一二两三1-3]\s*{_UNIT_T}"
                        r"[\u4e00-\u9fff]{0,6}(?![\u4e00-\u9fff])"
                        r"|(?:试用|试吃|试喝|试饮|试穿|试戴|试听|试学|试玩|试做|品尝|体验|领取|领|拿|获得|抢|学|上课|听课)[\u4e00-\u9fff]{0,6}(?![\u4e00-\u9fff])"
                        r"|(?:送|得|赠送|赠|购)?(?![\u4e00-\u9fff]))|不要钱|白送|白拿"
                        r"|不要一分钱|一分钱都?不要|不花一分钱|一分钱不花"),
    ("charge", "下需须要只仅得再另支付缴交收扣按" + _heads(_FEES),
     rf"(?:需|须|要|只|仅|得|再|另)?(?:支付|付款|付费|缴纳|缴费|交|付|收取|收费|收|扣)"
     rf"\s*(?:{_FEES})?\s*[:：]?\s*{_MONEY_STRICT}|(?:{_FEES})\s*[:：]?\s*{_MONEY_STRICT}"
     rf"|(?:下单|只需|仅需|只要|需要|需|须)\s*(?:支付|付款|付)\s*[:：]?\s*\d+(?:\.\d+)?(?![\d.%])"
     # 按二十五元一套收取: charged at a price per item
     rf"|按\s*{_MONEY_STRICT}\s*(?:/|每|一)?\s*{_UNIT}?\s*(?:收取|收费|收|计费|计价|结算|付费|算钱)"),
)
_FACT = re.compile(
    "(?=[" + "".join(sorted({ch for _, heads, _ in _KINDS for ch in heads.replace(_DIGITS, "")})) + _DIGITS + "])"
    + "(?:" + "|".join(f"(?P<{kind}>(?=[{heads}])(?:{rx}))" for kind, heads, rx in _KINDS) + ")"
)
_REACH = 48  # in a long line, facts are read this far either side of a number: every contradiction has one
# Digits, or a Chinese-numeral amount (三百九, 九块八), rate (三折, 八五折) or head count (三人); spelled so the
# regex engine can skip to the digits.
_NUMBERS = re.compile(r"[0-9一二两三四五六七八九](?:(?<=[0-9])[0-9]*|(?<![0-9])(?:[千百十]|块[一二三四五六七八九]"
                      r"|[一二三四五六七八九]?折|[人位]))")

_NUMBER = re.compile(r"([0-9][0-9]*(?:\.[0-9]+)?)\s*(万|w)?")
_LABEL = re.compile(r"[^\d一二两三四五六七八九十百千]*")
_YEAR_PREFIX = re.compile(r"(?:19|20)\d{2}\s*年")
_BOUND = ("低至", "最低", "最高", "低到", "最多", "高达", "至多")
# An extra or per-item reduction (再减20元, 第二件减20元): not the claim about the whole price.
_STACKED = ("再", "还", "另", "又", "叠加", "第", "每", "多买", "加购")
_SEPARATE_FEES = ("邮费", "运费", "快递费", "配送费", "押金", "定金", "订金")

_GAP = 24  # characters between two facts of one offer at most
_HARD_STOP = re.compile(r"[。\n；;]")


@dataclass(slots=True)
class Fact:
    kind: str
    start: int
    end: int
    value: float = 0.0  # the amount, rate (in 折), count or number of days
    extra: float = 0.0  # a second number: 满X减Y's Y, a total's item count, a bundle's paid share
    fixed: float = 0.0  # 第二件1元: a bundle's fixed part of the total
    bound: bool = False  # 5折起, 低至, 最高立减: promises no exact figure
    stacked: bool = False  # 再减20元: an extra discount, not the claim
    unit: str = ""
    text: str = ""


@dataclass(slots=True)
class Offer:
    facts: dict[str, Fact]
    window: str  # the offer's text with a little context either side, for qualifier words

    def span(self, *kinds: str) -> tuple[int, int]:
        chosen = [self.facts[k] for k in kinds if k in self.facts]
        return min(f.start for f in chosen), max(f.end for f in chosen)


_KUAI_PARTS = re.compile(r"(\d{1,4}|[一二两三四五六七八九十][一二两三四五六七八九十百]{0,4})\s*块\s*"
                         r"([0-9一二三四五六七八九])")


def _money(text: str) -> float:
    if "块" in text and (k := _KUAI_PARTS.search(text)):  # 九块八 = 9.8
        whole = float(k.group(1)) if k.group(1).isdigit() else float(parse_cn(k.group(1)) or 0)
        tenth = k.group(2)
        return whole + (int(tenth) if tenth.isdigit() else CN_DIGITS[tenth]) / 10
    m = _NUMBER.search(text)
    if m is None:
        cn = _CN_AMOUNT.search(text)
        return _cn_money(cn.group()) if cn else 0.0
    return float(m.group(1)) * (10000 if m.group(2) else 1)


_CN_AMOUNT = re.compile(r"[一二两三四五六七八九][千百十][一二两三四五六七八九十百零]{0,4}(?:多|来)?")
_CN_RUN = re.compile(r"[零一二两三四五六七八九十百千]+")


def _cn_money(text: str) -> float:
    """三百九 → 390, 一千二 → 1200, 两百五十 → 250, 九十九 → 99; 两百多 → 299 (the most it can mean)."""
    more = text.endswith(("多", "来"))
    text = text.rstrip("多来")
    value = parse_cn(text)
    if value is None:
        return 0.0
    if more:  # 两百多: up to the next step of the smallest unit written (百 → +99; 三百九多 → +9)
        units = [ch for ch in text if ch in "十百千"]
        step = {"十": 10, "百": 100, "千": 1000}[units[-1]] if units else 1
        value += (step // 10 if text[-1] not in "十百千" else step) - 1
    return float(value)


def _count(text: str) -> float:
    """A count written in digits or in Chinese numerals (两件, 十二份, 3件)."""
    m = _NUMBER.search(text)
    if m is not None:
        return float(m.group(1)) * (10000 if m.group(2) else 1)
    run = _CN_RUN.search(text)
    return float(parse_cn(run.group()) or 0) if run else 0.0


def _rate(text: str) -> float:
    if "半价" in text or "对折" in text or "一半" in text:  # 直降一半, 打对折: half the price
        return 5.0
    m = re.search(r"(\d+(?:\.\d)?)\s*折", text)
    if m is not None:
        value = float(m.group(1))
        return value / 10 if value >= 10 else value
    m = re.search(r"([一二三四五六七八九])([一二三四五六七八九])?\s*折", text)  # 五折, 七五折, 八三折
    assert m is not None
    return CN_DIGITS[m.group(1)] + (CN_DIGITS[m.group(2)] / 10 if m.group(2) else 0.0)


def _days(text: str) -> float:
    """Inclusive length of a date range (3月1日至3月31日 → 31), 0 when it is not a real calendar range."""
    nums = [int(n) for n in re.findall(r"\d+", _YEAR_PREFIX.sub("", text))]
    if len(nums) == 3:
        nums = [nums[0], nums[1], nums[0], nums[2]]
    if len(nums) != 4:
        return 0.0
    try:  # a common year: the text rarely says which, and 2月29日 is an edge not worth a false alarm
        first, last = date(2023, nums[0], nums[1]), date(2023, nums[2], nums[3])
    except ValueError:
        return 0.0
    span = (last - first).days
    return float(span + 1 if span >= 0 else span + 366)


def _fact(m: re.Match[str]) -> Fact | None:
    kind = m.lastgroup
    assert kind is not None
    text = m.group(kind)
    f = Fact(kind, m.start(), m.end(), text=text)
    if kind == "range":
        f.value = _days(text)
        if not f.value:
            return None
    elif kind == "threshold":
        nums = _NUMBER.findall(text)
        f.value, f.extra = float(nums[0][0]), float(nums[1][0])
        f.unit = "every" if text.startswith("每") else ""
        if f.extra >= f.value:
            return None
    elif kind == "bundle":
        if text.startswith(("充", "储", "预")):  # 充500送100: 600 worth for 500
            paid, given = (_money(part) for part in re.split(r"送|赠|返", text, maxsplit=1))
            f.value, f.extra, f.unit = paid + given, paid, "topup"
            if not paid or not given:
                return None
        elif not text.startswith("第") and not text[:1].isdigit() and text[:1] not in _CN_NUMERALS:
            paid, free = (_count(ch) for ch in re.findall(r"[一二两三1-3]", text)[:2])
            f.value, f.extra, f.unit = paid + free, paid, "buy"
        elif not text.startswith("第"):  # 三件只收两件的钱; 三人同行一人免单
            items, paid = (_count(c) for c in re.findall(_COUNT, text)[:2])
            if text.endswith("免单"):
                paid = items - paid
            f.value, f.extra, f.unit = items, paid, "pay"
            if not 0 < paid < items:
                return None
        else:
            k = _count(re.search(r"[二两三四2-4]", text).group())  # type: ignore[union-attr]
            tail = text[text.index("件") + 1:].replace(" ", "")
            f.value = k
            if tail in ("0元", "免费"):
                f.extra = k - 1
            elif tail == "1元":
                f.extra, f.fixed = k - 1, 1.0
            else:
                f.extra = k - 1 + _rate(tail) / 10
    elif kind == "total":
        counted = re.match(rf"({_COUNT})\s*{_UNIT_T}", text)
        f.extra = _count(counted.group(1)) if counted else 0.0
        f.value = _money(text[counted.end():] if counted else text)
    elif kind in ("limit", "sold", "remain", "days"):
        label = _LABEL.match(text).group()  # type: ignore[union-attr]
        f.value = _count(text[len(label):])
        f.bound = kind == "limit" and label.strip()[:1] in ("每", "首", "本", "今", "单")
        unit = re.search(_UNIT + r"$", text)
        f.unit = unit.group() if unit else ""
        if kind == "days" and text.endswith(("时", "h")):  # 限时24小时: a day
            f.value /= 24
            f.unit = "hours"
        elif kind == "days" and f.value < 2:
            return None
    elif kind == "rate":
        f.value = _rate(text)
        f.bound = text.startswith(_BOUND) or text.endswith("起")
        if not 0 < f.value < 10:
            return None
    elif kind == "save":
        f.value = _money(text)
        f.stacked = text.startswith(_STACKED)
        f.bound = any(b in text for b in _BOUND)
    elif kind == "charge":
        f.value = _money(text)
        f.unit = "separate" if any(fee in text for fee in _SEPARATE_FEES) else ""
    elif kind not in ("free", "dayonly"):
        f.value = _money(text)
        if kind == "orig" and text[:1].isdigit():
            f.unit = "implicit"  # 168元的卫衣: a price, but not labelled as the one before the offer
    return f


_CAPITAL_NUMERALS = str.maketrans("壹贰貳叁叄參肆伍陆陸柒捌玖拾佰仟", "一二二三三三四五六六七八九十百千")
# ``str.translate`` reads every character of a CJK line (a quarter of ``offers``' time); a capital numeral is rare.
_HAS_CAPITAL = re.compile("[" + "".join(map(chr, _CAPITAL_NUMERALS)) + "]")


_PAD = "\ue000"  # what folding leaves before a keycap digit (5️⃣0️⃣ → PAD PAD 5 PAD PAD 0)
# 免 费 做 一 次 美 甲: single characters spaced out (three at least); found from the space, cheaply.
_SPACED = re.compile(r" [\u4e00-\u9fff] (?=[\u4e00-\u9fff])")
_SPACED_RUN = re.compile(r"(?:[\u4e00-\u9fff] )+[\u4e00-\u9fff]")


def _compact(line: str) -> tuple[str, list[int]] | None:
    """``line`` without keycap padding and without the spaces of a spaced-out run, with the position in ``line`` of
    each character kept; None when there is nothing to take out (the common case)."""
    spaced = " " in line and _SPACED.search(line) is not None
    if not spaced and _PAD not in line:
        return None
    drop = {m.start() for m in re.finditer(_PAD, line)}
    if spaced:
        for run in _SPACED_RUN.finditer(line):
            if run.end() - run.start() >= 5:  # 免 费 做, not 限时 特价
                drop.update(range(run.start() + 1, run.end(), 2))
    if not drop:
        return None
    kept: list[int] = []
    pieces = []
    at = 0
    for d in sorted(drop):
        kept.extend(range(at, d))
        pieces.append(line[at:d])
        at = d + 1
    kept.extend(range(at, len(line)))
    pieces.append(line[at:])
    return "".join(pieces), kept


@lru_cache(maxsize=256)  # several detectors read the same line one after another
def offers(line: str) -> tuple[Offer, ...]:
    """The offers written in ``line`` (a folded line: half-width, simplified, lower-case)."""
    if _HAS_CAPITAL.search(line):
        line = line.translate(_CAPITAL_NUMERALS)  # 捌拾捌元 → 八十八元 (one character for one: offsets hold)
    if (compact := _compact(line)) is not None:
        # Read without keycap padding or spaced-out characters; facts are then placed back on the line as written.
        text, kept = compact
        out = []
        for o in _offers(text):
            for f in o.facts.values():
                start, f.end = kept[f.start], kept[f.end - 1] + 1
                while start and line[start - 1] == _PAD:  # a keycap digit takes its padding with it
                    start -= 1
                f.start = start
            lo, hi = o.span(*o.facts)
            stop = max(line.rfind(ch, max(0, lo - 12), lo) for ch in "。\n；;") + 1
            out.append(Offer(o.facts, line[max(0, lo - 12, stop):hi + 6]))
        return tuple(out)
    return _offers(line)


def _offers(line: str) -> tuple[Offer, ...]:
    windows: list[list[int]] = []
    if len(line) <= 4 * _REACH:  # a short line is read whole: one regex call beats several
        if _NUMBERS.search(line):
            windows.append([0, len(line)])
    else:
        for d in _NUMBERS.finditer(line):
            lo, hi = max(0, d.start() - _REACH), d.end() + _REACH
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = hi
            else:
                windows.append([lo, hi])
    groups: list[list[Fact]] = []
    for m in (m for lo, hi in windows for m in _FACT.finditer(line, lo, hi)):
        f = _fact(m)
        if f is None:
            continue
        last = groups[-1] if groups else None
        if (last is None or f.start - last[-1].end > _GAP or any(g.kind == f.kind for g in last)
                or _HARD_STOP.search(line, last[-1].end, f.start)):
            groups.append([f])
        else:
            last.append(f)
    out = []
    for g in groups:
        if len(g) < 2:
            continue
        lo = max(0, g[0].start - 12)
        stop = max(line.rfind(ch, lo, g[0].start) for ch in "。\n；;") + 1
        out.append(Offer({f.kind: f for f in g}, line[max(lo, stop):g[-1].end + 6]))
    return tuple(out)
