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

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate

from ._schema import load_variants

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
# 🐧 (U+1F427) is left out: it is itself a QQ marker (🐧群 556677889), not padding; so are 🥇 (U+1F947) and 🔝
# (U+1F51D), a ranking written as an emoji (销量🥇, 全行业🔝, 🔝级: variants of 第一 and 顶级 in variants.yaml).
_EMOJI = ("\u2600-\u2794\u2796-\u27bf\u2b50\u2b55\U0001f300-\U0001f426\U0001f428-\U0001f51c\U0001f51e-\U0001f946"
          "\U0001f948-\U0001faff")
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
    # An emoji that is always read as one character: 🔒 is 锁 (🔒定, 🔒住水分, 解🔒). Folded rather than dropped as
    # padding, so every view reads the word.
    table[0x1F512] = "锁"
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
# A run of keycap digits, spaced or hyphenated the way a number is (1️⃣3️⃣7️⃣ 0️⃣0️⃣1️⃣2️⃣, 5️⃣0️⃣).
_KEYCAP_RUN = re.compile("[0-9]\ufe0f?\u20e3(?:[ \\-]?[0-9]\ufe0f?\u20e3)*")
_KEYCAP_MARKS = re.compile("\ufe0f?\u20e3")


def _keycap_run(run: str) -> str:
    """1️⃣ → PAD PAD 1, 5️⃣0️⃣ → PAD PAD PAD PAD 50: the digits (with the spaces between groups) packed at the run's
    end, so a claim word after it (0️⃣风险) or before it (人气1️⃣) touches a digit and a number reads as one number
    (137 0012 3456 for the phone rule). ``keycap_start`` gives a span starting at the digits the padding back."""
    packed = _KEYCAP_MARKS.sub("", run)
    return PAD * (len(run) - len(packed)) + packed


def _keycaps(text: str) -> str:
    return _KEYCAP_RUN.sub(lambda m: _keycap_run(m.group()), text)


# Capital numerals that are also ordinary words or names (大陆, 队伍, 收拾, 大肆, 伍佰) are not in the fold table: they
# are folded to 四 五 六 十 百 千 only next to another numeral (肆零零, 捌捌陆, 伍拾分), and 拾 also before a measure
# word (拾个点, 拾倍) unless it is 收拾 or 捡拾. 一 and 两 do not count as a neighbour (陆一鸣 is a name).
_CTX_NUMERALS = {"肆": "四", "伍": "五", "陆": "六", "陸": "六", "拾": "十", "佰": "百", "仟": "千"}
_NUMERAL_NEIGHBOURS = frozenset("零〇二三四五六七八九十百千万亿幺壹贰貳叁叄參肆伍陆陸柒捌玖拾佰仟")
_CTX_NUMERAL_RX = re.compile("[" + "".join(_CTX_NUMERALS) + "]")


def _numeral(text: str, a: int) -> str | None:
    """The ordinary numeral for the capital numeral ``text[a]`` when it is written as a number, else None."""
    nxt = text[a + 1] if a + 1 < len(text) else ""
    if (a and text[a - 1] in _NUMERAL_NEIGHBOURS) or nxt in _NUMERAL_NEIGHBOURS:
        return _CTX_NUMERALS[text[a]]
    if text[a] == "拾" and nxt and nxt in "个倍元块分万%" and not (a and text[a - 1] in "收捡拾"):
        return "十"
    return None


def _put_back_numerals(text: str, folded: str) -> str:
    """``_numeral`` over a block translated whole (``folded`` is ``text`` folded)."""
    edits = [(m.start(), ch) for m in _CTX_NUMERAL_RX.finditer(text) if (ch := _numeral(text, m.start()))]
    if not edits:
        return folded
    chars = list(folded)
    for a, ch in edits:
        chars[a] = ch
    return "".join(chars)


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
    """One character class; the astral keys (🅥…, 🔒) as one range, since listing them one by one (or as a few
    ranges) makes the regex engine fall back to a slow class representation (17x slower on ordinary copy)."""
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
    offsets in the input, and the skeleton drops the padding like any separator (治疗). A claim word spelled in
    several syllables (``bao ben``, ``jiang xue ya``) becomes the word followed by padding (保本 PAD…). The same
    regex pass finds both (one pass: ~2 ms per MB cheaper than a second one for the syllables); letters that only
    read as pinyin once folded (ＢＡＯ　ＢＥＮ, ZHI, zhì) are looked at again around them afterwards.
    """
    rx, table_py, words = _fold_or_pinyin()
    found = [m.span() for m in rx.finditer(text)]
    if not found:
        return text
    table = fold_table()
    if len(found) * 8 > len(text):  # mostly traditional: translate whole, then look for syllables
        whole = (_keycaps(text) if chr(_KEYCAP) in text else text).translate(table)
        return _put_back_pinyin(_put_back_numerals(text, whole), text)
    parts: list[str] = []
    prev = 0
    latin: list[int] = []  # where a letter was folded (Ｂ, Z, ì): pinyin is looked for around them afterwards
    for a, b in found:
        if a < prev:  # inside a keycap run already rewritten
            continue
        c = text[a]
        if c == _KEYCAP_CHR:  # 1️⃣: the digit and its variation selector were passed over as kept text
            k = a - 1 if a and text[a - 1] == "\ufe0f" else a
            if k and k - 1 >= prev and "0" <= text[k - 1] <= "9" and (m := _KEYCAP_RUN.match(text, k - 1)):
                parts.append(text[prev:k - 1])
                parts.append(_keycap_run(m.group()))
                prev = m.end()
            continue
        if c in _CTX_NUMERALS:
            if ch := _numeral(text, a) or table.get(ord(c)):  # 陸 is still 陆 when it is not a numeral
                parts.append(text[prev:a])
                parts.append(ch)
                prev = b
            continue
        if b - a == 1 and (ch := table.get(ord(c))) is not None:
            parts.append(text[prev:a])
            parts.append(ch)
            prev = b
            # A capital beside a small letter (iPhone, Dior) is in a mixed-case word, never put back as pinyin.
            if "a" <= ch <= "z" and not ("A" <= c <= "Z" and (
                    (a and "a" <= text[a - 1] <= "z") or (b < len(text) and "a" <= text[b] <= "z"))):
                latin.append(a)
            continue
        syl = _syllable(table_py, text, a, b)
        if syl is None or not _pinyin_ok(text, a, b, _compact(text[a:b]) in words, table):
            continue
        parts.append(text[prev:a])
        parts.append(syl + PAD * (b - a - len(syl)))
        prev = b
    if not parts:
        return text
    parts.append(text[prev:])
    out = "".join(parts)
    return _put_back_pinyin(out, text, latin) if latin else out


_KEYCAP_CHR = chr(_KEYCAP)


def _is_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


def _put_back_pinyin(folded: str, text: str, near: list[int] | None = None) -> str:
    """Pinyin put back in ``folded`` (``text`` folded), everywhere or only in the Latin runs around ``near``."""
    edits = _pinyin_edits(folded, text, near)
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
def _fold_or_pinyin() -> tuple[re.Pattern[str], dict[str, str], frozenset[str]]:
    """One regex for ``fold_block``: a character to fold, a capital numeral to look at, or a lower-case pinyin
    syllable or spelled word (its first letter, then its tail). It starts with one character class, so the regex
    engine skips ahead to candidates."""
    fold_class = _needs_fold().pattern[1:-1] + "".join(c for c in _CTX_NUMERALS if ord(c) not in fold_table())
    _rx, table, words = _pinyin()
    trie = _syllable_trie()
    heads = "".join(sorted(trie))
    # The tails as a trie under a lookbehind for their first letter: a letter tries its own few branches only.
    tails = "|".join(f"(?<={h}){_trie_tail(trie[h])}" for h in sorted(trie))
    # A letter inside a Latin word (iPhone's h) is passed over at once: a syllable must start the word.
    rx = re.compile(f"[{fold_class}{heads}](?:(?<=[{heads}])(?<![A-Za-z0-9_].)(?:{tails})(?![a-z])|(?<![{heads}]))")
    return rx, table, words


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
# a Chinese character, so English words and brand names are left alone. A claim word spelled in several syllables
# (bao ben, jiang xue ya, ｍｅｉ　ｂａｉ; keys with spaces in ``variants.yaml``) is replaced also on its own, when it
# is a whole Latin phrase in one case: not Bao Bei Baby, a handle, a web address or part of an English sentence.
# The regex is spelled as a branch on literal first letters so the engine skips ahead to them (~1.4 ms per MB of
# ordinary copy).
_SYLLABLE_GAP = "[ \u3000]?"  # between the syllables of a spelled word: nothing, a space or an ideographic space


def _compact(run: str) -> str:
    return run.replace(" ", "").replace("\u3000", "") if " " in run or "\u3000" in run else run


_GAP_TOKEN = " "


@cache
def _syllable_trie() -> dict[str, dict]:
    """Every key letter by letter, a space token between the syllables of a spelled word (bao ben)."""
    keys = {key.lower().strip() for key in load_variants().pinyin} | set(_pinyin_after())
    return word_trie([" ".join(k.split()) for k in keys])


def _trie_tail(node: dict[str, dict]) -> str:
    """Regex for a syllable trie node's continuations; a space token is an optional separator ([ \u3000]?)."""
    alts = []
    for ch in sorted(k for k in node if k):
        child = node[ch]
        piece = _SYLLABLE_GAP if ch == _GAP_TOKEN else re.escape(ch)
        if set(child) == {""}:
            alts.append(piece)
            continue
        rest = _trie_tail(child)
        alts.append(f"{piece}(?:{rest})?" if "" in child else f"{piece}{rest}")
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


@cache
def _pinyin() -> tuple[re.Pattern[str], dict[str, str], frozenset[str]]:
    """(regex, compact key → what it stands for, the keys that are claim words spelled in several syllables)."""
    table: dict[str, str] = {}
    words = set()
    for key, value in load_variants().pinyin.items():
        compact = _compact(key.lower())
        table.setdefault(compact, value)
        if " " in key.strip():
            words.add(compact)
    for syl in _pinyin_after():  # a syllable put back only after certain characters (免yi): "" elsewhere
        table.setdefault(syl, "")
    trie = _syllable_trie()
    alt = "|".join(f"{re.escape(h)}{_trie_tail(trie[h])}" for h in sorted(trie))
    return re.compile(f"(?:{alt})(?![a-z])"), table, frozenset(words)


@cache
def _pinyin_after() -> dict[str, dict[str, str]]:
    return {k.lower(): v for k, v in load_variants().pinyin_after.items()}


def _syllable(table: dict[str, str], text: str, a: int, b: int) -> str | None:
    """What the syllable or spelled word ``text[a:b]`` stands for; a few depend on the character before (包guo → 过)."""
    syl = _compact(text[a:b].lower())
    after = _pinyin_after().get(syl)
    if after and a and (ch := after.get(text[a - 1])) is not None:
        return ch
    return table.get(syl) or None


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


# Beside these a spelled word is part of a web address, a handle, a code or a tag, not a claim word.
_NOT_BESIDE_WORD = frozenset(".@/\\-#&=%+~")


def _pinyin_ok(text: str, a: int, b: int, word: bool, table: dict[int, str]) -> bool:
    """Whether the Latin run ``text[a:b]`` of the input is put back as pinyin: written in one case (not Bao, Zhang Jia
    Kou as a name is spelled), not part of a longer Latin word; a syllable only against Chinese text (zhi疗), a
    spelled word (``word``) also on its own, but not inside a longer Latin phrase, an address or a handle."""
    run = text[a:b]
    if not (run.islower() or run.isupper()):
        return False
    n = len(text)
    before = table.get(ord(text[a - 1]), text[a - 1]) if a else " "
    after = table.get(ord(text[b]), text[b]) if b < n else " "
    if _is_word_char(before):
        return False
    beside_cjk = _is_cjk(before) or _is_cjk(after)
    if not word:
        return beside_cjk
    if _is_word_char(after) or (not beside_cjk and (before in _NOT_BESIDE_WORD or after in _NOT_BESIDE_WORD)):
        return False
    if before in " \u3000" and a >= 2 and _is_latin(table.get(ord(text[a - 2]), text[a - 2])):
        return False
    return not (after in " \u3000" and b + 1 < n and _is_latin(table.get(ord(text[b + 1]), text[b + 1])))


def _is_latin(ch: str) -> bool:
    return "a" <= ch <= "z"


def _latin_runs(folded: str, near: list[int]) -> list[tuple[int, int]]:
    """The runs of Latin letters and spaces around positions ``near`` (ascending), each once."""
    out: list[tuple[int, int]] = []
    n = len(folded)
    for p in near:
        if out and p < out[-1][1]:
            continue
        lo, hi = p, p + 1
        while lo and (_is_latin(folded[lo - 1]) or folded[lo - 1] in " \u3000"):
            lo -= 1
        while hi < n and (_is_latin(folded[hi]) or folded[hi] in " \u3000"):
            hi += 1
        out.append((lo, hi))
    return out


def _pinyin_edits(folded: str, text: str, near: list[int] | None = None) -> list[tuple[int, int, str]]:
    rx, table, words = _pinyin()
    ftable = fold_table()
    out = []
    for lo, hi in [(0, len(folded))] if near is None else _latin_runs(folded, near):
        for m in rx.finditer(folded, lo, hi):
            a, b = m.span()
            ch = _syllable(table, folded, a, b)
            if ch is not None and _pinyin_ok(text, a, b, _compact(folded[a:b]) in words, ftable):
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


def word_trie(words: list[str]) -> dict[str, dict]:
    """Characters of ``words`` as nested dicts; ``""`` marks the end of a word."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return trie


def is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()
