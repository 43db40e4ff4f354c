from __future__ import annotations

import csv
import json

import pytest
import typer
from typer.testing import CliRunner

from wenan.store import Store
from wenan.store.cli import brand_app

app = typer.Typer()
app.add_typer(brand_app, name="brand")
runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["brand", *args])


def test_create_show_edit_list():
    r = run(
        "create",
        "暖途",
        "--description",
        "户外保温杯",
        "--use",
        "保温,轻量，耐用",
        "--avoid",
        "最、第一",
        "--channels",
        "moments,xiaohongshu",
        "--industry",
        "户外",
    )
    assert r.exit_code == 0, r.output
    assert "已创建品牌：暖途" in r.output

    shown = json.loads(run("show", "暖途", "--json").output)
    assert shown["words_to_use"] == ["保温", "轻量", "耐用"]
    assert shown["words_to_avoid"] == ["最", "第一"]
    assert shown["default_channels"] == ["moments", "xiaohongshu"]

    assert run("edit", "暖途", "--audience", "露营爱好者").exit_code == 0
    text = run("show", "暖途").output
    assert "目标人群：露营爱好者" in text and "简介：户外保温杯" in text

    run("create", "青禾")
    listed = run("list").output
    assert "暖途（户外）" in listed and "青禾" in listed


def test_errors_are_one_line_with_exit_codes():
    r = run("show", "没有")
    assert r.exit_code == 2
    assert "品牌不存在：没有" in r.output and "wenan brand create 没有" in r.output
    run("create", "暖途")
    assert run("create", "暖途").exit_code == 2
    assert run("edit", "暖途").exit_code == 2  # nothing to change


@pytest.fixture
def brand():
    run("create", "暖途")
    return "暖途"


def test_learn_csv_with_chinese_headers(tmp_path, brand):
    path = tmp_path / "posts.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(["日期", "文案", "点赞", "评论", "转发"])
        w.writerow(["2024/05/01", "周末露营，一杯热茶刚刚好。", "1.2万", "35", "3"])
        w.writerow(["2024-05-02", "BX-500 保温 12 小时。", "1,024", "", ""])
        w.writerow(["2024-05-03", "周末露营，一杯热茶刚刚好。", "1", "1", "1"])
    r = run("learn", str(path), "--brand", brand)
    assert r.exit_code == 0, r.output
    assert "已导入 2 条文案，跳过重复 1 条" in r.output
    with Store.open() as s:
        posts = s.list_posts(brand)
    assert posts[0].engagement == {"likes": 12000, "comments": 35, "shares": 3}
    assert posts[0].posted_at.year == 2024
    assert posts[1].engagement == {"likes": 1024}
    # importing again adds nothing
    assert "已导入 0 条文案，跳过重复 3 条" in run("learn", str(path), "--brand", brand).output


def test_learn_gbk_csv(tmp_path, brand):
    path = tmp_path / "gbk.csv"
    path.write_bytes("内容,likes\n青禾面霜上新了,5\n".encode("gb18030"))
    assert "已导入 1 条" in run("learn", str(path), "--brand", brand).output


def test_learn_xlsx(tmp_path, brand):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["text", "likes", "comments", "shares", "date", "channel"])
    sheet.append(["第一条", 10, 2, 1, "2024-01-01", "xiaohongshu"])
    sheet.append(["第二条", 20.0, None, None, None, None])
    book.save(tmp_path / "p.xlsx")
    r = run("learn", str(tmp_path / "p.xlsx"), "--brand", brand, "--channel", "moments")
    assert "已导入 2 条" in r.output, r.output
    with Store.open() as s:
        first, second = s.list_posts(brand)
    assert first.channel == "xiaohongshu" and first.engagement == {"likes": 10, "comments": 2, "shares": 1}
    assert second.channel == "moments"


def test_learn_txt_blank_line_separated(tmp_path, brand):
    path = tmp_path / "posts.txt"
    path.write_text("第一条\n第二行\n\n\n第二条\n  \n第三条\n", encoding="utf-8")
    assert "已导入 3 条" in run("learn", str(path), "--brand", brand).output
    with Store.open() as s:
        assert s.list_posts(brand)[0].text == "第一条\n第二行"


def test_learn_bad_inputs(tmp_path, brand):
    no_text = tmp_path / "x.csv"
    no_text.write_text("标题,点赞\na,1\n", encoding="utf-8")
    r = run("learn", str(no_text), "--brand", brand)
    assert r.exit_code == 2 and "找不到文案列" in r.output and "标题" in r.output

    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    assert "不支持的文件类型" in run("learn", str(pdf), "--brand", brand).output

    assert "文件不存在" in run("learn", str(tmp_path / "nope.csv"), "--brand", brand).output

    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    r = run("learn", str(broken), "--brand", brand)
    assert r.exit_code == 2 and "文件已损坏" in r.output

    good = tmp_path / "ok.txt"
    good.write_text("a", encoding="utf-8")
    r = run("learn", str(good), "--brand", "没有")
    assert r.exit_code == 2 and "品牌不存在" in r.output


def test_learn_size_cap_is_configurable(tmp_path, brand, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_text("文案\n\n" * 400_000, encoding="utf-8")  # ~3 MB
    monkeypatch.setenv("WENAN_MAX_FILE_MB", "1")
    r = run("learn", str(big), "--brand", brand)
    assert r.exit_code == 2 and "文件过大" in r.output and "WENAN_MAX_FILE_MB" in r.output
