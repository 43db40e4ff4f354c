"""``false_promo``: price, discount, stock and deadline claims that the copy itself proves false.

A line is read once into *price facts* — 原价299元, 到手259元, 5折, 直降100元, 满200减50, 第二件半价, 两件合计180元,
免费, 支付39元, 限量100件, 已售500件, 仅限今天, 3月1日至3月31日 — and facts written close together (same
sentence, at most ``_GAP`` characters apart, no kind twice) form one *offer* (both read in ``_offers.py``).
Each detector checks one kind of arithmetic over an offer: can all its numbers be true together? Only
contradictions are reported; whether a 原价 was ever charged cannot be known from text and is not guessed at.

The two directions of a mismatch are treated differently. Paying *more* than a stated discount allows is
false whatever else applies, because other discounts only lower the price. Paying *less* is false only when
no other discount (券、满减、红包、会员、再减…) is mentioned nearby. Bounded claims (5折起, 低至3折, 最高立减100)
promise no exact figure and are not checked against the prices.

A few contradictions are read straight from the sentence rather than from an offer, because their facts are not
prices next to numbers: a 不要998，不要698，只要899 ladder, 买二送一 with what two and three cost, 一分钱不加 then
另收50元, and 仅限今天 then a period of several days said in words (持续到月底, 活动时间：本周一到周日).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ._offers import (
    _BUY_N,
    _COUNT,
    _HARD_STOP,
    _MONEY_STRICT,
    _OWN_FEES,
    _SEPARATE_FEES,
    _UNIT,
    Offer,
    _count,
    _money,
    offers,
)

# --- what the checks read around an offer ---------------------------------------------------------------

# Other ways the price may have come down: a lower figure then proves nothing.
_STACKING = re.compile(r"券|红包|叠加|补贴|津贴|返|积分|会员|满减|折上折|抵扣|抵|再|加购|凑单|plus|vip")
# The claim is one day among several (最后一天, 每天10点), or the dates are not the offer's (发货, 有效期).
_EXCEPT_PERIOD = re.compile(r"最后|每天|每日|每晚|首日|第一天|今日限定|当日限定|今日专享"
                            r"|发货|配送|到货|送达|使用|有效|核销|领取后|尾款|预售")
# Between a free claim and a charge: the charge is for something else, or comes later or conditionally.
_OTHER_THING = re.compile(r"正式|之后|以后|后续|到期|期满|续费|升级|另|额外|其他|其余|加购|超出|超过|超时|不满"
                          r"|若|如需|如果|购买|买|订购|正装|任意|满\d")


# Tuition contradicts only a claim that the learning itself is free (0元学钢琴), not a free trial lesson; a fee
# per lesson (课时费) does contradict a free lesson (免费体验课，到店收取课时费199元).
_TUITION = re.compile(r"学费|课时费|课程费")
# A fee for getting the free thing itself (0元购，下单另付服务费45元): 另 here does not mean something else.
_OWN_FEE = re.compile(rf"另(?=(?:支付|付款|付费|缴纳|缴费|交|付|收取|收费|收|扣)\s*(?:{_OWN_FEES}))")


# 付39元包装费: the fee named after the amount
_OWN_FEE_AFTER = re.compile(rf"\s*的?(?:{_OWN_FEES})")
_ANOTHER = re.compile(r"另外|另|额外")


def _own_fee(charge: str) -> str:
    """The charge without what only looks like 'something else': 另 before a fee of its own, the 续费 in 手续费."""
    return _OWN_FEE.sub("", charge).replace("手续费", "费")


# 买一送一，第二件按半价结算: the item said to be given is charged for after all.
_BUY_GET = re.compile(rf"{_BUY_N}\s*[一二两三1-3]\s*{_UNIT}?\s*(?:就|再|即|还)?\s*(?:送|赠送?)\s*[一二两1-2]"
                      rf"\s*{_UNIT}?")
_GIVEN_ITEM_CHARGED = re.compile(r"[，,\s]{0,2}[^。；;\n]{0,8}?第\s*[二两2]\s*件[^，,。；;\n]{0,4}?"
                                 r"(?:半价|\d(?:\.\d)?\s*折|[一二三四五六七八九]\s*折|(?!0\s*元)\d+(?:\.\d+)?\s*元|收费|付费)")
# 两个38元 / 三包只要29元: a count and what that many cost, after a 买N送M
_COUNT_PRICE = re.compile(rf"(?P<n>{_COUNT})\s*{_UNIT}\s*(?:只要|仅需|只需|共|合计|到手|才)?\s*[:：]?\s*"
                          rf"(?P<p>{_MONEY_STRICT})")
_FREE_LEARNING = re.compile(r"(?:免费|0\s*元|零元)(?:学|上课|听课)")


# 相当于打了五折 / 等于只付一半: a rate claimed to follow from the offer beside it
_EQUIVALENT = re.compile(r"相当于|等于|等同于|折合|算下来|算起来|平均下来|平摊下来|换算")
_APPROX = re.compile(r"约|大约|大概|差不多|左右|将近|接近|近|几乎")


@dataclass(slots=True)
class Found:
    start: int
    end: int
    suggestions: list[str] = field(default_factory=list)
    note: str = ""


# --- checks --------------------------------------------------------------------------------------------


def _tol(base: float) -> float:
    """Rounding slack: prices are quoted to the yuan (and 9.9 for 9.85)."""
    return max(1.0, base * 0.02)


def _fmt(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _stacked(o: Offer, *mechanisms: str) -> bool:
    """Another way to lower the price is in play, so a figure below this mechanism's is no contradiction."""
    return bool(_STACKING.search(o.window)) or any(k in o.facts for k in mechanisms) or (
        "save" in o.facts and o.facts["save"].stacked)


def _found(o: Offer, kinds: tuple[str, ...], keep: str, note: str) -> Found:
    start, end = o.span(*kinds)
    return Found(start, end, [o.facts[keep].text.strip()], note)


# 不要998，不要698，只要899: each 不要 is a price the offer claims to undercut, all in one sentence.
_LADDER = re.compile(r"(?:不要\s*\d+(?:\.\d+)?\s*(?:元|块)?[，,、!！\s]*){1,4}"
                     r"(?:现在只要|只要|仅要|仅需|只需|只卖)\s*\d+(?:\.\d+)?(?![\d.])(?!\s*[\u4e00-\u9fff%](?<![元块]))")
_LADDER_NUM = re.compile(r"\d+(?:\.\d+)?")


def price_inversion(line: str, state: dict[str, Any]) -> list[Found]:
    """A 原价 (or 日常价, 专柜价…) below the promotional price written next to it; a 不要…只要 ladder whose final
    price is above a price it claims to undercut."""
    out = []
    for m in _LADDER.finditer(line):
        *anchors, final = (float(n) for n in _LADDER_NUM.findall(m.group()))
        if final > min(anchors) + _tol(min(anchors)):
            out.append(Found(m.start(), m.end(), [f"只要{_fmt(final)}"],
                             f"称“不要{_fmt(min(anchors))}”，最后的“只要”却是 {_fmt(final)}"))
    for o in offers(line):
        if "orig" in o.facts and "now" in o.facts and o.facts["orig"].unit != "implicit":
            was, now = o.facts["orig"].value, o.facts["now"].value
            if now > was:
                out.append(_found(o, ("orig", "now"), "now", f"标称原价 {_fmt(was)} 低于现价 {_fmt(now)}"))
    return out


def discount_mismatch(line: str, state: dict[str, Any]) -> list[Found]:
    """An X折 / 半价 / 直降Y元 that the 原价 and 现价 written with it do not produce."""
    out = []
    for o in offers(line):
        f = o.facts
        rate = f.get("rate")
        save = f["save"] if "save" in f and not f["save"].stacked else None
        if rate is None and save is None:
            continue
        was = f["orig"].value if "orig" in f else None
        now = f["now"].value if "now" in f else None
        if was is not None and now is not None and now > was:
            continue  # price_inversion reports it
        elsewhere = _stacked(o, "threshold", "bundle")
        stacked = elsewhere or (rate is not None and save is not None)  # two mechanisms: either may add
        note = ""
        if rate is not None and was is not None and now is not None:
            expected = was * rate.value / 10
            if (now > expected + _tol(was) and not rate.bound) or (now < expected - _tol(was) and not stacked):
                note = f"{_fmt(was)} 打 {_fmt(rate.value)} 折应为 {_fmt(expected)}，与所写的 {_fmt(now)} 不符"
        if not note and save is not None and was is not None and now is not None:
            actual = was - now
            # 领券后比原价省了100: a saving said after another discount counts that discount too
            counts_more = bool(_STACKING.search(line, max(f["orig"].end, f["now"].end), save.start))
            if (save.value > actual + _tol(was) and not save.bound and not counts_more) or (
                    save.value < actual - _tol(was) and not stacked):
                note = f"{_fmt(was)} 降到 {_fmt(now)} 实际少 {_fmt(actual)}，不是所写的 {_fmt(save.value)}"
        if not note and rate is not None and save is not None and not elsewhere and not rate.bound \
                and not save.bound and (was is None) != (now is None):
            base = was if was is not None else (now or 0) * 10 / rate.value
            expected = base * (1 - rate.value / 10)
            if abs(save.value - expected) > _tol(base):
                note = f"按 {_fmt(rate.value)} 折计算应省 {_fmt(expected)}，不是所写的 {_fmt(save.value)}"
        if (not note and rate is not None and not rate.bound and was is None and now is None
                and "unit" in f and "total" in f and f["total"].extra and not _stacked(o, "threshold", "bundle")):
            # 两件8折，单件100元，两件只要180: the rate applied to N items at the unit price
            items, unit, total = f["total"].extra, f["unit"].value, f["total"].value
            expected = unit * items * rate.value / 10
            if total > expected + _tol(expected) or (total < expected - _tol(expected) and save is None):
                note = (f"单价 {_fmt(unit)}，{_fmt(items)} 件打 {_fmt(rate.value)} 折应为 {_fmt(expected)}，"
                        f"不是 {_fmt(total)}")
        if (not note and save is not None and rate is None and not save.bound and was is None and now is None
                and "unit" in f and "total" in f and f["total"].extra > 1 and not _stacked(o, "threshold")):
            # 单只99，两只一起198，省了60: what N items cost apart, less what they cost together
            items, unit, total = f["total"].extra, f["unit"].value, f["total"].value
            actual = unit * items - total
            if abs(save.value - actual) > _tol(unit * items):
                note = (f"单价 {_fmt(unit)}，{_fmt(items)} 件分开买 {_fmt(unit * items)}，一起 {_fmt(total)}，"
                        f"实际省 {_fmt(actual)}，不是 {_fmt(save.value)}")
        if note:
            keep = "now" if "now" in f else ("total" if "total" in f and "orig" not in f else "orig")
            out.append(_found(o, ("rate", "save", "orig", "now", "unit", "total"), keep, note))
    return out


def threshold_mismatch(line: str, state: dict[str, Any]) -> list[Found]:
    """满X减Y next to an amount paid that the reduction cannot produce."""
    out = []
    for o in offers(line):
        f = o.facts
        if "threshold" not in f or "now" not in f:
            continue
        t, paid = f["threshold"], f["now"].value
        over, under = t.value, t.extra
        stacked = _stacked(o, "rate", "bundle")
        base_fact = f.get("base") or f.get("orig")
        note = ""
        if base_fact is not None:
            base = base_fact.value
            if base < over:
                continue
            times = int(base // over) if t.unit == "every" else 1
            expected = base - under * times
            if paid > expected + _tol(base) or (paid < expected - _tol(base) and not stacked):
                note = (f"{_fmt(base)} 元满 {_fmt(over)} 减 {_fmt(under * times)}，"
                        f"应付 {_fmt(expected)}，不是 {_fmt(paid)}")
        elif paid < over - under - _tol(over) and not stacked:
            note = f"满 {_fmt(over)} 才减 {_fmt(under)}，实付不会低于 {_fmt(over - under)}"
        if note:
            out.append(_found(o, ("threshold", "base", "orig", "now"), "now", note))
    return out


def bundle_mismatch(line: str, state: dict[str, Any]) -> list[Found]:
    """第二件半价 / 买一送一 with a unit price and a total that the offer does not add up to."""
    out = []
    # 买二送一，两个38元，三个57元: the N+M items cost what the N paid for do, not more
    for deal in _BUY_GET.finditer(line):
        paid, free = (_count(ch) for ch in re.findall(r"[一二两三1-3]", deal.group())[:2])
        stop = _HARD_STOP.search(line, deal.end())
        prices: dict[float, re.Match[str]] = {}
        for c in _COUNT_PRICE.finditer(line, deal.end(), min(stop.start() if stop else len(line), deal.end() + 40)):
            prices.setdefault(_count(c.group("n")), c)
        if paid in prices and paid + free in prices:
            low, high = prices[paid], prices[paid + free]
            p_low, p_high = _money(low.group("p")), _money(high.group("p"))
            if p_high > p_low + _tol(p_low):
                note = (f"{deal.group()}，{_fmt(paid + free)} 件应与 {_fmt(paid)} 件同价 {_fmt(p_low)}，"
                        f"不是 {_fmt(p_high)}")
                out.append(Found(deal.start(), max(low.end(), high.end()), [high.group().strip()], note))
    for o in offers(line):
        f = o.facts
        unit = f.get("unit") or f.get("orig")
        rate = f.get("rate")
        b = f.get("bundle")
        if b is not None and rate is not None and not rate.bound and "total" not in f and "now" not in f:
            # 买二送一，相当于5折: paying for 2 of 3 is 6.7折, whatever the copy calls it; 充500送100 is 8.3折;
            # 第二件半价 7.5折. Said as an equivalence (相当于…), only what is written between them can change it.
            lo, hi = sorted((b.end, rate.start))
            equal = _EQUIVALENT.search(line, lo, hi)
            if equal is None and b.unit != "buy":
                continue
            if equal is None and _stacked(o, "threshold"):
                continue
            if equal is not None and (_STACKING.search(line, lo, hi) or "threshold" in f):
                continue
            effective = b.extra / b.value * 10
            slack = 0.6 if _APPROX.search(line, lo, rate.end) else 0.35
            if b.fixed or abs(rate.value - effective) <= slack:
                continue
            note = f"{b.text}实际相当于 {effective:.1f} 折，不是所写的 {_fmt(rate.value)} 折"
            out.append(_found(o, ("bundle", "rate"), "rate", note))
            continue
        if "bundle" not in f or "total" not in f or unit is None or f["bundle"].unit == "topup":
            continue
        b, total = f["bundle"], f["total"]
        items = total.extra or b.value
        if items != b.value:
            continue  # 第二件半价, 三件合计…: which items are discounted is not said
        price = unit.value
        expected = price * b.extra + b.fixed
        if total.value > expected + _tol(expected) or (
                total.value < expected - _tol(expected) and not _stacked(o, "rate", "threshold")):
            note = f"单价 {_fmt(price)}，{b.text}，{_fmt(items)} 件应为 {_fmt(expected)}，不是 {_fmt(total.value)}"
            out.append(_found(o, ("bundle", "unit", "orig", "total"), "total", note))
    return out


# 一分钱不加，拍完选片每张另收50元: the promise is about extra charges, so 另收 is exactly what it rules out —
# unless the charge is for an add-on worded as optional (如需加选, 自愿升级).
_NO_EXTRA = re.compile(r"一分钱都?不加|不加一分钱|一分不加|不加一分|零加价|无隐形消费|无二次消费|绝无二次消费"
                       r"|没有任何?隐形消费|没有任何?二次消费")
_EXTRA_CHARGE = re.compile(rf"(?:另收|另外收|另付|另加|加收|额外收取?|需另付|另外付|需另交|另交|再收)"
                           rf"(?:[\u4e00-\u9fff]{{0,4}}?费用?)?\s*[:：]?\s*{_MONEY_STRICT}")
_OPTIONAL = re.compile(r"如需|如要|若|如果|可选|自选|自愿|按需|升级|加购|另购|想要|需要的话|额外加选|加选|可另")


# What a purchase is said to come with: the words after 送/赠, before a count (送铲子一套 → 铲子)
_GIFT_THING = re.compile(r"(?<=[送赠])(?:[一二两三1-3][\u4e00-\u9fff])?([\u4e00-\u9fff]{2,}?)"
                         r"(?=[一二两三四五六七八九十\d]|$)")


def free_but_charged(line: str, state: dict[str, Any]) -> list[Found]:
    """免费 / 0元 followed by a payment for the same thing (postage and deposits are separate charges); 一分钱不加
    followed by an extra charge that is not an optional add-on."""
    out = []
    for n in _NO_EXTRA.finditer(line):
        stop = _HARD_STOP.search(line, n.end())
        c = _EXTRA_CHARGE.search(line, n.end(), min(stop.start() if stop else len(line), n.end() + 30))
        if c is not None and not _OPTIONAL.search(line, n.end(), c.start()) and not any(
                fee in line[n.end():c.end() + 6] for fee in _SEPARATE_FEES):
            out.append(Found(n.start(), c.end(), [c.group()], f"称“{n.group()}”，却写明{c.group()}"))
    # Read apart from the offers: 买一送一，第二件半价 may hold no digit at all, and offers start from numbers.
    for b in _BUY_GET.finditer(line):
        if m := _GIVEN_ITEM_CHARGED.match(line, b.end()):
            charged = line[b.end():m.end()].strip("，, ")
            out.append(Found(b.start(), m.end(), [charged], f"称“{b.group()}”，却写明{charged}"))
    for o in offers(line):
        f = o.facts
        free = f.get("free") or f.get("gift")
        if free is None or "charge" not in f:
            continue
        charge = f["charge"]
        if charge.start < free.start or charge.unit == "separate" or charge.value <= 0:
            continue
        if _TUITION.search(charge.text) and not _FREE_LEARNING.search(free.text) and not (
                "课时费" in charge.text and free.text.endswith("课")):
            continue  # 免费试听，学费1280元: the trial is free, the course is a separate thing
        between = line[free.end:charge.start]
        if free.kind == "gift" and not free.text.startswith(("赠", "送")):
            # 买锅送铲子一套，铲子按25元收取: the charge must be for the gift, named again right before it
            thing = _GIFT_THING.search(free.text)
            if thing is None or not between.strip("，, ").startswith(thing.group(1)[:2]):
                continue
        elif free.kind == "gift" and charge.start - free.end > 6:  # 赠品需另付39元: 另 means the gift is charged
            continue
        fee_after = _OWN_FEE_AFTER.match(line, charge.end)
        if free.kind == "free" and (
                # 另外付39块包装费: 另外 before a fee of the free thing's own does not mean something else
                _OTHER_THING.search(_ANOTHER.sub("", between) if fee_after else between)
                or _OTHER_THING.search(_own_fee(charge.text))
                or any(fee in line[charge.end:charge.end + 6] for fee in _SEPARATE_FEES)):  # 支付9.9元邮费
            continue
        note = f"称“{free.text}”，却写明{line[charge.start:fee_after.end() if fee_after else charge.end].strip()}"
        found = _found(o, (free.kind, "charge"), "charge", note)
        if fee_after:
            found.end = max(found.end, fee_after.end())
        out.append(found)
    return out


def stock_conflict(line: str, state: dict[str, Any]) -> list[Found]:
    """限量N件 next to more than N sold (or left): the limit is not real."""
    out = []
    for o in offers(line):
        f = o.facts
        limit = f.get("limit")
        if limit is None or limit.bound:
            continue
        for kind, what in (("sold", "已售"), ("remain", "剩余")):
            other = f.get(kind)
            if other is None or (other.unit and limit.unit and other.unit != limit.unit):
                continue
            if other.value > limit.value:
                note = f"限量 {_fmt(limit.value)}，{what}却有 {_fmt(other.value)}"
                out.append(_found(o, ("limit", kind), kind, note))
                break
        else:
            sold, left = f.get("sold"), f.get("remain")
            if sold is not None and left is not None and sold.value + left.value > limit.value:
                note = f"限量 {_fmt(limit.value)}，已售 {_fmt(sold.value)} 加剩余 {_fmt(left.value)} 超出限量"
                out.append(_found(o, ("limit", "sold", "remain"), "sold", note))
    return out


# The offer is said to last one day or night: 仅限今天, 只剩今天, 过了今晚就没了, 仅此一天, 限时一天. Each check below
# reads on from such a claim. A looser pattern with few first characters finds where one may start (5x cheaper to
# scan a line with), and the claim is then matched there.
_ONE_DAY_HINT = re.compile(r"(?:仅|只|就|错过|过了|限时)(?:限|有|在|剩|此)?\s*"
                           r"(?:今天|今日|当天|今晚|今夜|(?:一|1)\s*[天晚])")
_ONE_DAY = re.compile(
    r"(?:仅限|只限|仅有|只有|就在|只剩|仅剩|就剩|仅|只)(?:今天|今日|当天|今晚|今夜)"
    r"|(?:错过|过了)(?:今天|今日|今晚|今夜)(?:就|便)?(?:没|不再|恢复|涨)"
    r"|(?P<day>(?:仅此|只此)\s*(?:一|1)\s*天|(?:限时|仅限|只限|只有|仅)\s*(?:一|1)\s*天)|(?:仅此|只此)\s*(?:一|1)\s*晚")
# 仅此一天 … 明天/本周六日同样特价: the one day is not the only one
_AGAIN = re.compile(
    r"[^。\n；;]{0,16}?(?:明天|后天|明日|周[一二三四五六日天末]|星期[一二三四五六日天]|本周|下周|这周|每天|天天)"
    r"[^。\n；;，,]{0,6}?(?:同样|照样|一样|也是|也有|也能|继续|依然|仍然|还是|还有)[^。\n；;，,!！]{0,6}")
# 过了今晚就没了，这个月每天晚上我们都用这个价: the same price said to come back on other days
_RECURS = re.compile(
    r"[^。\n；;]{0,16}?(?:明天|后天|明日|明晚|每天|每晚|天天|这个月|本月|整个月|这周|本周|下周|下个?月"
    r"|月底前|这几天|接下来几天)"
    r"[^。\n；;]{0,12}?(?:都|同样|照样|一样|也|继续|依然|仍然|还是)[^。\n；;，,没不]{0,6}?"
    r"(?:这个价|这价|此价|同价|同样的价|一样的价|特价|优惠价|活动价|这个优惠|这个折扣|这个福利|这个活动)[^。\n；;，,!！]{0,4}")
# 仅限今天！这个价格一直持续到月底 / 错过今天就没有这个价了，活动时间：本周一到周日 / 只剩今天，活动到本月底: a period
# of several days stated in words right after the one-day claim (no 最后一天, no shipping or validity window).
_THEN_PERIOD = re.compile(
    r"[^。\n；;]{0,16}?(?:(?:一直|会|将|要)?(?:持续|延续)到|一直到|活动时间[:：]?\s*|活动期[:：]?\s*"
    r"|(?:活动|优惠|特价|折扣|这个价|价格)(?:会|将|要)?(?:一直)?(?:持续|延续)?(?:到|至|截止到?|截至))"
    r"(?:月底|月末|本月底|这个月底|年底|周末|周日|本周日|下周|下个?月|本周[一二三四五六]?到|这周[一二三四五六]?到"
    r"|周[一二三四五六]到|本月)")
_TODAY_PERIOD_END = re.compile(r"本月底|月底|月末|年底|周末|周日|下周|下个?月|本月|到周[一二三四五六日天]")


def period_conflict(line: str, state: dict[str, Any]) -> list[Found]:
    """仅限今天 / 限时N天 next to a date range of another length, a period said in words, or the same price again."""
    out = []
    for h in _ONE_DAY_HINT.finditer(line):
        if (m := _ONE_DAY.match(line, h.start())) is None:
            continue
        if m.group("day") and (a := _AGAIN.match(line, m.end())):
            out.append(Found(m.start(), a.end(), ["限时优惠"], "称只有一天，紧接着又说其他日子同样优惠"))
        elif r := _RECURS.match(line, m.end()):
            out.append(Found(m.start(), r.end(), ["限时优惠"], "称只有今天（今晚），紧接着又说其他日子同样是这个价"))
        if not _THEN_PERIOD.match(line, m.end()):
            continue
        stop = _HARD_STOP.search(line, m.end())
        tail = line[m.end():stop.start() if stop else len(line)][:40]
        ends = list(_TODAY_PERIOD_END.finditer(tail))
        if not ends or _EXCEPT_PERIOD.search(line, max(0, m.start() - 12), m.end() + len(tail)):
            continue
        end = m.end() + ends[-1].end()
        out.append(Found(m.start(), end, ["限时优惠"], f"写的是“{m.group()}”，随后又说活动持续多日"))
    for o in offers(line):
        f = o.facts
        span = f.get("range")
        claim = f.get("dayonly") or f.get("days")
        if span is None or claim is None or _EXCEPT_PERIOD.search(o.window):
            continue
        days = 1.0 if claim.kind == "dayonly" else claim.value
        if claim.unit == "hours":  # 限时48小时 may run over three calendar days
            wrong = span.value > -(-days // 1) + 1
        else:  # 6月1日至6月3日 is 3 days counted inclusively, 2 counted as nights: accept either.
            wrong = days < span.value - 1 or days > span.value or (days == 1 and span.value > 1)
        if wrong:
            note = f"写的是“{claim.text}”，所列时间却有 {_fmt(span.value)} 天"
            out.append(_found(o, (claim.kind, "range"), "range", note))
    return out


_LAST_DAY = re.compile(r"最后\s*(?:一|1)\s*天|仅此\s*(?:一|1)\s*天|只有今天|仅限今天|就在今天")
_DAY = re.compile(r"(?<!\d)(\d{1,2})\s*(?:月\s*|[./-])(\d{1,2})(?!\d)\s*[日号]?")


Claim = tuple[int, int, int, int]  # (start, end, month, day): a 最后一天 and the date written next to it


def deadline_claims(line: str) -> list[Claim]:
    """Each 最后一天 (仅限今天…) in ``line`` with the date written closest to it; no state, so it can run in a
    worker process while the comparison runs in document order."""
    out: list[Claim] = []
    for m in _LAST_DAY.finditer(line):
        near = [d for d in _DAY.finditer(line, max(0, m.start() - 14), min(len(line), m.end() + 14))
                if d.end() <= m.start() or d.start() >= m.end()]
        if not near:
            continue
        day = min(near, key=lambda d: m.start() - d.end() if d.end() <= m.start() else d.start() - m.end())
        month, dom = int(day.group(1)), int(day.group(2))
        if 1 <= month <= 12 and 1 <= dom <= 31:
            out.append((min(m.start(), day.start()), max(m.end(), day.end()), month, dom))
    return out


def deadline_judge(claims: list[Claim], state: dict[str, Any]) -> list[Found]:
    """The first dated 最后一天 of the document is the reference; a later one naming another date is false."""
    out: list[Found] = []
    for start, end, month, dom in claims:
        first = state.setdefault("last_day", (month, dom))
        if (month, dom) != first:
            out.append(Found(start, end, ["限时优惠"], f"前文的“最后一天”是 {first[0]}月{first[1]}日"))
    return out


def deadline_conflict(line: str, state: dict[str, Any]) -> list[Found]:
    """The same copy calling two different dates its 最后一天: at least one of them is false."""
    return deadline_judge(deadline_claims(line), state)
