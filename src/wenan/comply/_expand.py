"""Lexicon-side expansion: every spelling a rule's term or placeholder should match, built once.

The normaliser (``_normalise.py``) folds the *text*; traditional characters, homophones, pinyin and case
variants of a term are instead expanded here, before the automaton and the contact regexes are built, so the
hot path stays two C-speed scans for ordinary simplified copy.
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from ._normalise import s2t_variants, word_trie
from ._schema import PLACEHOLDER, load_variants

_MAX_TRAD = 64


def _case_forms(s: str) -> set[str]:
    """ASCII-bearing spellings in the case users type them (vx, VX, Vx, vX …); the text is not lower-cased."""
    letters = [i for i, ch in enumerate(s) if "a" <= ch <= "z"]
    if not letters:
        return {s}
    if len(letters) <= 6:  # every casing of short ASCII words: vx, VX, WeChat, WEIXIN
        out = set()
        for flags in itertools.product((False, True), repeat=len(letters)):
            chars = list(s)
            for i, up in zip(letters, flags, strict=True):
                chars[i] = chars[i].upper() if up else chars[i]
            out.add("".join(chars))
        return out
    return {s, s.upper(), s[:1].upper() + s[1:]}


def _traditional_forms(s: str) -> set[str]:
    table = s2t_variants()
    options = [(ch, *table.get(ch, ())) for ch in s]
    combos = 1
    for opt in options:
        combos *= len(opt)
    if combos <= _MAX_TRAD:
        return {"".join(p) for p in itertools.product(*options)}
    return {s, "".join(opt[-1] for opt in options)}  # all-simplified and all-traditional only


def _variant_forms(term: str) -> set[str]:
    """Replace each lexicon fragment (最 → zui, 蕞 …) everywhere it occurs, one fragment kind at a time."""
    out = {term}
    for canonical, variants in load_variants().lexicon.items():
        if canonical in term:
            out |= {t.replace(canonical, v) for t in list(out) for v in variants}
    return out


@cache
def expand_term(term: str) -> frozenset[str]:
    """Every spelling of ``term`` the automaton should recognise (term is lower-case simplified)."""
    out: set[str] = set()
    for form in _variant_forms(term):
        for trad in _traditional_forms(form):
            out |= _case_forms(trad)
    return frozenset(out)


# Between the characters of a contact keyword: the common separators only. The full SEP_CLASS (emoji
# ranges) repeated in every gap makes the contact regexes slow to compile for no practical gain.
_GAP = r"[\s*#@&^~_+=|\\/·•・.'\"`-]*"


def _alternation(words: list[str], gap: str = _GAP) -> str:
    """Regex for any of ``words`` with separators tolerated between characters (v 信, 微*信).

    Written as a trie (v(?:信|x)…, not v信|vx|…): at each position the regex engine then tries one branch
    per distinct first character instead of every word, which makes the contact patterns ~25% faster.
    A word that is a prefix of another is matched as the longer one when it can be, as before.
    """
    return f"(?:{_trie_regex(word_trie(words), gap)})"  # one atom, whatever follows the placeholder


def _trie_branches(node: dict[str, dict], gap: str) -> list[tuple[str, str]]:
    """The branches of a trie node as (its first character, escaped; the regex for the rest)."""
    out = []
    for ch in sorted(k for k in node if k):
        child = node[ch]
        if set(child) == {""}:
            out.append((re.escape(ch), ""))
            continue
        rest = gap + _trie_regex({k: v for k, v in child.items() if k}, gap)
        out.append((re.escape(ch), f"(?:{rest})?" if "" in child else rest))
    return out


def _trie_regex(node: dict[str, dict], gap: str = _GAP) -> str:
    alts = [first + rest for first, rest in _trie_branches(node, gap)]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


# The regex engine skips ahead to a pattern's possible first characters only when it can see them: when every
# branch of the pattern starts with a literal. Two spellings hide them, so they are expanded flat, each to the
# same alternatives in the same order: placeholders alternated in a group, (?:{{add_wechat}}|{{wechat}}), one
# branch list rather than nested ones; and a one-character lookbehind before a placeholder, (?<![a-z0-9]){{qq}},
# moved behind each branch's first character (x(?<![a-z0-9]x)…: the same test of the character before it).
# Contact lines read up to eight such patterns each, so this makes them several times faster.
_PLACEHOLDER_GROUP = re.compile(r"\(\?:(\{\{\w+\}\}(?:\|\{\{\w+\}\})+)\)")
_GUARDED_PLACEHOLDER = re.compile(r"\(\?<!(\[(?:\\.|[^\\\]])+\])\)\{\{(\w+)\}\}")


@cache
def expand_placeholders(pattern: str) -> str:
    """``{{wechat}}`` → alternation of the contact variants; ``{{sep}}`` → optional separator run."""
    variants = load_variants()

    def branches(name: str) -> list[tuple[str, str]] | None:
        if name == "sep":
            return None
        if name in variants.words:
            return _trie_branches(word_trie(variants.words[name]), "")
        return _trie_branches(word_trie(variants.contact[name]), _GAP)

    def flat_group(m: re.Match[str]) -> str:
        parts = [branches(name) for name in PLACEHOLDER.findall(m.group(1))]
        if any(p is None for p in parts):
            return m.group()
        return "(?:" + "|".join(first + rest for p in parts if p for first, rest in p) + ")"

    def guarded(m: re.Match[str]) -> str:
        before, p = m.group(1), branches(m.group(2))
        if p is None:
            return m.group()
        return "(?:" + "|".join(f"{first}(?<!{before}{first}){rest}" for first, rest in p) + ")"

    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name == "sep":
            return _GAP
        if name in variants.words:
            # Claim vocabulary (病名): spaced forms reach these patterns through the skeleton already, and a
            # gap class between every character would cost ~0.2 s of regex compilation at first use.
            return _alternation(variants.words[name], gap="")
        return _alternation(variants.contact[name])

    pattern = _GUARDED_PLACEHOLDER.sub(guarded, _PLACEHOLDER_GROUP.sub(flat_group, pattern))
    return PLACEHOLDER.sub(sub, pattern)


def contact_words(name: str) -> list[str]:
    return list(load_variants().contact[name])
