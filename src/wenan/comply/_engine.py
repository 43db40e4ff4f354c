"""The checker: scan text block by block, turn automaton hits and regex matches into violations.

``Scanner`` is the one implementation; ``check`` feeds it one block, ``check_stream`` feeds it a file in
newline-aligned blocks with offsets carried across, so a 100 MB input runs in bounded memory (on worker
processes with ``workers > 1``, see ``_parallel.py``).

Per block the work is: fold once (``fold_block``), drop separators (``skeleton``), one automaton pass,
then Python only per hit. Where a hit needs more, it is batched or made a single C call: context clauses
are precompiled (``_context.py``), a trigger queues its line for a rule at most once (and a trigger hidden
behind a longer word only when the text really completes it), regex rules run in place on the folded
block (no per-line copies or re-folding), and violations are built once, when a hit stands.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import IO, Any

from ..exceptions import InputFileError, UserError
from ._context import View, allowed
from ._detectors import DETECTORS, STATEFUL, Found
from ._matcher import CompiledRule, Matcher, find, matcher_for
from ._normalise import SEP_CLASS, Skeleton, fold_block, is_ascii_alnum, keycap_start, skeleton
from ._report import Advisory, Report, Violation, violation

_SEVERITY_RANK = {"high": 0, "medium": 1, "low": 2}
_MERGE_GAP = re.compile(SEP_CLASS + "*")
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_LINE_REACH = 2000  # a regex rule reads at most this far either side of its trigger
_SPACED_REACH = 16  # dropped separators this close to a trigger send its line's regexes to the skeleton too

BLOCK_CHARS = 1 << 20  # characters per streamed block (~3 MB of Chinese UTF-8)
# Blocks handed to worker processes are smaller, so the last ones do not leave a core idle for long.
PARALLEL_BLOCK_CHARS = 1 << 18


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    lo = max(0, pos - _LINE_REACH)
    start = text.rfind("\n", lo, pos) + 1 or lo
    end = text.find("\n", pos, pos + _LINE_REACH)
    return start, (end if end != -1 else min(len(text), pos + _LINE_REACH))


class Scanner:
    """Incremental checker for one text. ``scan`` each block in order, then ``finish`` for advisories."""

    def __init__(self, channel: str | None = None, industry: str | None = None, *,
                 defer_stateful: bool = False) -> None:
        self.matcher: Matcher = matcher_for(channel, industry)
        self._state: dict[str, Any] = {}
        self._advisories: list[Advisory] = []
        self._markers_seen: set[str] = set()
        # In a worker process: stateful detector lines are handed back, not run (see _parallel.py).
        self._defer = defer_stateful
        # (rule index, offset of the line, the line as written, what the detector's stateless part found)
        self._deferred: list[tuple[int, int, str, list[Any]]] = []

    # --- building results ---------------------------------------------------------------------------

    def _emit(self, out: list[Violation], cr: CompiledRule, block: str, offset: int, start: int, end: int,
              term: str | None = None, found: Found | None = None) -> None:
        rule = cr.rule
        suggestions = cr.suggestions.get(term) or cr.suggestions[None]
        explanation = rule.explanation
        if found is not None:
            suggestions = list(dict.fromkeys([*found.suggestions, *suggestions]))
            explanation = f"{explanation}（{found.note}）" if found.note else explanation
        text = block[start:end]
        if cr.mode == "advisory":
            where = "、".join(rule.channels or ())
            message = f"“{text}”：{rule.explanation}（当前未指定渠道；发布到 {where} 时属于违规）"
            self._advisories.append(Advisory(rule.id, rule.category, message, rule.basis,
                                             offset + start, offset + end, text))
            return
        out.append(violation(offset + start, offset + end, text, rule.category, cr.severity, rule.id,
                             rule.basis, explanation, list(suggestions)))

    # --- scanning -----------------------------------------------------------------------------------

    def scan(self, block: str, offset: int = 0) -> list[Violation]:
        """Violations in ``block``; offsets are ``offset`` + position in ``block``."""
        if not block:
            return []
        m = self.matcher
        rules, entries = m.rules, m.entries
        # Folded once: every later step (automaton, context, regexes, detectors) reads this one text.
        folded = fold_block(block)
        sk = skeleton(folded)
        skt = sk.text
        sview = View(skt)
        out: list[Violation] = []
        pending: dict[tuple[int, int], None] = {}  # (line start in block, rule index), in document order
        # Lines whose separators were dropped (最 优 质, 公 安 部): regex rules run there on the skeleton too.
        pending_sk: dict[tuple[int, int], None] = {}
        hits = find(m.automaton_for(len(skt)), skt, m.lengths)
        line_start = line_end = -1
        sk_start = sk_end = -1
        # Where each queued line ends when read from its start (_line_bounds(text, start)[1]): the bounds found for
        # a hit give it directly, since no line is read past _LINE_REACH from its start.
        ends: dict[int, int] = {}
        sk_ends: dict[int, int] = {}
        cuts, n_cuts = sk.cuts, len(sk.cuts)
        n = len(skt)
        while hits:
            behind: list[tuple[int, int, int]] = []
            for pidx, s, e in hits:
                entry = entries[pidx]
                fired = entry.triggers
                for off, words, rules_of in entry.tails:  # 最后一天 followed by 美白: the trigger 天美白
                    if skt.startswith(words, s + off):
                        fired = fired | set().union(*(r for w, r in rules_of.items() if skt.startswith(w, s + off)))
                if fired:  # triggers only widen where regexes run, so no word-boundary test here
                    pos = sk.to_input(s)
                    if not line_start <= pos < line_end:
                        line_start, line_end = _line_bounds(folded, pos)
                        ends[line_start] = min(line_end, line_start + _LINE_REACH)
                    for ri in fired:
                        pending[(line_start, ri)] = None
                    if cuts:
                        k = bisect_right(cuts, s - _SPACED_REACH)
                        if k < n_cuts and cuts[k] < e + _SPACED_REACH:
                            # 公 安 部 推 荐: separators dropped near the trigger, so its line's regexes also
                            # read the line without them.
                            if not sk_start <= s < sk_end:
                                sk_start, sk_end = _line_bounds(skt, s)
                                sk_ends[sk_start] = min(sk_end, sk_start + _LINE_REACH)
                            for ri in fired:
                                if not rules[ri].rule.detector:
                                    pending_sk[(sk_start, ri)] = None
                    if entry.rescan and any(skt.startswith(words, s + k) for k, words in entry.inner):
                        # A bare trigger (天美白) must not hide a term that starts inside it (美白).
                        behind += [(p, s + 1 + a, s + 1 + b) for p, a, b in
                                   find(m.automaton, skt[s + 1:e + m.longest], m.lengths) if a < e - s - 1]
                if not entry.hits or (entry.ascii_left and s and is_ascii_alnum(skt[s - 1])) or (
                        entry.ascii_right and e < n and is_ascii_alnum(skt[e])):
                    continue
                for ri, term in entry.hits:
                    cr = rules[ri]
                    if (cr.unless is None and cr.only_if is None) or allowed(cr.unless, cr.only_if, sview, s, e):
                        a, b = sk.span(s, e)
                        self._emit(out, cr, block, offset, a, b, term)
            hits = behind
        fview = View(folded)
        for ri in m.full_scan:  # phone numbers and the like
            self._run_regexes(out, rules[ri], block, fview, offset, 0, len(folded), whole=True)
        for line_start, ri in sorted(pending):
            cr = rules[ri]
            end = ends[line_start]
            if cr.rule.detector:
                line = folded[line_start:end]
                if cr.rule.detector in STATEFUL and self._defer:
                    found = STATEFUL[cr.rule.detector][0](line)
                    if found:
                        self._deferred.append((ri, offset + line_start, block[line_start:end], found))
                else:
                    for f in DETECTORS[cr.rule.detector](line, self._state):
                        self._emit(out, cr, block, offset, line_start + f.start, line_start + f.end, found=f)
            else:
                self._run_regexes(out, cr, block, fview, offset, line_start, end)
        for line_start, ri in sorted(pending_sk):
            self._run_regexes(out, rules[ri], block, sview, offset, line_start, sk_ends[line_start], sk)
        for adv_id, words in m.advisory_markers.items():
            if adv_id not in self._markers_seen and any(w in folded for w in words):
                self._markers_seen.add(adv_id)
        return _tidy(out, block, offset)

    def _run_regexes(self, out: list[Violation], cr: CompiledRule, block: str, view: View, offset: int,
                     lo: int, hi: int, sk: Skeleton | None = None, whole: bool = False) -> None:
        """Run ``cr``'s regexes over ``view.text[lo:hi]``: the folded form of the same span of ``block``, or
        with ``sk`` its skeleton, whose offsets ``sk`` maps back to ``block``; ``whole`` for the whole block."""
        text = view.text
        for i, rx in enumerate(cr.regexes):
            found: Iterable[re.Match[str]]
            if whole and cr.branches[i]:
                found = _merged(cr.branches[i], text, lo, hi)
            else:
                # Most regexes of a rule find nothing in the line: one search tells so at a third of what starting
                # a finditer costs (~0.25 us against ~0.75), and where it does find one, finditer goes on from there.
                first = rx.search(text, lo, hi)
                if first is None:
                    continue
                found = rx.finditer(text, first.start(), hi)
            for match in found:
                grp = "hit" if "hit" in rx.groupindex and match.group("hit") is not None else 0
                s, e = match.span(grp)
                if s == e:
                    continue
                if sk is not None and not sk.rewritten(s, e):  # then it was found in the folded text already
                    continue
                if (cr.unless is None and cr.only_if is None) or allowed(cr.unless, cr.only_if, view, s, e):
                    a, b = sk.span(s, e) if sk is not None else (keycap_start(text, s), e)
                    self._emit(out, cr, block, offset, a, b)

    def take_partial(self) -> tuple[list[Advisory], set[str], list[tuple[int, int, str, list[Any]]]]:
        """Hand over (and forget) what a worker collected beyond violations."""
        out = (self._advisories, self._markers_seen, self._deferred)
        self._advisories, self._markers_seen, self._deferred = [], set(), []
        return out

    def absorb(self, violations: list[Violation], advisories: list[Advisory], markers: set[str],
               deferred: list[tuple[int, int, str, list[Any]]]) -> list[Violation]:
        """Merge a worker's results for one block, judging what its stateful detectors found here, in order."""
        self._advisories.extend(advisories)
        self._markers_seen |= markers
        extra: list[Violation] = []
        for ri, line_offset, original, found in deferred:
            cr = self.matcher.rules[ri]
            assert cr.rule.detector is not None
            for f in STATEFUL[cr.rule.detector][1](found, self._state):
                self._emit(extra, cr, original, line_offset, f.start, f.end, found=f)
        return _tidy(violations + extra) if extra else violations

    def finish(self) -> list[Advisory]:
        """Span advisories in text order, then whole-text advisories (missing warnings)."""
        out: list[Advisory] = []
        last_end: dict[str | None, int] = {}
        for a in sorted(self._advisories, key=lambda a: (a.start or 0, -(a.end or 0))):
            if (a.start or 0) >= last_end.get(a.category, -1):  # overlapping hits of one category: keep one
                out.append(a)
                last_end[a.category] = a.end or 0
        for adv in self.matcher.advisories:
            if adv.id not in self._markers_seen:
                out.append(Advisory(adv.id, adv.category, adv.message, adv.basis))
        return out


def _merged(branches: tuple[re.Pattern[str], ...], text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """What ``finditer`` of the alternation of ``branches`` finds, for branches that each start with a literal
    character of their own (``_matcher._literal_branches``): the leftmost match of any branch, then on from its
    end. A branch's next match is searched again only when the one it had starts inside the match taken."""
    ahead = [b.search(text, lo, hi) for b in branches]
    while True:
        live = [m for m in ahead if m is not None]
        if not live:
            return
        match = min(live, key=lambda m: m.start())
        yield match
        end = match.end()  # never empty: a branch starts with a literal
        ahead = [m if m is None or m.start() >= end else b.search(text, end, hi)
                 for m, b in zip(ahead, branches, strict=True)]


# A hit of the first category inside a claim of the second is that claim seen from its smaller word: 治好 in
# 治好高血压 is the medical claim about a named disease (tests/comply/data/README.md), not a food function claim.
# Likewise a figure inside a food's weight-loss claim (一周瘦5斤) is that health-food claim, reported once.
_YIELDS = {"health_food": "medical", "unsupported_data": "health_food"}
_WEAKER = {strong: tuple(c for c, s in _YIELDS.items() if s == strong) for strong in set(_YIELDS.values())}
_YIELD_REACH = 200  # a claim is never longer: overlapping hits start this close to each other
_DATA_GAP = 24  # a study phrase and its figure: 研究发现，…毛发亮度提升50%
_SAME_RULE_GAP = 10  # one claim restated in pieces: 签返租协议，前五年每年返租金7%
_SAME_CATEGORY_GAP = 3  # one contact detail in pieces: 手机vx同号 13911112222
_CLAUSE_MARK = re.compile(r"[，,；;。！？!?\n]")
_LIST_GAP = 6  # a list of effects is one claim: 挡小人、化煞气; 保佑阖家平安、逢凶化吉
_LIST_MARK = re.compile(r"[、]")
# 加V，号码在头像里: a pointer to where the detail is completes the contact offer before it in the sentence.
_POINTER = "contact.profile_pointer"


def _tidy(found: list[Violation], block: str | None = None, offset: int = 0) -> list[Violation]:
    """Sort by position; of overlapping hits in the same category keep the most severe, then the longest.

    With ``block``, one claim is also reported once: same-category hits that overlap are joined, and so are
    hits separated only by separators (招财|转运, 药到病除|不复发), one rule's wording restated within a
    sentence (返租协议，…返租金7%), hits of one category a few characters apart within a clause (vx同号|139…), and an
    unsourced-data phrase and its figure within one sentence (实验证明，吸水性|提升3倍).
    """
    found.sort(key=lambda v: (v.start, _SEVERITY_RANK[v.severity], -v.end))
    if any(v.category in _YIELDS.values() for v in found):
        found = _drop_yielding(found)
    kept: list[Violation] = []
    last: dict[str, int] = {}  # category → index in kept of its latest violation
    for v in found:
        i = last.get(v.category)
        if i is not None:
            prev = kept[i]
            if v.start < prev.end:
                if block is not None and v.end > prev.end:  # 扫码加|加V：zhaji_hq: one claim
                    kept[i] = _join(prev, block[prev.start - offset:v.end - offset])
                continue
            if block is not None:
                a, b = prev.end - offset, v.start - offset  # the gap, matched in place: it can be a long stretch
                gap = b - a
                if _MERGE_GAP.fullmatch(block, a, b) or (
                        gap <= _DATA_GAP and v.category == "unsupported_data"
                        and not _SENTENCE_END.search(block, a, b)) or (
                        gap <= _DATA_GAP and v.rule == _POINTER and not _SENTENCE_END.search(block, a, b)) or (
                        gap <= _SAME_RULE_GAP and v.rule == prev.rule and _restated(prev.text, v.text)
                        and not _SENTENCE_END.search(block, a, b)) or (
                        gap <= _SAME_CATEGORY_GAP and not _CLAUSE_MARK.search(block, a, b)) or (
                        gap <= _LIST_GAP and _LIST_MARK.search(block, a, b) and not _CLAUSE_MARK.search(block, a, b)):
                    kept[i] = _merge(prev, v, block[a:b], block[prev.start - offset:v.end - offset])
                    continue
        last[v.category] = len(kept)
        kept.append(v)
    kept.sort(key=lambda v: (v.start, v.end))
    return kept


def _drop_yielding(found: list[Violation]) -> list[Violation]:
    """Drop each hit of a yielding category that overlaps a hit of the category it yields to (sorted input).

    Hits of the stronger category are few: each is compared only with the hits starting before its end, found
    by bisection, so a block with thousands of hits stays linear rather than quadratic.
    """
    starts = [v.start for v in found]
    drop: set[int] = set()
    for w in found:
        weaker = _WEAKER.get(w.category)
        if weaker is None:
            continue
        j = bisect_right(starts, w.end - 1)
        k = j - 1
        while k >= 0 and found[k].start >= w.start - _YIELD_REACH:
            v = found[k]
            if v.category in weaker and v.start < w.end and w.start < v.end:
                drop.add(k)
            k -= 1
    return [v for i, v in enumerate(found) if i not in drop] if drop else found


def _restated(a: str, b: str) -> bool:
    """The same wording again (返租协议 … 返租金): one claim restated, not a second claim (开光 … 招财)."""
    a, b = a.strip(), b.strip()
    return a in b or b in a


def _join(a: Violation, text: str) -> Violation:
    """``a`` widened to cover an overlapping hit of its category; ``a`` (the more severe) speaks for both."""
    return Violation(a.start, a.start + len(text), text, a.category, a.severity, a.rule, a.basis, a.explanation,
                     list(a.suggestions))


def _merge(a: Violation, b: Violation, gap: str, text: str) -> Violation:
    first = a.suggestions[0] if a.suggestions else ""
    second = b.suggestions[0] if b.suggestions else ""
    joined = first if first == second and not gap.strip() else first + gap + second
    severity = min(a.severity, b.severity, key=_SEVERITY_RANK.__getitem__)
    return Violation(a.start, b.end, text, a.category, severity, a.rule, a.basis, a.explanation,
                     list(dict.fromkeys([joined, *a.suggestions[1:]])))


def check(text: str, channel: str | None = None, industry: str | None = None) -> Report:
    """Check one piece of copy. Empty text is a clean report; unknown channel/industry → UnknownNameError."""
    if not isinstance(text, str):
        raise UserError(f"check() 需要 str，收到的是 {type(text).__name__}", hint="先把字节解码为 UTF-8 文本")
    scanner = Scanner(channel, industry)
    violations = scanner.scan(text)
    m = scanner.matcher
    return Report(violations, scanner.finish(), m.channel, m.industry)


# --- streaming --------------------------------------------------------------------------------------


def _decoded_chunks(fileobj: IO[Any], chunk_bytes: int) -> Iterator[str]:
    """Decode a binary or text stream strictly as UTF-8, rejecting binary data with a clear error."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    consumed = 0
    while True:
        raw = fileobj.read(chunk_bytes)
        if isinstance(raw, str):
            text = raw
        else:
            if raw and b"\x00" in raw:
                raise InputFileError("输入是二进制文件，不是文本", hint="请提供 UTF-8 编码的纯文本文件")
            try:
                text = decoder.decode(raw, final=not raw)
            except UnicodeDecodeError as exc:
                raise InputFileError(
                    f"输入不是 UTF-8 编码（第 {consumed + exc.start + 1} 字节无法解码）",
                    hint="请先转换为 UTF-8，例如 iconv -f GBK -t UTF-8 原文件 > 新文件",
                ) from exc
            consumed += len(raw)
        if "\x00" in text:
            raise InputFileError("输入是二进制文件，不是文本", hint="请提供 UTF-8 编码的纯文本文件")
        if text:
            yield text
        if not raw:
            return


def iter_blocks(fileobj: IO[Any], block_chars: int = BLOCK_CHARS) -> Iterator[tuple[int, str]]:
    """``(offset, block)`` pairs covering the stream; blocks end at a newline whenever one is in reach.

    A line longer than ``block_chars`` is cut at its last sentence end (。！？) or, failing that, hard;
    a term straddling a hard cut can be missed, which is the price of bounded memory.
    """
    buf = ""
    offset = 0
    for chunk in _decoded_chunks(fileobj, block_chars):
        buf += chunk
        while len(buf) >= block_chars:
            cut = buf.rfind("\n", 0, block_chars) + 1
            if cut == 0:
                cut = max(buf.rfind(p, 0, block_chars) for p in "。！？!?") + 1 or block_chars
            yield offset, buf[:cut]
            offset += cut
            buf = buf[cut:]
    if buf:
        yield offset, buf


def scan_blocks(scanner: Scanner, blocks: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str, list[Violation]]]:
    """``(offset, block, violations)`` in order, in this process."""
    for offset, block in blocks:
        yield offset, block, scanner.scan(block, offset)


def scan_stream(scanner: Scanner, fileobj: IO[Any], workers: int = 1, block_chars: int | None = None
                ) -> Iterator[tuple[int, str | bytes, list[Violation]]]:
    """``(offset, block, violations)`` for a whole stream, in order; ``workers > 1`` spreads the blocks over
    that many processes, which then hand back each block as its raw UTF-8 bytes (decode it if needed)."""
    if workers > 1:
        from ._parallel import scan_stream_parallel

        yield from scan_stream_parallel(scanner, fileobj, workers, 3 * (block_chars or PARALLEL_BLOCK_CHARS))
        return
    yield from scan_blocks(scanner, iter_blocks(fileobj, block_chars or BLOCK_CHARS))


def check_stream(fileobj: IO[Any], channel: str | None = None, industry: str | None = None, *,
                 block_chars: int | None = None, workers: int = 1) -> Report:
    """Check a file object (text, or binary decoded as strict UTF-8) without holding it in memory.

    Offsets are character offsets into the decoded stream, identical to ``check(whole_text)`` for any
    text whose lines are shorter than a block (``block_chars`` characters, about three times as many
    bytes with several workers). ``workers > 1`` checks blocks on that many processes (same results);
    the CLI does this for large files.
    """
    scanner = Scanner(channel, industry)
    violations: list[Violation] = []
    for _, _, found in scan_stream(scanner, fileobj, workers, block_chars):
        violations.extend(found)
    m = scanner.matcher
    return Report(violations, scanner.finish(), m.channel, m.industry)


def fix(text: str, report: Report | Iterable[Violation]) -> str:
    """Replace each violating span with its first suggestion ('' deletes); deterministic, no model needed.

    Overlapping violations are resolved in favour of the earlier one. A report made for another text is a
    ``UserError``.
    """
    violations = report.violations if isinstance(report, Report) else list(report)
    parts: list[str] = []
    pos = 0
    for v in sorted(violations, key=lambda v: (v.start, -v.end)):
        if text[v.start:v.end] != v.text:
            raise UserError(f"报告与文本不一致：位置 {v.start}–{v.end} 应为“{v.text}”",
                            hint="请用同一段文本重新 check")
        if v.start < pos:
            continue
        parts.append(text[pos:v.start])
        parts.append(v.suggestions[0] if v.suggestions else "")
        pos = v.end
    parts.append(text[pos:])
    return "".join(parts)
