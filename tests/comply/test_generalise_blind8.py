"""Failure classes found on the eighth blind set (now a development set), tested with copy written for these tests.

None of these sentences is taken from ``benchmarks/data/comply_blind8_cases.jsonl``: each exercises the general
mechanism behind a class (a claim asked as a question and answered that no one can do it or that it is not that
powerful, a quoted word called against the rules or not to be written so, a figure called not to be taken
seriously, "no need to" as a negated capability, a disclaimer's negator over a whole series, a money word used for a
feeling, a time or place an authority fixes, a pass rate that is data rather than a promise, a therapy dog or a
therapist) and the evasions the normaliser now knows (免yi, 免fei, 冣, 眀, (dot), a rate in full-width digits with
保底). Every class has hard negatives, and positives right next to them that must stay flagged.
"""

from __future__ import annotations

import pytest

from wenan.comply import check

from .support import found as _found

# Texts that must not be flagged at all.
NEGATIVES = [
    # 1. a claim asked as a question, answered that no one can do it or that it is not that powerful
    ("保上岸？没有哪个老师敢打这个包票，踏实复习才是正道", "douyin", "education"),
    ("辟邪？一块木头哪有这么大的能耐，纯粹是图个好看", "xiaohongshu", "general"),
    ("没有任何一家机构可以保证你考进重点高中", "moments", "education"),
    # 2. a quoted word called against the rules, or not to be written so
    ("科普一下：面膜宣传“消炎”“抗敏”都是违规的", "xiaohongshu", "cosmetics"),
    ("“生发”这个词洗发水不能这样写，备案上只能写固发", "xiaohongshu", "cosmetics"),
    # 3. a figure or finding called not to be taken seriously, or answered no
    ("网上“90%的宝妈都回购”的广告词千万别当真", "xiaohongshu", "general"),
    ("研究表明？并没有，我只是自己喝着舒服", "xiaohongshu", "food"),
    # 4. 不需要/无需 as a negated capability
    ("沐浴露无需杀菌，洗干净就行", "douyin", "cosmetics"),
    # 5. a disclaimer's negator covers the whole series
    ("本品为普通食品，不具有美容养颜、排毒等保健作用", "ecommerce", "food"),
    # 6. a money word used for a feeling
    ("周末去爬山，稳赚的是满满的好心情", "xiaohongshu", "general"),
    # 7. a time or place an authority fixes, stated as information
    ("政府规定的烟花燃放区域在河滨公园东侧，其他地方禁止燃放", None, "general"),
    # 8. a therapy dog, a therapist
    ("招募康复治疗师两名，要求持证上岗", None, "general"),
    ("这只金毛是医院的治疗犬，每周陪小朋友做康复", "moments", "general"),
    # 9. an ornament type named, no claim made
    ("陶瓷招财金蟾摆件，手工上釉，送长辈的小礼物", "ecommerce", "general"),
    # 10. a study or test that is still to be done
    ("新配方还有待临床验证，目前不做任何功效宣传", "xiaohongshu", "cosmetics"),
]


@pytest.mark.parametrize(("text", "channel", "industry"), NEGATIVES)
def test_blind8_warnings_disclaimers_and_names_stay_clean(text: str, channel: str | None, industry: str) -> None:
    assert not check(text, channel=channel, industry=industry).violations, _found(text, industry, channel or "")


# (text, channel, industry, category, reported span)
POSITIVES = [
    # a question answered yes, or 哪有不…, affirms the claim
    ("保上岸？我们的学员哪有不上岸的，签约保上岸", "douyin", "education", "education", "保上岸"),
    ("转运？戴上这串，三个月就转运", "xiaohongshu", "general", "superstition", "转运"),
    # a quoted word that nothing calls against the rules
    ("这款精华主打“消炎”，烂脸期也能用", "xiaohongshu", "cosmetics", "cosmetics", "消炎"),
    # 不需要 before another word does not excuse the claim
    ("不需要节食，喝了就能排毒", "ecommerce", "food", "health_food", "排毒"),
    # a series without a disclaimer's negator is a series of claims
    ("这款茶饮降血糖、护肝，天天喝", "ecommerce", "food", "health_food", "降血糖、护肝"),
    # a money word with money after it
    ("跟着老师投，稳赚的是真金白银", "moments", "general", "finance", "稳赚"),
    # an authority that endorses goods, not a time or place
    ("政府指定的接待用茶，品质有保障", "moments", "food", "authority", "政府指定"),
    # a claim about an ornament is still reported
    ("招财金蟾摆在门口，财源滚滚来", "ecommerce", "general", "superstition", "财源滚滚来"),
    # the rate that makes a promise, and a pass rate next to a plain guarantee
    ("85%的考生一次通过，考不过全额退费", "xiaohongshu", "education", "education", "考不过全额退费"),
    # a study cited without a source, in another wording
    ("经实验验证，敏感肌也能放心用", "xiaohongshu", "cosmetics", "unsupported_data", "实验验证"),
    ("这款扫地机器人除甲醛率达95%", "ecommerce", "general", "unsupported_data", "除甲醛率达95%"),
    # evasions: pinyin after 免, variant characters, a spelled-out dot, a rate floor in full-width digits
    ("每天一杯，增强免yi力", "xiaohongshu", "food", "health_food", "增强免yi力"),
    ("本市冣便宜的驾校", "xiaohongshu", "general", "absolute", "冣"),
    ("实验证眀，用它洗碗更干净", "xiaohongshu", "general", "unsupported_data", "实验证眀"),
    ("商务合作 shop(at)brand(dot)cn", "douyin", "general", "contact", "shop(at)brand(dot)cn"),
    ("稳健理财，收益率８％兜底", "moments", "finance", "finance", "收益率８％兜底"),
]


@pytest.mark.parametrize(("text", "channel", "industry", "category", "span"), POSITIVES)
def test_blind8_claims_next_to_the_new_excuses_are_reported(text: str, channel: str, industry: str, category: str,
                                                            span: str) -> None:
    assert (category, span) in _found(text, industry, channel)


def test_free_in_pinyin_followed_by_a_charge() -> None:
    found = _found("免fei试用一次，试用后收取材料费39元", "general", "douyin")
    assert any(cat == "false_promo" for cat, _ in found), found


def test_pinyin_put_back_only_after_its_character() -> None:
    """yi and fei are put back only after 免: elsewhere they stay Latin (a brand, a name)."""
    assert not _found("yi家人一起来，fei常开心", "general", "xiaohongshu")
