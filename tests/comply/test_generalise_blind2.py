"""Failure classes found by the third labelled set (no longer blind), each tested with fresh wordings.

None of these sentences is taken from ``benchmarks/data/comply_blind2_cases.jsonl``: they exercise the general
mechanism behind each class (pinyin put back by the normaliser, stylised digits and letters folded, paraphrased
claims, allow-contexts, one claim reported once), not the cases that revealed it.
"""

from __future__ import annotations

import pytest

from wenan.comply import check
from wenan.comply._normalise import fold, fold_block, skeleton

# (text, channel, industry, category that must be reported)
POSITIVES = [
    # 1. one character of a claim word written in pinyin
    ("这款颈枕能zhi疗颈椎病", None, "general", "medical"),
    ("这瓶爽肤水kang敏又kang炎", None, "cosmetics", "cosmetics"),
    ("苦瓜片泡水喝能jiang血糖", None, "food", "health_food"),
    ("门口摆一只金蟾zhao财", None, "general", "superstition"),
    ("部队te供的大米", None, "food", "authority"),
    ("这只基金bao本又稳zhuan", None, "finance", "finance"),
    ("有问题加我wei信 fresh_fruit01", "douyin", "general", "contact"),
    ("这支唇膏xiao炎又止痒", None, "cosmetics", "cosmetics"),
    ("喝了三个月，mian疫力都上来了，能zeng强免疫力", None, "food", "health_food"),
    ("guo家级手艺，匠心之作", None, "general", "absolute"),
    # 2. contact in stylised digits, capital numerals, loose separators, landlines, more markers
    ("预约热线 ①⑤⑨ ⑧⑧⑥⑥ ③③②②", "douyin", "general", "contact"),
    ("订蛋糕请拨 壹伍玖 捌捌陆陆 叁叁贰贰", "xiaohongshu", "food", "contact"),
    ("急单直接打 139 - 1111 - 2222", "douyin", "general", "contact"),
    ("门市部座机 0755 2345 6789", "xiaohongshu", "general", "contact"),
    ("想要原图的加魏 photo_lin88", "xiaohongshu", "general", "contact"),
    ("课件在我的卫星 ms_wang2023 里", "douyin", "education", "contact"),
    ("拿货找我的绿色小软件 shoes_factory", "xiaohongshu", "general", "contact"),
    ("售后进🐧群 556677889", "douyin", "general", "contact"),
    ("老顾客都知道，企鹅 334455667 找我", "xiaohongshu", "general", "contact"),
    ("详情问我的Ⓥ：tea_garden_01", "douyin", "general", "contact"),
    ("拿货加𝐕𝐗：wholesale_lily", "xiaohongshu", "general", "contact"),
    # 3. cure and prevention paraphrased; patient testimonials
    ("坚持泡了一个月脚，老寒腿的关节炎再也没犯", None, "general", "medical"),
    ("家里装上这台新风机，能有效预防甲流", None, "general", "medical"),
    ("这个艾灸盒专门治老人失眠", None, "general", "medical"),
    ("黑枸杞对痛风有奇效", None, "food", "medical"),
    ("病友小周：“做完微创第三天就能下地了”", None, "medical", "medical"),
    # 4. cosmetics outcomes
    ("坚持用这瓶育发液，头顶冒出小绒毛了", None, "cosmetics", "cosmetics"),
    ("怀孕九个月每天抹它，肚皮上一条都没长妊娠纹", None, "cosmetics", "cosmetics"),
    # 5. health-food paraphrases
    ("每天一杯羊奶粉，孩子个子噌噌地往上蹿", None, "food", "health_food"),
    ("上了年纪不吃点鱼油，血管迟早出毛病", None, "health_food", "health_food"),
    # 6. principal and returns promised in other words
    ("放在我们平台的本金一分不少", None, "finance", "finance"),
    ("这款产品的分红稳稳当当", None, "finance", "finance"),
    ("投资有亏损的话，全部由平台负责赔", None, "finance", "finance"),
    ("开一家我们的炸鸡店零风险", None, "general", "finance"),
    # 7. education guarantees and school names
    ("一建培训，考试没过全额退学费", None, "education", "education"),
    ("托福冲刺班，签约包100分", None, "education", "education"),
    ("叉车证速成，没拿到证免费重学", None, "education", "education"),
    ("由黄冈中学骨干教师执教的寒假班", None, "education", "education"),
    # 8. superstition paraphrased
    ("八卦镜挂在窗外，化解煞气", None, "general", "superstition"),
    ("玄关摆一对麒麟，财运亨通挡不住", None, "general", "superstition"),
    ("红绳手链戴上，桃花运噌噌涨", None, "general", "superstition"),
    ("收银台放一个金元宝，店里旺 财", None, "general", "superstition"),
    ("门口挂一串桃木葫芦，保全家老小平平安安", None, "general", "superstition"),
    ("这串佛珠是寺里高僧念经加持过的", None, "general", "superstition"),
    ("貔貅摆件，招🪙财进宝", None, "general", "superstition"),
    # 10. state organs and venues as endorsers
    ("钓鱼台同款茶具", None, "general", "authority"),
    ("法院都在用的同款碎纸机", None, "general", "authority"),
    ("大使馆礼宾用酒", None, "food", "authority"),
    # 11. statistics without a source, in other spellings
    ("百分之八十七的车主都会续保", None, "general", "unsupported_data"),
    ("每十位试过的顾客就有八位会再来", None, "general", "unsupported_data"),
    ("检测报告显示除醛率达到97%", None, "general", "unsupported_data"),
    ("权威测评结果：降噪效果比同级别耳机高出三成", None, "general", "unsupported_data"),
    ("行业销量第Ⅰ的电动牙刷", None, "general", "absolute"),
    ("逛遍各大平台也买不到比这更便宜的了", None, "general", "absolute"),
    # 9. promotions the copy itself contradicts
    ("下单就送保温袋，送的那个要付15元", None, "general", "false_promo"),
    ("门店卖一百二，直播间只要一百六十块", None, "general", "false_promo"),
    ("满300减50，商品320元，到手290元", None, "general", "false_promo"),
    ("新品奶茶免费试饮，每杯收取8元试饮费", None, "food", "false_promo"),
]


@pytest.mark.parametrize(("text", "channel", "industry", "category"), POSITIVES)
def test_blind2_classes_positive(text: str, channel: str | None, industry: str, category: str) -> None:
    report = check(text, channel=channel, industry=industry)
    assert category in {v.category for v in report.violations}, report.violations
    for v in report.violations:
        assert text[v.start : v.end] == v.text


NEGATIVES: list[tuple[str, str | None, str]] = [
    # pinyin inside English words or brand names is left alone
    ("Zhiyun 稳定器拍视频很稳", None, "general"),
    ("Kangaroo 袋鼠图案的卫衣", None, "general"),
    ("Ding Dong 叮咚买菜今天满减", None, "general"),
    ("mei天一杯温开水", None, "food"),
    # look-alikes of the new contact, cure and promise patterns
    ("我们店不加微信，有问题请在平台留言", "xiaohongshu", "general"),
    ("企鹅玩偶，软软的很好抱", "xiaohongshu", "general"),
    ("手机升级新系统后，再也没卡过", None, "general"),
    ("这款面膜对熬夜肌很有效", None, "cosmetics"),
    ("剪短以后，头发长出来了再去染", None, "cosmetics"),
    ("青春期个子长得快，要注意营养均衡", None, "food"),
    ("理财有风险，本金可能遭受损失", None, "finance"),
    ("7天无理由退货，网购零风险", None, "general"),
    ("确保一分钟内接通客服", None, "education"),
    ("祝大家新年财运亨通", None, "general"),
    ("招财进宝图案的红包，过年发给孩子", None, "general"),
    ("普通黄铜摆件，没有开过光", None, "general"),
    ("派出所就在小区门口，治安很好", None, "general"),
    # 12. allow-contexts: the seller's story, a pick within the seller's range, a quoted name, a memory,
    # a mood word, a shop type, a denial
    ("开店第五年，我们遇到了最大的困难，也收获了最多的鼓励", None, "general"),
    ("我们家最好卖的是黑糖麻薯", None, "food"),
    ("「冠军」手作烘焙坊新品上架", None, "food"),
    ("上学时最爱的辣条，现在还是那个味", None, "food"),
    ("治愈系插画台历，放在桌上心情好", None, "general"),
    ("首尔药妆街逛吃攻略", None, "general"),
    ("普通玉石挂件，未经任何开光", None, "general"),
    ("数据来源：鸿信检测中心2024年报告，除菌率99%", None, "general"),
    ("找遍全城才买到这家的蛋挞", None, "food"),
    ("赠品是同款旅行装，不另外收费", None, "general"),
    ("平时卖两百多，今天只要一百五", None, "general"),
    ("满300减50，商品320元，到手270元", None, "general"),
    ("只要二十分钟就能做好一桌菜", None, "food"),
    ("免费试饮，正式购买需支付99元", None, "food"),
]


@pytest.mark.parametrize(("text", "channel", "industry"), NEGATIVES)
def test_blind2_classes_negative(text: str, channel: str | None, industry: str) -> None:
    assert not check(text, channel=channel, industry=industry).violations


def test_pinyin_syllable_maps_back_to_the_input() -> None:
    sk = skeleton(fold_block("能zhi疗鼻炎"))
    assert sk.text == "能治疗鼻炎"
    assert sk.span(1, 3) == (1, 5)  # 治疗 → zhi疗
    assert sk.span(1, 2) == (1, 4)  # 治 alone → zhi
    assert sk.span(3, 5) == (5, 7)
    text = "这款贴片kang炎"
    (v,) = check(text, industry="cosmetics").violations
    assert v.text == "kang炎" == text[v.start : v.end]


def test_stylised_digits_and_letters_fold_one_to_one() -> None:
    assert fold("②⑤❽➃") == "2584"
    assert fold("ⓦⓧ🅥Ⓥ") == "wxvv"
    assert fold("第Ⅱ名") == "第2名"
    assert len(fold("①Ⅻⓥ")) == 3
    assert fold("𝐯𝐱 ᵛ ¹³⁸") == "vx v 138"


@pytest.mark.parametrize(("text", "value"), [("三百九", 390), ("一千二", 1200), ("两百五十", 250), ("九十九", 99),
                                           ("两百多", 299), ("三千", 3000)])
def test_chinese_numeral_prices(text: str, value: float) -> None:
    from wenan.comply._offers import _cn_money

    assert _cn_money(text) == value


def test_weight_loss_figure_in_food_is_one_health_food_claim() -> None:
    report = check("这款魔芋代餐，一个月瘦十二斤", industry="food")
    assert [v.category for v in report.violations] == ["health_food"], report.violations


def test_study_phrase_and_its_figure_are_one_claim() -> None:
    report = check("实验发现，连续使用四周后头发的光泽度提升了40%")
    assert [v.category for v in report.violations] == ["unsupported_data"], report.violations
