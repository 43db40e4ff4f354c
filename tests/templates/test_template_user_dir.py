"""Users add or override templates and exemplars in their own directory ($WENAN_HOME)."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from wenan.exceptions import TemplateError, UnknownNameError
from wenan.templates import default_user_dir, get_template, list_templates, load_exemplars
from wenan.templates._loader import _package_banks
from wenan.write.brief import Brief

WARM = """\
id: moments.warm
version: 3
channel: moments
description: 更温柔的朋友圈
exemplars: moments
stop: ["###"]
system: 你是温柔的店主。{{ channel.output_instructions }}
user: 写{{ brief.product }}
completion: "【产品】{{ brief.product }}\\n【文案】\\n"
"""


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WENAN_HOME", str(tmp_path))
    (tmp_path / "templates").mkdir()
    (tmp_path / "exemplars").mkdir()
    return tmp_path


def _write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text), "utf-8")
    return path


def test_default_user_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("WENAN_HOME", str(tmp_path))
    assert default_user_dir() == tmp_path
    monkeypatch.delenv("WENAN_HOME")
    assert default_user_dir() == Path.home() / ".local" / "share" / "wenan"


def test_user_can_add_a_template(home: Path) -> None:
    _write(home / "templates" / "warm.yaml", WARM)
    assert "moments.warm" in [t.id for t in list_templates()]
    tpl = get_template("moments", "moments.warm")
    out = tpl.render(Brief(product="手工皂"))
    assert (out.template_id, out.template_version) == ("moments.warm", 3)
    assert out.user == "写手工皂" and out.completion == "【产品】手工皂\n【文案】\n"
    assert get_template("moments").id == "moments.expert"  # the default is untouched


def test_user_template_with_the_same_id_wins(home: Path) -> None:
    _write(home / "templates" / "mine.yaml", WARM.replace("moments.warm", "moments.expert"))
    tpl = get_template("moments")
    assert tpl.version == 3 and tpl.description == "更温柔的朋友圈"
    assert [t.version for t in list_templates() if t.id == "moments.expert"] == [3]


def test_explicit_user_dir_beats_the_environment(
    home: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    other = tmp_path_factory.mktemp("other")
    (other / "templates").mkdir()
    _write(other / "templates" / "warm.yaml", WARM)
    assert get_template("moments", "moments.warm", user_dir=other).id == "moments.warm"
    with pytest.raises(UnknownNameError, match="moments.warm"):
        get_template("moments", "moments.warm")


def test_edits_are_picked_up(home: Path) -> None:
    path = _write(home / "templates" / "warm.yaml", WARM)
    assert get_template("moments", "moments.warm").version == 3
    _write(path, WARM.replace("version: 3", "version: 4") + "# longer\n")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000))
    assert get_template("moments", "moments.warm").version == 4


@pytest.mark.parametrize(
    ("text", "field"),
    [
        (WARM.replace("channel: moments", "channel: weibo"), "channel"),
        (WARM.replace("version: 3", "version: three"), "version"),
        (WARM + "temperature: 0.7\n", "temperature"),
        (WARM.replace("user: 写{{ brief.product }}", "user: 写{% if x %}"), "user"),
        ("id: [unclosed\n", "YAML"),
        ("- just\n- a list\n", "0: "),
    ],
)
def test_invalid_user_template_names_file_and_field(home: Path, text: str, field: str) -> None:
    path = _write(home / "templates" / "bad.yaml", text)
    with pytest.raises(TemplateError) as exc:
        get_template("moments")
    assert str(path) in str(exc.value) and field in str(exc.value)


def test_duplicate_ids_across_user_files(home: Path) -> None:
    _write(home / "templates" / "a.yaml", WARM)
    _write(home / "templates" / "b.yaml", WARM)
    with pytest.raises(TemplateError, match="moments.warm"):
        list_templates()


def test_user_exemplars_merge_by_id(home: Path) -> None:
    package = _package_banks()["moments"]
    _write(
        home / "exemplars" / "moments.yaml",
        f"""\
        exemplars:
          - id: {package[0].id}
            industry: 餐饮
            brief: {{brand: 我的面馆, product: 牛肉面}}
            output: 我的版本
          - id: my-own
            industry: 美甲
            brief: {{product: 美甲}}
            output: 新的范例
        """,
    )
    bank = load_exemplars("moments")
    assert [ex.id for ex in bank] == [ex.id for ex in package] + ["my-own"]
    assert bank[0].output == "我的版本"
    out = get_template("moments").render(Brief(product="美甲", industry="美甲"))
    assert out.exemplar_ids[0] == "my-own" and "新的范例" in out.user


def test_user_exemplars_can_replace_a_bank(home: Path) -> None:
    _write(
        home / "exemplars" / "moments.yaml",
        """\
        replace: true
        exemplars:
          - {id: only, industry: 美甲, brief: {product: 美甲}, output: 唯一的范例}
        """,
    )
    assert [ex.id for ex in load_exemplars("moments")] == ["only"]
    assert get_template("moments").render(Brief(product="皂")).exemplar_ids == ["only"]


def test_user_can_add_a_new_bank(home: Path) -> None:
    _write(home / "exemplars" / "warm.yaml", "- {id: w1, industry: 花店, brief: {product: 花}, output: 花}\n")
    _write(home / "templates" / "warm.yaml", WARM.replace("exemplars: moments", "exemplars: warm"))
    out = get_template("moments", "moments.warm").render(Brief(product="花"))
    assert out.exemplar_ids == ["w1"]


def test_invalid_user_exemplar_names_file_and_field(home: Path) -> None:
    path = _write(
        home / "exemplars" / "moments.yaml",
        "exemplars:\n  - {id: x, industry: 餐饮, brief: {product: 面, channel: douyin}, output: 好}\n",
    )
    with pytest.raises(TemplateError) as exc:
        load_exemplars("moments")
    assert str(path) in str(exc.value) and "exemplars.0.brief" in str(exc.value)


def test_package_templates_are_cached_and_immutable() -> None:
    a, b = get_template("moments"), get_template("moments")
    assert a == b and a is not b
    with pytest.raises(ValueError):
        a.version = 99  # type: ignore[misc]
