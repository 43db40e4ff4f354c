"""What extract_claims finds, how it normalises values, and what it deliberately leaves alone."""

from __future__ import annotations

import pytest

from wenan.ground import extract_claims
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
    "3个方法让你开口说英语", "TOP3 人气单品", "iPhone15 和 S8 都能用", "这杯十分好喝", "一杯下去元气满满",
    "90后的快乐", "《三体》读后感", "比例1:1还原", "采用经典的翻领设计",
])
def test_structural_numbers_are_not_claims(text: str) -> None:
    # "第2杯半价" keeps 半价 (a discount) but not the ordinal
    assert [k for k, _, _ in claims(text) if k != "percent"] == []


def test_negated_efficacy_is_not_a_claim() -> None:
    assert claims("保健食品不能代替药物，不得宣称降血压") == []


def test_offsets_point_into_the_original_text() -> None:
    text = "美式到手价９.９元，３月８日开业"
    for c in extract_claims(text):
        assert text[c.start: c.end] == c.text
