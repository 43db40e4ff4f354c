"""Failure classes found by the second (no longer blind) labelled set, each tested with fresh wordings.

None of these sentences is taken from ``benchmarks/data/comply_blind_cases.jsonl``: they exercise the general
mechanism behind each class (separators in every rule, contact markers, paraphrased promises, allow-contexts
around a term, one claim reported once), not the cases that revealed it.
"""

from __future__ import annotations

import pytest

from wenan.comply import check

# (text, channel, industry, category that must be reported)
POSITIVES = [
    # 1. spaces / symbols between characters, for term and regex rules alike
    ("这款羊绒围巾是 最 柔 软 的", None, "general", "absolute"),
    ("我們家的茶葉是全省最 優 質 的", None, "food", "absolute"),
    ("本品获 卫 健 委 推 荐", None, "general", "authority"),
    ("这款门禁系统获公*安*部*推*荐", None, "general", "authority"),
    ("玄关摆一对铜葫芦，藏 风 聚 气", None, "general", "superstition"),
    ("每天两勺能 预 防 胃 癌", None, "food", "medical"),
    ("加盟奶茶店 六 个 月 就 能 回 本", None, "general", "finance"),
    # 2. contact evasion
    ("微 信 搜 lucky_store 下单", "douyin", "general", "contact"),
    ("感兴趣的话维❤ mei_mei_123", "xiaohongshu", "general", "contact"),
    ("V💗 shopowner88 拿货", "douyin", "general", "contact"),
    ("佳微 coffee_lab7 咨询", "xiaohongshu", "general", "contact"),
    ("卫鑫号 lan_lan_22", "douyin", "general", "contact"),
    ("教程都在Q群 823456712 里", "xiaohongshu", "education", "contact"),
    ("喜欢的宝子加下V", "douyin", "general", "contact"),
    ("合作请看简介，简介有我的v", "xiaohongshu", "general", "contact"),
    ("订餐电话 一八六 一二三四 五六七八", "douyin", "food", "contact"),
    # 3. paraphrased promises
    ("代理我们的产品，四个月就能回本", None, "general", "finance"),
    ("做宝妈团长，躺着月入两万", None, "general", "finance"),
    ("这个理财每年固定收益8%以上", None, "finance", "finance"),
    ("定投这只基金bao本", None, "finance", "finance"),
    ("跟着我炒币只挣不赔", None, "finance", "finance"),
    ("考研英语冲刺营，考不上退全部学费", None, "education", "education"),
    ("托福课保你考到100分", None, "education", "education"),
    ("暑假班承诺一个月英语提高三十分", None, "education", "education"),
    ("普通话等级考试bao过", None, "education", "education"),
    ("报名即保证孩子考进省重点", None, "education", "education"),
    ("治疗五个疗程不见效，全额退款", None, "medical", "medical"),
    ("正骨推拿，手到病除", None, "medical", "medical"),
    ("刘大姐在我院做了两次针灸，腰就不疼了", None, "medical", "medical"),
    ("这款辅酶Q10效果比吃西药还管用", None, "health_food", "health_food"),
    ("喝了三个月，降糖药都停了", None, "health_food", "health_food"),
    ("每天一把坚果帮你稳住血压", None, "food", "health_food"),
    ("芝麻糊吃了半年，白发都变黑了", None, "food", "health_food"),
    ("摆上这个金蟾，保你今年生意兴隆", None, "general", "superstition"),
    ("粉水晶手链能增加桃花运", None, "general", "superstition"),
    ("这瓶酒曾走上国宴", None, "food", "authority"),
    ("政府机关食堂专用大米", None, "food", "authority"),
    ("县里领导来视察时专门品尝过这款腊肉", None, "food", "authority"),
    ("軍區特供香煙", None, "general", "authority"),
    ("国家领导人访问时喝过的同款茶", None, "food", "authority"),
    ("孕妇专用精油，有效淡化妊娠纹", None, "cosmetics", "cosmetics"),
    ("0元体验头疗，到店须先付59元护理费", None, "general", "false_promo"),
    # 4. cure verb + named disease in a food ad is medical, not health_food
    ("这款红薯干能治好便秘", None, "food", "medical"),
    ("坚持喝这款茶可以预防痛风", None, "health_food", "medical"),
]


@pytest.mark.parametrize(("text", "channel", "industry", "category"), POSITIVES)
def test_generalised_positives(text: str, channel: str | None, industry: str, category: str) -> None:
    report = check(text, channel=channel, industry=industry)
    assert [v.category for v in report.violations] == [category], report.violations
    for v in report.violations:
        assert text[v.start : v.end] == v.text


NEGATIVES = [
    # 5. lawful contexts around a trigger word
    ("我们的心愿是做全城最安心的早餐铺", None, "food"),
    ("本次活动最高可省120元", None, "general"),
    ("满减叠加后最多能再省30元", None, "general"),
    ("今年夏天最热的时候空调要开起来", None, "general"),
    ("最少3件起批", None, "general"),
    ("这款外套最适合身高170的男生", None, "general"),
    ("三款果泥里南瓜味的最受我家宝宝欢迎", None, "food"),
    ("色号No.1偏橘，No.2偏粉", None, "cosmetics"),
    ("儿子在学校运动会跳远拿了第一名", None, "general"),
    ("生产批号13920240601，保质期18个月", "xiaohongshu", "food"),
    ("护理系开设《老年疾病的治疗与康复》课程", None, "education"),
    ("街角那家“招财”小馆开到很晚", None, "general"),
    ("感兴趣的朋友可以私信我，拉你进群", "xiaohongshu", "general"),
    # look-alikes of the new patterns
    ("这件毛衣是V领设计，加个V领更显脸小", "xiaohongshu", "general"),
    ("公司领导来考察时表扬了我们的团队", None, "general"),
    ("回本周期因选址而异，请理性投资", None, "finance"),
    ("我们不承诺提分，只负责陪伴孩子", None, "education"),
    ("祝大家新年好运连连", None, "general"),
    ("孕期记得多涂身体乳保湿", None, "cosmetics"),
    ("免费送货上门，商品需付款129元", None, "general"),
    ("服药期间请遵医嘱，不要自行停药", None, "health_food"),
    ("定期监测血糖很重要", None, "food"),
    ("一九九八年开业的老店", "douyin", "food"),
    ("新款的微信小程序上线了", "xiaohongshu", "general"),
    ("New Balance 的新款跑鞋很好穿", None, "general"),
    ("我家三款面霜里这款最滋润", None, "cosmetics"),
    ("本产品不能治疗高血压", None, "food"),
    ("学会这套表格技巧，助你升职加薪", None, "education"),
]


@pytest.mark.parametrize(("text", "channel", "industry"), NEGATIVES)
def test_generalised_negatives(text: str, channel: str | None, industry: str) -> None:
    assert not check(text, channel=channel, industry=industry).violations


def test_seller_named_without_a_range_is_not_self_comparison() -> None:
    assert check("我们家的蚕丝枕是最透气的").violations
    assert not check("我们家两款蚕丝枕里这款最透气").violations


# 6. one claim, one violation
@pytest.mark.parametrize(
    ("text", "channel", "industry", "span"),
    [
        ("签约即送返租合同，前三年每年返租6%", None, "real_estate", "返租合同，前三年每年返租"),
        ("电话VX同号 13800001111", "xiaohongshu", "general", "VX同号 13800001111"),
        ("扫码加V：abc_shop 了解", "douyin", "general", "扫码加V：abc_shop"),
        ("这串手链能挡小人、化煞气", None, "general", "挡小人、化煞"),
    ],
)
def test_pieces_of_one_claim_are_merged(text: str, channel: str | None, industry: str, span: str) -> None:
    report = check(text, channel=channel, industry=industry)
    assert [v.text for v in report.violations] == [span], report.violations


def test_two_claims_apart_stay_two() -> None:
    report = check("戴上这枚转运珠，出门还能招财")
    assert [v.text for v in report.violations] == ["转运", "招财"]


def test_spaced_regex_hit_maps_back_to_the_input() -> None:
    text = "新品上市：公 安 部 推 荐的门锁"
    (v,) = check(text).violations
    assert v.text == text[v.start : v.end] == "公 安 部 推 荐"


def test_latin_words_are_not_joined_into_a_contact_handle() -> None:
    # "v" and "x" in separate words never spell vx; a spaced handle after a marker still counts.
    assert not check("I love xiaohongshu", channel="xiaohongshu").violations
    assert check("V X：abc_123", channel="xiaohongshu").violations
