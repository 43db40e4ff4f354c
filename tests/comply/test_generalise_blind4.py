"""Failure classes found on the fourth blind set (now a development set), tested with copy written for these tests.

None of these sentences is taken from ``benchmarks/data/comply_blind4_cases.jsonl``: each exercises the general
mechanism behind a class (a warning or a denial around a claim word, the rule text quoted, slang and evasive
spellings of rankings, refunds that guarantee a result, payback periods, lucky objects, …), and every class has
hard negatives next to it. Positives assert the category and the span the checker reports.
"""

from __future__ import annotations

import pytest

from wenan.comply import check

from .support import found as _found

# (text, channel, industry, category, reported span)
POSITIVES = [
    # 1. ranking slang and evasive spellings of 第一; a rhetorical "can you find better? no"
    ("这台空气炸锅可是全网销冠，一年卖出十几万台", "douyin", "general", "absolute", "销冠"),
    ("同价位的耳机里，它的降噪排头一名", "douyin", "general", "absolute", "排头一名"),
    ("手感第yi的机械键盘", "douyin", "general", "absolute", "第yi"),
    ("音质第yī的蓝牙音箱", "douyin", "general", "absolute", "第yī"),
    ("你还能买到比这双更轻的跑鞋吗？买不到的！", "douyin", "general", "absolute",
     "还能买到比这双更轻的跑鞋吗？买不到的"),
    ("还有比我家更香的卤鸭吗？没有！", "douyin", "food", "absolute", "还有比我家更香的卤鸭吗？没有！"),
    ("我们店的镇店之宝红烧肘子，人气第一", "douyin", "food", "absolute", "第一"),
    # 2. medical-industry results promised: lasting removal, certain outcome, refund on failure
    ("光子脱毛一次性根除，永不复长", "xiaohongshu", "medical", "medical", "一次性根除，永不复长"),
    ("全飞秒手术承诺术后摘镜", "xiaohongshu", "medical", "medical", "承诺术后摘镜"),
    ("植发手术不成功免费重做", "xiaohongshu", "medical", "medical", "不成功免费重做"),
    ("种了这个枕头三个月，降糖药也不用再吃了", "xiaohongshu", "general", "medical", "药也不用再吃了"),
    # 3. finance: W for 万, ease + amount, payback in either order, 个点, loss borne by the seller
    ("奶茶店招商，开业三个月月入破W", "douyin", "general", "finance", "月入破W"),
    ("做我们的社区团购，一年稳稳二三十万", "douyin", "general", "finance", "一年稳稳二三十万"),
    ("八个月就把前期投入挣回来了", "douyin", "general", "finance", "八个月就把前期投入挣回来"),
    ("自助洗车加盟，回本时间只要5个月", "douyin", "general", "finance", "回本时间只要5个月"),
    ("每季度都有3个点的分红", "moments", "finance", "finance", "每季度都有3个点的分红"),
    ("钱放在我们这里，亏了我来赔", "moments", "finance", "finance", "亏了我来赔"),
    ("投进来的钱一分钱都不会少", "moments", "finance", "finance", "投进来的钱一分钱都不会少"),
    # 4. education: refund or free retake until the result; certainty idioms
    ("报我们驾校，考不到驾照学费全退", "douyin", "education", "education", "考不到驾照学费全退"),
    ("教资面试不过退钱", "douyin", "education", "education", "不过退钱"),
    ("没考上？我们带你复读到考上为止", "douyin", "education", "education", "带你复读到考上为止"),
    ("跟着老师刷题，拿证是十拿九稳的事", "douyin", "education", "education", "拿证是十拿九稳"),
    # 5. health food: instant sleep, vessel cleansing, down arrows, no more doctor, pinyin hu, 叁高
    ("晚饭后一杯桂圆莲子羹，沾枕头就着", "douyin", "food", "health_food", "沾枕头就着"),
    ("坚持喝，血管里的斑块都化掉了", "douyin", "food", "health_food", "血管里的斑块都化掉"),
    ("每天一杯，尿酸↓↓", "douyin", "food", "health_food", "尿酸↓↓"),
    ("每天冲一包，诊所都不用跑了", "douyin", "health_food", "health_food", "诊所都不用跑了"),
    ("枸杞菊花茶，熬夜hu眼", "douyin", "food", "health_food", "hu眼"),
    ("苦瓜粉降叁高", "douyin", "food", "health_food", "降叁高"),
    # 6. cosmetics: regrowth counted, lines gone, allergy cured, pinyin of banned words
    ("涂了这瓶生发液三个月，发际线长出不少新头发", "xiaohongshu", "cosmetics", "cosmetics", "发际线长出不少新头发"),
    ("产后肚皮上的纹，抹了两个月纹路都不见了", "xiaohongshu", "cosmetics", "cosmetics", "纹路都不见了"),
    ("敏感肌用了这瓶修护乳，脸再也不泛红过敏了", "xiaohongshu", "cosmetics", "cosmetics", "再也不泛红过敏了"),
    ("淡ban精华，坚持用", "xiaohongshu", "cosmetics", "cosmetics", "淡ban"),
    ("yi美级修护面膜", "xiaohongshu", "cosmetics", "cosmetics", "yi美级"),
    # 7. superstition: luck of a named kind, a statue credited with business, household peace, winnings
    ("书房摆一座文昌塔，孩子的学业运噌噌往上涨", "xiaohongshu", "general", "superstition", "学业运噌噌"),
    ("收银台请了一尊弥勒，生意越来越好", "xiaohongshu", "general", "superstition", "生意越来越好"),
    ("这对麒麟往门口一摆，一家人就和和美美了", "xiaohongshu", "general", "superstition", "一家人就和和美美"),
    ("戴了这串手链，连中两次奖", "xiaohongshu", "general", "superstition", "连中两次奖"),
    ("发财树放上就旺", "xiaohongshu", "general", "superstition", "放上就旺"),
    ("挂上这串五帝钱，小人退散", "xiaohongshu", "general", "superstition", "小人退散"),
    # 8. authority: a local official's praise, state gifts, made for officers, pinyin of 军
    ("县长来园区调研，喝了一杯直夸好茶", "douyin", "food", "authority", "县长来园区调研，喝了一杯直夸"),
    ("这套瓷器被选为国礼", "douyin", "general", "authority", "被选为国礼"),
    ("专门为军区首长定制的皮带", "douyin", "general", "authority", "为军区首长定制的"),
    ("jun队特供的压缩饼干", "douyin", "food", "authority", "jun队特供"),
    # 9. unsupported data: a multiple of ordinary goods, saving figures, the rate after the number, more crowds
    ("吸力是普通吸尘器的两倍", "douyin", "general", "unsupported_data", "是普通吸尘器的两倍"),
    ("这台空调一年能省电300度", "douyin", "general", "unsupported_data", "一年能省电300度"),
    ("洗衣机筒自洁99%除螨", "douyin", "general", "unsupported_data", "99%除螨"),
    ("七成业主装修都选这款地板", "douyin", "general", "unsupported_data", "七成业主"),
    ("据diao研，女生最爱这个色号", "douyin", "general", "unsupported_data", "据diao研"),
    # 10. contact: the other order, a named official account, details hidden in the profile
    ("有事去绿泡泡上戳我", "xiaohongshu", "general", "contact", "去绿泡泡上戳我"),
    ("关注我们公众号「阿花的厨房」", "xiaohongshu", "food", "contact", "关注我们公众号「阿花的厨房」"),
    ("电话写在主页简介里", "douyin", "general", "contact", "电话写在主页"),
    ("私信不回的话加V，号码在我头像", "douyin", "general", "contact", "加V，号码在我头像"),
]


@pytest.mark.parametrize(("text", "channel", "industry", "category", "span"), POSITIVES)
def test_blind4_classes_are_reported(text: str, channel: str, industry: str, category: str, span: str) -> None:
    found = _found(text, industry, channel)
    assert (category, span) in found, found


# (text, channel, industry): hard negatives for the same classes, and the warnings and denials that set 4 showed.
NEGATIVES = [
    # warnings, debunking questions, denials, the rule text quoted
    ("谨防所谓“包治百病”的神药，有病请去正规医院", "xiaohongshu", "general"),
    ("当心那些号称“一次根治”的小广告", "xiaohongshu", "general"),
    ("稳赚不赔？醒醒吧，投资都有风险", "xiaohongshu", "finance"),
    ("保本保息？不可能的，理财有风险", "xiaohongshu", "finance"),
    ("包过班？别信，考试只能靠自己", "xiaohongshu", "education"),
    ("普通食品不得宣称护肝、降血脂这些功能", "xiaohongshu", "food"),
    ("面霜不允许标注抗敏、修复屏障之类的字样", "xiaohongshu", "cosmetics"),
    ("我们只卖新鲜蔬菜，不卖什么神药", "moments", "food"),
    ("评论区问有没有补肾的？没有哦，我们是卖茶叶的", "moments", "food"),
    ("高血压要按时吃药，尽早规范治疗", "xiaohongshu", "general"),
    ("再也不会长痘了？别想了，作息最重要", "xiaohongshu", "cosmetics"),
    # ranking words and slang in other senses
    ("恭喜门店销冠小李，本月业绩破纪录", "douyin", "general"),
    ("儿子跑步比赛拿了头一名", "douyin", "general"),
    ("本店招牌菜里，这道红烧肉卖得最好", "douyin", "food"),
    ("还能找到比这更好的吗？欢迎留言推荐", "douyin", "general"),
    ("还有比周末睡懒觉更舒服的事吗", "douyin", "general"),
    # medical and education look-alikes
    ("预约失败请重新提交，退款原路返回", "xiaohongshu", "medical"),
    ("手术有风险，我们不承诺失败退款", "xiaohongshu", "medical"),
    ("他从小学到考上大学都在这个小区", "douyin", "education"),
    ("不过退货要自己付运费", "douyin", "education"),
    ("孩子读到初二了，成绩一直稳定", "douyin", "education"),
    ("录取结果稳了吗？还要等学校通知", "douyin", "education"),
    # finance look-alikes
    ("每天轻松一万步，身体棒棒的", "douyin", "general"),
    ("每个月房租两三万，压力不小", "douyin", "general"),
    ("利率下调了0.5个点", "moments", "finance"),
    ("每个月血糖降了2个点，医生说控制得不错", "moments", "general"),
    ("回本周期因门店位置而异", "douyin", "general"),
    # health food and cosmetics look-alikes
    ("我家就在医院对面，看病都不用跑了", "moments", "food"),
    ("牛仔裤洗了几次，印花纹都没了", "xiaohongshu", "general"),
    ("剪短以后，头发长出来了再去染", "xiaohongshu", "cosmetics"),
    ("定期测量血压，血压计放在床头", "douyin", "food"),
    # superstition look-alikes
    ("转运珠手链，足金，可刻字", "ecommerce", "general"),
    ("请了个好厨师，生意越来越好", "xiaohongshu", "food"),
    ("新菜摆上就卖光了", "xiaohongshu", "food"),
    ("东西放好就发快递", "ecommerce", "general"),
    ("蟑螂屋往墙角一放，家里就清净了", "xiaohongshu", "general"),
    ("老公戴上就帅了", "xiaohongshu", "general"),
    # authority and data look-alikes
    ("客户公司的销售部长来考察，说我们报价合理", "douyin", "general"),
    ("国宴大厨退休后开了这家私房菜馆", "douyin", "food"),
    ("本产品一年省电300度（据中国质量认证中心2023年检测报告编号A123）", "douyin", "general"),
    # contact look-alikes
    ("主页有我的穿搭合集", "xiaohongshu", "general"),
    ("手机壳在主页橱窗", "xiaohongshu", "general"),
    ("电话手表在主页橱窗里", "xiaohongshu", "general"),
    ("关注我，每周更新菜谱", "xiaohongshu", "food"),
]


@pytest.mark.parametrize(("text", "channel", "industry"), NEGATIVES)
def test_blind4_lookalikes_stay_clean(text: str, channel: str, industry: str) -> None:
    assert not check(text, channel=channel, industry=industry).violations, _found(text, industry, channel)


PROMO_CONTRADICTIONS = [
    "三件7折，单件50元，三件到手120元",        # 3 × 50 × 0.7 = 105
    "打对折！原价160，现在只要100",             # half of 160 is 80
    "价格直接砍掉一半，以前卖300，现在只要200",
    "免费学游泳，每节课时费80元",               # the learning itself said to be free, then charged
    "0元上课！报名后缴纳课程费699元",
]
PROMO_CONSISTENT = [
    "三件7折，单件50元，三件到手105元",
    "打对折！原价120，现价60",
    "免费试听一节，学费每学期3000元",           # a free trial, then the course
    "免费试学一周，报名后缴纳学费1280元",
    "0元学舞蹈，正式课程学费2000元",
    "两件8折，单件100元，两件到手160元，再送一双袜子",
]


@pytest.mark.parametrize("text", PROMO_CONTRADICTIONS)
def test_promo_contradictions_new_forms(text: str) -> None:
    assert "false_promo" in {c for c, _ in _found(text, "general", "douyin")}


@pytest.mark.parametrize("text", PROMO_CONSISTENT)
def test_promo_consistent_new_forms(text: str) -> None:
    assert "false_promo" not in {c for c, _ in _found(text, "general", "douyin")}


def test_a_warning_does_not_clear_a_later_claim() -> None:
    """The warning covers its own clause or question only: the seller's claim after it still stands."""
    found = _found("别信别家的夸张宣传，我们的祛痘膏真的能根治痘痘", "general", "xiaohongshu")
    assert ("medical", "根治") in found, found
    found = _found("零风险？当然！开店稳赚", "finance", "douyin")
    assert ("finance", "零风险") in found and ("finance", "稳赚") in found, found
    found = _found("警惕市面上的假货，我们家的神药正品保障", "general", "douyin")
    assert ("medical", "神药") in found, found
    found = _found("包过？当然！我们签协议", "education", "douyin")
    assert ("education", "包过") in found, found


def test_refund_for_satisfaction_is_not_a_result_guarantee() -> None:
    assert not _found("护理用品不满意全额退款，7天无理由", "medical", "xiaohongshu")
