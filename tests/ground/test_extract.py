"""What extract_claims finds, how it normalises values, and what it deliberately leaves alone."""

from __future__ import annotations

import pytest

from wenan.ground import Source, check, extract_claims
from wenan.ground._text import normalize, parse_cn


def claims(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.kind, c.value, c.unit) for c in extract_claims(text)]


@pytest.mark.parametrize(("cn", "value"), [
    ("一百九十九", 199), ("十一", 11), ("两万", 20000), ("一万二", 12000), ("三千五", 3500), ("一百零八", 108),
    ("三五", None), ("二零二四", None),
])
def test_chinese_numerals(cn: str, value: int | None) -> None:
    assert parse_cn(cn) == value


def test_normalize_keeps_offsets() -> None:
    text = "到手价９９元，満１００"
    assert len(normalize(text)) == len(text)
    assert normalize("９９") == "99"


@pytest.mark.parametrize("text", ["99元", "¥99", "九十九块", "到手价99", "￥99.00", "九十九元"])
def test_prices_normalise_to_the_same_value(text: str) -> None:
    assert ("price", "99", "元") in claims(text)


@pytest.mark.parametrize(("text", "pay"), [("5折", "50"), ("五折", "50"), ("半价", "50"), ("8.8折", "88"),
                                            ("九五折", "95"), ("优惠20%", "80"), ("50%折扣", "50")])
def test_discounts_are_the_share_paid(text: str, pay: str) -> None:
    assert claims(text) == [("percent", pay, "折")]


@pytest.mark.parametrize(("text", "value"), [
    ("2024年3月8日开业", "2024-03-08"), ("3月8日", "*-03-08"), ("3.8开业", "*-03-08"), ("三月八号", "*-03-08"),
    ("双11", "*-11-11"), ("双十一", "*-11-11"), ("618到手", "*-06-18"), ("五月底前", "*-05-*"),
])
def test_dates(text: str, value: str) -> None:
    assert ("date", value, None) in claims(text)


@pytest.mark.parametrize(("text", "value"), [
    ("今晚8点", "20:00"), ("晚上八点", "20:00"), ("20:00", "20:00"), ("下午3点半", "15:30"), ("凌晨两点", "02:00"),
    ("10点开门", "~10:00"), ("周六", "周6"), ("下周五", "周5"), ("周六日", "周6,7"), ("周末", "周6,7"),
])
def test_times_and_weekdays(text: str, value: str) -> None:
    assert ("date", value, None) in claims(text)


def test_ranges_and_quantities() -> None:
    assert claims("3-5天") == [("number", "3-5", "天")]
    assert claims("三到五天") == [("number", "3-5", "天")]
    assert claims("两瓶") == [("number", "2", "瓶")]
    assert claims("500毫升") == claims("500ml") == [("number", "500", "ml")]
    assert claims("1.5万") == [("number", "15000", None)] or claims("1.5万人") == [("number", "15000", "人")]
    assert claims("买3罐送1罐") == claims("买三送一") == [("number", "买3送1", "买赠")]
    assert claims("拍一发二") == [("number", "买1送1", "买赠")]


def test_phones_keep_digits_only() -> None:
    assert claims("打138-1234-5678") == [("phone", "13812345678", None)]
    assert claims("热线400 820 1234") == [("phone", "4008201234", None)]
    assert claims("021-62881234") == [("phone", "02162881234", None)]


def test_addresses() -> None:
    [(kind, value, _)] = claims("📍南京西路1266号恒隆广场二楼L215\n")
    assert kind == "address" and value == "南京西路1266号恒隆广场2楼L215"
    assert [k for k, _, _ in claims("湖南路凤凰广场3楼的美甲店")] == ["address"]


def test_ingredients_and_efficacy() -> None:
    found = claims("含有烟酰胺的精华，0添加蔗糖，不含酒精和香精，提高宝宝免疫力，7天美白")
    assert ("ingredient", "+烟酰胺", None) in found
    assert ("ingredient", "-蔗糖", None) in found
    assert ("ingredient", "-酒精", None) in found and ("ingredient", "-香精", None) in found
    assert ("efficacy", "免疫力", None) in found and ("efficacy", "美白", None) in found
    assert ("number", "7", "天") in found


@pytest.mark.parametrize("text", [
    "第一步：洗脸", "第2杯半价的理由", "1. 燕麦拿铁\n2. 桂花美式", "1️⃣ 早起", "①手冲 ②冷萃", "#38女神节 #100天计划",
    "3个方法让你开口说英语", "TOP3 人气单品", "5G 和 S8 都能用", "这杯十分好喝", "一杯下去元气满满",
    "90后的快乐", "《三体》读后感", "比例1:1还原", "采用经典的翻领设计",
])
def test_structural_numbers_are_not_claims(text: str) -> None:
    # "第2杯半价" keeps 半价 (a discount) but not the ordinal
    assert [k for k, _, _ in claims(text) if k != "percent"] == []


def test_model_numbers_are_claims_compared_without_separators() -> None:
    # letters glued to 2+ digits name a product, a standard or a device: an invented one is a false fact
    assert claims("型号BX-500，兼容iPhone 15，SPF50") == [
        ("code", "BX500", None), ("code", "IPHONE15", None), ("code", "SPF50", None)]
    assert claims("VC20%精华") == [("percent", "20", "%")]  # the percentage, not a code
    report = check("BX500 和 QH-2031 都有货", [Source(id="kb:1", text="商品：保温杯 SKU：BX-500 价格：199元")])
    assert [(c.claim.value, c.supported) for c in report.claims] == [("BX500", True), ("QH2031", False)]


def test_negated_efficacy_is_not_a_claim() -> None:
    assert claims("保健食品不能代替药物，不得宣称降血压") == []


def test_offsets_point_into_the_original_text() -> None:
    text = "美式到手价９.９元，３月８日开业"
    for c in extract_claims(text):
        assert text[c.start: c.end] == c.text


@pytest.mark.parametrize("text", [
    "（1）包容性：口感醇厚\n（2）质地：干净整齐", "（4)每天早上熬粥\n(5) 配上鲜果", "1）包容性\n2）口感",
    "【1】外观\n[2] 手感", "- (1) 降噪\n- 2. 续航", "卖点：(1)降噪 (2)轻巧", "亮点：1.降噪 2.轻巧",
    "今天跑了一会，2、两腿发软", "说明：三、注意防晒",
])
def test_list_markers_are_not_claims(text: str) -> None:
    assert claims(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # a number after the marker is still a claim
    ("（2)每晚吃1瓶葡萄", [("number", "1", "瓶")]),
    ("卖点：(1)降噪 (2)续航30小时", [("number", "30", "小时")]),
    # numbers listed before a unit or another number are values, not markers
    ("3、5、7号楼可选", [("number", "3", None), ("number", "5", None), ("number", "7", None)]),
    ("，3、5斤装", [("number", "3", "斤"), ("number", "5", "斤")]),
    ("每周2、3天", [("number", "2", "天"), ("number", "3", "天")]),
    ("2或3天发货", [("number", "2", "天"), ("number", "3", "天")]),
    ("299、399元两档", [("price", "299", "元"), ("price", "399", "元")]),
    ("第2、3天", [("number", "3", "天")]),
    ("营业时间10:00、14:30", [("date", "10:00", None), ("date", "14:30", None)]),
    ("售价1,299、1,399元", [("price", "1299", "元"), ("price", "1399", "元")]),
    ("满 (99) 包邮", [("number", "99", None)]),  # inline brackets hold one-digit markers only
    ("套餐(2人)", [("number", "2", "人")]),
])
def test_listed_values_stay_claims(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("#洗车前，我洗了4天左右", [("number", "4", "天")]),  # tag #洗车前, then prose
    ("#上海探店 今天人均50元", [("price", "50", "元")]),
    ("#今天去了一家超好吃的店人均只要50元", [("price", "50", "元")]),  # longer than a tag: prose
    ("# 限时5折", [("percent", "50", "折")]),  # a markdown heading, not a tag
    ("#️⃣3天发货", [("number", "3", "天")]),  # a keycap, not a tag
    ("#人均50元 #3.8女神节 #双十一你买了吗# ＃上海探店＃", []),  # short tokens are topics
])
def test_a_hashtag_is_one_short_token(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("250ML", "250", "ml"), ("250mL", "250", "ml"), ("250Ml", "250", "ml"), ("2KG", "2", "kg"), ("2Kg", "2", "kg"),
    ("5000mah", "5000", "mAh"), ("220v", "220", "V"), ("2KW", "2", "kW"), ("20寸", "20", "英寸"),
])
def test_unit_spellings_in_any_case(text: str, value: str, unit: str) -> None:
    assert claims(text) == [("number", value, unit)]


@pytest.mark.parametrize("text", ["128G内存", "5G网络", "2v2对战", "3M胶带"])
def test_letters_that_are_not_units(text: str) -> None:
    assert claims(text) == []


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("功率 800w", "800", "W"), ("65w快充", "65", "W"), ("1800w大功率", "1800", "W"), ("功率800W", "800", "W"),
    ("10w粉丝", "100000", None), ("10W+好评", "100000", None), ("月销1w", "10000", None), ("1.5w", "15000", None),
    ("销量突破10万", "100000", None), ("10w+人", "100000", "人"), ("3.5亿次播放", "350000000", "次"),
])
def test_w_is_watts_or_wan(text: str, value: str, unit: str | None) -> None:
    assert claims(text) == [("number", value, unit)]


def test_counts_per_week_are_not_weekdays() -> None:
    assert claims("每周3次课") == [("number", "3", "次")]
    assert claims("每周三天") == [("number", "3", "天")]
    assert claims("周三天气好") == [("date", "周3", None)]
    assert claims("周3上新") == [("date", "周3", None)]
