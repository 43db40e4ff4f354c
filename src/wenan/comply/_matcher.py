"""Compile the rule packs that apply to one (channel, industry) into a single Aho-Corasick automaton.

One automaton per scope, built on first use and cached: every term (with its traditional, pinyin and
homophone spellings), every allow-word and every regex trigger is a pattern of the same leftmost-longest
automaton, so ordinary text is scanned once. An allow-word (第一次, 最近) wins over the shorter term inside
it because leftmost-longest prefers it; that is how context beats substrings without dropping terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

import ahocorasick_rs

from ._context import CompiledContext, compile_context
from ._expand import contact_words, expand_placeholders, expand_term
from ._schema import PLACEHOLDER, AdvisoryRule, Rule, load_packs
from ._scope import resolve_channel, resolve_industry

Mode = Literal["violation", "advisory"]


@dataclass(frozen=True, slots=True)
class CompiledRule:
    rule: Rule
    severity: str
    mode: Mode
    regexes: tuple[re.Pattern[str], ...]
    term_fix: dict[str, str]  # canonical term → its own rewording ("最好用=很好用")
    unless: CompiledContext | None
    only_if: CompiledContext | None
    suggestions: dict[str | None, list[str]]  # per term (None: a regex or detector hit), ready to copy
    # For a rule run over the whole text: each regex that is an alternation of branches starting with their own
    # literal character (1…|0…|4…), as those branches; () for the others. See ``_literal_branches``.
    branches: tuple[tuple[re.Pattern[str], ...], ...] = ()


@dataclass(slots=True)
class Entry:
    """What one automaton pattern means: rules it is a term of, and rules whose regexes it triggers."""

    hits: list[tuple[int, str]] = field(default_factory=list)  # (rule index, canonical term)
    triggers: set[int] = field(default_factory=set)
    claims: bool = False  # a term or allow-word: hides shorter patterns inside it on purpose
    rescan: bool = False  # a bare trigger inside which a term or allow-word could start
    # For a rescan entry: (offset k, the terms/allow-words that could start there). The scanner re-runs the
    # automaton behind the trigger only when the text really continues with one of them (a few C calls).
    inner: tuple[tuple[int, tuple[str, ...]], ...] = ()
    ascii_left: bool = False  # pattern starts with an ASCII letter/digit: needs a word boundary there
    ascii_right: bool = False
    # Triggers that would start inside this pattern and end after it: (offset, words, rules of each word).
    tails: list[tuple[int, tuple[str, ...], dict[str, set[int]]]] = field(default_factory=list)


def find(automaton: ahocorasick_rs.BytesAhoCorasick, text: str,
         lengths: list[int] | None = None) -> list[tuple[int, int, int]]:
    """Leftmost-longest matches of ``automaton`` in ``text`` as (pattern, start, end) character offsets.

    The automaton runs over UTF-8 bytes: 2–4x faster than the ``str`` interface on CJK text, and matches
    of valid UTF-8 patterns can only start and end on character boundaries. Offsets are converted here,
    decoding only the gaps between matches.
    """
    data = text.encode("utf-8")
    out: list[tuple[int, int, int]] = []
    at_byte = at_char = 0
    if lengths is not None:  # each pattern's length in characters is known: only the gaps are decoded
        for pidx, bs, be in automaton.find_matches_as_indexes(data):
            at_char += len(data[at_byte:bs].decode("utf-8"))
            end = at_char + lengths[pidx]
            out.append((pidx, at_char, end))
            at_byte, at_char = be, end
        return out
    for pidx, bs, be in automaton.find_matches_as_indexes(data):
        at_char += len(data[at_byte:bs].decode("utf-8"))
        end = at_char + len(data[bs:be].decode("utf-8"))
        out.append((pidx, at_char, end))
        at_byte, at_char = be, end
    return out


@dataclass(slots=True)
class Matcher:
    channel: str | None
    industry: str
    rules: list[CompiledRule]
    automaton: ahocorasick_rs.BytesAhoCorasick
    entries: list[Entry]
    full_scan: list[int]  # regex rules without triggers: run over the whole text
    longest: int  # longest pattern, for re-scanning behind a trigger
    advisories: list[AdvisoryRule]
    advisory_markers: dict[str, tuple[str, ...]]  # advisory id → spellings that satisfy it
    patterns: list[bytes]
    lengths: list[int]  # each pattern's length in characters, for ``find``
    _dfa: ahocorasick_rs.BytesAhoCorasick | None = None

    def automaton_for(self, size: int) -> ahocorasick_rs.BytesAhoCorasick:
        """The DFA scans ~1.5x faster but takes ~0.3 s to build: worth it only for large inputs.

        Once built (by a large input, or before forking workers) it is used for every block.
        """
        if self._dfa is None:
            if size < 1 << 18:
                return self.automaton
            self._dfa = ahocorasick_rs.BytesAhoCorasick(
                self.patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                implementation=ahocorasick_rs.Implementation.DFA)
        return self._dfa


def _compile(pattern: str) -> re.Pattern[str]:
    """Rules are written in lower case and run over folded (lower-cased) text, so case need not be ignored.

    Without ``IGNORECASE`` the regex engine can skip ahead to the characters a pattern starts with, which
    makes the contact patterns (v信, vx, qq…) about twice as fast. A pattern that does spell a capital
    outside an escape (\\D, \\S) keeps the flag. (Joining a rule's regexes into one alternation as a
    prefilter was measured too: always slower, since the alternation cannot skip ahead.)
    """
    if re.search(r"[A-Z]", re.sub(r"\\.", "", pattern)):
        return re.compile(pattern, re.IGNORECASE)
    return re.compile(pattern)


def _literal_branches(rx: re.Pattern[str]) -> tuple[re.Pattern[str], ...]:
    """The top-level alternatives of ``rx`` when each starts with a literal character of its own, else ().

    A regex that reads a whole block costs what finding its possible first characters costs: the regex engine
    looks for one literal character ~5x faster than for one of a class ([014]). So such a regex is run as its
    branches, each found by its literal, and their matches merged as the alternation would have found them
    (``_engine._merged``): at any position at most one branch can match, the one its character starts.
    """
    if rx.flags & re.IGNORECASE:  # then two first characters could be the same letter
        return ()
    parts, depth, start, i, pattern = [], 0, 0, 0, rx.pattern
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 1
        elif ch == "[":  # a class: its brackets and bars are not structure
            i += 2 if pattern[i + 1:i + 2] == "^" else 1
            i += pattern[i:i + 1] == "]"  # a ] first in a class is a literal
            while pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    firsts = [part[:1] for part in parts]
    if len(parts) < 2 or len(set(firsts)) < len(parts) or not all(
            f.isalnum() and part[1:2] not in ("*", "?", "+", "{") for f, part in zip(firsts, parts, strict=True)):
        return ()
    try:
        return tuple(re.compile(part, rx.flags) for part in parts)
    except re.error:  # a branch that refers to a group of another one
        return ()


def _mode(rule: Rule, channel: str | None) -> Mode | None:
    if rule.channels is None:
        return "violation"
    if channel is None:
        return "advisory"
    return "violation" if channel in rule.channels else None


def _split_term(raw: str) -> tuple[str, str | None]:
    term, _, fix = raw.partition("=")
    return term.strip().lower(), (fix.strip() if _ else None)


def _trigger_words(raw: str) -> list[str]:
    """A trigger is a literal, or a ``{{placeholder}}`` standing for every contact variant."""
    m = PLACEHOLDER.fullmatch(raw.strip())
    return contact_words(m.group(1)) if m else [raw.strip().lower()]


def _link_hidden_triggers(entries: dict[str, Entry]) -> None:
    """A trigger inside, or overlapping the end of, a longer pattern is hidden by leftmost-longest matching.

    A trigger inside the pattern gives the pattern its rules (加微信 hiding 微信). A trigger that would start
    inside the pattern and run past its end (最后一天 then 天美白) is recorded as a *tail*: the scanner checks
    whether the text after the pattern really completes it, rather than sending every 最后一天 to the rule.
    """
    triggers = {p: set(e.triggers) for p, e in entries.items() if e.triggers}
    if not triggers:
        return
    inner = ahocorasick_rs.AhoCorasick(list(triggers))
    names = list(triggers)
    by_prefix: dict[str, list[str]] = {}
    for word in triggers:
        for k in range(1, len(word)):
            by_prefix.setdefault(word[:k], []).append(word)
    longest = max(map(len, triggers))
    for pattern, entry in entries.items():
        for idx, _s, _e in inner.find_matches_as_indexes(pattern, overlapping=True):
            if names[idx] != pattern:
                entry.triggers |= triggers[names[idx]]
        for k in range(1, min(len(pattern), longest)):
            words = by_prefix.get(pattern[-k:])
            if words:
                entry.tails.append((len(pattern) - k, tuple(words), {w: triggers[w] for w in words}))


@cache
def get_matcher(channel: str | None, industry: str) -> Matcher:
    """The compiled scope; ``channel``/``industry`` must already be resolved ids."""
    rules: list[CompiledRule] = []
    entries: dict[str, Entry] = {}
    full_scan: list[int] = []
    advisories: list[AdvisoryRule] = []

    def entry(form: str) -> Entry:
        if form not in entries:
            entries[form] = Entry(ascii_left=form[0].isascii() and form[0].isalnum(),
                                  ascii_right=form[-1].isascii() and form[-1].isalnum())
        return entries[form]

    for pack in load_packs():
        advisories.extend(a for a in pack.advisories if industry in a.industries)
        for rule in pack.rules:
            mode = _mode(rule, channel)
            if mode is None or not rule.applies(industry):
                continue
            ri = len(rules)
            term_fix: dict[str, str] = {}
            for raw in rule.terms:
                term, fix = _split_term(raw)
                if fix is not None:
                    term_fix[term] = fix
                for form in expand_term(term):
                    entry(form).hits.append((ri, term))
                    entries[form].claims = True
            for raw in rule.allow:
                for form in expand_term(raw.lower()):
                    entry(form).claims = True
            for raw in rule.triggers:
                for word in _trigger_words(raw):
                    for form in expand_term(word.lower()):
                        entry(form).triggers.add(ri)
            regexes = tuple(_compile(expand_placeholders(p)) for p in rule.patterns)
            branches: tuple[tuple[re.Pattern[str], ...], ...] = ()
            if rule.patterns and not rule.triggers:
                full_scan.append(ri)
                branches = tuple(_literal_branches(rx) for rx in regexes)
            severity = rule.severity_in.get(industry, rule.severity)
            suggestions: dict[str | None, list[str]] = {None: list(dict.fromkeys(rule.suggestions))}
            for term, fix in term_fix.items():
                suggestions[term] = list(dict.fromkeys([fix, *rule.suggestions]))
            rules.append(CompiledRule(rule, severity, mode, regexes, term_fix, compile_context(rule.unless),
                                      compile_context(rule.only_if), suggestions, branches))
    _link_hidden_triggers(entries)
    claimed = {p for p, e in entries.items() if e.claims}
    # Only the tails of bare triggers are ever looked up: index the claimed words by those prefixes alone.
    tails = {p[k:] for p, e in entries.items() if not e.claims for k in range(1, len(p))}
    by_prefix: dict[str, list[str]] = {}
    for c in claimed:
        for k in range(1, len(c) + 1):
            if c[:k] in tails:
                by_prefix.setdefault(c[:k], []).append(c)
    for p, e in entries.items():
        if e.claims:
            continue
        # A term starting at offset k of a bare trigger either runs past its end (p[k:] is a prefix of
        # the term) or ends inside it (the term is some p[k:j]).
        inner = []
        for k in range(1, len(p)):
            words = set(by_prefix.get(p[k:], ())) | {p[k:j] for j in range(k + 1, len(p)) if p[k:j] in claimed}
            if words:
                inner.append((k, tuple(sorted(words))))
        e.rescan, e.inner = bool(inner), tuple(inner)
    patterns = list(entries)
    encoded = [p.encode("utf-8") for p in patterns]
    automaton = ahocorasick_rs.BytesAhoCorasick(encoded, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)
    markers = {a.id: tuple(f for w in a.when_missing for f in expand_term(w.lower())) for a in advisories}
    return Matcher(channel, industry, rules, automaton, [entries[p] for p in patterns], full_scan,
                   max(map(len, patterns)), advisories, markers, encoded, list(map(len, patterns)))


def matcher_for(channel: str | None, industry: str | None) -> Matcher:
    """Resolve user-facing names (raising ``UnknownNameError``) and return the cached matcher."""
    return get_matcher(resolve_channel(channel), resolve_industry(industry))
