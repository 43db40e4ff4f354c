"""What the semantic review adds to the rules on a labelled set: how many rule misses it points at,
and how much clean copy it flags.

    python benchmarks/eval_comply_review.py --data benchmarks/data/comply_blind4_cases.jsonl [--out FILE]

Rules are scored as in eval_comply_blind.py (overlap + same category, one-to-one). Review advisories
are scored category-agnostic (an advisory is a pointer for a human, its category is the nearest
example's): a rule-missed gold span is "pointed at" if an advisory overlaps it. Only sets that are not
in the review bank (blind 4 and later; see scripts/build_review_bank.py) measure anything.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_comply_blind import Span, load_cases, run  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)

    from wenan.comply import review as rv
    from wenan.comply.review import Reviewer

    cases = load_cases(args.data)
    meta = (ROOT / "src/wenan/comply/review_bank/meta.json").read_text(encoding="utf-8")
    if args.data.name in meta:
        print(f"warning: {args.data.name} is in the review bank; these numbers measure nothing", file=sys.stderr)
    reviewer = Reviewer()
    results, _ = run(cases)
    tp = sum(len(r.pairs) for r in results)
    fp = sum(len(r.false_positives) for r in results)
    gold = sum(len(r.gold) for r in results)
    missed = pointed = 0
    neg_total = neg_rule_clean = neg_review = 0
    advisories = on_gold = 0
    lines = []
    start = time.perf_counter()
    windows = 0
    for r in results:
        case = r.case
        skip = [(p.start, p.end) for p in r.pred]
        adv = reviewer.review(case["text"], channel=case["channel"], skip=skip)
        windows += len(rv.windows(case["text"]))
        advisories += len(adv)
        spans = [Span(a.start or 0, a.end or 0, a.text or "", a.category or "") for a in adv]
        on_gold += sum(any(s.start < g.end and g.start < s.end for g in r.gold) for s in spans)
        for g in r.misses:
            missed += 1
            hit = [s for s in spans if s.start < g.end and g.start < s.end]
            pointed += bool(hit)
            lines.append(f"| {case['id']} | miss | `{g.text}` ({g.category}) | "
                         + ("`" + hit[0].text + "` → " + hit[0].category if hit else "—") + " |")
        if not case["spans"]:
            neg_total += 1
            if not r.pred:
                neg_rule_clean += 1
                if adv:
                    neg_review += 1
                    lines.append(f"| {case['id']} | clean negative | — | `{adv[0].text}` → {adv[0].category} |")
    elapsed = time.perf_counter() - start
    command = "python benchmarks/eval_comply_review.py " + " ".join(argv if argv is not None else sys.argv[1:])
    report = [
        f"# Semantic review on `{args.data.name}`",
        "",
        f"Command: `{command.strip()}`  ",
        f"Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}  ",
        f"Review: threshold {reviewer.threshold}, margin {reviewer.margin}, bank "
        f"{len(reviewer._pos_entries)} claim phrases + {len(reviewer._neg)} negative clauses",
        "",
        f"{len(cases)} cases, {gold} gold spans. Rules alone: precision {tp / max(1, tp + fp):.3f}, "
        f"recall {tp / max(1, gold):.3f}.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| rule-missed gold spans with a review advisory on them | **{pointed} / {missed}** |",
        f"| recall if every advisory were checked by a person and confirmed | "
        f"{(tp + pointed) / max(1, gold):.3f} |",
        f"| hard negatives the rules leave clean that get an advisory | **{neg_review} / {neg_rule_clean}** |",
        f"| advisories in total (all cases) / on a gold span | {advisories} / {on_gold} |",
        f"| review time | {elapsed:.1f} s for {windows} windows ({1000 * elapsed / max(1, windows):.1f} ms each) |",
        "",
        "| case | kind | gold | advisory |",
        "|---|---|---|---|",
        *lines,
        "",
    ]
    text = "\n".join(report)
    out = args.out or RESULTS / f"comply_review_{args.data.stem.replace('_cases', '')}.md"
    out.write_text(text, encoding="utf-8")
    print("\n".join(report[:16]))
    print(f"written {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
