"""Span-level evaluation of ``wenan.comply.check`` against the hand-labelled set in ``data/``.

The labels were written from the law and platform rules (see ``data/README.md``), independently of the
checker's implementation. A prediction matches a gold span when their character ranges overlap and their
categories are equal; matching is one-to-one (maximum bipartite matching), so each gold span is credited to
at most one prediction and each prediction to at most one gold span.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data" / "labelled_cases.jsonl"

CATEGORIES = (
    "absolute",
    "medical",
    "cosmetics",
    "health_food",
    "finance",
    "education",
    "superstition",
    "false_promo",
    "authority",
    "contact",
    "unsupported_data",
)
CHANNELS = (None, "moments", "xiaohongshu", "douyin", "ecommerce")
INDUSTRIES = (None, "general", "cosmetics", "food", "health_food", "medical", "finance", "education")
CONTACT_CHANNELS = ("xiaohongshu", "douyin")

MIN_PRECISION = 0.95
MIN_RECALL = 0.95


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    category: str
    text: str


def load_cases() -> list[dict]:
    cases = []
    with DATA.open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if line.strip():
                case = json.loads(line)
                case["_line"] = lineno
                cases.append(case)
    return cases


def _occurrences(text: str, needle: str) -> list[int]:
    """Start offsets of the non-overlapping occurrences of ``needle`` in ``text``."""
    starts, pos = [], text.find(needle)
    while pos != -1:
        starts.append(pos)
        pos = text.find(needle, pos + len(needle))
    return starts


def gold_spans(case: dict) -> list[Span]:
    """Locate each labelled span in the text.

    With ``occurrence: n`` only the n-th (0-based) occurrence is gold; without it every occurrence is
    (the label guideline only omits ``occurrence`` when all occurrences violate).
    """
    text = case["text"]
    spans = []
    for s in case["spans"]:
        starts = _occurrences(text, s["text"])
        if "occurrence" in s:
            starts = [starts[s["occurrence"]]]
        spans.extend(Span(st, st + len(s["text"]), s["category"], s["text"]) for st in starts)
    return sorted(spans, key=lambda sp: (sp.start, sp.end))


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def match(preds: list[Span], gold: list[Span]) -> list[tuple[int, int]]:
    """Maximum one-to-one matching of predictions to gold spans (same category, overlapping ranges)."""
    edges = [
        [g for g, gs in enumerate(gold) if gs.category == p.category and _overlaps(p.start, p.end, gs.start, gs.end)]
        for p in preds
    ]
    owner: dict[int, int] = {}  # gold index -> prediction index

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = p
                return True
        return False

    for p in range(len(preds)):
        augment(p, set())
    return sorted((p, g) for g, p in owner.items())


def _predict(check, case: dict) -> list[Span]:
    report = check(case["text"], channel=case["channel"], industry=case["industry"])
    return [Span(int(v.start), int(v.end), str(v.category), str(v.text)) for v in report.violations]


# ---------------------------------------------------------------------------------------------------------
# data validity (runs even while the checker is under construction)
# ---------------------------------------------------------------------------------------------------------


def test_labelled_data_is_valid() -> None:
    cases = load_cases()
    problems: list[str] = []

    assert len(cases) >= 300, f"only {len(cases)} cases"
    ids = Counter(c.get("id") for c in cases)
    problems += [f"duplicate id {i!r}" for i, n in ids.items() if n > 1]
    keys = Counter((c.get("text"), c.get("channel"), c.get("industry")) for c in cases)
    problems += [f"duplicate case {k!r}" for k, n in keys.items() if n > 1]

    span_counts: Counter[str] = Counter()
    for c in cases:
        where = f"line {c['_line']} ({c.get('id')})"
        missing = {"id", "text", "channel", "industry", "spans", "note"} - c.keys()
        if missing:
            problems.append(f"{where}: missing keys {sorted(missing)}")
            continue
        if c["channel"] not in CHANNELS:
            problems.append(f"{where}: bad channel {c['channel']!r}")
        if c["industry"] not in INDUSTRIES:
            problems.append(f"{where}: bad industry {c['industry']!r}")
        if not c["note"]:
            problems.append(f"{where}: empty note")
        seen_labels = set()
        for s in c["spans"]:
            if s.get("category") not in CATEGORIES:
                problems.append(f"{where}: bad category {s.get('category')!r}")
            if not s.get("text"):
                problems.append(f"{where}: empty span text")
                continue
            n = len(_occurrences(c["text"], s["text"]))
            if n == 0:
                problems.append(f"{where}: span {s['text']!r} not in text")
            if "occurrence" in s and not (isinstance(s["occurrence"], int) and 0 <= s["occurrence"] < n):
                problems.append(f"{where}: occurrence {s.get('occurrence')!r} out of range for {s['text']!r}")
            label = (s["text"], s.get("occurrence"))
            if label in seen_labels:
                problems.append(f"{where}: span {s['text']!r} listed twice")
            seen_labels.add(label)
            if s.get("category") == "contact" and c["channel"] not in CONTACT_CHANNELS:
                problems.append(f"{where}: contact span on channel {c['channel']!r}")
            span_counts[s.get("category")] += 1
        if problems:
            continue
        spans = gold_spans(c)
        for a, b in zip(spans, spans[1:], strict=False):
            if _overlaps(a.start, a.end, b.start, b.end):
                problems.append(f"{where}: gold spans {a.text!r} and {b.text!r} overlap")

    positives = sum(1 for c in cases if c["spans"])
    negatives = len(cases) - positives
    if negatives < positives:
        problems.append(f"hard negatives ({negatives}) fewer than positive cases ({positives})")
    for cat in CATEGORIES:
        if span_counts[cat] < 10:
            problems.append(f"category {cat!r} has only {span_counts[cat]} positive spans")
    assert not problems, "\n".join(problems)


def test_matcher_is_one_to_one() -> None:
    gold = [Span(0, 4, "absolute", "全网最低"), Span(10, 12, "contact", "vx")]
    preds = [
        Span(2, 4, "absolute", "最低"),
        Span(0, 2, "absolute", "全网"),  # a second hit on the same gold span: not credited twice
        Span(10, 12, "absolute", "vx"),  # right place, wrong category
    ]
    assert match(preds, gold) == [(0, 0)]
    # a later prediction may take over a gold span if that frees another one for an earlier prediction
    gold = [Span(0, 5, "absolute", "a"), Span(5, 10, "absolute", "b")]
    preds = [Span(3, 7, "absolute", "x"), Span(0, 2, "absolute", "y")]
    assert len(match(preds, gold)) == 2


# ---------------------------------------------------------------------------------------------------------
# evaluation of the checker
# ---------------------------------------------------------------------------------------------------------


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def _fmt(case: dict, span: Span) -> str:
    return f"  {case['id']:<14} {span.category:<17} {span.text!r:<28} in {case['text']!r}"


def test_violation_offsets_match_text() -> None:
    """Every reported violation's ``.text`` must be the slice ``text[start:end]`` of the input."""
    from wenan.comply import check

    bad = []
    for case in load_cases():
        for p in _predict(check, case):
            if not (0 <= p.start < p.end <= len(case["text"])) or case["text"][p.start : p.end] != p.text:
                bad.append(f"{case['id']}: ({p.start}, {p.end}) {p.text!r}")
    assert not bad, "violations whose offsets do not match their text:\n" + "\n".join(bad[:30])


def test_labelled_precision_recall() -> None:
    from wenan.comply import check

    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    fp_examples: list[str] = []
    fn_examples: list[str] = []
    neg_cases_flagged = 0

    for case in load_cases():
        gold = gold_spans(case)
        preds = _predict(check, case)
        pairs = match(preds, gold)
        hit_p = {p for p, _ in pairs}
        hit_g = {g for _, g in pairs}
        for p, _ in pairs:
            tp[preds[p].category] += 1
        for i, p in enumerate(preds):
            if i not in hit_p:
                fp[p.category] += 1
                fp_examples.append(_fmt(case, p))
        for i, g in enumerate(gold):
            if i not in hit_g:
                fn[g.category] += 1
                fn_examples.append(_fmt(case, g))
        if not case["spans"] and preds:
            neg_cases_flagged += 1

    cats = list(CATEGORIES) + sorted((set(fp) | set(tp)) - set(CATEGORIES))
    lines = [
        "",
        f"{'category':<18}{'gold':>6}{'pred':>6}{'tp':>6}{'fp':>6}{'fn':>6}{'precision':>11}{'recall':>8}",
    ]
    for cat in cats:
        g, p = tp[cat] + fn[cat], tp[cat] + fp[cat]
        lines.append(
            f"{cat:<18}{g:>6}{p:>6}{tp[cat]:>6}{fp[cat]:>6}{fn[cat]:>6}"
            f"{_ratio(tp[cat], p):>11.3f}{_ratio(tp[cat], g):>8.3f}"
        )
    t_tp, t_fp, t_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    precision, recall = _ratio(t_tp, t_tp + t_fp), _ratio(t_tp, t_tp + t_fn)
    lines.append(
        f"{'overall (micro)':<18}{t_tp + t_fn:>6}{t_tp + t_fp:>6}{t_tp:>6}{t_fp:>6}{t_fn:>6}"
        f"{precision:>11.3f}{recall:>8.3f}"
    )
    lines.append(f"hard-negative cases with any violation reported: {neg_cases_flagged}")
    if fp_examples:
        lines += [f"false positives ({len(fp_examples)}, first 40):", *fp_examples[:40]]
    if fn_examples:
        lines += [f"missed gold spans ({len(fn_examples)}, first 40):", *fn_examples[:40]]
    report = "\n".join(lines)
    print(report)

    assert precision >= MIN_PRECISION and recall >= MIN_RECALL, (
        f"precision {precision:.3f} / recall {recall:.3f} below the {MIN_PRECISION}/{MIN_RECALL} bar\n{report}"
    )
