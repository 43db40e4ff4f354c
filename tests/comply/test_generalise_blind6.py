"""Failure classes found on the sixth blind set (now a development set), tested with copy written for these tests.

None of these sentences is taken from ``benchmarks/data/comply_blind6_cases.jsonl``: each exercises the general
mechanism behind a class (keycap emoji digits, capital numerals, pinyin whose character depends on the one before,
look-alike characters, spelled-out e-mail and URLs, returns called assured, admission and score floors, officials
by office, free-then-charged offers, quoted claims called a fraud, greetings, …), and every class has hard
negatives next to it. Positives assert the category and the span the checker reports.
"""

from __future__ import annotations

import pytest

from wenan.comply import check

from .support import found as _found

# (text, channel, industry, category, reported span)
POSITIVES = [
    # 1. normaliser: keycap digits, capital numerals, pinyin, look-alikes, emoji words, a region that reaches outward
    ("这家面馆是老街口碑1️⃣，去晚了没位置", "douyin", "food", "absolute", "口碑1️⃣"),
    ("0️⃣风险的稳健理财，随存随取", "douyin", "finance", "finance", "0️⃣风险"),
    ("8️⃣成的健身教练都推荐这款蛋白粉", "douyin", "general", "unsupported_data", "8️⃣成的健身教练都推荐"),
    ("柒成宝妈反馈用后宝宝睡得更香", "douyin", "general", "unsupported_data", "柒成宝妈"),
    ("跟着老师操作，wen赚不亏", "douyin", "finance", "finance", "wen赚"),
    ("这块玉牌能bi邪，出门戴上", "douyin", "general", "superstition", "bi邪"),
    ("我们的烧鹅口碑全市di一", "douyin", "food", "absolute", "di一"),
    ("二建保guo班，报名立减", "douyin", "education", "education", "保guo"),
    ("科目一考不过🆓重学", "douyin", "education", "education", "不过🆓重学"),
    ("这支袪斑霜早晚各涂一次", "xiaohongshu", "cosmetics", "cosmetics", "袪斑"),
    ("本店的椰子鸡是全城最地道的", "xiaohongshu", "food", "absolute", "最"),
    # 2. finance: a return called assured, a floor under rent, a percentage spelled out
    ("这款年金险回报有保障，到期一次领取", "moments", "finance", "finance", "回报有保障"),
    ("商铺托管出租，每月租金不低于2000元", "moments", "general", "finance", "月租金不低于2000元"),
    ("入股奶茶店，每季度稳定分红百分之五", "moments", "general", "finance", "稳定分红百分之五"),
    # 3. education: admission, a homophone class name, a score floor, examiners teaching
    ("初升高重点高中包录营，限额招生", "moments", "education", "education", "包录"),
    ("教资面试宝过营，今晚开营", "moments", "education", "education", "宝过"),
    ("雅思冲刺班，起码提高1分", "moments", "education", "education", "起码提高1分"),
    ("普通话测试由资深考官亲自指导", "moments", "education", "education", "考官亲自指导"),
    # 4. health food and cosmetics
    ("枸杞叶黄素饮，缓解眼疲劳，学生党必备", "xiaohongshu", "food", "health_food", "缓解眼疲劳"),
    ("这款鱼油效果媲美药物", "ecommerce", "health_food", "health_food", "媲美药物"),
    ("益生菌冻干粉，保证一个月见效", "moments", "health_food", "health_food", "保证一个月见效"),
    ("中年人一定要喝这款红参饮，才能保持健康", "moments", "health_food", "health_food",
     "一定要喝这款红参饮，才能保持健康"),
    ("这块手工皂能杀死螨虫，背上痘痘少了", "ecommerce", "cosmetics", "cosmetics", "杀死螨虫"),
    # 5. contact: an account in brackets, a QR code to add, a heart for 微, spelled-out addresses
    ("每晚的穿搭清单发在公众号『阿梨衣橱』", "xiaohongshu", "general", "contact", "公众号『阿梨衣橱』"),
    ("需要报价单的扫描主页二维码加好友", "xiaohongshu", "general", "contact", "扫描主页二维码加好友"),
    ("💚信 tea_lily 备注小红书", "xiaohongshu", "general", "contact", "💚信 tea_lily"),
    ("作品集发 hello艾特studio点cn", "xiaohongshu", "general", "contact", "hello艾特studio点cn"),
    ("完整菜单在 mycafe。cn/menu 上", "douyin", "general", "contact", "mycafe。cn/menu"),
    # 6. authority: an official by office, with praise, a visit or a meal
    ("市长也点赞的老字号煎饼", "xiaohongshu", "food", "authority", "市长也点赞"),
    ("县委书记喝过都夸的高山茶", "xiaohongshu", "food", "authority", "县委书记喝过都夸"),
    # 7. false promotion: free, then a fee for the same thing
    ("0元领取体验装，需支付包装费15元", "xiaohongshu", "general", "false_promo", "0元领取体验装，需支付包装费15元"),
    ("0元购，下单另付手续费20元", "douyin", "general", "false_promo", "0元购，下单另付手续费20元"),
    ("免费试听课，上课当天收取课时费99元", "douyin", "education", "false_promo", "免费试听课，上课当天收取课时费99元"),
    ("一分钱不花，送您一次口腔检查，检查后收取检测费60元", "moments", "medical", "false_promo",
     "一分钱不花，送您一次口腔检查，检查后收取检测费60元"),
    ("买一送一，第二件按八折计价", "douyin", "food", "false_promo", "买一送一，第二件按八折"),
]


@pytest.mark.parametrize(("text", "channel", "industry", "category", "span"), POSITIVES)
def test_blind6_classes_are_reported(text: str, channel: str, industry: str, category: str, span: str) -> None:
    found = _found(text, industry, channel)
    assert (category, span) in found, found


# (text, channel, industry): hard negatives for the same classes, and the warnings and greetings set 6 showed.
NEGATIVES = [
    # keycaps, numerals and pinyin that make no claim
    ("第1️⃣步，先把面粉过筛", "xiaohongshu", "food"),
    ("这款销量1万件了，谢谢支持", "douyin", "general"),
    ("9成新的二手相机都在这里出", "xiaohongshu", "general"),
    ("guo家级非遗传承人的手作", "xiaohongshu", "general"),
    ("我在小区门口的快递di址改了", "douyin", "general"),
    ("宝宝过敏了先别乱吃药", "moments", "food"),
    ("录音笔确保录音清晰", "ecommerce", "general"),
    ("本店最受欢迎的是这款芒果班戟", "xiaohongshu", "food"),
    # finance: assurance denied, a service rather than a return
    ("理财收益没有保障，请谨慎投资", "moments", "finance"),
    ("售后有保障，七天无理由退换", "ecommerce", "general"),
    ("没有零风险的理财，别信高息", "moments", "finance"),
    ("哪有零风险的投资，看清合同再签", "moments", "finance"),
    # education: floors and examiners that are not promises
    ("孩子这次至少多睡了一小时", "moments", "education"),
    ("考官会在考场宣读考试纪律", "moments", "education"),
    # authority: a company boss or a cup named after an office
    ("我们老板都点赞的新品", "xiaohongshu", "food"),
    ("省长杯足球赛今天开幕", "douyin", "general"),
    # free with separate charges, and a consistent 买一送一
    ("免费领取试用装，另付运费10元", "xiaohongshu", "general"),
    ("免费试听一节，正式课课时费199元", "douyin", "education"),
    ("买一送一，第二件0元，两件须为同款", "douyin", "food"),
    ("买一送一，第二件同款随机口味", "douyin", "food"),
    # a quoted claim called a fraud or not to be trusted
    ("提醒：号称能治愈高血压的足贴都是骗局，吃药听医生的", "moments", "food"),
    ("说一喝就能降血脂的茶别信，饮食要均衡", "moments", "food"),
    # greetings
    ("祝各位新的一年好运连连，财源滚滚", "moments", "general"),
    ("愿大家马年大吉，财运亨通", "moments", "general"),
    # a test report that names the body, number and date
    ("检测报告（华信质检中心，编号HX2025-0211，2025年3月）显示：抗菌率为99%", "douyin", "general"),
    # contact look-alikes
    ("我在这家店点com套餐", "douyin", "food"),
    ("二维码贴纸，防水耐刮", "ecommerce", "general"),
]


@pytest.mark.parametrize(("text", "channel", "industry"), NEGATIVES)
def test_blind6_lookalikes_stay_clean(text: str, channel: str, industry: str) -> None:
    assert not check(text, channel=channel, industry=industry).violations, _found(text, industry, channel)


def test_a_warning_without_a_quotation_still_flags_the_claim() -> None:
    """Only a claim modifying the noun called a fraud (…的X都是骗局) is a quotation; a claim, then a warning, is not."""
    assert ("medical", "根治") in _found("这药能根治糖尿病，别信谣言", "general", "moments")


def test_a_wish_does_not_clear_an_object_credited_with_luck() -> None:
    """祝 opening the sentence is a greeting only when no object is said to bring the luck."""
    found = _found("祝大家戴上这串貔貅手链，财源滚滚", "general", "douyin")
    assert any(cat == "superstition" for cat, _ in found), found


def test_keycap_digit_span_covers_the_whole_emoji() -> None:
    """The reported span starts at the digit of the keycap, so removing it removes the whole emoji."""
    text = "0️⃣风险理财"
    (v,) = check(text, channel="douyin", industry="finance").violations
    assert v.text == text[v.start:v.end] == "0️⃣风险"
