"""Regenerate the binary / tabular parts of the retrieval test set and ``queries.jsonl``.

Run by hand after editing: ``python tests/kb/data/build_corpus.py``. The .md/.html files in
``corpus/`` are written by hand; catalogues (.csv/.xlsx), manuals (.docx) and queries come from here.
A query is relevant to a passage from ``file`` whose text (or heading path) contains ``contains``.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"

BRANDS = {
    "nuantu": {"name": "暖途", "industry": "户外用品", "words_to_use": ["暖途", "一口热水"]},
    "qinghe": {"name": "青禾", "industry": "护肤", "words_to_use": ["青禾", "玻色因"]},
    "shiwei": {"name": "拾味", "industry": "茶饮零食", "words_to_use": ["拾味"]},
}

NUANTU_HEADER = ["商品名称", "SKU", "价格", "规格", "材质", "颜色", "保温性能"]
NUANTU = [
    ["暖途经典真空保温杯", "BX-350", "139", "350ml", "304不锈钢", "雪山白/岩石灰", "保温6小时"],
    ["暖途真空保温杯Pro", "BX-500", "199", "500ml", "316不锈钢", "雪山白/松林绿/夜空蓝", "保温12小时"],
    ["暖途大容量运动水壶", "BX-750", "229", "750ml", "316不锈钢", "活力橙/曜石黑", "保温12小时"],
    ["暖途户外保温壶", "BX-1200", "299", "1.2L", "316不锈钢", "军绿", "保温24小时"],
    ["暖途钛金属轻量杯", "TI-300", "359", "300ml", "纯钛", "原色", "单层不保温"],
    ["暖途双层钛杯", "TI-450D", "459", "450ml", "双层纯钛", "原色/紫金", "保温4小时"],
    ["暖途焖烧罐", "MS-800", "259", "800ml", "316不锈钢", "奶白", "保温10小时"],
    ["暖途迷你焖烧杯", "MS-450", "189", "450ml", "316不锈钢", "樱花粉", "保温8小时"],
    ["暖途儿童吸管杯", "KD-400", "169", "400ml", "316不锈钢+食品级硅胶", "恐龙绿/独角兽粉", "保温6小时"],
    ["暖途车载咖啡杯", "CF-380", "149", "380ml", "304不锈钢+陶瓷涂层", "咖啡棕", "保温5小时"],
    ["暖途冰霸杯", "IC-900", "239", "900ml", "304不锈钢", "薄荷绿", "保冷24小时"],
    ["暖途茶水分离杯", "TS-420", "219", "420ml", "316不锈钢+玻璃茶仓", "墨黑", "保温8小时"],
    ["暖途折叠露营桌", "CP-T60", "399", "60×40cm", "铝合金", "沙色", ""],
    ["暖途蛋卷露营桌", "CP-T90", "599", "90×60cm", "铝合金+榉木", "原木色", ""],
    ["暖途月亮椅", "CP-C01", "279", "承重150kg", "铝合金+牛津布", "卡其", ""],
    ["暖途户外卡式炉", "CP-S20", "329", "功率2.1kW", "铝合金", "黑色", ""],
    ["暖途保温杯杯套", "AC-101", "29", "适配350-500ml", "氯丁橡胶", "多色可选", ""],
    ["暖途替换杯盖", "AC-102", "39", "适配BX系列", "PP+硅胶", "黑色", ""],
    ["暖途硅胶密封圈3个装", "AC-103", "19", "通用", "食品级硅胶", "透明", ""],
    ["暖途杯刷套装", "AC-105", "25", "长刷+短刷+吸管刷", "尼龙", "灰色", ""],
]

QINGHE_HEADER = ["品名", "货号", "售价", "规格", "功效", "适用肤质", "核心成分"]
QINGHE = [
    ["青禾玻色因紧致面霜", "QH-2031", 299, "50g", "紧致抗皱", "中性/干性", "玻色因10%"],
    ["青禾玻色因精华液", "QH-2032", 359, "30ml", "紧致提拉", "所有肤质", "玻色因15%+胜肽"],
    ["青禾烟酰胺亮肤精华", "QH-1021", 199, "30ml", "提亮肤色、淡化痘印", "所有肤质", "5%烟酰胺"],
    ["青禾神经酰胺修护乳", "QH-1105", 169, "100ml", "修护屏障", "敏感肌", "神经酰胺NP+胆固醇"],
    ["青禾积雪草舒缓面膜", "QH-3011", 99, "25ml×5片", "舒缓泛红", "敏感肌", "积雪草提取物"],
    ["青禾氨基酸洁面乳", "QH-0101", 79, "120g", "温和清洁", "所有肤质", "氨基酸表活"],
    ["青禾水杨酸净痘精华", "QH-1033", 149, "20ml", "疏通毛孔、祛痘", "油性/混合性", "2%水杨酸"],
    ["青禾玻尿酸补水水乳套装", "QH-5001", 259, "水150ml+乳120ml", "补水保湿", "干性/中性", "三重玻尿酸"],
    ["青禾维C焕亮精华", "QH-1041", 229, "30ml", "抗氧化、提亮", "中性/油性", "10%维C乙基醚"],
    ["青禾A醇抗老晚霜", "QH-2045", 329, "40g", "抗老淡纹", "耐受肌", "0.1%视黄醇"],
    ["青禾清透防晒乳", "QH-4001", 139, "50ml SPF50+ PA++++", "防晒", "所有肤质", "新型化学防晒剂"],
    [
        "青禾物理防晒霜",
        "QH-4002",
        159,
        "40g SPF30 PA+++",
        "温和防晒，孕期可用",
        "敏感肌/孕期",
        "氧化锌+二氧化钛",
    ],
    ["青禾紧致眼霜", "QH-2050", 269, "15g", "淡化细纹、黑眼圈", "所有肤质", "咖啡因+玻色因"],
    ["青禾温和卸妆油", "QH-0110", 119, "200ml", "深层卸妆", "所有肤质", "植物油"],
    ["青禾角鲨烷修护油", "QH-1110", 189, "30ml", "滋润修护", "干性肌", "角鲨烷"],
    ["青禾控油平衡爽肤水", "QH-0150", 89, "200ml", "控油收敛", "油性肌", "锌PCA"],
    ["青禾男士焕活面霜", "QH-6001", 199, "50g", "控油保湿", "男士", "烟酰胺+玻尿酸"],
    ["青禾唇部护理膏", "QH-7001", 49, "4g", "滋润、淡化唇纹", "所有人群", "乳木果油"],
    ["青禾身体乳", "QH-8001", 99, "250ml", "滋润、改善鸡皮", "干性身体肌肤", "5%尿素"],
    ["青禾旅行装套盒", "QH-9001", 129, "洁面30g+水30ml+乳30ml+霜15g", "出差旅行", "所有肤质", "四件小样"],
]

SHIWEI_HEADER = ["商品", "编号", "到手价", "规格", "产地", "保质期", "等级/口味"]
SHIWEI = [
    ["拾味明前龙井", "SW-T101", "268", "100g/罐", "浙江杭州西湖产区", "18个月", "特级"],
    ["拾味安吉白茶", "SW-T102", "198", "100g/罐", "浙江安吉", "18个月", "一级"],
    ["拾味正山小种红茶", "SW-T201", "158", "150g/罐", "福建武夷山桐木关", "24个月", "特级"],
    ["拾味滇红金芽", "SW-T202", "228", "100g/罐", "云南凤庆", "24个月", "特级"],
    ["拾味大红袍", "SW-T301", "298", "125g/盒", "福建武夷山", "36个月", "浓香型"],
    ["拾味铁观音", "SW-T302", "168", "250g/罐", "福建安溪", "18个月", "清香型"],
    ["拾味普洱熟茶饼", "SW-T401", "188", "357g/饼", "云南勐海", "长期存放", "2019年压制"],
    ["拾味白毫银针", "SW-T501", "388", "100g/盒", "福建福鼎", "36个月", "特级"],
    ["拾味茉莉花茶", "SW-T601", "98", "200g/袋", "广西横县", "18个月", "七窨"],
    ["拾味桂花乌龙冷泡茶", "SW-C101", "69", "3g×15包", "福建", "18个月", "桂花味"],
    ["拾味每日坚果", "SW-N101", "129", "25g×30袋", "多地原料", "9个月", "原味"],
    ["拾味碧根果", "SW-N102", "79", "500g", "美国/南非", "9个月", "奶油味"],
    ["拾味手剥巴旦木", "SW-N103", "59", "400g", "美国加州", "9个月", "原味"],
    ["拾味黑芝麻丸", "SW-S201", "49", "126g（18颗）", "河南", "12个月", "无蔗糖"],
    ["拾味桃酥", "SW-S202", "39", "400g", "江西", "6个月", "酥香"],
    ["拾味芒果干", "SW-S301", "45", "250g", "泰国", "12个月", "酸甜"],
    ["拾味冻干草莓脆", "SW-S302", "59", "30g×3罐", "山东", "12个月", "原果"],
    ["拾味福满茶点礼盒", "SW-G101", "399", "龙井100g+坚果礼包+茶点", "组合", "见单品", "中秋款"],
    ["拾味雅集商务茶礼盒", "SW-G201", "699", "大红袍125g+白毫银针100g", "组合", "36个月", "商务款"],
    ["拾味白瓷茶具套装", "SW-W101", "268", "盖碗+公道杯+6个品茗杯", "景德镇", "", "白瓷"],
]

NUANTU_MANUAL = [
    ("Heading 1", "BX-500 真空保温杯Pro 使用说明书"),
    ("Heading 2", "产品参数"),
    (
        "table",
        "容量|500ml;内胆材质|316不锈钢;外壳材质|304不锈钢;重量|约 320g;"
        "保温性能|95℃热水 6 小时后≥70℃，12 小时后≥55℃;保冷性能|4℃冰水 12 小时后≤10℃",
    ),
    ("Heading 2", "首次使用"),
    ("p", "拆开包装后，先取下杯盖内的干燥剂。用开水预热 1 分钟再倒入热饮，可以获得更好的保温效果。"),
    ("Heading 2", "正确安装密封圈"),
    (
        "p",
        "密封圈带有凹槽的一面朝下，压入杯盖底部的卡槽，转一圈确认没有翘起。密封圈建议每 6 个月更换一次，"
        "可购买 AC-103 替换装。",
    ),
    ("Heading 2", "清洁保养"),
    (
        "p",
        "每次使用后用中性洗洁精和杯刷清洗，倒置晾干后再盖上杯盖。杯底的水垢可以用柠檬酸溶液浸泡 1 小时去除。",
    ),
    ("Heading 2", "注意事项"),
    (
        "p",
        "水位请勿超过杯口以下 1cm 的水位线，以免拧盖时热水溢出烫伤。请勿装入干冰或碳酸饮料。"
        "请勿让儿童单独使用盛有热水的杯子。",
    ),
    ("Heading 2", "售后服务"),
    ("p", "凭订单号可享 2 年真空保修。售后热线 400-820-1234，工作时间 9:00-18:00。"),
]

QINGHE_ROUTINE = [
    ("Heading 1", "青禾四季护肤指南"),
    ("Heading 2", "基础护肤步骤"),
    ("p", "早上：洁面 → 爽肤水 → 精华 → 乳液或面霜 → 防晒。晚上：卸妆 → 洁面 → 爽肤水 → 精华 → 面霜。"),
    ("p", "每一步间隔约 1 分钟，等上一步吸收后再用下一步。"),
    ("Heading 2", "春季护理"),
    ("p", "春季花粉多，皮肤容易敏感。减少去角质频率，每周最多 1 次，多用修护类产品。"),
    ("Heading 2", "夏季护理"),
    ("p", "夏季油脂分泌旺盛，选择清爽质地；油皮早上可以只用水杨酸精华控油，防晒一定要足量。"),
    ("Heading 2", "秋季护理"),
    ("p", "换季干燥，加入神经酰胺和角鲨烷修护油，面霜用量可以适当增加。"),
    ("Heading 2", "冬季护理"),
    ("p", "空气湿度低于 40% 时，建议在面霜后叠加一层修护油锁水；洗澡后 3 分钟内涂抹身体乳。"),
    ("Heading 2", "产品用量"),
    ("p", "精华每次 2-3 滴（约 0.5ml），面霜约黄豆大小，眼霜约米粒大小，双眼共用。"),
]

SHIWEI_GIFT = [
    ("Heading 1", "拾味企业礼赠服务"),
    ("Heading 2", "定制服务"),
    ("p", "礼盒外包装可定制企业 LOGO 和祝福语，起订量 30 盒，设计稿 2 个工作日内出稿，生产周期 10-15 天。"),
    ("Heading 2", "团购折扣"),
    ("p", "30-99 盒享 9 折，100-499 盒享 85 折，500 盒以上享 8 折并免费提供定制手提袋。"),
    ("Heading 2", "中秋节预订"),
    (
        "p",
        "中秋礼盒每年 7 月 1 日开放预订，8 月 20 日前下单保证节前送达。"
        "支持一单多地址批量发货，提供 Excel 地址模板。",
    ),
    ("Heading 2", "发票与账期"),
    ("p", "企业客户可开具 6% 税率的增值税专用发票。年采购额 10 万元以上的客户可申请 30 天账期。"),
    ("Heading 2", "联系方式"),
    ("p", "企业采购专线 021-6088-5566，微信 shiwei_gift。"),
]

# (brand, type, query, file, needle)
HAND = [
    # 暖途: paraphrased FAQ, numeric facts, manual, brand page
    ("nuantu", "faq", "杯子能不能放进冰箱冻一下", "faq.md", "不建议放入冷冻室"),
    ("nuantu", "faq", "新买的保温杯有股味道怎么去掉", "faq.md", "小苏打浸泡 30 分钟"),
    ("nuantu", "faq", "可以用来装可乐雪碧吗", "faq.md", "碳酸饮料受热后气压升高"),
    ("nuantu", "faq", "为什么杯子不保温了", "faq.md", "密封圈老化"),
    ("nuantu", "faq", "能扔洗碗机里洗吗", "faq.md", "洗碗机上层"),
    ("nuantu", "faq", "保温杯放微波炉加热行不行", "faq.md", "微波炉中会打火"),
    ("nuantu", "numeric", "真空保温坏了保修几年", "faq.md", "2 年保修"),
    ("nuantu", "numeric", "密封圈这种配件保修多长时间", "faq.md", "保修 6 个月"),
    ("nuantu", "faq", "下单后什么时候发出 发什么快递", "faq.md", "48 小时内从浙江金华仓发货"),
    ("nuantu", "faq", "不想要了能退吗 运费谁出", "faq.md", "7 天内可申请无理由退货"),
    ("nuantu", "numeric", "刻字最多能刻几个字", "faq.md", "最多 12 个汉字"),
    ("nuantu", "numeric", "公司采购两百个打几折", "faq.md", "200 个以上享 8 折"),
    ("nuantu", "faq", "小朋友用哪个杯子合适", "faq.md", "KD-400 儿童吸管杯"),
    ("nuantu", "numeric", "BX-500 装热水12小时后还有多少度", "manual_bx500.docx", "≥55℃"),
    ("nuantu", "numeric", "Pro 款保温杯有多重", "manual_bx500.docx", "约 320g"),
    ("nuantu", "faq", "第一次用之前要做什么准备", "manual_bx500.docx", "取下杯盖内的干燥剂"),
    ("nuantu", "faq", "密封圈装反了怎么办 怎么装", "manual_bx500.docx", "凹槽的一面朝下"),
    ("nuantu", "numeric", "密封圈多久换一次", "manual_bx500.docx", "每 6 个月更换一次"),
    ("nuantu", "faq", "杯底有水垢怎么清理", "manual_bx500.docx", "柠檬酸溶液浸泡 1 小时"),
    ("nuantu", "faq", "热水倒多满比较安全", "manual_bx500.docx", "杯口以下 1cm"),
    ("nuantu", "term", "售后电话是多少", "manual_bx500.docx", "400-820-1234"),
    ("nuantu", "term", "暖途是哪一年成立的", "brand.html", "创立于 2016 年"),
    ("nuantu", "term", "暖途的创始人是谁", "brand.html", "林远"),
    ("nuantu", "term", "让每一次出发都有一口热水", "brand.html", "让每一次出发都有一口热水"),
    ("nuantu", "numeric", "一年买多少钱能升金卡", "brand.html", "年消费满 1000 元升级金卡"),
    ("nuantu", "term", "黑卡会员有什么权益", "brand.html", "免费刻字和专属客服"),
    ("nuantu", "numeric", "积分怎么抵现", "brand.html", "100 积分可抵扣 1 元"),
    ("nuantu", "faq", "旧杯子回收有什么奖励", "brand.html", "30 元无门槛优惠券"),
    ("nuantu", "term", "线下门店在哪里 上海有店吗", "brand.html", "上海来福士广场"),
    ("nuantu", "term", "包装环保吗 有没有泡沫", "brand.html", "FSC 认证纸材"),
    # 青禾
    ("qinghe", "term", "玻色因是什么成分", "ingredients.html", "木糖衍生物"),
    ("qinghe", "term", "烟酰胺用了脸刺痛正常吗", "ingredients.html", "不耐受反应"),
    ("qinghe", "term", "神经酰胺有什么作用", "ingredients.html", "修复屏障"),
    ("qinghe", "term", "闭口黑头用什么成分", "ingredients.html", "疏通闭口和黑头"),
    ("qinghe", "faq", "A醇刚开始怎么用 建立耐受", "ingredients.html", "第一周每周 2 次"),
    ("qinghe", "term", "积雪草苷", "ingredients.html", "积雪草苷"),
    ("qinghe", "faq", "维C和烟酰胺能一起用吗", "ingredients.html", "可以同时使用"),
    ("qinghe", "faq", "A醇能和果酸一起用吗", "ingredients.html", "不建议与高浓度果酸"),
    ("qinghe", "faq", "怀孕了能用哪些护肤品", "faq.md", "孕期和哺乳期请避开"),
    ("qinghe", "numeric", "开封以后能用多久", "faq.md", "开封后建议 12 个月内用完"),
    ("qinghe", "numeric", "没拆的保质期几年", "faq.md", "未开封保质期 3 年"),
    ("qinghe", "faq", "用完脸红肿发痒怎么处理", "faq.md", "立即停用并用清水洗净"),
    ("qinghe", "faq", "怎么查是不是真货", "faq.md", "16 位防伪码"),
    ("qinghe", "faq", "皮肤敏感应该从哪款开始用", "faq.md", "建议从修护开始"),
    ("qinghe", "numeric", "拆封了过敏多少天内能退", "faq.md", "30 天内可退"),
    ("qinghe", "numeric", "退款几天到账", "faq.md", "3 个工作日内原路返回"),
    ("qinghe", "numeric", "试用装多少钱", "faq.md", "9.9 元申领试用装"),
    ("qinghe", "numeric", "面膜敷多少分钟合适", "faq.md", "每次敷 15 分钟"),
    ("qinghe", "numeric", "防晒霜隔多久补一次", "faq.md", "每 2 小时补涂一次"),
    ("qinghe", "faq", "男生油皮推荐什么", "faq.md", "男士焕活面霜"),
    ("qinghe", "faq", "早晚护肤顺序是怎样的", "routine.docx", "洁面 → 爽肤水 → 精华"),
    ("qinghe", "numeric", "每一步之间要等多久", "routine.docx", "间隔约 1 分钟"),
    ("qinghe", "faq", "春天换季过敏怎么护肤", "routine.docx", "春季花粉多"),
    ("qinghe", "faq", "夏天出油多怎么办", "routine.docx", "夏季油脂分泌旺盛"),
    ("qinghe", "faq", "秋天皮肤干用什么", "routine.docx", "角鲨烷修护油"),
    ("qinghe", "numeric", "冬天洗完澡多久内擦身体乳", "routine.docx", "洗澡后 3 分钟内"),
    ("qinghe", "numeric", "精华一次用几滴", "routine.docx", "每次 2-3 滴"),
    ("qinghe", "numeric", "眼霜用多少量", "routine.docx", "眼霜约米粒大小"),
    # 拾味
    ("shiwei", "faq", "泡龙井用多少度的水", "tea_guide.md", "水温 80-85℃"),
    ("shiwei", "numeric", "绿茶放多少茶叶 配多少水", "tea_guide.md", "投茶量 3g 配 150ml"),
    ("shiwei", "numeric", "红茶能泡几次", "tea_guide.md", "可冲泡 6-8 次"),
    ("shiwei", "faq", "滇红怎么泡 出汤时间", "tea_guide.md", "每泡 5-10 秒"),
    ("shiwei", "numeric", "大红袍放多少克茶", "tea_guide.md", "大红袍投茶 8g"),
    ("shiwei", "faq", "普洱熟茶可以煮着喝吗", "tea_guide.md", "熟茶也适合煮饮"),
    ("shiwei", "term", "什么叫老白茶", "tea_guide.md", "存放 3 年以上称为老白茶"),
    ("shiwei", "faq", "冷泡茶怎么做 要放冰箱多久", "tea_guide.md", "冷藏 4-6 小时"),
    ("shiwei", "faq", "绿茶开了包装怎么保存", "tea_guide.md", "绿茶开封后放冰箱冷藏"),
    ("shiwei", "numeric", "普洱存放湿度多少合适", "tea_guide.md", "湿度 60%-70%"),
    ("shiwei", "faq", "几点前下单当天能发", "faq.html", "下午 4 点前付款当天发货"),
    ("shiwei", "numeric", "买多少包邮", "faq.html", "满 99 元包邮"),
    ("shiwei", "faq", "为什么茶叶和坚果分开寄", "faq.html", "分开包裹寄出"),
    ("shiwei", "faq", "零食拆了还能退吗", "faq.html", "一经拆封不支持无理由退换"),
    ("shiwei", "faq", "收到的货发霉了怎么处理", "faq.html", "48 小时内拍照联系客服"),
    ("shiwei", "faq", "对花生过敏能吃你们的坚果吗", "faq.html", "过敏体质请谨慎购买"),
    ("shiwei", "faq", "坚果开袋后怎么保存", "faq.html", "3 天内食用完口感最佳"),
    ("shiwei", "faq", "能开专票吗", "faq.html", "增值税专用发票，订单完成后"),
    ("shiwei", "numeric", "积分有效期多长", "faq.html", "积分有效期 2 年"),
    ("shiwei", "faq", "公司定制礼盒最少要订多少", "gift.docx", "起订量 30 盒"),
    ("shiwei", "numeric", "定制礼盒生产要多久", "gift.docx", "生产周期 10-15 天"),
    ("shiwei", "numeric", "团购一百盒打几折", "gift.docx", "100-499 盒享 85 折"),
    ("shiwei", "faq", "中秋礼盒什么时候开始预订", "gift.docx", "7 月 1 日开放预订"),
    ("shiwei", "faq", "一个订单能寄到多个地址吗", "gift.docx", "一单多地址批量发货"),
    ("shiwei", "faq", "企业客户能有账期吗", "gift.docx", "30 天账期"),
    ("shiwei", "term", "企业采购联系电话", "gift.docx", "021-6088-5566"),
]

SKU_TEMPLATES = [
    "{sku}多少钱",
    "{lower} 是什么规格",
    "{nohyphen}的价格",
    "请问{sku}有哪些颜色或口味",
    "{sku} 参数",
]
NAME_TEMPLATES = ["{name}多少钱", "{short}的规格是多少", "{short}卖多少钱一件", "想买{short}，价格多少"]


def write_catalogues() -> dict[str, tuple[str, list[list[object]], int, int]]:
    with (CORPUS / "nuantu" / "catalog.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([NUANTU_HEADER, *NUANTU])
    # GBK like a Chinese Excel export, to exercise the decoding fallback
    with (CORPUS / "shiwei" / "products.csv").open("w", encoding="gb18030", newline="") as f:
        csv.writer(f).writerows([SHIWEI_HEADER, *SHIWEI])
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "商品目录"
    for row in [QINGHE_HEADER, *QINGHE]:
        sheet.append(row)
    book.save(CORPUS / "qinghe" / "catalog.xlsx")
    # brand -> (file, rows, name column, sku column)
    return {
        "nuantu": ("catalog.csv", NUANTU, 0, 1),
        "qinghe": ("catalog.xlsx", QINGHE, 0, 1),
        "shiwei": ("products.csv", SHIWEI, 0, 1),
    }


def write_docx(path: Path, blocks: list[tuple[str, str]], title: str) -> None:
    import docx

    document = docx.Document()
    document.core_properties.title = title
    for style, text in blocks:
        if style.startswith("Heading"):
            document.add_heading(text, level=int(style.split()[-1]))
        elif style == "table":
            rows = [r.split("|") for r in text.split(";")]
            table = document.add_table(rows=len(rows), cols=2)
            for i, (k, v) in enumerate(rows):
                table.cell(i, 0).text, table.cell(i, 1).text = k, v
        else:
            document.add_paragraph(text)
    document.save(str(path))


def main() -> None:
    catalogues = write_catalogues()
    write_docx(CORPUS / "nuantu" / "manual_bx500.docx", NUANTU_MANUAL, "BX-500 使用说明书")
    write_docx(CORPUS / "qinghe" / "routine.docx", QINGHE_ROUTINE, "青禾四季护肤指南")
    write_docx(CORPUS / "shiwei" / "gift.docx", SHIWEI_GIFT, "拾味企业礼赠服务")
    (HERE / "brands.json").write_text(
        json.dumps(BRANDS, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )

    queries = []
    for slug, (file, rows, name_col, sku_col) in catalogues.items():
        brand = BRANDS[slug]["name"]
        for i, row in enumerate(rows):
            sku, name = str(row[sku_col]), str(row[name_col])
            short = name.removeprefix(brand)
            sku_q = SKU_TEMPLATES[i % len(SKU_TEMPLATES)].format(
                sku=sku, lower=sku.lower(), nohyphen=sku.replace("-", "")
            )
            name_q = NAME_TEMPLATES[i % len(NAME_TEMPLATES)].format(name=name, short=short)
            queries.append((slug, "sku", sku_q, file, sku))
            queries.append((slug, "name", name_q, file, sku))
    queries += HAND
    with (HERE / "queries.jsonl").open("w", encoding="utf-8") as f:
        for n, (slug, kind, query, file, needle) in enumerate(queries, start=1):
            record = {
                "id": f"q{n:03d}",
                "brand": BRANDS[slug]["name"],
                "type": kind,
                "query": query,
                "relevant": [{"file": file, "contains": needle}],
            }
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(queries)} queries")


if __name__ == "__main__":
    main()
