"""``false_promo`` arithmetic: contradictions the copy proves are reported, consistent arithmetic never is."""

from __future__ import annotations

import pytest

from wenan.comply import check
from wenan.comply._offers import offers

# (text, rule that must report it)
CONTRADICTIONS = [
    ("原价199元，现价99元，立省200元", "discount_mismatch"),
    ("日常价299，到手价329", "price_inversion"),
    ("原价1.2万，现价1.5万", "price_inversion"),
    ("原价399元，8折后359元", "discount_mismatch"),
    ("原价200元，折后150元，5折", "discount_mismatch"),
    ("八折：原价100元，折后90元", "discount_mismatch"),
    ("5折到手100元，立省50元", "discount_mismatch"),
    ("每满100减20，消费满300元实付260元", "threshold_mismatch"),
    ("满150减20，实付100元", "threshold_mismatch"),
    ("原价300元，满200减50，到手280元", "threshold_mismatch"),
    ("第二件半价，单价80元，两件140元", "bundle_mismatch"),
    ("第二件0元，单价39元，两件到手59元", "bundle_mismatch"),
    ("买一送一，单价59元，两件合计100元", "bundle_mismatch"),
    ("0元体验，收取服务费99元", "free_but_charged"),
    ("免费送！收费39元", "free_but_charged"),
    ("限量1000件，已售出1200件", "stock_conflict"),
    ("全球限量999支，已售1万+支", "stock_conflict"),
    ("限量供应500件，已售600件", "stock_conflict"),
    ("限量500份，已售400份，仅剩200份", "stock_conflict"),
    ("仅此一天！活动时间：2024年6月1日至2024年6月18日", "period_conflict"),
    ("限时7天，3.1-3.31", "period_conflict"),
    # a stated saving that is not 原价 − 现价
    ("会员专享价158，比门店原价238省了120", "discount_mismatch"),
    # a 不要…只要 ladder whose final price is above a price it claims to undercut
    ("不要1299，不要799，只要999", "price_inversion"),
    ("不要2999元、不要1899元，现在只要1999元", "price_inversion"),
    # buy N get M: N+M items cost more than N
    ("奶茶买一送一，一杯18元，两杯30元", "bundle_mismatch"),
    ("纸巾买二送一：两包20元，三包29元", "bundle_mismatch"),
    # "no extra charge" against an extra charge
    ("装修全包一分钱不加，水电改造另收3000元", "free_but_charged"),
    ("承诺无隐形消费，拍摄当天加收化妆费200元", "free_but_charged"),
    # "today only" against a period of several days said in words
    ("只有今天有这个价！优惠会持续到周末", "period_conflict"),
    ("过了今天就没这个折扣了，活动期：本周三到周日", "period_conflict"),
]

# Consistent or unverifiable: hard negatives for every detector.
CONSISTENT = [
    "原价199元，现价99元，再用10元券到手89元",
    "原价399元，8折后319.2元",
    "原价399元，8折后319元",  # rounded to the yuan
    "专柜价580元，直播间到手价290元，相当于5折",
    "5折起！原价200元的外套现价120元",
    "店内衣服低至4折，吊牌价500元的大衣到手280元",
    "最高立减100元！吊牌价329元，到手289元",
    "原价299元，直降40元，到手259元",
    "原价299元，到手259元，再减20元",
    "原价99元，现价99元，买一送一",
    "原价100元现价90元，9折",
    "原价1.2万，现价9800元",
    "原价1999元，立省500元，到手1499元",
    "七五折，原价200，现价150",
    "95折，原价100元，现价95元",
    "原价599元，限时5折，叠加满300减30，到手269.5元",
    "原价599元，5折，券后269元",
    "立减50元，到手149元（日常价199元）",
    "满300减45，商品金额336元，实付291元",
    "每满100减20，消费满300元实付240元",
    "满199减20，叠加店铺券，实付150元",
    "满200减30，到手价260元",
    "第二件半价，单价80元，两件120元",
    "第二件1元，单价49元，两件共50元",
    "第二件半价，三件合计330元（单价120元）",  # which item is discounted is not said
    "买一送一，单价59元，两件合计59元",
    "免费试用7天，到期后每月29元",
    "免费领取，仅需支付邮费9.9元",
    "免费咨询，正式课程需支付1999元",
    "购买正装即可免费获得小样，正装售价199元",
    "免费骑行，押金99元",
    "支持免费退换，支付宝付款99元",
    "免费停车，超时收费10元",
    "0元首付，月供999元",
    "限量1000件，已售出312件，仅剩688件",
    "每日限量100份，今日已售80份，累计已售2000份",
    "首批限量500件，累计售出2000件",
    "限量100件，已有300人预约",
    "已售10万+件，限量发售",
    "活动期5月20日至5月31日，今天是最后一天，仅限今天",
    "限时5天：9月10日至9月14日",
    "限时7天，活动时间6月1日—6月7日",
    "仅限今天！活动时间6月18日",
    "活动时间：2024年3月1日至2024年3月31日，每天10点秒杀",
    "本品规格1.5-2.5kg，原价88元现价68元",
    "价格区间9.9-19.9元",
    "只要3步，原价199的效果",
    "下单两件系统自动减15元",
    "满59元包邮，不足59元收运费6元",
    "到手价 = 专柜价 329 元 - 店铺券 30 元 = 299 元",
    "半价券可与满减叠加使用",
    "这款连衣裙 ¥199，版型利落，库存不多，先到先得。这款精华 ¥299，质地轻薄",
    "原价199元，到手169元，第二件再减20元",  # a per-item reduction is not the saving on the price
    "原价199元，到手169元，第二件减20元",
    "仅限今天下单，6月18日至6月20日陆续发货",  # the dates are the shipping window, not the offer
    "仅限今天领取，有效期6月1日至6月30日",
    "免费领！需支付9.9元邮费",
    "全场8折，原价100元，8折券后到手75元",  # a coupon can take the price lower still
    "会员专享价158，比门店原价238省了80",
    "原价238，到手158，领券后比原价省了100",  # a coupon stacked on the saving
    "比原价省了3天工期，原价299现价199",  # 省了 + a time unit is not money
    "不要1299，不要799，只要599",
    "不要1299。不要799的那款只要999的配件",  # not one sentence
    "不要3个只要2个就够用，原价99现价89",
    "奶茶买一送一，一杯18元，两杯18元",
    "买二送一，两包20元，三包20元",
    "买一送一，一杯18元，两杯15元",  # cheaper still is not a false claim of this kind
    "一分钱不加，如需加选精修另收50元/张",
    "全包一分钱不加，快递费另收10元",
    "仅限今天！活动时间：今天",
    "仅限今天下单，持续到月底陆续发货",  # shipping window, not the offer
    "活动持续到月底，最后一天仅限今天",
]


@pytest.mark.parametrize(("text", "rule"), CONTRADICTIONS)
def test_contradictions_are_reported(text: str, rule: str) -> None:
    rules = [v.rule for v in check(text).violations]
    assert f"false_promo.{rule}" in rules, (text, rules)


@pytest.mark.parametrize("text", CONSISTENT)
def test_consistent_arithmetic_is_not_a_violation(text: str) -> None:
    found = [v for v in check(text).violations if v.category == "false_promo"]
    assert not found, found


def test_one_claim_is_one_violation_spanning_its_facts() -> None:
    text = "限时6折！吊牌价350元，折后260元。"
    found = [v for v in check(text).violations if v.category == "false_promo"]
    assert len(found) == 1
    assert found[0].text == "6折！吊牌价350元，折后260元"
    assert "210" in found[0].explanation  # the note says what the figure should have been


def test_separate_offers_are_not_mixed() -> None:
    # Two products in one line: each 原价 is compared with its own 现价, never across a sentence end.
    assert check("A款原价199元现价99元，B款原价299元现价199元").ok
    assert check("原价99元。到手价199元的是另一款").ok
    assert not check("A款原价199元现价99元，B款原价299元现价399元").ok


def test_facts_are_read_from_folded_text() -> None:
    assert not check("原價299元，現價399元").ok  # traditional characters
    assert not check("原价２９９元，现价３９９元").ok  # full-width digits


def test_lines_without_numbers_cost_nothing() -> None:
    assert offers("这款面霜很好用，原价和现价都写在详情页") == ()
