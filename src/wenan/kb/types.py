"""Records the knowledge base hands out: search results and ingest reports."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SearchMode = Literal["hybrid", "bm25", "vector"]
SEARCH_MODES: tuple[SearchMode, ...] = ("hybrid", "bm25", "vector")


class Passage(BaseModel):
    """One retrieved chunk. ``doc_id`` is the store's document id; ``score`` ranks within one query only."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: int | str
    doc_id: int
    title: str
    text: str
    score: float
    source_path: str
    metadata: dict[str, Any] = Field(default_factory=dict)


class Chunk(BaseModel):
    """A piece of a document to index. ``context`` (title + heading path) is embedded and indexed too."""

    model_config = ConfigDict(extra="forbid")

    text: str
    title: str = ""
    heading: str = ""
    metadata: dict[str, Any] = Field(default_factory=dict)
    codes: dict[str, float] = Field(default_factory=dict, description="normalised SKU/model code -> boost")

    @property
    def context(self) -> str:
        parts = [p for p in (self.title, self.heading) if p]
        return " > ".join(dict.fromkeys(parts))

    def embedding_text(self) -> str:
        return f"{self.context}\n{self.text}" if self.context else self.text


FileStatus = Literal["added", "replaced", "unchanged", "duplicate", "failed"]


class FileOutcome(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str
    status: FileStatus
    n_chunks: int = 0
    message: str = ""


class IngestReport(BaseModel):
    """What ``kb.add`` did, one line per file. Failures are reported, never half-written."""

    model_config = ConfigDict(extra="forbid")

    files: list[FileOutcome] = Field(default_factory=list)

    def _count(self, status: FileStatus) -> int:
        return sum(1 for f in self.files if f.status == status)

    @property
    def added(self) -> int:
        return self._count("added")

    @property
    def replaced(self) -> int:
        return self._count("replaced")

    @property
    def skipped(self) -> int:
        return self._count("unchanged") + self._count("duplicate")

    @property
    def failed(self) -> int:
        return self._count("failed")

    @property
    def n_chunks(self) -> int:
        return sum(f.n_chunks for f in self.files if f.status in ("added", "replaced"))

    def summary(self) -> str:
        return (
            f"新增 {self.added} 个文件，更新 {self.replaced} 个，跳过 {self.skipped} 个（重复或未变），"
            f"失败 {self.failed} 个；写入 {self.n_chunks} 个片段。"
        )
