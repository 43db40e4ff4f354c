"""``extract_claims`` and ``check``: find the claims in a variant and look for each one in the sources."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

from . import _address, _terms
from ._models import CheckedClaim, Citation, Claim, GroundingReport, Source
from ._numeric import Scan, codes, dates, phones, quantities, skip_structural
from ._text import CLAUSE_END, clause_start, normalize, sentence_around
from ._units import in_base


def extract_claims(text: str) -> list[Claim]:
    """Every checkable claim in ``text``, in reading order; offsets index ``text`` itself."""
    return list(_extract(text))


@lru_cache(maxsize=4096)
def _extract(text: str) -> tuple[Claim, ...]:
    norm = normalize(text)
    scan = Scan(norm)
    skip_structural(scan)
    structural = bytearray(scan.taken)
    for start, end in _terms.absence_markers(norm):
        scan.take(start, end)
    phones(scan)
    for start, end in _address.find(norm):
        if scan.free(start, end):
            scan.add("address", start, end, _address.canonical(norm[start:end]))
    codes(scan)
    dates(scan)
    quantities(scan)
    claims = scan.claims + _terms.ingredients(norm, structural) + _terms.efficacies(norm, structural)
    claims.sort(key=lambda c: (c.start, c.end))
    return tuple(c if c.text == text[c.start:c.end] else c.model_copy(update={"text": text[c.start:c.end]})
                 for c in claims)


@dataclass(frozen=True)
class _Facts:
    """A source, analysed once: its normalised text and the claims it makes."""

    source: Source
    norm: str
    canon: str
    claims: tuple[Claim, ...]


@lru_cache(maxsize=1024)
def _facts(source: Source) -> _Facts:
    norm = normalize(source.text)
    return _Facts(source, norm, _address.canonical(norm), _extract(source.text))


def check(text: str, sources: list[Source]) -> GroundingReport:
    """Check every claim in ``text`` against ``sources``; unsupported claims are the ones to flag."""
    facts = [_facts(s) for s in sources]
    checked = []
    for claim in _extract(text):
        hit = _support(claim, facts)
        citation = None
        if hit is not None:
            f, start, end = hit
            left, right = sentence_around(f.source.text, start, end)
            citation = Citation(claim=claim.text, kind=claim.kind, source_id=f.source.id, source_title=f.source.title,
                                passage=f.source.text[left:right].strip(), start=start, end=end)
        checked.append(CheckedClaim(claim=claim, supported=hit is not None, citation=citation))
    return GroundingReport(text=text, claims=checked)


_Hit = tuple[_Facts, int, int]


def _support(claim: Claim, facts: list[_Facts]) -> _Hit | None:
    if claim.kind in ("number", "price", "percent"):
        return _first(_numeric_hits(claim, facts))
    if claim.kind == "date":
        return _date_support(claim, facts)
    if claim.kind == "phone":
        return _first((f, c.start, c.end) for f in facts for c in f.claims
                      if c.kind == "phone" and _same_phone(claim.value, c.value))
    if claim.kind == "address":
        return _address_support(claim, facts)
    if claim.kind == "code":
        return _first((f, c.start, c.end) for f in facts for c in f.claims
                      if c.kind == "code" and c.value == claim.value)
    if claim.kind == "ingredient":
        return _ingredient_support(claim, facts)
    return _efficacy_support(claim, facts)


def _first(hits: Iterable[_Hit]) -> _Hit | None:
    return next(iter(hits), None)


# --- numbers -----------------------------------------------------------------------------------------
def _values(claim: Claim) -> list[Decimal]:
    """The number(s) a claim states: one value, or both ends of a range."""
    try:
        if claim.value.startswith("-"):
            return [Decimal(claim.value)]
        return [Decimal(p) for p in claim.value.split("-")] if claim.value[:1].isdigit() else []
    except ArithmeticError:
        return []


def _md(text: str) -> tuple[int, int] | None:
    m = re.fullmatch(r"(\d{1,2})[./](\d{1,2})", text.strip())
    return (int(m.group(1)), int(m.group(2))) if m else None


def _numeric_hits(claim: Claim, facts: list[_Facts]) -> Iterable[_Hit]:
    mine = _in_base(claim)
    for f in facts:
        for c in f.claims:
            if c.kind == "date":
                if claim.unit is None and claim.kind == "number" and _bare_as_date(claim, c):
                    yield f, c.start, c.end
                continue
            if c.kind not in ("number", "price", "percent"):
                continue
            if claim.unit == "买赠" or c.unit == "买赠":
                if claim.value == c.value and claim.unit == c.unit:
                    yield f, c.start, c.end
                continue
            if not _compatible(claim, c, f):
                continue
            theirs = _in_base(c)
            # equal value, or each value the claim states is one the source states (range ends count)
            same = bool(mine) and (mine == theirs or all(v in theirs for v in mine))
            if same or (len(mine) == 2 and _range_in(mine, f, claim)):
                yield f, c.start, c.end


def _in_base(claim: Claim) -> list[Decimal]:
    """The claim's value(s) in the base unit of its dimension: 1.5L and 1500ml compare equal."""
    return [in_base(v, claim.unit)[1] for v in _values(claim)]


#: Words that make a number without a unit in a source a sum of money: 满99包邮, 办卡充500送100.
_MONEY = re.compile(r"价|元|块|[¥￥]|满|充|付|售|卖|包邮|团购|优惠|减|钱|费|RMB|rmb|预算")


def _money_context(f: _Facts, c: Claim) -> bool:
    end = CLAUSE_END.search(f.norm, c.end)
    return bool(_MONEY.search(f.norm, clause_start(f.norm, c.start), end.start() if end else len(f.norm)))


def _compatible(claim: Claim, c: Claim, f: _Facts) -> bool:
    """Whether source claim ``c`` states the same kind of quantity as ``claim`` (values are compared after).

    A unit says what is counted, so a claim with a unit needs a source number with a unit of the same
    dimension (3瓶 only 3瓶; 1斤 also 500g). A source number without a unit says nothing about what it counts:
    it supports no counted claim (满99包邮 does not support 99瓶装), and a price only when money words stand in
    its clause (满99包邮 does support 99元). A number without a unit in the copy is the weakest claim: it
    matches a source number that also has none, a price (copy drops 元: 双人套餐168) or a percent (drops %),
    but not a counted one — (2) in the copy is not the 2 of 买2斤.
    """
    if claim.kind == "price":
        return c.kind == "price" or (c.kind == "number" and c.unit is None and _money_context(f, c))
    if claim.kind == "percent":
        return c.kind == "percent" and c.unit == claim.unit
    if claim.unit is None:
        return c.kind == "price" or (c.kind == "number" and c.unit is None) or (c.kind == "percent" and c.unit == "%")
    return c.kind == "number" and c.unit is not None and _dimension(c.unit) == _dimension(claim.unit)


def _dimension(unit: str | None) -> str | None:
    return in_base(Decimal(1), unit)[0]


def _range_in(bounds: list[Decimal], f: _Facts, claim: Claim) -> bool:
    dim = _dimension(claim.unit)
    stated = {v for c in f.claims if c.kind == "number" and _dimension(c.unit) == dim for v in _in_base(c)}
    return all(b in stated for b in bounds)


def _bare_as_date(claim: Claim, c: Claim) -> bool:
    """11.20 written without a date word is still 11月20日; 2024 is still the year 2024."""
    y, m, d = (c.value.split("-") + ["*", "*"])[:3] if "-" in c.value else ("*", "*", "*")
    md = _md(claim.text)
    if md is not None:
        return m != "*" and d != "*" and (int(m), int(d)) == md
    return y != "*" and claim.value == y


# --- dates, weekdays, times ----------------------------------------------------------------------------
def _date_support(claim: Claim, facts: list[_Facts]) -> _Hit | None:
    v = claim.value
    if v.startswith("周"):
        want = {int(x) for x in v[1:].split(",")}
        have: dict[int, _Hit] = {}
        for f in facts:
            for c in f.claims:
                if c.unit != claim.unit:  # an open day is not supported by a closed one, nor the reverse
                    continue
                for day in _weekdays_of(c):
                    have.setdefault(day, (f, c.start, c.end))
        return have[min(want)] if want <= set(have) else None
    if ":" in v:
        want = _minutes(v)
        return _first((f, c.start, c.end) for f in facts for c in f.claims
                      if c.kind == "date" and ":" in c.value and want & _minutes(c.value))
    if v.startswith("节:"):
        return _first((f, c.start, c.end) for f in facts for c in f.claims if c.value == v)
    return _first(_ymd_hits(claim, facts))


def _ymd_hits(claim: Claim, facts: list[_Facts]) -> Iterable[_Hit]:
    cy, cm, cd = claim.value.split("-")
    for f in facts:
        for c in f.claims:
            if c.kind == "number" and c.unit is None:
                md = _md(c.text)
                if md and cm != "*" and cd != "*" and md == (int(cm), int(cd)):
                    yield f, c.start, c.end
                if cm == "*" and cd == "*" and c.value == cy:
                    yield f, c.start, c.end
                continue
            if c.kind != "date" or c.value.count("-") != 2:
                continue
            sy, sm, sd = c.value.split("-")
            # what the copy states must be what the source states; only a year the source leaves out is
            # taken as implied (3月8日 in the brief supports 2024年3月8日 in the copy)
            stated = (cm, cd) != ("*", "*")
            day_match = stated and (cy in ("*", sy) or sy == "*") and cm in ("*", sm) and cd in ("*", sd)
            if day_match or ((cm, cd) == ("*", "*") and cy == sy):
                yield f, c.start, c.end


def _weekdays_of(c: Claim) -> set[int]:
    if c.kind != "date":
        return set()
    if c.value.startswith("周"):
        return {int(x) for x in c.value[1:].split(",")}
    parts = c.value.split("-")
    if len(parts) == 3 and "*" not in parts:
        try:
            return {calendar.weekday(int(parts[0]), int(parts[1]), int(parts[2])) + 1}
        except ValueError:
            return set()
    return set()


def _minutes(value: str) -> set[int]:
    ambiguous = value.startswith("~")
    h, m = (int(x) for x in value.lstrip("~").split(":"))
    base = h * 60 + m
    return {base, (base + 720) % 1440} if ambiguous else {base}


# --- phones, addresses -------------------------------------------------------------------------------
def _same_phone(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    # 62881234 and 021-62881234 are the same line: the area code is often left out
    return len(short) >= 7 and long_.startswith("0") and long_.endswith(short) and len(long_) - len(short) <= 4


def _address_support(claim: Claim, facts: list[_Facts]) -> _Hit | None:
    codes, names = _address.components(claim.value)
    if not all(any(_address.name_in(n, f.canon) >= 0 for f in facts) for n in names):
        return None
    for f in facts:
        spots = [_address.code_in(c, f.canon) for c in codes]
        if all(s >= 0 for s in spots) and (codes or names):
            anchor = min(spots) if spots else max(_address.name_in(names[0], f.canon), 0)
            if not codes and _address.name_in(names[0], f.canon) < 0:
                continue
            # canonical() may shorten the text (二楼 -> 2楼), so cite the whole address claim in the source
            src = next((c for c in f.claims if c.kind == "address" and c.start <= anchor < c.end + 8), None)
            return (f, src.start, src.end) if src else (f, anchor, anchor + 1)
    return None


# --- ingredients, efficacy -----------------------------------------------------------------------------
@cache
def _forms_re(forms: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(x) for x in sorted(forms, key=len, reverse=True)))


def _occurrences(forms: tuple[str, ...], f: _Facts, absent: bool) -> Iterable[_Hit]:
    """Where a term occurs in a source with the wanted polarity (stated vs stated-as-absent)."""
    for m in _forms_re(forms).finditer(f.norm):
        before = f.norm[clause_start(f.norm, m.start()): m.start()]
        if absent and _terms.ABSENCE.search(before) or not absent and not _terms.NEGATION.search(before):
            yield f, m.start(), m.end()


def _ingredient_support(claim: Claim, facts: list[_Facts]) -> _Hit | None:
    absent, term = claim.value[0] == "-", claim.value[1:]
    forms = tuple({term, *_terms.synonyms_of(term)})
    hit = _first(h for f in facts for h in _occurrences(forms, f, absent))
    if hit or absent:
        return hit
    tokens = _terms.content_tokens(term, _terms.lexicon())
    for f in facts:  # every meaningful token (新西兰 进口 黄油) must be in one source
        hits = [_first(_occurrences(tuple({t, *_terms.synonyms_of(t)}), f, False)) for t in tokens]
        if tokens and all(hits):
            return hits[0]
    return None


def _efficacy_support(claim: Claim, facts: list[_Facts]) -> _Hit | None:
    lex = _terms.lexicon()
    if claim.value.startswith("治疗:"):
        forms: tuple[str, ...] = (claim.value[3:],)
    else:
        forms = lex.class_surfaces.get(claim.value, (claim.value,))
    return _first(h for f in facts for h in _occurrences(forms, f, False))
