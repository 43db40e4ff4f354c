"""Where templates and exemplar banks come from: the package, then the user's own directory.

    <package>/templates/data/*.yaml             one template per file (or a list of them)
    <package>/templates/data/exemplars/<bank>.yaml
    <user_dir>/templates/*.yaml                 same id as a package template -> the user's wins
    <user_dir>/exemplars/<bank>.yaml            same exemplar id -> the user's wins; new ids are added;
                                                ``replace: true`` drops the package bank entirely

``user_dir`` defaults to ``$WENAN_HOME`` if set, else ``~/.local/share/wenan``. Package files are parsed
once per process; user files are re-read only when their mtime or size changes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..channels.spec import get_channel
from ..exceptions import TemplateError, UnknownNameError
from ._models import Exemplar, Template, format_validation_error

T = TypeVar("T")


class _BankFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    replace: bool = Field(False, description="true：整个替换同名的内置范例库，而不是按 id 合并")
    exemplars: list[Exemplar]


def default_user_dir() -> Path:
    home = os.environ.get("WENAN_HOME")
    return Path(home).expanduser() if home else Path.home() / ".local" / "share" / "wenan"


def _package_data() -> Traversable:
    return resources.files("wenan.templates") / "data"


# ---------------------------------------------------------------- parsing


def _read_yaml(name: str, text: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise TemplateError(
            f"{name} 不是有效的 YAML：{str(exc).splitlines()[0]}", hint="检查缩进和冒号"
        ) from None


def _validate(name: str, model: Callable[[Any], T], raw: Any, *, prefix: str = "") -> T:
    try:
        return model(raw)
    except ValidationError as exc:
        raise TemplateError(
            f"{name} 无效：{format_validation_error(exc, prefix=prefix)}",
            hint="改正该字段，或删除这个文件以使用内置版本",
        ) from None


def _parse_templates(name: str, text: str) -> list[Template]:
    raw = _read_yaml(name, text)
    if isinstance(raw, dict):
        return [_validate(name, Template.model_validate, raw)]
    if isinstance(raw, list) and raw:
        return [_validate(name, Template.model_validate, item, prefix=str(i)) for i, item in enumerate(raw)]
    raise TemplateError(f"{name} 无效：应是一个模板（YAML 映射）或模板列表", hint="参考内置的 moments.yaml")


def _parse_bank(name: str, text: str) -> _BankFile:
    raw = _read_yaml(name, text)
    if isinstance(raw, list):
        raw = {"exemplars": raw}
    if not isinstance(raw, dict):
        raise TemplateError(f"{name} 无效：应包含 exemplars 列表", hint="参考内置的 exemplars/moments.yaml")
    bank = _validate(name, _BankFile.model_validate, raw)
    _unique(name, (ex.id for ex in bank.exemplars), "范例")
    return bank


def _unique(name: str, ids: Iterable[str], kind: str) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise TemplateError(f"{name} 中{kind} id {item!r} 重复", hint="每个 id 只能出现一次")
        seen.add(item)


@lru_cache(maxsize=256)
def _user_file(path: str, mtime_ns: int, size: int, kind: str) -> list[Template] | _BankFile:
    text = Path(path).read_text("utf-8-sig")
    return _parse_templates(path, text) if kind == "templates" else _parse_bank(path, text)


def _read_user(path: Path, kind: str) -> Any:
    try:
        st = path.stat()
        return _user_file(str(path), st.st_mtime_ns, st.st_size, kind)
    except UnicodeDecodeError:
        raise TemplateError(f"{path} 不是 UTF-8 文本", hint="请另存为 UTF-8 编码") from None
    except OSError as exc:
        raise TemplateError(f"无法读取 {path}：{exc.strerror}") from None


# ---------------------------------------------------------------- package data (cached)


@cache
def _package_templates() -> dict[str, Template]:
    out: dict[str, Template] = {}
    for entry in sorted(_package_data().iterdir(), key=lambda e: e.name):
        if entry.is_file() and entry.name.endswith(".yaml"):
            for tpl in _parse_templates(f"templates/data/{entry.name}", entry.read_text("utf-8")):
                if tpl.id in out:
                    raise TemplateError(f"内置模板 id {tpl.id!r} 重复")
                out[tpl.id] = tpl
    return out


@cache
def _package_banks() -> dict[str, tuple[Exemplar, ...]]:
    out: dict[str, tuple[Exemplar, ...]] = {}
    folder = _package_data() / "exemplars"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_file() and entry.name.endswith(".yaml"):
            bank = _parse_bank(f"templates/data/exemplars/{entry.name}", entry.read_text("utf-8"))
            out[entry.name.removesuffix(".yaml")] = tuple(bank.exemplars)
    return out


# ---------------------------------------------------------------- public API


def _user_templates(user_dir: Path) -> dict[str, Template]:
    out: dict[str, Template] = {}
    origin: dict[str, Path] = {}
    folder = user_dir / "templates"
    if not folder.is_dir():
        return out
    for path in sorted(folder.glob("*.yaml")):
        for tpl in _read_user(path, "templates"):
            if tpl.id in out:
                raise TemplateError(
                    f"模板 id {tpl.id!r} 同时出现在 {origin[tpl.id]} 和 {path}", hint="删掉其中一个"
                )
            out[tpl.id], origin[tpl.id] = tpl, path
    return out


def _all_templates(user_dir: Path | None) -> tuple[dict[str, Template], Path]:
    resolved = user_dir if user_dir is not None else default_user_dir()
    merged = {**_package_templates(), **_user_templates(resolved)}
    return merged, resolved


def _bound(tpl: Template, user_dir: Path) -> Template:
    copy = tpl.model_copy()
    copy._user_dir = user_dir
    return copy


def list_templates(*, user_dir: Path | None = None) -> list[Template]:
    """Every template, package and user, sorted by id (a user template replaces a same-id package one)."""
    merged, resolved = _all_templates(user_dir)
    return [_bound(merged[tid], resolved) for tid in sorted(merged)]


def get_template(channel: str, template_id: str | None = None, *, user_dir: Path | None = None) -> Template:
    """The template ``template_id`` (default ``"<channel>.expert"``) for ``channel``."""
    get_channel(channel)  # unknown channel -> UnknownNameError listing the known ones
    wanted = template_id or f"{channel}.expert"
    merged, resolved = _all_templates(user_dir)
    tpl = merged.get(wanted)
    if tpl is None or tpl.channel != channel:
        known = [t.id for t in merged.values() if t.channel == channel]
        raise UnknownNameError("模板", wanted, known)
    return _bound(tpl, resolved)


def load_exemplars(bank: str, *, user_dir: Path | None = None) -> list[Exemplar]:
    """The exemplar bank ``bank``: the package's, merged with ``<user_dir>/exemplars/<bank>.yaml``."""
    resolved = user_dir if user_dir is not None else default_user_dir()
    package = _package_banks()
    path = resolved / "exemplars" / f"{bank}.yaml"
    if not path.is_file():
        if bank not in package:
            user_banks = [p.stem for p in (resolved / "exemplars").glob("*.yaml")]
            raise UnknownNameError("范例库", bank, sorted({*package, *user_banks}))
        return list(package[bank])
    user: _BankFile = _read_user(path, "exemplars")
    if user.replace:
        return list(user.exemplars)
    mine = {ex.id: ex for ex in user.exemplars}
    merged = [mine.pop(ex.id, ex) for ex in package.get(bank, ())]
    return merged + list(mine.values())
