"""The storage contract behind the knowledge base: chunks + vectors + keyword index, per brand.

Two implementations: ``SqliteIndex`` (embedded default, one file per project) and ``MilvusIndex``
(server grade; Milvus Lite in tests). The KB layer does tokenising, embedding and fusion; an index
only stores and answers three kinds of lookups.

Writes go through ``transaction(brand_id)``: nothing a writer did is visible unless the block exits
cleanly, so a failed ingest leaves the index as it was.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import numpy as np

    from .types import Chunk

ChunkId = int | str


@dataclass(frozen=True)
class Hit:
    chunk_id: ChunkId
    score: float  # higher is better, comparable only within one result list


@dataclass
class StoredChunk:
    id: ChunkId
    doc_id: int
    title: str
    heading: str
    text: str
    source_path: str
    metadata: dict[str, Any] = field(default_factory=dict)


class IndexWriter(Protocol):
    def replace(
        self,
        doc_id: int,
        source_path: str,
        chunks: Sequence[Chunk],
        token_texts: Sequence[str],
        vectors: np.ndarray,
    ) -> None:
        """Make ``chunks`` the document's only chunks (old ones go)."""

    def delete(self, doc_id: int) -> None:
        """Drop every chunk of the document."""


class Index(ABC):
    name: str

    @abstractmethod
    def prepare(self, embedder_name: str, dim: int) -> None:
        """Create storage for ``dim``-sized vectors, or check the existing index used the same embedder."""

    @abstractmethod
    def transaction(self, brand_id: int) -> AbstractContextManager[IndexWriter]:
        """All-or-nothing writes for one brand."""

    @abstractmethod
    def search_text(self, brand_id: int, tokens: Sequence[str], k: int) -> list[Hit]:
        """BM25 over the pre-tokenised column; any token may match (OR)."""

    @abstractmethod
    def search_vector(self, brand_id: int, vector: np.ndarray, k: int) -> list[Hit]:
        """Nearest chunks by cosine similarity (vectors are unit length, so inner product)."""

    @abstractmethod
    def find_codes(self, brand_id: int, codes: Sequence[str], k: int) -> list[Hit]:
        """Chunks carrying one of the normalised SKU/model codes; score is the code's boost weight."""

    @abstractmethod
    def fetch(self, brand_id: int, ids: Sequence[ChunkId]) -> dict[ChunkId, StoredChunk]:
        """The stored chunks for ``ids`` (missing ids are left out)."""

    @abstractmethod
    def terms(self, brand_id: int) -> list[str]:
        """Product names and SKUs stored with the brand's chunks, for the segmenter dictionary."""

    @abstractmethod
    def count(self, brand_id: int) -> int:
        """Number of chunks stored for the brand."""

    @abstractmethod
    def drop_brand(self, brand_id: int) -> int:
        """Delete every chunk of the brand (all documents); returns how many went. Idempotent."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release connections."""
