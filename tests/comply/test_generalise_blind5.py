"""Failure classes found on the fifth blind set (now a development set), tested with copy written for these tests.

None of these sentences is taken from ``benchmarks/data/comply_blind5_cases.jsonl``: each exercises the general
mechanism behind a class (a denial with words between the negator and the claim, an accessory of a device, a
custom reported as other people's belief, emoji and look-alike spellings, rivals said to fall behind, outcomes
instead of function words, …), and every class has hard negatives next to it. Positives assert the category and
the span the checker reports.
"""

from __future__ import annotations

import pytest

from wenan.comply import check

from .support import found as _found

# (text, channel, industry, category, reported span)
POSITIVES = [
    # 1. emoji for the word they picture, look-alike characters and pinyin
    ("祖传药膏，💊到病除", "douyin", "medical", "medical", "💊到病除"),
    ("每天两粒，💪免疫力", "douyin", "food", "health_food", "💪免疫力"),
    ("好评🥇的电动牙刷", "douyin", "general", "absolute", "🥇"),
    ("玄关放一只貔貅，💰运滚滚", "douyin", "general", "superstition", "💰运滚滚"),
    ("加盟炸鸡店，投资💰半年全回来", "douyin", "general", "finance", "投资💰半年全回来"),
    ("足贴一贴，根冶脚气", "douyin", "general", "medical", "根冶"),
    ("中喃海特供的普洱", "douyin", "food", "authority", "中喃海特供"),
    ("zheng府推荐的净水器", "douyin", "general", "authority", "zheng府推荐"),
    ("熬夜党必备，护gan小能手", "douyin", "food", "health_food", "护gan"),
    ("苦荞茶jiang糖", "douyin", "food", "health_food", "jiang糖"),
    ("0副作用，孕妇也能用", "douyin", "general", "medical", "0副作用"),
    ("想要优惠的直接加我薇", "douyin", "general", "contact", "加我薇"),
    # 2. rivals said to fall behind; nobody better over what the writer compared; more ways of searching everywhere
    ("论续航，别家的充电宝只能望尘莫及", "douyin", "general", "absolute", "别家的充电宝只能望尘莫及"),
    ("这个配置，同级别根本没有对手", "douyin", "general", "absolute", "同级别根本没有对手"),
    ("整个县城找不出第二家这么干净的后厨", "douyin", "food", "absolute", "整个县城找不出第二家"),
    ("对比过十几款跑鞋，没有哪一双的回弹比得上它", "douyin", "general", "absolute", "没有哪一双的回弹比得上它"),
    ("走遍全市的花店，也找不到比我家更便宜的玫瑰", "douyin", "general", "absolute",
     "走遍全市的花店，也找不到比我家更便宜的玫瑰"),
    # 3. medical: the fee waived on failure, 根除 with a disease, more common complaints named
    ("颈椎理疗，调不好分文不取", "douyin", "medical", "medical", "调不好分文不取"),
    ("这款药膏根除牛皮癣", "douyin", "general", "medical", "根除牛皮癣"),
    ("泡了两个月药浴，多年的风湿再也没犯", "douyin", "general", "medical", "风湿再也没犯"),
    # 4. finance: money only grows, no loss in any market, payback of the outlay, a promised rise in value
    ("资金交给我们打理，只会涨不会跌", "moments", "finance", "finance", "资金交给我们打理，只会涨不会跌"),
    ("市场再动荡也不会亏", "moments", "finance", "finance", "市场再动荡也不会亏"),
    ("加盟费八个月就能赚回来", "douyin", "general", "finance", "加盟费八个月就能赚回来"),
    ("这个地段的商铺，三年起码涨五成", "douyin", "general", "finance", "起码涨五成"),
    # 5. education: the result unavoidable, free retakes on failing, admission with a bare 保
    ("跟着练一个月，想不考过都难", "douyin", "education", "education", "想不考过都难"),
    ("成绩不到线，下期免费听", "douyin", "education", "education", "不到线，下期免费听"),
    ("小升初包进市重点", "douyin", "education", "education", "包进市重点"),
    # 6. health food: outcomes instead of function words
    ("坚持喝了半年，复查时转氨酶恢复正常", "moments", "food", "health_food", "转氨酶恢复正常"),
    ("孩子喝了这款羊奶粉，免疫力提上来了", "moments", "food", "health_food", "免疫力提上来了"),
    ("吃了一年阿胶糕，朋友都说我年轻了五岁", "moments", "food", "health_food", "年轻了五岁"),
    # 7. cosmetics: spots gone, new growth counted a clause after the place
    ("鼻翼两边的雀斑，涂了两个月都看不出来了", "xiaohongshu", "cosmetics", "cosmetics", "雀斑，涂了两个月都看不出来了"),
    ("发缝越来越宽，喷了这款精华两个月冒出好多新头发", "xiaohongshu", "cosmetics", "cosmetics",
     "发缝越来越宽，喷了这款精华两个月冒出好多新头发"),
    # 8. superstition: luck that comes by itself, misfortune kept away, orders credited to an object
    ("床头挂一串五帝钱，好运自然就来了", "xiaohongshu", "general", "superstition", "好运自然就来了"),
    ("戴上这块桃木牌，再也没遇到小人", "xiaohongshu", "general", "superstition", "再也没遇到小人"),
    ("办公室摆一只貔貅，单子一单接一单", "xiaohongshu", "general", "superstition", "单子一单接一单"),
    ("转角挂个八卦镜，化解煞气", "xiaohongshu", "general", "superstition", "化解煞气"),
    # 9. authority: a bare 特供 label, local bureaus, what an organ uses, officials ordering it
    ("特供茶，送礼有面子", "douyin", "food", "authority", "特供茶"),
    ("区教育局推荐的课外读物", "douyin", "general", "authority", "教育局推荐"),
    ("武警官兵穿的就是这款作训鞋", "douyin", "general", "authority", "武警官兵穿的就是"),
    ("老干部们每年都点名要这款茶", "douyin", "food", "authority", "老干部们每年都点名要"),
    # 10. unsupported data: a figure against an unnamed ordinary product, the share after the people
    ("比传统热水器省气30%", "douyin", "general", "unsupported_data", "比传统热水器省气30%"),
    ("比普通枕头回弹快↑2倍", "douyin", "general", "unsupported_data", "比普通枕头回弹快↑2倍"),
    ("回购的顾客9成都说好用", "douyin", "general", "unsupported_data", "顾客9成都说好用"),
]


@pytest.mark.parametrize(("text", "channel", "industry", "category", "span"), POSITIVES)
def test_blind5_classes_are_reported(text: str, channel: str, industry: str, category: str, span: str) -> None:
    found = _found(text, industry, channel)
    assert (category, span) in found, found


# (text, channel, industry): hard negatives for the same classes, and the denials that set 5 showed.
NEGATIVES = [
    # a negator right before the claim, with a filler word or two between
    ("保险不是什么稳赚的投资，别把它当理财", "moments", "finance"),
    ("这款护手霜并不能修复受损肌肤，只是滋润", "xiaohongshu", "cosmetics"),
    ("面霜不可能瘦脸，别被忽悠了", "xiaohongshu", "cosmetics"),
    ("哪有什么包治百病的东西，身体不舒服就去医院", "moments", "food"),
    ("热敷贴不能治疗腰椎间盘突出，只是让腰部暖和一些", "ecommerce", "general"),
    # warnings before price, ranking and superstition words
    ("警惕那些自称史上最低价的团购群", "douyin", "general"),
    ("别相信那些所谓最好的减肥方法", "douyin", "general"),
    ("提防路边看风水的，都是骗钱的", "douyin", "general"),
    # the seller denies it, and other mentions in the same sentence are talk about it
    ("很多人问能不能开光，开光我们不做，只做手工编绳", "moments", "general"),
    # a custom reported as what people believed
    ("老一辈认为红绳能挡灾，现在大家戴着主要是好看", "moments", "general"),
    ("民间习俗里门口挂桃枝是为了驱邪，我们这款只是装饰花艺", "moments", "general"),
    # an accessory of a device
    ("理疗仪替换电极片，一盒十片", "ecommerce", "general"),
    ("红光治疗仪充电器，原装配件", "ecommerce", "general"),
    # dish, drink and place names
    ("状元糕，苏州老字号点心", "moments", "food"),
    ("状元蹄是周庄的名菜", "moments", "food"),
    # when to wear or use it
    ("这条针织裙最适合初秋穿", "xiaohongshu", "general"),
    ("这罐红茶最适合冬天喝", "xiaohongshu", "food"),
    # look-alike wordings of the new patterns
    ("老师的板书让我望尘莫及", "xiaohongshu", "general"),
    ("决赛遇到了旗鼓相当的对手", "douyin", "general"),
    ("全国第二家旗舰店下月开业", "douyin", "general"),
    ("这家店的分量只多不少", "moments", "food"),
    ("菜价至少涨了三成，生活不容易", "moments", "general"),
    ("体检血糖正常，医生说继续保持", "moments", "food"),
    ("降压药请遵医嘱服用", "moments", "food"),
    ("DC-DC降压模块，输入24V输出5V", "ecommerce", "general"),
    ("天冷了，注意给孩子保暖", "moments", "food"),
    ("这支斑马纹的笔不见了", "xiaohongshu", "cosmetics"),
    ("新店开业，订单一个接一个，谢谢大家", "moments", "general"),
    ("换了这款乳胶枕，再也不做噩梦了", "xiaohongshu", "general"),
    ("会员特供酒，积分兑换", "douyin", "food"),
    ("比上一代省电30%", "douyin", "general"),
    ("加盟费是多少？八个月的租金要提前付吗", "douyin", "general"),
    ("她在比赛里拿了🥇", "douyin", "general"),
    ("书法课陶冶情操，周末班还有名额", "douyin", "general"),
]


@pytest.mark.parametrize(("text", "channel", "industry"), NEGATIVES)
def test_blind5_lookalikes_stay_clean(text: str, channel: str, industry: str) -> None:
    assert not check(text, channel=channel, industry=industry).violations, _found(text, industry, channel)


def test_a_denial_does_not_clear_a_rhetorical_question_or_a_later_claim() -> None:
    """A negator inside a question, or one someone is contradicted on, does not deny the claim."""
    found = _found("谁说洗发水不能生发？我们这款三个月见效", "cosmetics", "xiaohongshu")
    assert ("cosmetics", "生发") in found, found
    found = _found("这不是稳赚是什么？", "finance", "moments")
    assert ("finance", "稳赚") in found, found
    found = _found("别信算命先生的话，戴上我们的手串就能转运", "general", "douyin")
    assert ("superstition", "转运") in found, found
    found = _found("古人认为玉能辟邪，所以这块玉戴上保平安", "general", "douyin")
    assert ("superstition", "保平安") in found, found


def test_emoji_between_two_characters_stays_padding() -> None:
    """💰 wedged inside a word is padding (稳💰赚), not a word of its own."""
    assert ("finance", "稳💰赚") in _found("稳💰赚的好项目", "finance", "moments")
