"""The closed vocabularies of the checker: violation categories, channels and industries.

Kept in code (not YAML) so ``import wenan.comply`` can expose them without reading a file; the rule packs
are validated against these names at load time.
"""

from __future__ import annotations

from ..exceptions import UnknownNameError

#: Violation categories, in the order reports and docs list them.
CATEGORY_LABELS: dict[str, str] = {
    "absolute": "绝对化用语（极限词）",
    "medical": "医疗用语与疾病治疗功能",
    "cosmetics": "化妆品功效宣称",
    "health_food": "食品、保健食品功能宣称",
    "finance": "收益保证与投资回报承诺",
    "education": "教育培训效果保证",
    "superstition": "封建迷信",
    "false_promo": "自相矛盾的价格与促销信息",
    "authority": "国家机关名义与官方背书",
    "contact": "站外导流与联系方式",
    "unsupported_data": "无出处的数据与研究结论",
}
CATEGORIES: tuple[str, ...] = tuple(CATEGORY_LABELS)

#: Where the copy will be published. ``None`` means "not known yet": channel-only rules become advisories.
CHANNEL_LABELS: dict[str, str] = {
    "moments": "微信朋友圈（私域，可留联系方式）",
    "xiaohongshu": "小红书笔记（禁止站外导流）",
    "douyin": "抖音（禁止站外导流）",
    "ecommerce": "电商详情页（禁止引导站外交易）",
}
CHANNELS: tuple[str, ...] = tuple(CHANNEL_LABELS)

#: What is being advertised. Decides which sector rules of the 广告法 apply and how hard.
INDUSTRY_LABELS: dict[str, str] = {
    "general": "通用（行业未知时的默认值：通用规则加上各行业中不会误伤的部分）",
    "cosmetics": "化妆品（含特殊化妆品宣称限制）",
    "food": "普通食品（不得宣称保健或治疗功能）",
    "health_food": "保健食品（只能宣称批准的保健功能）",
    "medical": "医疗、药品、医疗器械（第十六条从严）",
    "finance": "金融理财、招商加盟等有投资回报预期的服务",
    "education": "教育培训",
    "real_estate": "房地产",
}
INDUSTRIES: tuple[str, ...] = tuple(INDUSTRY_LABELS)

# Users and briefs name industries in Chinese; these spellings resolve to the ids above.
_INDUSTRY_ALIASES: dict[str, str] = {
    "通用": "general", "其他": "general",
    "化妆品": "cosmetics", "美妆": "cosmetics", "护肤": "cosmetics", "护肤品": "cosmetics",
    "彩妆": "cosmetics",
    "食品": "food", "零食": "food", "饮品": "food", "餐饮": "food",
    "保健食品": "health_food", "保健品": "health_food",
    "医疗": "medical", "医药": "medical", "药品": "medical", "医疗器械": "medical", "医美": "medical",
    "金融": "finance", "理财": "finance", "投资": "finance", "招商": "finance", "加盟": "finance",
    "教育": "education", "培训": "education", "教育培训": "education",
    "房地产": "real_estate", "地产": "real_estate", "房产": "real_estate",
}
_CHANNEL_ALIASES: dict[str, str] = {
    "朋友圈": "moments", "小红书": "xiaohongshu", "抖音": "douyin", "电商": "ecommerce",
    "详情页": "ecommerce",
}


def resolve_channel(channel: str | None) -> str | None:
    if channel is None:
        return None
    key = channel.strip().lower()
    key = _CHANNEL_ALIASES.get(key, key)
    if key not in CHANNEL_LABELS:
        raise UnknownNameError("渠道", channel, CHANNELS)
    return key


def resolve_industry(industry: str | None) -> str:
    if industry is None or not industry.strip():
        return "general"
    key = industry.strip().lower()
    key = _INDUSTRY_ALIASES.get(key, key)
    if key not in INDUSTRY_LABELS:
        raise UnknownNameError("行业", industry, INDUSTRIES)
    return key
