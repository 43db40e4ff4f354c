"""Evasion classes found on the ninth blind set (now a development set), tested with copy written for these tests.

None of these sentences is taken from ``benchmarks/data/comply_blind9_cases.jsonl``. Each exercises a general
normalisation the blind set showed missing: a claim word spelled in several pinyin syllables (spaced or not, in
full-width letters, next to Chinese text or on its own), a look-alike character inside a claim word, keycap digits
written as a spaced number, an emoji read as a character or a rank (🔒 = 锁, 🔝 = 第一/顶), "number one" in Latin
letters, and capital numerals that are also ordinary words (肆伍陆拾). Every class has hard negatives: English words,
brand, place and person names in pinyin, handles and web addresses, and the ordinary words that share the
look-alike character (凤凰, 贡品, 龙井, 维生素, 维修).
"""

from __future__ import annotations

import pytest

from wenan.comply import check
from wenan.comply._normalise import PAD, fold_block, skeleton

from .support import found as _found

# Texts that must not be flagged at all.
NEGATIVES = [
    # 1. Latin runs that are names, English, handles or addresses, not a claim word in pinyin
    ("店名叫Bao Bei Baby，主营童装", "xiaohongshu", "general"),
    ("我们在Nanjing Road开了第二家店", "xiaohongshu", "general"),
    ("周末去zhang jia kou滑雪，雪场很大", "xiaohongshu", "general"),
    ("主理人zhao cai ming亲手做的手串", "xiaohongshu", "general"),
    ("Bao Ben Studio 的新专辑上线了", "moments", "finance"),
    ("摄影师Mei Bai的作品展下周开幕", "xiaohongshu", "cosmetics"),
    ("关注我们的小店 baoben_shop 看新品", "moments", "finance"),
    ("官网 www.meibai.com 可以查真伪", "moments", "cosmetics"),
    ("I love bao ben noodles 好吃", "xiaohongshu", "finance"),
    ("flight to shi yan today, 明天回", "xiaohongshu", "general"),
    # 2. ordinary words that share a look-alike character
    ("这款凤凰单丛茶香气高扬", "ecommerce", "food"),
    ("春节贡品礼盒，感谢为公益做出贡献的志愿者", "ecommerce", "food"),
    ("明前龙井，手工炒制", "ecommerce", "food"),
    ("每片添加维生素C，维修电话见说明书", "xiaohongshu", "general"),
    ("增加维度：3D立体剪裁", "xiaohongshu", "general"),
    # 3. keycap digits that are a quantity or a date, not a phone number
    ("这款礼盒限量3️⃣0️⃣份，已售2️⃣0️⃣份", "douyin", "general"),
    ("活动时间：2️⃣0️⃣2️⃣6️⃣年1️⃣2️⃣月1️⃣日", "douyin", "general"),
    # 4. emoji and Latin words that are not a ranking
    ("回到顶部请点🔝", "xiaohongshu", "general"),
    ("Number One Coffee 新店开业", "xiaohongshu", "general"),
    ("🔒住水分，一整天都不干", "xiaohongshu", "cosmetics"),
    # 5. capital numerals that are ordinary words or names
    ("大陆的队伍收拾好了行李，伍佰的演唱会下周开", "xiaohongshu", "general"),
]


@pytest.mark.parametrize(("text", "channel", "industry"), NEGATIVES)
def test_blind9_names_english_and_look_alike_words_stay_clean(text: str, channel: str | None,
                                                              industry: str) -> None:
    assert not check(text, channel=channel, industry=industry).violations, _found(text, industry, channel or "")


# (text, channel, industry, category, reported span)
POSITIVES = [
    # a claim word spelled in pinyin syllables: spaced, on its own, next to Chinese text, in capitals or full-width
    ("会计初级考证班 bi guo，一次拿证", "moments", "education", "education", "bi guo"),
    ("这款面膜主打qu ban，敷一周斑就淡了", "xiaohongshu", "cosmetics", "cosmetics", "qu ban"),
    ("每天两粒，能jiang xue tang，老人放心吃", "xiaohongshu", "food", "health_food", "jiang xue tang"),
    ("跟着老师做，天天wen zhuan不亏", "xiaohongshu", "finance", "finance", "wen zhuan"),
    ("ＢＡＯ　ＢＥＮ理财，年化稳定", "moments", "finance", "finance", "ＢＡＯ　ＢＥＮ"),
    ("BAO BEN 理财，年化稳定", "moments", "finance", "finance", "BAO BEN"),
    ("这款枕头能zhi liao失眠", "ecommerce", "general", "medical", "zhi liao"),
    ("扫地机器人吸力全网di yi", "douyin", "general", "absolute", "全网di yi"),
    ("经lin chuang验证，三天见效", "xiaohongshu", "cosmetics", "unsupported_data", "lin chuang验证"),
    ("gai yun 手链，送给家里长辈", "moments", "general", "superstition", "gai yun"),
    # a look-alike character inside a claim word
    ("这只基金无凤险，放心买", "xiaohongshu", "finance", "finance", "无凤险"),
    ("国宴特贡的茶叶", "ecommerce", "food", "authority", "国宴特贡"),
    ("有意的加维：tea_house88", "xiaohongshu", "general", "contact", "加维：tea_house88"),
    # keycap digits written as a spaced phone number
    ("预约热线1️⃣5️⃣9️⃣ 1️⃣2️⃣3️⃣4️⃣ 5️⃣6️⃣7️⃣8️⃣，随时来电", "douyin", "general", "contact",
     "1️⃣5️⃣9️⃣ 1️⃣2️⃣3️⃣4️⃣ 5️⃣6️⃣7️⃣8️⃣"),
    # an emoji or Latin words for a rank
    ("这款扫地机吸力全网🔝", "ecommerce", "general", "absolute", "全网🔝"),
    ("🔝级面料，穿着舒服", "ecommerce", "general", "absolute", "🔝级"),
    ("销量稳居全网number one", "ecommerce", "general", "absolute", "全网number one"),
]


@pytest.mark.parametrize(("text", "channel", "industry", "category", "span"), POSITIVES)
def test_blind9_evasions_are_reported_with_their_input_span(text: str, channel: str, industry: str, category: str,
                                                            span: str) -> None:
    assert (category, span) in _found(text, industry, channel)
    for v in check(text, channel=channel, industry=industry).violations:
        assert text[v.start:v.end] == v.text


def test_free_spelled_in_full_width_pinyin_followed_by_a_charge() -> None:
    found = _found("ｍｉａｎ　ｆｅｉ领取一盒面膜，只需支付包装费15元", "general", "xiaohongshu")
    assert any(cat == "false_promo" for cat, _ in found), found


@pytest.mark.parametrize(("text", "folded"), [
    ("bao guo", "包过" + PAD * 5),  # a spelled word: the word, then padding to the same length
    ("MEI BAI", "美白" + PAD * 5),  # in capitals
    ("ＺＨＩ疗", "治" + PAD * 2 + "疗"),  # one syllable in full-width letters
    ("zhì疗", "治" + PAD * 2 + "疗"),  # with a tone mark
    ("Zhi疗", "zhi疗"),  # capitalised like a name: left alone
    ("🔒定", "锁定"),
    ("肆零零-捌捌陆", "四零零-八八六"),  # capital numerals next to numerals
    ("伍拾分", "五十分"),
    ("拾个点", "十个点"),
    ("收拾个行李", "收拾个行李"),  # the same characters in ordinary words
    ("大陆的队伍", "大陆的队伍"),
    ("陆一鸣", "陆一鸣"),
    ("5️⃣0️⃣套", PAD * 4 + "50套"),  # keycap digits packed at the run's end
])
def test_fold_block_puts_back_spelled_words_numerals_and_keycaps(text: str, folded: str) -> None:
    assert fold_block(text) == folded
    assert len(fold_block(text)) == len(text)


def test_spelled_word_padding_is_dropped_from_the_skeleton() -> None:
    sk = skeleton(fold_block("天天bao ben理财"))
    assert sk.text == "天天保本理财"
    assert sk.span(2, 4) == (2, 9)  # 保本 is "bao ben" in the input
