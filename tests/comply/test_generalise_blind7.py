"""Failure classes found on the seventh blind set (now a development set), tested with copy written for these tests.

None of these sentences is taken from ``benchmarks/data/comply_blind7_cases.jsonl``: each exercises the general
mechanism behind a class (a banned word quoted in advice to colleagues, a warning not to expect an effect, a whole
series of quoted words after a rule, a seller that does not claim something, a claim named as a thing that does not
exist, whoever makes the claim is to be distrusted, a quoted word called unfit for advertising, a place at the edge
of a map, the pay of a job on offer). Every class has hard negatives, and positives right next to them — often in
the same text — that must stay flagged.
"""

from __future__ import annotations

import pytest

from wenan.comply import check

from .support import found as _found

# Texts that must not be flagged at all.
NEGATIVES = [
    # 1. a banned word quoted in advice (别说/千万别写 + the word)
    ("做直播带货的新人注意，讲解时千万别写“全网最便宜”，容易被判违规", "douyin", "general"),
    ("写详情页的时候别说“最划算”，换成实在的价格对比", "xiaohongshu", "general"),
    # 2. a warning not to expect an effect
    ("膝盖疼要去骨科拍片，别指望贴几张膏药就能治好", "moments", "general"),
    ("失眠的朋友作息要规律，不要指望一款枕头就能根治", "moments", "general"),
    # 3. a whole quoted series after a rule or a denial
    ("面霜的包装上不得标注“消炎”“抗炎”“处方”这类字眼", "xiaohongshu", "cosmetics"),
    ("这支精华我们从不宣传“消炎”“抗敏”，只说保湿", "xiaohongshu", "cosmetics"),
    # 4. the seller does not claim it (不宣传/不宣称/不承诺)
    ("这款护手霜温和无香精，但我们不宣称抗敏，请先小面积试用", "xiaohongshu", "cosmetics"),
    ("本平台不承诺保本，过往业绩不代表未来表现", "moments", "general"),
    # 5. the claim named as a thing that does not exist; whoever makes it is to be distrusted
    ("考研哪有包过这回事，谁跟你打包票包过都别信", "douyin", "education"),
    ("慢病调理没有根治这种说法，凡是承诺根治的都是骗子", "moments", "general"),
    # 6. a denial with 任何 and a short noun before the word
    ("本店只做肩颈放松推拿，不提供任何疾病治疗", "moments", "general"),
    # 7. a quoted word explained and called unfit for advertising, or called a banned word
    ("导游介绍说“开光”原本是宗教仪式，不应该用来推销商品", "xiaohongshu", "general"),
    ("运营提醒：“史上最低价”属于极限用语，详情页一律删掉", "douyin", "general"),
    # 8. a place at the edge of a map
    ("这家客栈在全岛最南端的渔村，步行五分钟到海边", "xiaohongshu", "general"),
    # 9. the pay of a job on offer
    ("诚聘烘焙师傅两名，底薪5000加提成，月入过万看手艺", "moments", "general"),
]


@pytest.mark.parametrize(("text", "channel", "industry"), NEGATIVES)
def test_blind7_quotations_and_denials_stay_clean(text: str, channel: str, industry: str) -> None:
    assert not check(text, channel=channel, industry=industry).violations, _found(text, industry, channel)


# A denial, warning or quotation next to a real claim: the real claim stays flagged.
# (text, channel, industry, category, reported span)
POSITIVES = [
    # a denial in one sentence, a real claim in the next
    ("我们不承诺保本。这款理财产品保本保息，随时可取", "moments", "finance", "finance", "保本保息"),
    ("这款面膜我们不宣传抗敏。但它能消炎，痘痘一晚就消", "xiaohongshu", "cosmetics", "cosmetics", "消炎"),
    # 别指望 in one clause, a claim of our own in the next
    ("别指望医院了，我们的药茶三天治好咽炎", "moments", "general", "medical", "治好"),
    # 别说 as "let alone", with the claim after a comma
    ("别说三个疗程，一个疗程就能根治", "moments", "general", "medical", "根治"),
    # 这回事 without a negator is not a denial
    ("保过这回事我们说到做到，报名即签协议", "douyin", "education", "education", "保过"),
    # 谁说 without a warning after it affirms the claim
    ("谁跟你说考研不能保过？我们就包过", "douyin", "education", "education", "包过"),
    # a quoted word that the sentence does not call unfit for advertising
    ("这尊“开光”貔貅摆在收银台，生意兴隆", "ecommerce", "general", "superstition", "开光"),
    # a superlative that is not a place on the map
    ("全岛最便宜的海景房，只要199", "xiaohongshu", "general", "absolute", "最"),
    # a recruiting pitch without a wage
    ("招募宝妈兼职，在家带娃也能月入过万", "moments", "general", "finance", "月入过万"),
]


@pytest.mark.parametrize(("text", "channel", "industry", "category", "span"), POSITIVES)
def test_blind7_claims_next_to_denials_are_reported(text: str, channel: str, industry: str, category: str,
                                                    span: str) -> None:
    assert (category, span) in _found(text, industry, channel)


def test_a_quoted_series_without_a_rule_is_still_a_claim() -> None:
    """The quotes alone excuse nothing: only a rule or a denial before the series does."""
    found = _found("这款面霜主打“消炎”“抗敏”，烂脸期也能用", "cosmetics", "xiaohongshu")
    spans = "".join(span for cat, span in found if cat == "cosmetics")
    assert "消炎" in spans and "抗敏" in spans, found


def test_a_denial_does_not_reach_another_clause() -> None:
    """不做任何疾病治疗 covers the word it denies, not a claim made in the next clause."""
    found = _found("本馆不做任何疾病治疗，但艾灸三次就能根治腰椎病", "general", "moments")
    assert ("medical", "根治") in found, found
