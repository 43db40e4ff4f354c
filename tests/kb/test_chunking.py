from __future__ import annotations

from wenan.kb.chunking import catalogue_chunks, chunk_sections, pack, sentences
from wenan.kb.loaders import Section, split_markdown
from wenan.kb.text import Segmenter, extract_codes, normalize


def test_sentences_split_on_chinese_punctuation_and_keep_quotes():
    assert sentences("你好。真的吗？“好的！”然后；最后") == [
        "你好。",
        "真的吗？",
        "“好的！”",
        "然后；",
        "最后",
    ]


def test_pack_respects_size_and_overlaps_by_one_sentence():
    parts = [f"第{i}句话，内容大概这么长一些。" for i in range(60)]  # ~16 chars each
    chunks = pack(parts, max_chars=200, overlap=40)
    assert all(len(c) <= 200 for c in chunks)
    assert len(chunks) >= 5
    for prev, nxt in zip(chunks, chunks[1:], strict=False):
        assert nxt.startswith(prev[-16:])  # last sentence repeated
    assert "第59句" in chunks[-1]


def test_pack_cuts_an_overlong_sentence():
    chunks = pack(["字" * 1000], max_chars=480, overlap=80)
    assert all(len(c) <= 480 for c in chunks) and len(chunks) == 3


def test_markdown_heading_path_and_code_fences():
    md = "# 手册\n前言\n## 一、保温\n保温 12 小时。\n### 细节\n```\n# 不是标题\n```\n## 二、清洗\n温水。"
    sections = split_markdown(md)
    assert [s.heading for s in sections] == [
        ("手册",),
        ("手册", "一、保温"),
        ("手册", "一、保温", "细节"),
        ("手册", "二、清洗"),
    ]
    assert "# 不是标题" in sections[2].text


def test_chunks_never_cross_headings_and_carry_context():
    chunks = chunk_sections(
        [Section(("FAQ", "能冷冻吗"), "不能。"), Section(("FAQ", "保温多久"), "BX-500 保温 12 小时。")],
        title="t",
    )
    assert [c.text for c in chunks] == ["不能。", "BX-500 保温 12 小时。"]
    assert chunks[1].context == "t > FAQ > 保温多久"
    assert chunks[1].codes == {"bx500": 1.0}
    assert chunks[1].embedding_text().startswith("t > FAQ > 保温多久\n")


def test_catalogue_row_becomes_fact_chunk():
    rows = [{"商品名称": "玻色因紧致面霜", "货号": "QH-2031", "售价": "¥299", "规格": "50g", "功效": "紧致"}]
    (chunk,) = catalogue_chunks(rows, title="catalog")
    assert chunk.text == "商品：玻色因紧致面霜 SKU：QH-2031 价格：¥299 规格：50g 功效：紧致"
    assert chunk.title == "玻色因紧致面霜"
    assert chunk.metadata["sku"] == "QH-2031" and chunk.metadata["row"] == 2
    assert chunk.codes["qh2031"] == 2.0


def test_codes_and_normalisation():
    assert extract_codes("ＢＸ－５００ 和 qh2031s、SW-TG-08，500ml 不算，12小时 不算") == [
        "bx500",
        "qh2031s",
        "swtg08",
    ]
    assert normalize("ＡＢＣ１２３") == "abc123"


def test_segmenter_brand_words_stay_whole():
    plain = Segmenter()
    assert "玻色因" not in plain.tokens("玻色因面霜")
    custom = Segmenter(["玻色因", "QH-2031S"])
    tokens = custom.tokens("青禾玻色因面霜QH-2031S")
    assert "玻色因" in tokens and "qh2031s" in tokens
    assert "玻色因" not in plain.tokens("玻色因面霜")  # instances do not share dictionaries
    assert custom.tokens("这款的吗", drop_stopwords=True) == []
