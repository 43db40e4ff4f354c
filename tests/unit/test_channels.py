import pytest

from wenan.channels import count_chars, get_channel, list_channels, shape
from wenan.exceptions import UnknownNameError


def test_all_channels_load():
    assert list_channels() == ["douyin", "ecommerce", "moments", "xiaohongshu"]
    with pytest.raises(UnknownNameError, match="可选"):
        get_channel("weibo")


def test_count_chars_ignores_whitespace_and_joiners():
    assert count_chars("早 安\n☀️") == 3


def test_xiaohongshu_title_cut_and_tags_filled():
    spec = get_channel("xiaohongshu")
    raw = ("标题：这是一个非常非常长的标题，超过二十个字了吧真的很长啊\n正文：\n🌿第一段很好喝的酸奶，每天早上一杯。\n"
           "✨第二段说说它的口感非常绵密顺滑。再来一句凑够五十个字的正文内容吧好不好呢朋友们。\n标签：#酸奶 #早餐")
    draft = shape(spec, raw, fallback_tags=["手工酸奶", "鲜奶"])
    assert count_chars(draft.title) <= 20 and draft.title == "这是一个非常非常长的标题"
    assert draft.tags == ["酸奶", "早餐", "手工酸奶"]
    assert not draft.rejected
    assert {f.kind for f in draft.flags} >= {"title_too_long", "too_few_tags"}


def test_xiaohongshu_inline_tags_and_missing_labels():
    spec = get_channel("xiaohongshu")
    raw = ("周末去了一家宝藏面包店\n🍞外皮脆脆的，里面软软的，咬一口满满黄油香。\n"
           "🥐可颂一出炉就被抢光了，建议早点去排队。 #面包 #探店 #周末")
    draft = shape(spec, raw)
    assert draft.title == "周末去了一家宝藏面包店"
    assert draft.tags == ["面包", "探店", "周末"]
    assert "#" not in draft.text


def test_body_over_limit_is_cut_at_sentence_end():
    spec = get_channel("xiaohongshu")
    body = "🌿这是一句话。" * 200
    draft = shape(spec, f"标题：好物\n正文：{body}\n标签：#a #b #c")
    assert count_chars(draft.text) <= 1000 and draft.text.endswith("。")
    assert any(f.kind == "body_too_long" and f.repaired for f in draft.flags)


def test_unparseable_douyin_script_is_rejected():
    draft = shape(get_channel("douyin"), "今天给大家推荐一款酸奶，非常好喝，快来买吧。", duration=15)
    assert draft.rejected and draft.flags[0].kind == "bad_format"


def test_douyin_retimes_shots_to_requested_duration():
    raw = ("镜头1（3秒）\n画面：酸奶特写\n口播：早上六点，我们开始做酸奶。\n字幕：六点开工\n"
           "镜头2（5秒）\n画面：倒奶\n口播：只有牛奶和菌种，不加一滴香精，喝得到奶香。\n字幕：只有奶和菌")
    draft = shape(get_channel("douyin"), raw, duration=10)
    assert [s.index for s in draft.shots] == [1, 2]
    assert abs(sum(s.seconds for s in draft.shots) - 10) < 0.2
    assert not draft.rejected


def test_douyin_drops_repeated_and_cut_off_shots_before_retiming():
    first = "镜头1（3秒）\n画面：酸奶特写\n口播：早上六点，我们开始做酸奶。\n字幕：六点开工\n"
    second = "镜头{n}（2秒）\n画面：倒奶\n口播：只有牛奶和菌种，不加一滴香精！\n字幕：只有奶和菌\n"
    raw = first + "".join(second.format(n=n) for n in (2, 3, 4)) + "镜头5（2秒）\n画面：店员把奶桶"
    draft = shape(get_channel("douyin"), raw, duration=10)
    assert [(s.index, s.voiceover) for s in draft.shots] == [
        (1, "早上六点，我们开始做酸奶。"), (2, "只有牛奶和菌种，不加一滴香精！")]
    assert abs(sum(s.seconds for s in draft.shots) - 10) < 0.2 and min(s.seconds for s in draft.shots) > 3
    kinds = {f.kind: f for f in draft.flags}
    assert kinds["repeated_shot"].repaired and "2 个" in kinds["repeated_shot"].detail
    assert kinds["cut_off_shot"].repaired and not draft.rejected
    assert draft.text.count("镜头") == 2


def test_douyin_far_too_much_speech_is_rejected():
    raw = "镜头1（5秒）\n画面：门店\n口播：" + "我们家的面包每天现烤" * 10 + "\n字幕：现烤"
    draft = shape(get_channel("douyin"), raw, duration=5)
    assert draft.rejected and any(f.kind == "pace" for f in draft.flags)


def test_ecommerce_bullets_listed_after_the_description_join_the_bullets():
    raw = ("标题：云南小粒咖啡豆\n卖点：\n- 保山产区\n- 1. 每袋250克\n"
           "描述：\n中度烘焙，适合手冲。\n- 每袋250克\n- 当季新豆")
    draft = shape(get_channel("ecommerce"), raw)
    assert draft.bullets == ["保山产区", "每袋250克", "当季新豆"]
    assert draft.text == "- 保山产区\n- 每袋250克\n- 当季新豆\n中度烘焙，适合手冲。"


def test_ecommerce_bullets_and_description():
    raw = "标题：云南小粒咖啡豆 中度烘焙 250g\n卖点：\n- 云南保山产区\n- 中度烘焙\n- 每袋250克\n描述：适合手冲和意式。"
    draft = shape(get_channel("ecommerce"), raw)
    assert draft.bullets == ["云南保山产区", "中度烘焙", "每袋250克"]
    assert draft.title == "云南小粒咖啡豆 中度烘焙 250g"
    assert not draft.rejected


def test_moments_strips_label_and_trailing_separator():
    raw = "文案：早上六点，牛奶刚进门，我们就开始做今天的酸奶了🥛\n###\n【品牌】别的"
    draft = shape(get_channel("moments"), raw)
    assert draft.text == "早上六点，牛奶刚进门，我们就开始做今天的酸奶了🥛"


def test_lines_that_are_only_a_number_are_dropped():
    raw = "今天的酸奶刚做好，每杯12元。\n#334\n第二杯半价，来店里尝尝。\n[10]\n3.\n#333"
    draft = shape(get_channel("moments"), raw)
    assert draft.text == "今天的酸奶刚做好，每杯12元。\n第二杯半价，来店里尝尝。"
    # Numbers that carry meaning stay: a date, a time, a price, a numbered selling point.
    kept = "活动时间\n12.1\n10:30\n¥99\n1. 只用鲜牛奶"
    assert shape(get_channel("moments"), kept).text == kept
