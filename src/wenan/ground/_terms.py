"""Ingredient (成分) and efficacy (功效) claims: found by markers and a lexicon, checked lexically.

Numbers can be compared by value; "含有烟酰胺" or "提高免疫力" cannot, so these are supported when the key
term (or a listed synonym) occurs in a source in a clause that does not negate it — "不得宣称降血压"
in a compliance note must not support copy that says 降血压.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from pydantic import BaseModel, ConfigDict

from ._models import Claim
from ._text import clause_start
from ._units import UNIT_RE


class _EfficacyClass(BaseModel):
    model_config = ConfigDict(extra="forbid")
    strong: list[str] = []
    object: list[str] = []


class _TermsFile(BaseModel):
    """Schema of data/terms.yaml — validated so a typo in the lexicon fails loudly, not silently."""

    model_config = ConfigDict(extra="forbid")
    efficacy: dict[str, _EfficacyClass]
    efficacy_verbs: list[str]
    ingredient_synonyms: list[list[str]]
    absence_terms: list[str]
    generic_tokens: list[str]


def _alt(words: list[str] | set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class Lexicon:
    surface_to_class: dict[str, str]
    class_surfaces: dict[str, tuple[str, ...]]
    strong_re: re.Pattern[str]
    object_re: re.Pattern[str]
    synonyms: dict[str, tuple[str, ...]]
    absence_re: re.Pattern[str]
    generic: frozenset[str]
    efficacy_surfaces: str


@cache
def lexicon() -> Lexicon:
    import yaml  # lazy: only the first check pays for it

    raw = yaml.safe_load(files("wenan.ground").joinpath("data/terms.yaml").read_text(encoding="utf-8"))
    data = _TermsFile.model_validate(raw)
    surface_to_class: dict[str, str] = {}
    class_surfaces: dict[str, tuple[str, ...]] = {}
    strong: set[str] = set()
    objects: set[str] = set()
    for name, cls in data.efficacy.items():
        class_surfaces[name] = tuple(cls.strong + cls.object)
        for s in cls.strong + cls.object:
            surface_to_class[s] = name
        strong.update(cls.strong)
        objects.update(cls.object)
    synonyms: dict[str, tuple[str, ...]] = {}
    for group in data.ingredient_synonyms:
        for word in group:
            synonyms[word] = tuple(group)
    verbs = _alt(data.efficacy_verbs)
    return Lexicon(
        surface_to_class=surface_to_class,
        class_surfaces=class_surfaces,
        strong_re=re.compile(rf"(?:(?:{verbs})[\u4e00-\u9fff]{{0,3}}?)?(?:{_alt(strong)})|瘦(?=\s?[\d一二三四五六七八九十]+\s?斤)"),
        object_re=re.compile(rf"(?:{verbs})[\u4e00-\u9fff]{{0,3}}?(?:{_alt(objects)})|(?:治疗|治愈|根治)[\u4e00-\u9fff]{{2,4}}"),
        synonyms=synonyms,
        absence_re=re.compile(rf"(?<![\d.])(?:无|0|零)\s?(?:{_alt(data.absence_terms)})|[\u4e00-\u9fff]{{2}}(?:0|零)残留"),
        generic=frozenset(data.generic_tokens),
        efficacy_surfaces=_alt(set(surface_to_class)),
    )


NEGATION = re.compile(r"不得|不能|不可|不会|不宣称|不具有|不具备|禁止|严禁|并非|不是|无法|没有|勿|不含|无添加|不添加|"
                      r"0添加|零添加|未添加|不加")
ABSENCE = re.compile(r"0添加|零添加|无添加|不添加|未添加|不含有?|不加|无|(?<![\d.])0|零")
POS_MARKER = re.compile(r"(?:含有|富含|蕴含|内含|添加了?|加了|加入了?|配方(?:里|中)?(?:有|含)|主要成分(?:是|为|有)?|"
                        r"成分(?:有|是|为)?[:：]|萃取自?|提取自|(?<![包不零无0饱])含(?!量|税|运费|有|蓄|义|糊|笑|情|泪|苞))")
#: 采用/选用/使用 introduce materials *and* designs (采用经典翻领设计); see ``_chosen_material``.
CHOOSE_MARKER = re.compile(r"采用了?|选用了?|甄选|精选|使用(?!后|前|时|方法|说明|感|期|起来|过)|用的是")
_DESIGN = re.compile(r"设计|工艺|版型|剪裁|裁剪|款式|风格|造型|图案|色调|配色|点缀|装饰|元素|手法|理念|打造|缝制")
#: qualities, looks and garment parts, not substances: 含有层次感, 加入了褶皱元素, 白色
_QUALITY = re.compile(r"(?:感|性|度|风|范|气质|效果|色|系|质地|线条|结构|趣味|[裤袖领]型)$"
                      r"|设计|造型|风格|款式|版型|工艺|裁剪|剪裁|图案|色调|配色|点缀|装饰|(?<![硒锌铁钙镁碘钾钠铜锰铬硼])元素|细节|看点|亮点|层次")
NEG_MARKER = re.compile(r"0添加|零添加|无添加|不添加|未添加|不含有?|不加|拒绝添加")
USE_MATERIAL = re.compile(r"(?<![使采选作费])用\s?([\u4e00-\u9fffA-Za-z0-9]{1,10}?"
                          r"(?:机油|油|胶|豆|奶源|面料|原料|黄油|食材|材料|棉|绒))")
_RUN = re.compile(r"[\u4e00-\u9fffA-Za-z0-9%.\-+＋、/]{1,24}")
_SPLIT = re.compile(r"、|和|与|以及|及|跟|还有|\+|＋|/")
_LEAD = re.compile(r"^(?:了|有|的|多种|丰富的?|大量的?|少量的?|少许|适量的?|珍贵的?|高浓度的?|无|0|零|"
                   rf"\d+(?:\.\d+)?\s?%|"
                   rf"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百]+)\s?(?:{UNIT_RE}|个|杯|种|款)?)+")
_TRAIL_QTY = re.compile(rf"\d+(?:\.\d+)?\s?(?:{UNIT_RE}).*$")
_BREAK = re.compile(r"的|等|更|很|超|也|还|都|让|使|能|可以|可|喝|吃|用|好|不|给|带|增添|增加|成分$|，")


def _clean(item: str, lex: Lexicon) -> str | None:
    item = _LEAD.sub("", item.strip())
    m = _BREAK.search(item)
    if m:
        item = item[: m.start()]
    eff = re.search(lex.efficacy_surfaces, item[1:]) if lex.efficacy_surfaces else None
    if eff:
        item = item[: eff.start() + 1]
    item = _TRAIL_QTY.sub("", item).strip("-+/.")
    if len(item) < 2 or not content_tokens(item, lex):
        return None
    return item


def _chosen_material(item: str, lex: Lexicon) -> str | None:
    """采用新西兰进口黄油 -> 新西兰进口黄油; 采用经典的翻领设计 / 选用柔软亲肤的面料 -> None.

    A design is not an ingredient, and after 的 comes the head noun (modifiers precede it in Chinese),
    so 选用优质的云南咖啡豆 is about 云南咖啡豆. The head must be a noun by rjieba's tagger.
    """
    if _DESIGN.search(item):
        return None
    term = _clean(item.rsplit("的", 1)[-1], lex)
    if not term:
        return None
    import rjieba  # lazy: 0.17 s to import, and only ingredient checks need it

    tags = rjieba.tag(term)
    return term if tags and tags[-1][1][:1] in ("n", "e") else None


def content_tokens(term: str, lex: Lexicon) -> list[str]:
    """Tokens of a term that carry meaning: drops generic words (天然, 优质) and single CJK characters."""
    if term in lex.synonyms:
        return [term]
    import rjieba  # lazy: 0.17 s to import, and only ingredient checks need it

    out = []
    for tok in rjieba.cut(term):
        tok = tok.strip()
        if tok and tok not in lex.generic and (len(tok) >= 2 or (tok.isascii() and tok.isalnum())):
            out.append(tok)
    return out


def _in_skip(mask: bytearray, start: int, end: int) -> bool:
    return any(mask[start:end])


def ingredients(text: str, skip: bytearray) -> list[Claim]:
    lex = lexicon()
    claims: list[Claim] = []
    taken = bytearray(len(text))

    def emit(end: int, polarity: str, material: bool = False) -> None:
        run = _RUN.match(text, end)
        if not run:
            return
        pos = run.start()
        for item in _SPLIT.split(run.group()):
            term = _chosen_material(item, lex) if material else _clean(item, lex)
            if term and _QUALITY.search(term):
                term = None
            s = text.find(term, pos) if term else -1
            if term and s >= 0 and not _in_skip(skip, s, s + len(term)) and not any(taken[s: s + len(term)]):
                mark = polarity
                if polarity == "+" and re.match(r"(?:无|0|零)", item.strip()):
                    mark = "-"
                claims.append(Claim(kind="ingredient", text=term, start=s, end=s + len(term), value=mark + term))
                taken[s: s + len(term)] = b"\x01" * len(term)
            pos += len(item) + 1

    for m in NEG_MARKER.finditer(text):
        taken[m.start(): m.end()] = b"\x01" * (m.end() - m.start())
        emit(m.end(), "-")
    for m in lex.absence_re.finditer(text):
        if not any(taken[m.start(): m.end()]) and not _in_skip(skip, m.start(), m.end()):
            term = re.sub(r"^(?:无|0|零)\s?|(?:0|零)残留$", "", m.group())
            term = term + "残留" if m.group().endswith("残留") else term
            claims.append(Claim(kind="ingredient", text=m.group(), start=m.start(), end=m.end(), value="-" + term))
            taken[m.start(): m.end()] = b"\x01" * (m.end() - m.start())
    for m in POS_MARKER.finditer(text):
        if not any(taken[m.start(): m.end()]):
            emit(m.end(), "+")
    for m in CHOOSE_MARKER.finditer(text):
        if not any(taken[m.start(): m.end()]):
            emit(m.end(), "+", material=True)
    for m in USE_MATERIAL.finditer(text):
        cleaned = _clean(m.group(1), lex)
        if cleaned and not any(taken[m.start(1): m.end(1)]):
            s = m.start(1) + m.group(1).find(cleaned)
            claims.append(Claim(kind="ingredient", text=cleaned, start=s, end=s + len(cleaned), value="+" + cleaned))
    return claims


def absence_markers(text: str) -> list[tuple[int, int]]:
    """Spans of 0添加 / 无X / 0X markers, so the 0 in them is never read as the number zero."""
    lex = lexicon()
    return [(m.start(), m.end()) for rx in (NEG_MARKER, lex.absence_re) for m in rx.finditer(text)]


def efficacies(text: str, skip: bytearray) -> list[Claim]:
    lex = lexicon()
    claims: list[Claim] = []
    taken = bytearray(len(text))
    for rx in (lex.strong_re, lex.object_re):
        for m in rx.finditer(text):
            if any(taken[m.start(): m.end()]) or _in_skip(skip, m.start(), m.end()):
                continue
            if NEGATION.search(text, clause_start(text, m.start()), m.start()):
                continue  # "不能代替药物" is not a claim of efficacy
            cls = efficacy_class(m.group(), lex)
            claims.append(Claim(kind="efficacy", text=m.group(), start=m.start(), end=m.end(), value=cls))
            taken[m.start(): m.end()] = b"\x01" * (m.end() - m.start())
    return claims


def efficacy_class(span: str, lex: Lexicon) -> str:
    if span == "瘦":
        return "瘦身"
    hits = list(re.finditer(lex.efficacy_surfaces, span))
    if hits:
        # the last surface in the span names the effect: 提高宝宝免疫力 -> 免疫力
        return lex.surface_to_class[hits[-1].group()]
    return "治疗:" + re.sub(r"^(?:治疗|治愈|根治)", "", span)


def synonyms_of(term: str) -> tuple[str, ...]:
    lex = lexicon()
    return lex.synonyms.get(term, (term,))
