"""Embedded default index: one SQLite file per project (apsw + sqlite-vec + FTS5).

Tables: ``chunks`` (text + metadata), ``vec_chunks`` (sqlite-vec, store of record for vectors,
partitioned by brand), ``fts_<brand>`` (FTS5 over rjieba tokens joined by spaces), ``codes``
(normalised SKU/model codes for exact-match boosts).

Vector search does not ask sqlite-vec: its exact scan is 61 ms at 100k chunks. The vectors are held
in RAM per brand (``vectors.VectorMatrix``: exact numpy scan, 1-bit prefilter for large brands),
loaded once and reloaded when this connection writes or ``PRAGMA data_version`` says another
connection did.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from wenan.exceptions import StoreError
from wenan.store.repo import require

from .index import ChunkId, Hit, Index, StoredChunk
from .vectors import VectorMatrix

COMMON_TERM_SHARE = 0.25

if TYPE_CHECKING:
    import numpy as np

    from .types import Chunk

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS chunks (
    id INTEGER PRIMARY KEY,
    brand_id INTEGER NOT NULL,
    doc_id INTEGER NOT NULL,
    ord INTEGER NOT NULL,
    title TEXT NOT NULL,
    heading TEXT NOT NULL,
    text TEXT NOT NULL,
    source_path TEXT NOT NULL,
    metadata TEXT NOT NULL,
    terms TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS ix_chunks_doc ON chunks (brand_id, doc_id);
CREATE TABLE IF NOT EXISTS codes (
    brand_id INTEGER NOT NULL,
    code TEXT NOT NULL,
    chunk_id INTEGER NOT NULL,
    weight REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_codes ON codes (brand_id, code);
CREATE INDEX IF NOT EXISTS ix_codes_chunk ON codes (chunk_id);
"""


def _fts_name(brand_id: int) -> str:
    return f"fts_{int(brand_id)}"


def _vocab_name(brand_id: int) -> str:
    """The per-connection fts5vocab view over the brand's FTS table (document frequencies)."""
    return f"temp.vocab_{int(brand_id)}"


class SqliteIndex(Index):
    name = "sqlite"

    def __init__(self, path: str | Path) -> None:
        apsw = require("apsw")
        sqlite_vec = require("sqlite_vec")
        self.path = Path(path)
        self._apsw = apsw
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = apsw.Connection(str(self.path))
            conn.setbusytimeout(10_000)
            conn.enable_load_extension(True)
            conn.load_extension(sqlite_vec.loadable_path())
            conn.enable_load_extension(False)
            conn.execute("PRAGMA journal_mode=WAL")
            with conn:
                conn.execute(SCHEMA)
        except (apsw.Error, OSError) as exc:
            raise StoreError(f"无法打开知识库文件 {self.path}：{exc}", hint="检查 WENAN_HOME 是否可写") from exc
        self.conn = conn
        self._dim = 0
        self._fts: set[int] = set()
        # Per-brand caches, dropped when this connection writes or PRAGMA data_version moves.
        self._matrices: dict[int, VectorMatrix] = {}
        self._counts: dict[int, int] = {}
        self._df: dict[int, dict[str, int]] = {}  # brand_id -> term -> number of chunks containing it
        self._vocab_tables: set[int] = set()
        self._data_version = self._read_data_version()

    # ------------------------------------------------------------------ setup
    def prepare(self, embedder_name: str, dim: int) -> None:
        meta = dict(self.conn.execute("SELECT key, value FROM meta"))
        if "embedder" in meta and (meta["embedder"], int(meta["dim"])) != (embedder_name, dim):
            raise StoreError(
                f"知识库由 {meta['embedder']}（{meta['dim']} 维）建立，当前嵌入模型是 {embedder_name}（{dim} 维）",
                hint=f"换回原模型，或删除 {self.path} 后重新 wenan kb add",
            )
        with self.conn:
            self.conn.execute(
                "INSERT OR IGNORE INTO meta VALUES ('embedder', ?), ('dim', ?)", (embedder_name, str(dim))
            )
            self.conn.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS vec_chunks USING vec0("
                f"brand_id integer partition key, embedding float[{int(dim)}])"
            )
        self._dim = dim

    def _fts_table(self, brand_id: int) -> str:
        table = _fts_name(brand_id)
        if brand_id not in self._fts:
            # Contentless: the tokens are only needed for matching; contentless_delete lets us delete rows.
            self.conn.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {table} USING fts5(tokens, content='', "
                f"contentless_delete=1, tokenize='unicode61 remove_diacritics 0')"
            )
            self._fts.add(brand_id)
        return table

    # ------------------------------------------------------------------ writes
    @contextmanager
    def transaction(self, brand_id: int) -> Iterator[_SqliteWriter]:
        if not self._dim:
            raise StoreError("索引尚未初始化（缺少 prepare 调用）")
        try:
            with self.conn:
                yield _SqliteWriter(self, brand_id)
        except self._apsw.Error as exc:
            raise StoreError(f"写入知识库失败：{exc}") from exc
        finally:
            self._forget(brand_id)

    def drop_brand(self, brand_id: int) -> int:
        brand_id = int(brand_id)
        try:
            with self.conn:
                rows = [(r[0],) for r in self.conn.execute("SELECT id FROM chunks WHERE brand_id = ?", (brand_id,))]
                if self._has_table("vec_chunks"):  # absent until the first ingest
                    self.conn.executemany("DELETE FROM vec_chunks WHERE rowid = ?", rows)
                self.conn.execute("DELETE FROM codes WHERE brand_id = ?", (brand_id,))
                self.conn.execute("DELETE FROM chunks WHERE brand_id = ?", (brand_id,))
                self.conn.execute(f"DROP TABLE IF EXISTS {_vocab_name(brand_id)}")
                self.conn.execute(f"DROP TABLE IF EXISTS {_fts_name(brand_id)}")
        except self._apsw.Error as exc:
            raise StoreError(f"删除品牌的知识库片段失败：{exc}") from exc
        finally:
            self._fts.discard(brand_id)
            self._vocab_tables.discard(brand_id)
            self._forget(brand_id)
        return len(rows)

    def _has_table(self, name: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None

    # ------------------------------------------------------------------ reads
    def search_text(self, brand_id: int, tokens: Sequence[str], k: int) -> list[Hit]:
        if not tokens:
            return []
        table = self._fts_table(brand_id)
        terms = self._prune_common(brand_id, table, list(dict.fromkeys(tokens)))
        match = " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)
        rows = self.conn.execute(
            f"SELECT rowid, bm25({table}) AS s FROM {table} WHERE {table} MATCH ? ORDER BY s LIMIT ?",
            (match, k),
        )
        return [Hit(int(rowid), -float(score)) for rowid, score in rows]  # FTS5 bm25: lower is better

    def _prune_common(self, brand_id: int, table: str, terms: list[str]) -> list[str]:
        """Drop OR terms found in more than ``COMMON_TERM_SHARE`` of the brand's chunks.

        Their BM25 weight is tiny, but FTS5 must score every chunk that contains them: at 100k chunks
        a term in 80% of them (a SKU prefix such as "sk") turns a 0.3 ms query into 55 ms.
        The rarest term is always kept, so a query never goes empty.
        """
        if len(terms) < 2:
            return terms
        self._check_data_version()
        total = self._counts.get(brand_id)
        if total is None:
            total = self._counts[brand_id] = self.count(brand_id)
        vocab = _vocab_name(brand_id)
        if brand_id not in self._vocab_tables:
            self.conn.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {vocab} USING fts5vocab(main, {table}, 'row')")
            self._vocab_tables.add(brand_id)
        cache = self._df.setdefault(brand_id, {})
        for term in terms:
            if term not in cache:
                row = self.conn.execute(f"SELECT doc FROM {vocab} WHERE term = ?", (term,)).fetchone()
                cache[term] = int(row[0]) if row else 0
        rarest = min(terms, key=lambda t: cache[t])
        limit = COMMON_TERM_SHARE * total
        return [t for t in terms if t == rarest or cache[t] <= limit]

    def search_vector(self, brand_id: int, vector: np.ndarray, k: int) -> list[Hit]:
        return [Hit(cid, score) for cid, score in self._matrix(brand_id).top(vector, k)]

    def find_codes(self, brand_id: int, codes: Sequence[str], k: int) -> list[Hit]:
        if not codes:
            return []
        marks = ",".join("?" * len(codes))
        rows = self.conn.execute(
            f"SELECT chunk_id, MAX(weight) AS w FROM codes WHERE brand_id = ? AND code IN ({marks}) "
            f"GROUP BY chunk_id ORDER BY w DESC, chunk_id LIMIT ?",
            (brand_id, *codes, k),
        )
        return [Hit(int(cid), float(w)) for cid, w in rows]

    def fetch(self, brand_id: int, ids: Sequence[ChunkId]) -> dict[ChunkId, StoredChunk]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(
            # "+brand_id" keeps the planner on the primary key; with the (brand_id, doc_id) index it
            # scanned every chunk of the brand (6 ms at 100k chunks instead of 0.05 ms).
            f"SELECT id, doc_id, title, heading, text, source_path, metadata FROM chunks "
            f"WHERE +brand_id = ? AND id IN ({marks})",
            (brand_id, *ids),
        )
        return {int(r[0]): StoredChunk(int(r[0]), int(r[1]), r[2], r[3], r[4], r[5], json.loads(r[6])) for r in rows}

    def terms(self, brand_id: int) -> list[str]:
        rows = self.conn.execute("SELECT terms FROM chunks WHERE brand_id = ? AND terms != ''", (brand_id,))
        return [t for (joined,) in rows for t in joined.split("\t") if t]

    def count(self, brand_id: int) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM chunks WHERE brand_id = ?", (brand_id,)).fetchone()[0])

    def close(self) -> None:
        self._matrices.clear()
        self.conn.close()

    # ------------------------------------------------------------------ vector cache
    def _read_data_version(self) -> int:
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def _check_data_version(self) -> None:
        version = self._read_data_version()
        if version != self._data_version:  # another connection committed: every cached brand may be stale
            self._forget()
            self._data_version = version

    def _forget(self, brand_id: int | None = None) -> None:
        for cache in (self._matrices, self._counts, self._df):
            if brand_id is None:
                cache.clear()
            else:
                cache.pop(brand_id, None)

    def _matrix(self, brand_id: int) -> VectorMatrix:
        import numpy as np

        self._check_data_version()
        cached = self._matrices.get(brand_id)
        if cached is None:
            ids: list[int] = []
            blobs: list[bytes] = []
            for rowid, blob in self.conn.execute(
                "SELECT rowid, embedding FROM vec_chunks WHERE brand_id = ?", (brand_id,)
            ):
                ids.append(rowid)
                blobs.append(blob)
            matrix = np.frombuffer(b"".join(blobs), dtype=np.float32).reshape(len(ids), self._dim)
            cached = VectorMatrix(np.asarray(ids, dtype=np.int64), matrix)
            self._matrices[brand_id] = cached
        return cached


class _SqliteWriter:
    def __init__(self, index: SqliteIndex, brand_id: int) -> None:
        self._index = index
        self._conn = index.conn
        self._brand = brand_id
        self._fts = index._fts_table(brand_id)

    def delete(self, doc_id: int) -> None:
        ids = [
            r[0]
            for r in self._conn.execute(
                "SELECT id FROM chunks WHERE brand_id = ? AND doc_id = ?", (self._brand, doc_id)
            )
        ]
        if not ids:
            return
        rows = [(i,) for i in ids]
        self._conn.executemany(f"DELETE FROM {self._fts} WHERE rowid = ?", rows)
        self._conn.executemany("DELETE FROM vec_chunks WHERE rowid = ?", rows)
        self._conn.executemany("DELETE FROM codes WHERE chunk_id = ?", rows)
        self._conn.execute("DELETE FROM chunks WHERE brand_id = ? AND doc_id = ?", (self._brand, doc_id))

    def replace(
        self,
        doc_id: int,
        source_path: str,
        chunks: Sequence[Chunk],
        token_texts: Sequence[str],
        vectors: np.ndarray,
    ) -> None:
        import numpy as np

        self.delete(doc_id)
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        for order, (chunk, tokens) in enumerate(zip(chunks, token_texts, strict=True)):
            terms = "\t".join(str(chunk.metadata[k]) for k in ("name", "sku") if chunk.metadata.get(k))
            self._conn.execute(
                "INSERT INTO chunks (brand_id, doc_id, ord, title, heading, text, source_path, metadata, "
                "terms) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    self._brand,
                    doc_id,
                    order,
                    chunk.title,
                    chunk.heading,
                    chunk.text,
                    source_path,
                    json.dumps(chunk.metadata, ensure_ascii=False),
                    terms,
                ),
            )
            chunk_id = self._conn.last_insert_rowid()
            self._conn.execute(f"INSERT INTO {self._fts} (rowid, tokens) VALUES (?, ?)", (chunk_id, tokens))
            self._conn.execute(
                "INSERT INTO vec_chunks (rowid, brand_id, embedding) VALUES (?, ?, ?)",
                (chunk_id, self._brand, vectors[order].tobytes()),
            )
            self._conn.executemany(
                "INSERT INTO codes (brand_id, code, chunk_id, weight) VALUES (?, ?, ?, ?)",
                [(self._brand, code, chunk_id, weight) for code, weight in chunk.codes.items()],
            )
