"""A brand end to end through the real CLI, store (SQLite) and KB index: create, learn past posts, ingest a
price list, then write grounded copy in the brand's voice with citations."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from wenan.cli.app import app
from wenan.config import user_dir

pytestmark = pytest.mark.integration

POSTS = "\n\n".join([
    "宝子们早安☀️ 今天的肉桂卷出炉啦～香到隔壁都来问🥰 #花间烘焙 #面包日常",
    "宝子们！周末限定的抹茶巴斯克来咯🍵 口感绵绵的，冲鸭～ #花间烘焙",
    "下雨天也要吃点甜的呀🌧️ 宝子们今天想吃什么，评论区告诉我～ #花间烘焙 #治愈系",
    "新品试吃来啦🥐 宝子们冲！数量不多哦～ #花间烘焙",
])
PRICES = "商品,SKU,价格,规格\n肉桂卷,HJ-101,18元,每个120克\n抹茶巴斯克,HJ-202,32元,4寸\n"
REPLY = ("宝子们早安☀️ 花间烘焙的肉桂卷出炉啦🥰 每个18元，每个120克，香到隔壁都来问～"
         "今天想吃的评论区告诉我～ #花间烘焙")


@pytest.fixture
def runner(monkeypatch):
    monkeypatch.setenv("WENAN_KB_EMBEDDER", "hash")
    return CliRunner()


def test_brand_learn_kb_and_grounded_write(runner, tmp_path):
    out = runner.invoke(app, ["brand", "create", "花间烘焙", "--industry", "烘焙", "--avoid", "最好吃"])
    assert out.exit_code == 0, out.output
    posts = tmp_path / "posts.txt"
    posts.write_text(POSTS, "utf-8")
    out = runner.invoke(app, ["brand", "learn", str(posts), "--brand", "花间烘焙"])
    assert out.exit_code == 0 and "风格画像" in out.output, out.output
    out = runner.invoke(app, ["brand", "show", "花间烘焙"])
    assert out.exit_code == 0 and "宝子们" in out.output, out.output

    prices = tmp_path / "prices.csv"
    prices.write_text(PRICES, "utf-8")
    out = runner.invoke(app, ["kb", "add", str(prices), "--brand", "花间烘焙"])
    assert out.exit_code == 0, out.output

    (user_dir() / "config.yaml").write_text(
        "models:\n  scripted:\n    backend: fake\n    options:\n      replies:\n"
        f"        - \"{REPLY}\"\n", "utf-8")
    out = runner.invoke(app, ["write", "--model", "scripted", "--json", "-n", "1", "--brand", "花间烘焙",
                              "--product", "肉桂卷", "-p", "现烤"])
    assert out.exit_code == 0, out.output
    variant = json.loads(out.output)["variants"][0]
    cited = {c["claim"] for c in variant["citations"]}
    assert {"18元", "120克"} <= cited, variant["citations"]
    assert not [f for f in variant["flags"] if f["kind"].startswith("ungrounded")], variant["flags"]
    assert 0.0 <= variant["voice"] <= 1.0


def test_write_with_unknown_brand_is_plain_brief(runner):
    reply = "无名小店的面包每天现烤🥐 外皮酥脆、里面松软，路过记得进来闻一闻～"
    (user_dir() / "config.yaml").write_text(
        f"models:\n  scripted:\n    backend: fake\n    options:\n      replies: [\"{reply}\"]\n", "utf-8")
    out = runner.invoke(app, ["write", "--model", "scripted", "--json", "-n", "1", "--brand", "无名小店",
                              "--product", "面包"])
    assert out.exit_code == 0, out.output
    assert "voice" not in json.loads(out.output)["variants"][0]
