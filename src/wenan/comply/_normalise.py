"""Evasion-proof normalisation with offsets that map back to the input.

Two views of a text are matched, never the raw input:

* ``folded`` — the same length as the input: full-width → half-width, upper → lower case and traditional →
  simplified, all one character for one character, so an offset in ``folded`` *is* an offset in the input.
  Regex rules and context checks read this view.
  ``fold_block`` (the engine's per-block fold) also puts back a pinyin syllable written against Chinese text
  as the character it replaces, padded to the same length (``zhi疗`` → 治 PAD PAD 疗; table in
  ``variants.yaml``), and folds circled/enclosed/Roman-numeral digits and letters (①③⑧, ⓥ, 第Ⅰ).
* ``skeleton`` — ``folded`` minus runs of spaces, symbols, zero-width characters, emoji and pinyin padding
  wedged between two letters (``最 好``, ``最*好``, ``v 信``, 治 PAD PAD 疗 → 治疗), with a sparse shift table
  back to input offsets. The lexicon automaton reads this view.

Traditional characters and pinyin or homophone spellings are handled on the *lexicon* side instead: every
term is expanded into its traditional and variant spellings before the automaton is built. That keeps the
hot path to two C-speed scans for ordinary simplified text (see ``benchmarks/bench_comply.py``). The engine
still folds each block once (``fold_block``, which rewrites only the few characters that change) so that
context checks, regex rules and detectors all read one normalised text without folding again per hit.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate

from ._schema import PLACEHOLDER, load_variants

# Characters inserted between letters to dodge filters. Sentence punctuation (，。！？；：) is deliberately
# absent: it carries clause boundaries that the context rules depend on. So are + and ➕ (U+2795): they
# are part of the contact shorthand itself (+v, ➕vx), not padding.
# PAD stands in for the rest of a pinyin syllable folded to its character (zhi → 治 + PAD + PAD, see
# ``fold_block``): a private-use character no copy contains, dropped from the skeleton like any separator.
PAD = "\ue000"
_SEP_CHARS = (
    " \t\u00a0\u3000\u200b\u200c\u200d\u2060\ufeff\ufe0f\ue000*#@&^~_=|\\/·•・.'\"`-"
    "～＊＃＠＆＾＿＝｜＼／．＇＂｀－"
)
# 🐧 (U+1F427) is left out: it is itself a QQ marker (🐧群 556677889), not padding; so is 🥇 (U+1F947), a
# ranking written as an emoji (销量🥇, a variant of 第一 in variants.yaml).
_EMOJI = "\u2600-\u2794\u2796-\u27bf\u2b50\u2b55\U0001f300-\U0001f426\U0001f428-\U0001f946\U0001f948-\U0001faff"
SEP_CLASS = "[" + re.escape(_SEP_CHARS) + _EMOJI + "]"
_LETTER = "A-Za-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Written to start with the separator class (lookbehind second) so the regex engine can skip ahead by
# character set: 4x faster than the lookbehind-first spelling on ordinary copy.
_SEP_RUN = re.compile(f"{SEP_CLASS}(?<=[{_LETTER}]{SEP_CLASS}){SEP_CLASS}*(?=[{_LETTER}0-9])")
_SEP_SPLIT = re.compile(f"({_SEP_RUN.pattern})")  # kept, run, kept, run, …, kept

# Full-width forms that need folding. Full-width sentence punctuation is left alone (rules accept both
# forms), so ordinary Chinese text never pays for rewriting it.
_KEEP_FULLWIDTH = "，！？：；（）"


@cache
def t2s_table() -> dict[str, str]:
    """Traditional → simplified, one character to one character, derived from OpenCC's ``t2s`` config.

    Each character is converted on its own (newline-separated) so phrase rules can never change the
    length; any conversion that is not exactly one character is dropped.
    """
    import opencc

    chars = [chr(c) for r in ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00)) for c in range(*r)]
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # a future OpenCC that merges lines: fall back to one call per char
        cc = opencc.OpenCC("t2s")
        converted = [cc.convert(c) for c in chars]
    return {t: s for t, s in zip(chars, converted, strict=True) if len(s) == 1 and s != t}


@cache
def s2t_variants() -> dict[str, tuple[str, ...]]:
    """Simplified character → its traditional forms (发 → 發, 髮), for expanding lexicon terms."""
    out: dict[str, list[str]] = {}
    for trad, simp in t2s_table().items():
        out.setdefault(simp, []).append(trad)
    return {s: tuple(sorted(ts)) for s, ts in out.items()}


@cache
def fold_table() -> dict[int, str]:
    table: dict[int, str] = {ord(t): s for t, s in t2s_table().items()}
    for code in range(0xFF01, 0xFF5F):
        if chr(code) not in _KEEP_FULLWIDTH:
            table[code] = chr(code - 0xFEE0).lower()
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code).lower()
    table.update(_STYLISED)
    # Capital numerals (捌成车主, 玖成): only the ones that mean nothing else. 陆 (大陆), 伍 (队伍), 拾 (收拾),
    # 肆 (大肆), 佰 and 仟 are ordinary words or names too often and are left alone.
    table.update({ord(c): n for c, n in zip("壹贰貳叁叄參柒捌玖", "一二二三三三七八九", strict=True)})
    # Variant characters written for a claim word's character (全城冣好, 研究表眀): 冣 and 眀 are only ever 最 and 明.
    table.update({ord("冣"): "最", ord("眀"): "明"})
    # The keycap mark of an emoji digit (1️⃣ = 1, U+FE0F, U+20E3): ``fold_block`` moves the digit to the
    # sequence's last position and pads the rest, so the skeleton reads 人气1️⃣ as 人气1 and 0️⃣风险 as 0风险.
    table[_KEYCAP] = PAD
    return table


def _stylised() -> dict[int, str]:
    """Circled, enclosed, Roman-numeral and mathematical forms of digits and letters (①③⑧, ⓥ, 🅥, 𝐯, 第Ⅰ) → plain.

    NFKC would turn ⑩ or Ⅻ into two characters; only the one-character forms are folded, so offsets hold.
    Ⅴ and Ⅹ fold to the letters v and x (加Ⅴ, ⅤⅩ), the other Roman numerals to digits (销量第Ⅰ).
    """
    out: dict[int, str] = {0x24EA: "0", 0x24FF: "0"}
    for first in (0x2460, 0x2776, 0x2780, 0x278A):  # ①, ❶, ➀, ➊ … 9
        out.update({first + k: str(k + 1) for k in range(9)})
    for first in (0x24B6, 0x24D0, 0x1F130, 0x1F150, 0x1F170):  # Ⓐ, ⓐ, 🄰, 🅐, 🅰 … z
        out.update({first + k: chr(ord("a") + k) for k in range(26)})
    for first in (0x2160, 0x2170):  # Ⅰ, ⅰ …
        out.update({first + k: d for k, d in enumerate("1234v6789x")})
    # Mathematical and phonetic letter forms (𝐯, 𝒗, 𝕧, ᵛ, ¹): whatever NFKC turns into one ASCII letter or digit.
    for lo, hi in ((0xB2, 0xBA), (0x1D00, 0x1DC0), (0x2070, 0x20A0), (0x1D400, 0x1D800)):
        for code in range(lo, hi):
            plain = unicodedata.normalize("NFKC", chr(code))
            if len(plain) == 1 and plain.isascii() and plain.isalnum() and code not in out:
                out[code] = plain.lower()
    return out


_KEYCAP = 0x20E3
_KEYCAP_SEQ = re.compile("([0-9])\ufe0f?\u20e3")


def _keycaps(text: str) -> str:
    """1️⃣ → PAD PAD 1: the digit last, so a claim word after it (0️⃣风险) and one before it (人气1️⃣) both touch it."""
    return _KEYCAP_SEQ.sub(lambda m: PAD * (len(m.group()) - 1) + m.group(1), text)


def keycap_start(folded: str, a: int) -> int:
    """Start of a span at ``a`` in a folded block: a keycap digit (PAD PAD 9) takes its padding with it."""
    if a and folded[a - 1] == PAD and "0" <= folded[a] <= "9":
        while a and folded[a - 1] == PAD:
            a -= 1
    return a


# Pinyin written with tone marks to dodge filters (祛bān, zuì好, 第yī): the vowel without its mark, one
# character for one, so the pinyin table and the lexicon see ban, zui, yi.
_TONES = {ord(c): plain for plain, marked in (("a", "āáǎàĀÁǍÀ"), ("e", "ēéěèĒÉĚÈ"), ("i", "īíǐìĪÍǏÌ"),
                                              ("o", "ōóǒòŌÓǑÒ"), ("u", "ūúǔùŪÚǓÙ"), ("v", "üǖǘǚǜÜǕǗǙǛ"))
          for c in marked}
_STYLISED = _stylised() | _TONES


@cache
def _needs_fold() -> re.Pattern[str]:
    """One character class; the astral keys (🅥…) as one range, since listing them one by one makes the regex
    engine fall back to a slow class representation (17x slower on ordinary copy)."""
    keys = sorted(fold_table())
    astral = [c for c in keys if c > 0xFFFF]
    bmp = "".join(re.escape(chr(c)) for c in keys if c <= 0xFFFF)
    return re.compile(f"[{bmp}{chr(astral[0])}-{chr(astral[-1])}]" if astral else f"[{bmp}]")


def fold(text: str) -> str:
    """Length-preserving: half-width, lower-case, simplified.

    ``str.translate`` with a dict table costs ~0.5 µs per character; the search that usually proves it
    unnecessary costs ~100x less, and context windows are folded once per hit.
    """
    return text.translate(fold_table()) if _needs_fold().search(text) else text


def fold_block(text: str) -> str:
    """``fold`` for a large block, plus pinyin put back: the same length, paying only for what changes.

    Full-width forms, capitals and traditional characters are rare in simplified copy, so their positions
    are found in one regex pass (~6 ns a character) and only they are rewritten; ``str.translate`` would
    cost ~100 ns for every character. A block that is mostly traditional is translated whole.

    A pinyin syllable written for one character of a claim word (``zhi疗``) becomes that character followed by
    ``PAD`` for its other letters (治 PAD PAD 疗): the length still holds, so offsets in the folded block are
    offsets in the input, and the skeleton drops the padding like any separator (治疗). The same regex pass
    finds both (one pass: ~2 ms per MB cheaper than a second one for the syllables).
    """
    rx, table_py = _fold_or_pinyin()
    found = [m.span() for m in rx.finditer(text)]
    if not found:
        return text
    table = fold_table()
    if len(found) * 8 > len(text):  # mostly traditional: translate whole, then look for syllables
        return _put_back_pinyin((_keycaps(text) if chr(_KEYCAP) in text else text).translate(table))
    parts: list[str] = []
    prev = 0
    n = len(text)
    for a, b in found:
        if text[a] == chr(_KEYCAP):  # 1️⃣: the digit and its variation selector were passed over as kept text
            k = a - 1 if a and text[a - 1] == "\ufe0f" else a
            if k and k - 1 >= prev and "0" <= text[k - 1] <= "9":
                parts.append(text[prev:k - 1])
                parts.append(PAD * (a - k + 1) + text[k - 1])
                prev = b
            continue
        if b - a == 1 and (ch := table.get(ord(text[a]))) is not None:
            parts.append(text[prev:a])
            parts.append(ch)
            prev = b
            continue
        syl = _syllable(table_py, text, a, b)
        if syl is None or (a and _is_word_char(text[a - 1])) or not (
                (a and _is_cjk(text[a - 1])) or (b < n and _is_cjk(text[b]))):
            continue
        parts.append(text[prev:a])
        parts.append(syl + PAD * (b - a - len(syl)))
        prev = b
    if not parts:
        return text
    parts.append(text[prev:])
    return "".join(parts)


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


def _put_back_pinyin(folded: str) -> str:
    edits = _pinyin_edits(folded)
    if not edits:
        return folded
    parts = []
    prev = 0
    for a, b, ch in edits:
        parts.append(folded[prev:a])
        parts.append(ch + PAD * (b - a - len(ch)))
        prev = b
    parts.append(folded[prev:])
    return "".join(parts)


@cache
def _fold_or_pinyin() -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex for ``fold_block``: a character to fold, or a lower-case pinyin syllable (its first letter, then
    its tail). It starts with one character class, so the regex engine skips ahead to candidates."""
    fold_class = _needs_fold().pattern[1:-1]
    rx, table = _pinyin()
    heads = "".join(sorted({k[0] for k in table}))
    tails = "|".join(sorted({re.escape(k[1:]) for k in table}, key=len, reverse=True))
    return re.compile(f"[{fold_class}{heads}](?:(?<=[{heads}])(?:{tails})(?![a-z])|(?<![{heads}]))"), table


@dataclass(slots=True)
class Skeleton:
    """``text`` with separator runs (and pinyin padding) removed; ``cuts``/``shifts`` map skeleton offsets to
    offsets in ``source``, the folded block, which has the input's offsets."""

    text: str
    cuts: list[int] = field(default_factory=list)
    shifts: list[int] = field(default_factory=list)
    source: str = ""
    padded: bool = False  # the source holds a folded syllable's padding: span ends may need extending

    def to_input(self, i: int) -> int:
        if not self.cuts:
            return i
        k = bisect_right(self.cuts, i) - 1
        return i + self.shifts[k] if k >= 0 else i

    def _end(self, last: int) -> int:
        """Input end of the character at skeleton ``last``: past the padding of a folded syllable (zhi)."""
        b = self.to_input(last) + 1
        src = self.source
        while b < len(src) and src[b] == PAD:
            b += 1
        return b

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Input span of skeleton ``[start, end)``; separators inside the span are included."""
        if self.padded:
            return keycap_start(self.source, self.to_input(start)), self._end(end - 1)
        return self.to_input(start), self.to_input(end - 1) + 1

    def rewritten(self, start: int, end: int) -> bool:
        """Whether skeleton ``[start, end)`` differs from the folded text: a separator or padding dropped."""
        k = bisect_right(self.cuts, start)
        if k < len(self.cuts) and self.cuts[k] < end:
            return True
        return self.padded and self._end(end - 1) != self.to_input(end - 1) + 1


# Pinyin written for one character of a claim word, to dodge keyword filters: zhi疗, kang炎, jiang血压, zhao财,
# wei信, te供, bao本, zui好. A syllable is replaced only when it is a whole run of Latin letters written against
# a Chinese character, so English words and brand names are left alone. The regex is spelled as a branch on
# literal first letters so the engine skips ahead to them (~1.4 ms per MB of ordinary copy).
@cache
def _pinyin() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {k.lower(): v for k, v in load_variants().pinyin.items()}
    for syl in _pinyin_after():  # a syllable put back only after certain characters (免yi): "" elsewhere
        table.setdefault(syl, "")
    groups: dict[str, list[str]] = {}
    for syl in sorted(table, key=len, reverse=True):
        groups.setdefault(syl[0], []).append(re.escape(syl[1:]))
    alt = "|".join(f"{h}(?:{'|'.join(tails)})" for h, tails in sorted(groups.items()))
    return re.compile(f"(?:{alt})(?![a-z])"), table


@cache
def _pinyin_after() -> dict[str, dict[str, str]]:
    return {k.lower(): v for k, v in load_variants().pinyin_after.items()}


def _syllable(table: dict[str, str], text: str, a: int, b: int) -> str | None:
    """The character the syllable ``text[a:b]`` stands for; a few depend on the character before (包guo → 过)."""
    syl = text[a:b].lower()
    after = _pinyin_after().get(syl)
    if after and a and (ch := after.get(text[a - 1])) is not None:
        return ch
    return table.get(syl) or None


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _pinyin_edits(folded: str) -> list[tuple[int, int, str]]:
    rx, table = _pinyin()
    out = []
    n = len(folded)
    for m in rx.finditer(folded):
        a, b = m.span()
        if a and _is_word_char(folded[a - 1]):
            continue  # inside a longer Latin word or a handle (tea_bao)
        if (a and _is_cjk(folded[a - 1])) or (b < n and _is_cjk(folded[b])):
            ch = _syllable(table, folded, a, b)
            if ch is not None:
                out.append((a, b, ch))
    return out


def skeleton(folded: str) -> Skeleton:
    """Split on separator runs in one C call and measure the pieces with ``accumulate``: no Python loop per run."""
    pieces = _SEP_SPLIT.split(folded)
    padded = PAD in folded
    if len(pieces) == 1:
        return Skeleton(folded, source=folded, padded=padded)
    kept = pieces[0::2]
    cuts = list(accumulate(map(len, kept[:-1])))
    shifts = list(accumulate(map(len, pieces[1::2])))
    return Skeleton("".join(kept), cuts, shifts, folded, padded)


# --- lexicon-side expansion -------------------------------------------------------------------------

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
    return f"(?:{_trie_regex(_trie(words), gap)})"  # one atom, whatever follows the placeholder


def _trie(words: list[str]) -> dict[str, dict]:
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return trie


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
            return _trie_branches(_trie(variants.words[name]), "")
        return _trie_branches(_trie(variants.contact[name]), _GAP)

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


def is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()
