"""Rule packs: the typed contract every YAML file under ``rules/`` satisfies, and the loader.

A pack is data a compliance reviewer can read and argue with: each rule carries its legal or platform
basis, a Chinese explanation, literal rewordings, and worked examples that the test suite replays.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..exceptions import TemplateError
from ._scope import CATEGORIES, CHANNELS, INDUSTRIES

Severity = Literal["high", "medium", "low"]
CheckName = Literal["sourced", "dated_sourced", "self_comparison", "registered_special", "personal", "aspiration",
                    "quantity_limit", "weather", "numbered_item", "titled", "quoted_name",
                    "own_story", "debunked", "rule_text", "negated", "denied_in_sentence",
                    "folk_belief", "accessory", "evasive_spelling", "greeting",
                    "figurative", "public_rule", "use_moment"]
DetectorName = Literal["price_inversion", "discount_mismatch", "threshold_mismatch", "bundle_mismatch",
                       "free_but_charged", "stock_conflict", "period_conflict", "deadline_conflict"]

_RULE_ID = r"^[a-z_]+\.[a-z0-9_]+$"
PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
# libyaml's loader is ~10x faster than the pure-Python one: it decides the first-check latency.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Context(_Strict):
    """Text around a hit. Strings are compared after normalisation (simplified, half-width, lower-case)."""

    before: list[str] = Field([], description="紧挨在命中词前面的文字以其中之一结尾")
    after: list[str] = Field([], description="紧跟在命中词后面的文字以其中之一开头")
    near_before: list[str] = Field([], description="同一分句内、命中词前 8 个字以内出现其中之一")
    clause: list[str] = Field([], description="同一分句（逗号、句号等之间）内出现其中之一")
    sentence: list[str] = Field([], description="同一句（句号、问号、叹号、换行之间）内出现其中之一")
    checks: list[CheckName] = Field([], description="代码实现的语境判断，见 _context.py")

    def is_empty(self) -> bool:
        return not any((self.before, self.after, self.near_before, self.clause, self.sentence, self.checks))


class Examples(_Strict):
    hit: list[str] = Field([], description="必须被本规则命中的例句")
    ok: list[str] = Field([], description="不得被本规则命中的例句")


class Rule(_Strict):
    id: str = Field(pattern=_RULE_ID)
    category: str
    severity: Severity
    basis: str = Field(min_length=2, description="法律或平台规则依据")
    explanation: str = Field(min_length=4, description="给使用者看的中文解释")
    suggestions: list[str] = Field(min_length=1, description="按顺序的替换写法；空字符串表示删除")
    terms: list[str] = Field([], description="词条；'词=改写' 为该词指定专门的改写")
    allow: list[str] = Field([], description="包含词条但合规的更长说法，匹配到即放行")
    patterns: list[str] = Field([], description="正则（可用 {{占位符}}），只在触发词所在行上运行")
    triggers: list[str] = Field([], description="触发正则或检测器的字面词；为空则正则扫描全文")
    detector: DetectorName | None = None
    from_rule: str | None = Field(None, description="沿用另一条规则的词条、放行词、正则和触发词")
    unless: Context = Context()
    only_if: Context | None = None
    industries: list[str] | None = Field(None, description="只在这些行业适用；省略表示所有行业")
    except_industries: list[str] = []
    channels: list[str] | None = Field(None, description="只在这些渠道算违规；渠道未知时降为提示")
    severity_in: dict[str, Severity] = Field({}, description="按行业覆盖严重程度")
    examples: Examples = Examples()

    @model_validator(mode="after")
    def _consistent(self) -> Rule:
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown category {self.category!r}; known: {', '.join(CATEGORIES)}")
        kinds = sum(bool(k) for k in (self.terms, self.patterns, self.detector, self.from_rule))
        if kinds != 1:
            raise ValueError("a rule has exactly one of: terms, patterns, detector, from_rule")
        if self.detector and not self.triggers:
            raise ValueError("a detector needs triggers")
        for name in (*(self.industries or ()), *self.except_industries, *self.severity_in):
            if name not in INDUSTRIES:
                raise ValueError(f"unknown industry {name!r}")
        for name in self.channels or ():
            if name not in CHANNELS:
                raise ValueError(f"unknown channel {name!r}")
        for term in (*self.terms, *self.allow):
            if not term.split("=", 1)[0].strip():
                raise ValueError("empty term")
        return self

    def applies(self, industry: str) -> bool:
        listed = self.industries is None or industry in self.industries
        return listed and industry not in self.except_industries


class Source(_Strict):
    title: str
    covers: str = Field(description="这份依据支撑了本包里的哪些规则")
    url: str | None = None


class AdvisoryRule(_Strict):
    """A whole-text advisory: raised when none of ``when_missing`` appears anywhere in the text."""

    id: str = Field(pattern=_RULE_ID)
    category: str | None = None
    message: str
    basis: str
    industries: list[str]
    when_missing: list[str] = Field(min_length=1)


class Pack(_Strict):
    pack: str
    title: str
    description: str = ""
    sources: list[Source] = Field(min_length=1)
    rules: list[Rule] = []
    advisories: list[AdvisoryRule] = []


class Variants(_Strict):
    """Spellings used to dodge filters: ``lexicon`` expands terms, ``contact`` fills {{placeholders}}."""

    lexicon: dict[str, list[str]]
    contact: dict[str, list[str]]
    pinyin: dict[str, str] = Field({}, description="拼音音节 → 它在违规词里替代的那个字（zhi → 治），由归一化替换回去")
    words: dict[str, list[str]] = Field({}, description="正则里 {{占位符}} 可用的其他词表（病名等）")
    pinyin_after: dict[str, dict[str, str]] = Field(
        {}, description="拼音音节 → {紧挨在它前面的字: 它此时替代的字}（包guo → 包过，而别处 guo → 国）")


def _read(path: Path | resources.abc.Traversable) -> object:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise TemplateError(f"规则文件无法读取：{path}（{exc}）") from exc


def load_pack(path: Path | resources.abc.Traversable) -> Pack:
    """Load and validate one pack file; any problem is a ``TemplateError`` naming the file."""
    try:
        return Pack.model_validate(_read(path))
    except ValidationError as exc:
        raise TemplateError(f"规则包校验失败：{path}\n{exc}") from exc


def _rules_dir() -> resources.abc.Traversable:
    return resources.files("wenan.comply").joinpath("rules")


@cache
def load_variants() -> Variants:
    path = _rules_dir().joinpath("variants.yaml")
    try:
        return Variants.model_validate(_read(path))
    except ValidationError as exc:
        raise TemplateError(f"变体表校验失败：{path}\n{exc}") from exc


@cache
def load_packs() -> tuple[Pack, ...]:
    """Every shipped pack, validated, with rule ids unique across packs and regexes compiled once to check."""
    from ._expand import expand_placeholders  # local: _expand imports this module's loader

    files = sorted((p for p in _rules_dir().iterdir() if p.name.endswith(".yaml") and p.name != "variants.yaml"),
                   key=lambda p: p.name)
    packs = [load_pack(p) for p in files]
    by_id: dict[str, Rule] = {}
    for pack in packs:
        for rule in pack.rules:
            if rule.id in by_id:
                raise TemplateError(f"规则 id 重复：{rule.id}")
            by_id[rule.id] = rule
    packs = [_resolve_from(pack, by_id) for pack in packs]
    for pack in packs:
        for rule in pack.rules:
            for pattern in rule.patterns:
                try:
                    re.compile(expand_placeholders(pattern), re.IGNORECASE)  # same key as the matcher's
                except (re.error, KeyError) as exc:
                    raise TemplateError(f"规则 {rule.id} 的正则无效：{pattern}（{exc}）") from exc
    return tuple(packs)


def _resolve_from(pack: Pack, by_id: dict[str, Rule]) -> Pack:
    """Replace each ``from_rule`` reference with a copy of the referenced rule's matching material."""
    rules = []
    for rule in pack.rules:
        if rule.from_rule is not None:
            src = by_id.get(rule.from_rule)
            if src is None or src.from_rule is not None:
                raise TemplateError(f"规则 {rule.id} 的 from_rule 无效：{rule.from_rule}")
            fields = ("terms", "patterns", "triggers", "detector")
            update = {f: getattr(src, f) for f in fields} | {"allow": [*src.allow, *rule.allow]}
            own_allow = set(rule.allow)  # an allow-word of this rule cannot also be one of its terms
            update["terms"] = [t for t in src.terms if t.partition("=")[0].strip() not in own_allow]
            rule = rule.model_copy(update={"from_rule": None, **update})
        rules.append(rule)
    return pack.model_copy(update={"rules": rules})
