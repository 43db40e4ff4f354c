"""Failure classes found on the ninth blind set (now a development set): plain wordings and precision.

None of these sentences is taken from ``benchmarks/data/comply_blind9_cases.jsonl``: each exercises the general
class behind a miss or a false alarm. Precision: a seller comparing sizes or models of its own range, a product's
time order (最新推出), a tip on the moment of use (开瓶后…此时…最), a fact of geography, a disclaimer that does not
promise a superlative, public-health education (防治知识), a share of students that is data rather than a promise, and
an efficacy rate in a cosmetic ad that is data rather than a cure rate. Plain wordings: a region with an attribute
and 第一, medical results promised (N个疗程包好, 管一辈子, 不会有任何不适, 保证达到1.5, 一次就能断根) or told as a
user's story (高血压已经好了), pregnancy marks (孕纹), breast/face/body/germ claims of a cosmetic and weight or
eye-strain effects of a food told as results, food functions (利尿消肿, 增强体力), a result asserted as
certain (一定见效), a named medicine (二甲双胍, 他汀), rental and principal promises, safer than a bank, a value that
only rises, exam setters, fees waived or retakes without end when a result is missed, the staff of state organs
using the goods, an official cutting the ribbon and praising, contact details pointed at in the profile, and test
results or shares with no source. Every class has hard negatives next to positives that must stay flagged.
"""

from __future__ import annotations

import pytest

from wenan.comply import check

from .support import found as _found

# Texts that must not be flagged at all.
NEGATIVES = [
    # 1. the seller's own range: sizes, models, flavours counted
    ("店里三种规格的保温杯里，这个容量最大，适合一家人出游", "ecommerce", "general"),
    ("我们家五个型号的电饭煲中，这台做饭最快", "ecommerce", "general"),
    # 2. time order of the seller's own products
    ("这是品牌上个月最新发布的一款登山包，有两种颜色", "xiaohongshu", "general"),
    # 3. a tip on the moment of use
    ("面包出炉后放凉十分钟，这时口感最松软", "ecommerce", "food"),
    ("冷萃咖啡开盖后请冷藏，此时风味最浓", "ecommerce", "food"),
    # 4. geography
    ("小木屋就在全省最大的淡水湖边上，推窗就是湖景", "xiaohongshu", "general"),
    ("民宿对面就是这一带最高的山，清晨云海很美", "xiaohongshu", "general"),
    # 5. a disclaimer does not promise the superlative
    ("理财有风险，本产品不承诺最低回报", "moments", "finance"),
    # 6. public-health education about a disease
    ("街道卫生站周末开展高血压防治知识讲座，免费测血压", "moments", "general"),
    ("社区医生上门做痛风防治宣传，发放健康手册", None, "general"),
    # 7. a share of students stated with a dated, named survey
    ("据本校2025年7月对312名学员的问卷，81%认为口语有进步", "xiaohongshu", "education"),
    # 8. medical ads: what may really be said
    ("术后如有任何不适请及时复诊，护士24小时值班", "moments", "medical"),
    ("角膜塑形需定期复查，视力检查结果因人而异", "moments", "medical"),
    # 9. a cold that is over by itself; no product credited
    ("孩子感冒已经好了，这周末照常来上游泳课", "moments", "general"),
    ("等爷爷的病好了，全家一起去海边", "moments", "general"),
    # 10. ordinary words next to the new lexicon
    ("这款茶喝着清爽，冬瓜荷叶都是自家种的", "ecommerce", "food"),
    ("这款理财比存定期划算一点，但收益会浮动", "moments", "finance"),
    ("普洱茶越放越香，适合慢慢品", "ecommerce", "food"),
    ("再好的护肤品也比不上早睡早起", "xiaohongshu", "general"),
    ("没有谁能一直不犯错，慢慢来", "xiaohongshu", "general"),
    ("再也找不到第二个像外婆这样疼我的人", "moments", "general"),
    ("跟着私教撸铁两个月，腰围小了四厘米，身体乳只是日常保湿", "xiaohongshu", "cosmetics"),
    ("胸部按摩霜使用时避开伤口，孕期请咨询医生", "ecommerce", "cosmetics"),
    ("沐浴露泡沫绵密，能洗去汗渍和油脂", "ecommerce", "cosmetics"),
    ("连着加班一周，眼睛酸涩，周末好好睡一觉", "moments", "food"),
    ("这次单元测验想考好，还得把错题再过一遍", "xiaohongshu", "education"),
    ("我们的店开在县政府食堂对面，午饭时间人多", "moments", "food"),
    ("今年的游客比去年少了一半，景区不用排队", "xiaohongshu", "general"),
    ("老师带大家分析近五年中考命题规律，课后每天出题给孩子练", "xiaohongshu", "education"),
    ("课上用改编过的高考真题做练习", "xiaohongshu", "education"),
    ("交警提醒：骑电动车一定要戴头盔", "douyin", "general"),
    ("消防救援站的队员们今天来小区做消防演练", "xiaohongshu", "general"),
    ("主页的电话手表测评可以翻翻看", "xiaohongshu", "general"),
    ("头像是我家猫，简介里写了店铺营业时间", "xiaohongshu", "general"),
    ("经检测，本品各项指标符合国家标准", "ecommerce", "food"),
    ("这款面霜经检测有效率92%（检测报告编号：HX2025-0318，鸿信检测中心）", "ecommerce", "cosmetics"),
    ("保健食品不一定见效，请按说明食用", "ecommerce", "health_food"),
    ("本品不能代替阿司匹林等药物，服药请遵医嘱", "ecommerce", "health_food"),
]


@pytest.mark.parametrize(("text", "channel", "industry"), NEGATIVES)
def test_blind9_ranges_tips_disclaimers_and_plain_words_stay_clean(text: str, channel: str | None,
                                                                   industry: str) -> None:
    assert not check(text, channel=channel, industry=industry).violations, _found(text, industry, channel or "")


# (text, channel, industry, category, reported span)
POSITIVES = [
    # the seller named without a range, or an outward comparison: still claims
    ("我们家的保温杯是最保暖的", "ecommerce", "general", "absolute", "最"),
    ("全市同类保温杯里，这个容量最大", "ecommerce", "general", "absolute", "最"),
    ("这时候下单，全网最低价", "douyin", "general", "absolute", "全网最低价"),
    # a region, an attribute, 第一
    ("老街这家卤味，全镇味道第一", "moments", "food", "absolute", "第一"),
    ("敢说我家的橙子全城甜度第一", "xiaohongshu", "food", "absolute", "第一"),
    # the others said to fall short, in plain words
    ("同等价位的电动牙刷，没有谁的续航能超过我们", "douyin", "general", "absolute", "没有谁的续航能超过我们"),
    ("再有名的牌子也比不上这款，洗完头皮清清爽爽", "xiaohongshu", "general", "absolute", "再有名的牌子也比不上这款"),
    ("隔壁几家的包子跟我家一比都得靠边站", "moments", "food", "absolute", "隔壁几家的包子跟我家一比都得靠边站"),
    ("逛遍了夜市，再也找不到第二家烤串比这家香的", "xiaohongshu", "food", "absolute", "再也找不到第二家烤串比这家香的"),
    # medical ads: results and safety promised
    ("推拿门诊专治腰肌劳损，两个疗程包好", "xiaohongshu", "medical", "medical", "两个疗程包好"),
    ("本院专科治疗白癜风，一次就能除根", "moments", "medical", "medical", "一次就能除根"),
    ("种植牙选我们，做一次保终身", "moments", "medical", "medical", "保终身"),
    ("激光祛斑，术后绝不会留下疤痕", "moments", "medical", "medical", "绝不会留下疤痕"),
    ("近视手术后视力承诺恢复到5.0", "xiaohongshu", "medical", "medical", "承诺恢复到5.0"),
    # a user's story: the disease is over
    ("这款枸杞茶我舅舅喝了三个月，复查说他的痛风已经好了", "moments", "food", "medical", "痛风已经好了"),
    ("这副护眼贴用了半年，女儿的近视就不用戴眼镜了", "douyin", "general", "medical", "近视就不用戴眼镜了"),
    # an efficacy rate where a treatment is the subject
    ("这款理疗贴治疗肩周炎，有效率高达96%", "douyin", "general", "medical", "治疗"),
    # pregnancy marks
    ("孕期按摩油，每天涂抹淡化孕期纹", "xiaohongshu", "cosmetics", "cosmetics", "淡化孕期纹"),
    ("产后修护霜，抹了两个月孕纹没了", "xiaohongshu", "cosmetics", "cosmetics", "孕纹没了"),
    # cosmetics: breast, face, body and germ-killing claims told as results; new hair in a thin patch
    ("丰盈精油每晚按摩，胸型会越来越饱满", "xiaohongshu", "cosmetics", "cosmetics", "胸型会越来越饱满"),
    ("这款V脸霜涂了半个月，双下巴都消下去了", "douyin", "cosmetics", "cosmetics", "双下巴都消下去"),
    ("纤体乳每天涂两次，大腿围细了两厘米", "ecommerce", "cosmetics", "cosmetics", "大腿围细了两厘米"),
    ("这款洗手液一按一搓，手上的病菌全被杀死了", "moments", "cosmetics", "cosmetics", "病菌全被杀死了"),
    ("用了这瓶养发液三个月，发缝那块稀疏的地方长出了小绒毛", "xiaohongshu", "cosmetics", "cosmetics",
     "发缝那块稀疏的地方长出了小绒毛"),
    # food: body measures and eye strain gone, told as results
    ("晚餐换成这款燕麦代餐，喝了三周小肚腩没了", "xiaohongshu", "food", "health_food", "小肚腩没了"),
    ("每天冲一杯枸杞菊花茶，喝了半个月眼睛酸涩都没了", "moments", "food", "health_food", "眼睛酸涩都没了"),
    # food functions, a certain result, a named medicine
    ("赤小豆薏米水，祛水肿特别好", "xiaohongshu", "food", "health_food", "祛水肿"),
    ("人参蜂蜜饮，每天一杯提高体力", "douyin", "food", "health_food", "提高体力"),
    ("这款辅酶Q10胶囊，吃一个月肯定起效", "ecommerce", "health_food", "health_food", "肯定起效"),
    ("纳豆红曲胶囊，效果堪比阿托伐他汀", "ecommerce", "health_food", "health_food", "堪比阿托伐他汀"),
    ("苦瓜片可以替代格列美脲，糖友放心吃", "ecommerce", "food", "health_food", "替代格列美脲"),
    # finance: rent, principal, safety, value
    ("酒店式公寓，开发商保证每年5%的租金收益", "douyin", "general", "finance", "保证每年5%的租金收益"),
    ("投资方承诺年收益八个点，合同三年", "moments", "general", "finance", "承诺年收益八个点"),
    ("项目期满三年全额返还本金，期间按月分红", "moments", "general", "finance", "期满三年全额返还本金"),
    ("这款理财的本金零损失，放心买", "moments", "finance", "finance", "本金零损失"),
    ("钱放在这个平台，比放银行还安全", "xiaohongshu", "finance", "finance", "比放银行还安全"),
    ("限量纪念金条，肯定越藏越值钱", "ecommerce", "general", "finance", "肯定越藏越值钱"),
    # education: exam setters, fees and retakes on a missed result
    ("我们的语文老师参与过本市中考阅卷", "moments", "education", "education", "参与过本市中考阅卷"),
    ("数学组长以前出过中考试卷", "xiaohongshu", "education", "education", "出过中考试卷"),
    ("考研协议班，没上岸，学费一分钱都不收", "douyin", "education", "education", "没上岸，学费一分钱都不收"),
    ("雅思冲刺，达不到目标分无限次重听", "xiaohongshu", "education", "education", "达不到目标分无限次重听"),
    # education: failing said to be impossible, the certificate in hand, a full score in capital numerals
    ("刷完这套题库，期末想考砸都难", "xiaohongshu", "education", "education", "想考砸都难"),
    ("跟着老师练半年，古筝八级证书妥妥拿到手", "moments", "education", "education", "证书妥妥拿到手"),
    ("中考体育冲刺班，保证立定跳远拿满拾分", "moments", "education", "education", "保证立定跳远拿满拾分"),
    # finance: a gain as a floor, nobody failing to get the return
    ("这套学区房现在入手，三年后起码多挣五十万", "douyin", "general", "finance", "起码多挣五十万"),
    ("加盟我们奶茶店的老板，没有一家拿不到年底分红的", "moments", "general", "finance", "没有一家拿不到年底分红的"),
    # authority: the organ's staff using the goods, an official praising
    ("这款头盔，特警支队的队员们都戴这款", "douyin", "general", "authority", "特警支队的队员们都戴这款"),
    ("领事馆的工作人员宿舍里睡的就是这款床垫", "ecommerce", "general", "authority", "领事馆的工作人员宿舍里睡的就是"),
    ("开业那天镇长亲自来剪彩还点赞", "moments", "general", "authority", "镇长亲自来剪彩还点赞"),
    ("这款白茶，区里领导家里也在喝", "moments", "food", "authority", "区里领导家里也在喝"),
    ("自家磨的豆腐，镇政府食堂每天都来订", "moments", "food", "authority", "政府食堂每天都来订"),
    # contact: details pointed at in the profile
    ("价格不方便说，看我主页那个微信", "xiaohongshu", "general", "contact", "主页那个微信"),
    ("要报名的，翻我简介里那串号码", "douyin", "education", "contact", "简介里那串号码"),
    # unsupported data
    ("检测结果显示，这款洗衣液的去污力提升了三成", "ecommerce", "general", "unsupported_data", "检测结果显示"),
    ("经测试，这台空气净化器的除醛率高达九成五", "ecommerce", "general", "unsupported_data",
     "经测试，这台空气净化器的除醛率高达九成五"),
    ("权威机构实测，这款保温杯保温时长是普通杯子的两倍", "ecommerce", "general", "unsupported_data",
     "权威机构实测，这款保温杯保温时长是普通杯子的两倍"),
    ("这款登山鞋的抓地力是同级别鞋款的2倍", "ecommerce", "general", "unsupported_data", "是同级别鞋款的2倍"),
    ("换了变频空调，电费比老空调少了将近一半", "moments", "general", "unsupported_data", "电费比老空调少了将近一半"),
    ("眼霜用了一个月，眼下细纹淡了差不多三成", "xiaohongshu", "cosmetics", "unsupported_data", "细纹淡了差不多三成"),
    ("用这款护眼灯写作业，揉眼睛的次数只有普通台灯的一半", "ecommerce", "general", "unsupported_data",
     "只有普通台灯的一半"),
    ("上过我们冲刺班的学员，95%期末进了年级前百", "moments", "education", "unsupported_data", "95%期末进了"),
]


@pytest.mark.parametrize(("text", "channel", "industry", "category", "span"), POSITIVES)
def test_blind9_plain_wordings_are_reported(text: str, channel: str, industry: str, category: str,
                                            span: str) -> None:
    assert (category, span) in _found(text, industry, channel)


def test_share_of_students_is_data_not_a_promise() -> None:
    """93%提分20分以上 is a statistic: unsupported_data, and no education promise besides it."""
    found = _found("上过寒假班的孩子，90%提分15分以上", "education", "moments")
    assert [cat for cat, _ in found] == ["unsupported_data"], found


def test_efficacy_rate_in_a_cosmetic_ad_is_data_not_a_cure_rate() -> None:
    found = _found("这款祛痘精华经检测有效率高达95%", "cosmetics", "xiaohongshu")
    assert [cat for cat, _ in found] == ["unsupported_data"], found


def test_pointer_to_the_profile_is_contact_only_on_the_platforms() -> None:
    text = "价格不方便说，看我主页那个微信"
    assert not check(text, channel="moments", industry="general").violations
