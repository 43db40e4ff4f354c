"""Retrieval evaluation over ``tests/kb/data``: recall@k and MRR per search mode.

Shared by the slow test and ``benchmarks/bench_kb.py``. A passage is relevant to a query when it
comes from the labelled file and its text (or heading path) contains the labelled needle.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from wenan.kb import Embedder, KnowledgeBase, Passage, open_kb
from wenan.kb.types import SEARCH_MODES
from wenan.store import BrandProfile, Store

DATA = Path(__file__).parent / "data"


@dataclass
class Scores:
    recall: float
    mrr: float
    n: int


def load_queries() -> list[dict]:
    with (DATA / "queries.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def build(store: Store, index, embedder: Embedder) -> dict[str, KnowledgeBase]:
    brands = json.loads((DATA / "brands.json").read_text(encoding="utf-8"))
    kbs = {}
    for slug, profile in brands.items():
        store.create_brand(BrandProfile(**profile))
        kb = open_kb(profile["name"], store=store, index=index, embedder=embedder)
        report = kb.add([DATA / "corpus" / slug])
        assert report.failed == 0, [f for f in report.files if f.status == "failed"]
        kbs[profile["name"]] = kb
    return kbs


def is_relevant(passage: Passage, query: dict) -> bool:
    where = f"{passage.text}\n{passage.metadata.get('heading_path', '')}"
    return any(
        Path(passage.source_path).name == rel["file"] and rel["contains"] in where
        for rel in query["relevant"]
    )


def evaluate(kbs: dict[str, KnowledgeBase], queries: list[dict], k: int = 5) -> dict[str, dict[str, Scores]]:
    """mode -> query type (plus 'all') -> scores."""
    out: dict[str, dict[str, Scores]] = {}
    for mode in SEARCH_MODES:
        hits: dict[str, list[float]] = defaultdict(list)
        ranks: dict[str, list[float]] = defaultdict(list)
        for q in queries:
            passages = kbs[q["brand"]].search(q["query"], k=k, mode=mode)
            rank = next((i for i, p in enumerate(passages, start=1) if is_relevant(p, q)), None)
            for group in ("all", q["type"]):
                hits[group].append(1.0 if rank else 0.0)
                ranks[group].append(1.0 / rank if rank else 0.0)
        out[mode] = {
            g: Scores(sum(hits[g]) / len(hits[g]), sum(ranks[g]) / len(ranks[g]), len(hits[g])) for g in hits
        }
    return out


def table(results: dict[str, dict[str, Scores]], k: int = 5) -> str:
    groups = ["all"] + sorted(g for g in results["hybrid"] if g != "all")
    lines = [
        "| mode | " + " | ".join(f"{g} R@{k} / MRR (n={results['hybrid'][g].n})" for g in groups) + " |",
        "|---|" + "---|" * len(groups),
    ]
    for mode, by_group in results.items():
        cells = [f"{by_group[g].recall:.3f} / {by_group[g].mrr:.3f}" for g in groups]
        lines.append(f"| {mode} | " + " | ".join(cells) + " |")
    return "\n".join(lines)
