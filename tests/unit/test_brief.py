import json

import pytest

from wenan.exceptions import BriefError
from wenan.write import load_brief, parse_brief


def test_cli_overrides_win_and_lists_split(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text("product: 手工酸奶\nselling_points: 无添加；当天现做\nchannel: moments\n", "utf-8")
    brief = load_brief(path, channel="xiaohongshu", tone=None)
    assert brief.product == "手工酸奶"
    assert brief.selling_points == ["无添加", "当天现做"]
    assert brief.channel == "xiaohongshu"


def test_json_brief(tmp_path):
    path = tmp_path / "b.json"
    path.write_text(json.dumps({"product": "咖啡豆", "facts": ["每袋250克"], "length": "短"}), "utf-8")
    brief = load_brief(path)
    assert brief.facts == ["每袋250克"] and brief.length == "short"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("product: 酸奶\ncolour: red\n", "未知字段 'colour'"),
        ("product: [unclosed\n", "不是有效的 YAML/JSON"),
        ("- a\n- b\n", "键值对"),
        ("tone: 亲切\n", "至少需要"),
        ("product: 酸奶\nduration: -3\n", "duration"),
    ],
)
def test_bad_briefs_are_one_clear_error(tmp_path, content, message):
    path = tmp_path / "b.yaml"
    path.write_text(content, "utf-8")
    with pytest.raises(BriefError, match=message):
        load_brief(path)


def test_huge_and_binary_briefs(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_text("product: " + "好" * 400_000, "utf-8")
    with pytest.raises(BriefError, match="过大"):
        load_brief(big)
    binary = tmp_path / "bin.yaml"
    binary.write_bytes(b"\xff\xfe\x00\x81product")
    with pytest.raises(BriefError, match="UTF-8"):
        load_brief(binary)
    with pytest.raises(BriefError, match="无法读取"):
        load_brief(tmp_path / "missing.yaml")


def test_source_fields_enumerate_every_statement():
    brief = parse_brief({"product": "酸奶", "facts": ["每杯 12 元", "地址：文一路 8 号"], "offer": "第二杯半价"})
    ids = [sid for sid, _ in brief.source_fields()]
    assert ids == ["brief.product", "brief.offer", "brief.facts[0]", "brief.facts[1]"]
