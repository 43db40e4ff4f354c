"""Normalisation: every evasion form is matched, and offsets point at the input as given."""

from __future__ import annotations

import pytest

from wenan.comply import check
from wenan.comply._expand import expand_term
from wenan.comply._normalise import fold, fold_block, skeleton, t2s_table


def test_t2s_table_is_one_char_to_one_char() -> None:
    table = t2s_table()
    assert table["國"] == "国" and table["級"] == "级" and table["髮"] == "发"
    assert all(len(k) == 1 and len(v) == 1 for k, v in table.items())


@pytest.mark.parametrize("text", ["國家級頂級面料", "１００％ＮＯ．１", "ABC最好", "髮質乾燥", "plain 中文"])
def test_fold_preserves_length(text: str) -> None:
    assert len(fold(text)) == len(text)
    assert fold_block(text) == fold(text)


def test_fold_values() -> None:
    assert fold("國家級ＡＢＣ１００％") == "国家级abc100%"
    assert fold_block("１００％有效") == "100%有效"
    text = "没有全角"
    assert fold_block(text) is text  # nothing to change: no copy


def test_fold_block_rewrites_sparse_and_dense_text_alike() -> None:
    sparse = "简体文案" * 50 + "國" + "简体 iPhone" * 50
    dense = "國家級頂級面料髮質乾燥" * 30
    for text in (sparse, dense):
        assert fold_block(text) == fold(text)
        assert "國" not in fold_block(text) and "P" not in fold_block(text)


def test_skeleton_drops_separators_between_letters_only() -> None:
    sk = skeleton("最 好*的 99.9% 和 1 3 8")
    assert sk.text == "最好的99.9% 和1 3 8"  # a space after % stays: % is not a letter
    assert sk.span(0, 2) == (0, 3)  # "最 好" in the input
    assert sk.to_input(sk.text.index("的")) == 4


def test_skeleton_without_separators_is_identity() -> None:
    sk = skeleton("这是一段没有分隔符的文字。")
    assert sk.text == "这是一段没有分隔符的文字。" and sk.span(2, 4) == (2, 4)


def test_expand_term_covers_variants_traditional_and_case() -> None:
    forms = expand_term("最好")
    assert {"最好", "zui好", "ZUI好", "Zui好", "蕞好"} <= forms
    assert "國家級" in expand_term("国家级")


CASES = [
    # (text, channel, expected violating span text, rule)
    ("１００％有效", None, "１００％", "absolute.hundred_percent"),
    ("这款國家級工藝", None, "國家級", "absolute.state_grade"),
    ("这是最 好 用的", None, "最 好 用", "absolute.best"),
    ("这是最*好*用的", None, "最*好*用", "absolute.best"),
    ("这是最\u200b好用的", None, "最\u200b好用", "absolute.best"),
    ("这是最🔥好用的", None, "最🔥好用", "absolute.best"),
    ("zui好用的粉底", None, "zui好用", "absolute.best"),
    ("ZUI好用的粉底", None, "ZUI好用", "absolute.best"),
    ("全 网 最 低 价", None, "全 网 最 低 价", "absolute.price"),
    ("姐妹们 看过来，有问题v信我", "xiaohongshu", "v信", "contact.wechat_qq"),
    ("详情 薇信咨询", "xiaohongshu", "薇信", "contact.wechat_qq"),
    ("前面有字 VX：abc_12345", "douyin", "VX：abc_12345", "contact.wechat_qq"),
    ("喜欢的 加 威 了解", "xiaohongshu", "加 威", "contact.wechat_qq"),
    ("咨询扣扣 12345678", "xiaohongshu", "扣扣 12345678", "contact.wechat_qq"),
    ("找我扣扣", "xiaohongshu", "扣扣", "contact.wechat_qq"),
    ("有事 +v 私聊", "xiaohongshu", "+v", "contact.wechat_qq"),
    ("電話 138 1234 5678", "xiaohongshu", "138 1234 5678", "contact.phone"),
]


@pytest.mark.parametrize(("text", "channel", "span", "rule"), CASES)
def test_evasion_forms_map_back_to_input_offsets(text: str, channel: str | None, span: str,
                                                 rule: str) -> None:
    report = check(text, channel=channel)
    hits = [v for v in report.violations if v.rule == rule]
    assert hits, report.violations
    v = hits[0]
    assert v.text == span
    assert text[v.start:v.end] == v.text
    assert v.start == text.index(span)


def test_offsets_hold_after_many_removed_separators() -> None:
    text = "a b c d 最 好 的，" * 20 + "国家级品质"
    report = check(text)
    for v in report.violations:
        assert text[v.start:v.end] == v.text
    assert report.violations[-1].text == "国家级"
