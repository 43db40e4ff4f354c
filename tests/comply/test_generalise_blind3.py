"""Failure classes found on the third blind set, tested with copy written for these tests (not the set's)."""

from __future__ import annotations

import pytest

from wenan.comply import check


def _cats(text: str, industry: str = "general", channel: str = "ecommerce") -> set[str]:
    return {v.category for v in check(text, channel=channel, industry=industry).violations}


PROMO_CONTRADICTIONS = [
    "立减80元！以前卖259，现在只要219",          # 259 - 219 = 40, not 80
    "少花了150块！门市价499，今天389",           # 110, not 150
    "买三送一，等于打了5折",                      # 3 of 4 paid: 7.5折
    "这份礼包完全免费，下单付9.9就能拿走",
    "原价陆拾元，现价柒拾伍元",                  # capital numerals, 60 < 75
    "全场⑤折，260元的外套折后199元",              # 5折 of 260 is 130
    "周年庆仅此一天，明天同样优惠",
]
PROMO_CONSISTENT = [
    "立减40元！以前卖259，现在只要219",
    "买三送一，等于打了7.5折",
    "全场⑤折，260元的外套折后130元",
    "原价柒拾伍元，现价陆拾元",
    "今天18点开抢，原价99元，直降20元",
    "周年庆仅此一天，明天恢复原价",
    "免费领取，仅需支付邮费9.9元",
]


@pytest.mark.parametrize("text", PROMO_CONTRADICTIONS)
def test_promo_arithmetic_contradictions_are_reported(text: str) -> None:
    assert "false_promo" in _cats(text)


@pytest.mark.parametrize("text", PROMO_CONSISTENT)
def test_consistent_promo_arithmetic_is_not_reported(text: str) -> None:
    assert "false_promo" not in _cats(text)


# (text, industry, category that must be reported)
POSITIVES = [
    ("用了这个药枕，老王的尿酸高再也没犯过，糖niao病都不用打胰岛素了", "general", "medical"),
    ("这款泡脚包，糖niao病人喝了一样管用，男士抗pi劳首选", "food", "health_food"),
    ("稳健理财ling风险，随存随取", "finance", "finance"),
    ("这串手链是kai光的，戴上就转运", "general", "superstition"),
    ("zf单位指定采购的办公椅", "general", "authority"),
    ("睡前一杯，改善sleep质量", "food", "health_food"),
    ("奶茶店加盟，陆個月回本", "general", "finance"),
    ("这个艾灸盒每天熏半小时，降压药都能停了", "general", "medical"),
    ("腰间盘突出的朋友，贴这个膏药半个月就能好", "general", "medical"),
    ("脱发不满意？我们承诺无效全额退款", "medical", "medical"),
    ("论吸力，全网没有哪款吸尘器比得上它", "general", "absolute"),
    ("整条街没有比我们更好吃的煎饼", "food", "absolute"),
    ("这款电饭煲在同类产品中稳坐头把交椅", "general", "absolute"),
    ("不少老干部家里都在用这款按摩椅", "general", "authority"),
    ("市政府机关食堂定点采购的菜籽油", "food", "authority"),
    ("曾经为首长掌勺过的师傅亲自下厨", "food", "authority"),
    ("外交部接待外宾用的同款白酒", "food", "authority"),
    ("订餐请拨幺叁玖 捌捌柒柒 陆陆伍伍", "food", "contact"),
    ("益生菌粉能替代胃药，每天一包", "health_food", "health_food"),
    ("山楂丸帮你把血压降下来", "food", "health_food"),
    ("燕窝抗衰，吃出少女肌", "food", "health_food"),
    ("晚饭换成这个，两周掉秤八斤", "food", "health_food"),
    ("入股5万，每季度分红不少于3千", "finance", "finance"),
    ("开个奶茶店，净赚二三十万没问题", "general", "finance"),
    ("这个理财闭眼买都不会亏", "finance", "finance"),
    ("考研冲刺营，拿不到通知书学费全退", "education", "education"),
    ("科目三过不了，补考费我们包了", "education", "education"),
    ("店门口摆上这对金蟾，生意越做越红火", "general", "superstition"),
    ("挂在门上的桃木剑，家里再也不怕脏东西", "general", "superstition"),
    ("手串经大师加持开光，戴着安心", "general", "superstition"),
    ("本诊所全瓷牙，承诺永久不变色", "medical", "medical"),
]
NEGATIVES = [
    ("感冒了多喝热水，一周就好了", "general"),
    ("这道菜十分钟就能好，稍等", "food"),
    ("高血压患者不要擅自停药，降压药能不能停请遵医嘱", "general"),
    ("ping果手机壳，pi卡丘图案", "general"),
    ("市面上没有哪款手机是十全十美的", "general"),
    ("没有比周末睡到自然醒更幸福的事", "general"),
    ("天冷了记得爱护肝脏，早点睡觉", "general"),
    ("减肥期间想吃零食？这款海苔每包只有30千卡", "food"),
    ("谨防“保本保息”的理财骗局，高收益必然伴随高风险", "finance"),
    ("公司领导来参观了我们的新车间", "general"),
    ("祝各位新年生意兴隆，欢迎光临", "general"),
    ("理财产品收益不保证，过往业绩不代表未来", "finance"),
]


@pytest.mark.parametrize(("text", "industry", "category"), POSITIVES)
def test_disguised_and_paraphrased_claims(text: str, industry: str, category: str) -> None:
    assert category in _cats(text, industry, "douyin"), check(text, channel="douyin", industry=industry).violations


@pytest.mark.parametrize(("text", "industry"), NEGATIVES)
def test_lawful_copy_near_new_patterns(text: str, industry: str) -> None:
    assert not _cats(text, industry, "douyin")
