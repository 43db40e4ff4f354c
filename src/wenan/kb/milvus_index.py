"""Server-grade index on Milvus (a cluster, standalone, or Milvus Lite for tests) via ``pymilvus``.

One collection per project; rows carry ``brand_id`` and every query filters on it.
Keyword side: Milvus's own BM25 function (full-text search) over a column of rjieba tokens joined by
spaces. We tokenise ourselves so the brand's SKUs and product names segment the same way as in the
SQLite index; the collection analyzer only has to split on spaces (``standard`` does, in Milvus Lite
and in Milvus 2.5+).

Milvus has no multi-row transactions. A write inserts the new chunks under a fresh generation id and
deletes the old generation only when the block succeeds; on failure it deletes what it inserted.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from wenan.exceptions import StoreError, UserError

from .index import ChunkId, Hit, Index, StoredChunk

if TYPE_CHECKING:
    import numpy as np

    from .types import Chunk

MILVUS_HINT = "pip install 'wenan[milvus]'"
_OUTPUT = ["id", "doc_id", "title", "heading", "text", "source_path", "metadata"]
_MAX_TEXT = 16_000


def _client(uri: str, token: str) -> Any:
    try:
        from pymilvus import MilvusClient
    except ImportError as exc:
        raise UserError("缺少可选依赖 pymilvus", hint=f"请运行 {MILVUS_HINT}") from exc
    try:
        return MilvusClient(uri, token=token) if token else MilvusClient(uri)
    except Exception as exc:
        raise StoreError(
            f"无法连接 Milvus：{uri}（{exc}）", hint="检查 WENAN_KB_MILVUS_URI 与服务状态"
        ) from exc


class MilvusIndex(Index):
    name = "milvus"

    def __init__(
        self,
        uri: str,
        *,
        token: str = "",
        collection: str = "wenan_kb",
        dense_index: dict[str, Any] | None = None,
        analyzer: dict[str, Any] | None = None,
    ) -> None:
        self.uri = uri
        self.collection = collection
        self._client = _client(uri, token)
        # AUTOINDEX lets a cluster pick (HNSW-class); Milvus Lite maps it to its default too.
        self._dense_index = dense_index or {"index_type": "AUTOINDEX", "metric_type": "IP"}
        self._analyzer = analyzer or {"tokenizer": "standard"}
        self._dim = 0

    def _call(self, what: str, func: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (StoreError, UserError):
            raise
        except Exception as exc:
            raise StoreError(f"Milvus {what} 失败：{exc}") from exc

    # ------------------------------------------------------------------ setup
    def prepare(self, embedder_name: str, dim: int) -> None:
        from pymilvus import DataType, Function, FunctionType

        c = self._client
        if self._call("查询集合", c.has_collection, self.collection):
            info = self._call("查询集合", c.describe_collection, self.collection)
            dense = next(f for f in info["fields"] if f["name"] == "dense")
            stored = (dense.get("description") or "", int(dense["params"]["dim"]))
            if stored[1] != dim or (stored[0] and stored[0] != embedder_name):
                raise StoreError(
                    f"Milvus 集合 {self.collection} 由 {stored[0] or '未知模型'}（{stored[1]} 维）建立，"
                    f"当前嵌入模型是 {embedder_name}（{dim} 维）",
                    hint="换回原模型，或换一个集合名后重新导入",
                )
        else:
            schema = c.create_schema(auto_id=False)
            schema.add_field("id", DataType.VARCHAR, is_primary=True, max_length=64)
            schema.add_field("brand_id", DataType.INT64)
            schema.add_field("doc_id", DataType.INT64)
            schema.add_field("gen", DataType.VARCHAR, max_length=32)
            schema.add_field("title", DataType.VARCHAR, max_length=1000)
            schema.add_field("heading", DataType.VARCHAR, max_length=2000)
            schema.add_field("text", DataType.VARCHAR, max_length=65535)
            schema.add_field("source_path", DataType.VARCHAR, max_length=2000)
            schema.add_field("metadata", DataType.JSON)
            schema.add_field("terms", DataType.VARCHAR, max_length=2000)
            schema.add_field("sku", DataType.VARCHAR, max_length=64)
            schema.add_field(
                "codes", DataType.ARRAY, element_type=DataType.VARCHAR, max_capacity=64, max_length=64
            )
            schema.add_field(
                "tokens",
                DataType.VARCHAR,
                max_length=65535,
                enable_analyzer=True,
                analyzer_params=self._analyzer,
            )
            schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
            schema.add_field("dense", DataType.FLOAT_VECTOR, dim=dim, description=embedder_name)
            schema.add_function(
                Function(
                    name="bm25",
                    function_type=FunctionType.BM25,
                    input_field_names=["tokens"],
                    output_field_names=["sparse"],
                )
            )
            index_params = c.prepare_index_params()
            index_params.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25")
            index_params.add_index("dense", **self._dense_index)
            self._call(
                "创建集合", c.create_collection, self.collection, schema=schema, index_params=index_params
            )
        self._dim = dim

    # ------------------------------------------------------------------ writes
    @contextmanager
    def transaction(self, brand_id: int) -> Iterator[_MilvusWriter]:
        writer = _MilvusWriter(self, brand_id)
        try:
            yield writer
        except BaseException:
            writer.rollback()
            raise
        try:
            writer.commit()
        except BaseException:
            writer.rollback()  # old chunks may be half-deleted, but never doubled with the new ones
            raise

    def drop_brand(self, brand_id: int) -> int:
        if not self._call("查询集合", self._client.has_collection, self.collection):
            return 0
        n = self.count(brand_id)
        self._call("删除品牌片段", self._client.delete, self.collection, filter=f"brand_id == {int(brand_id)}")
        return n

    # ------------------------------------------------------------------ reads
    def search_text(self, brand_id: int, tokens: Sequence[str], k: int) -> list[Hit]:
        if not tokens:
            return []
        result = self._call(
            "全文检索",
            self._client.search,
            self.collection,
            data=[" ".join(dict.fromkeys(tokens))],
            anns_field="sparse",
            limit=k,
            filter=f"brand_id == {int(brand_id)}",
            output_fields=["id"],
        )
        hits = list(result[0]) if result else []
        # Hits come best-first; the raw BM25 sign differs between Lite and servers, so rank by order.
        return [Hit(h["id"], float(len(hits) - i)) for i, h in enumerate(hits)]

    def search_vector(self, brand_id: int, vector: np.ndarray, k: int) -> list[Hit]:
        result = self._call(
            "向量检索",
            self._client.search,
            self.collection,
            data=[[float(x) for x in vector]],
            anns_field="dense",
            limit=k,
            filter=f"brand_id == {int(brand_id)}",
            output_fields=["id"],
            search_params={"metric_type": "IP"},
        )
        return [Hit(h["id"], float(h["distance"])) for h in (result[0] if result else [])]

    def find_codes(self, brand_id: int, codes: Sequence[str], k: int) -> list[Hit]:
        if not codes:
            return []
        rows = self._call(
            "编码查询",
            self._client.query,
            self.collection,
            filter=f"brand_id == {int(brand_id)} and array_contains_any(codes, {json.dumps(list(codes))})",
            output_fields=["id", "sku"],
            limit=k,
        )
        wanted = set(codes)
        hits = [Hit(r["id"], 2.0 if r.get("sku") in wanted else 1.0) for r in rows]
        return sorted(hits, key=lambda h: -h.score)

    def fetch(self, brand_id: int, ids: Sequence[ChunkId]) -> dict[ChunkId, StoredChunk]:
        if not ids:
            return {}
        rows = self._call("读取片段", self._client.get, self.collection, ids=list(ids), output_fields=_OUTPUT)
        return {
            r["id"]: StoredChunk(
                r["id"],
                int(r["doc_id"]),
                r["title"],
                r["heading"],
                r["text"],
                r["source_path"],
                dict(r.get("metadata") or {}),
            )
            for r in rows
        }

    def terms(self, brand_id: int) -> list[str]:
        rows = self._query_all(f'brand_id == {int(brand_id)} and terms != ""', ["terms"])
        return [t for r in rows for t in r["terms"].split("\t") if t]

    def count(self, brand_id: int) -> int:
        rows = self._call(
            "计数",
            self._client.query,
            self.collection,
            filter=f"brand_id == {int(brand_id)}",
            output_fields=["count(*)"],
        )
        return int(rows[0]["count(*)"]) if rows else 0

    def _query_all(self, expr: str, fields: list[str]) -> list[dict[str, Any]]:
        return list(
            self._call("查询", self._client.query, self.collection, filter=expr, output_fields=fields)
        )

    def close(self) -> None:
        with contextlib.suppress(Exception):  # closing a dead connection is not worth an error
            self._client.close()


class _MilvusWriter:
    def __init__(self, index: MilvusIndex, brand_id: int) -> None:
        self._index = index
        self._brand = int(brand_id)
        self._gen = uuid.uuid4().hex
        self._inserted: list[str] = []
        self._pending_deletes: list[str] = []  # filter expressions to run on commit

    def replace(
        self,
        doc_id: int,
        source_path: str,
        chunks: Sequence[Chunk],
        token_texts: Sequence[str],
        vectors: np.ndarray,
    ) -> None:
        rows = []
        for order, (chunk, tokens) in enumerate(zip(chunks, token_texts, strict=True)):
            chunk_id = f"{doc_id}-{self._gen[:12]}-{order}"
            sku = next((c for c, w in chunk.codes.items() if w >= 2.0), "")
            rows.append(
                {
                    "id": chunk_id,
                    "brand_id": self._brand,
                    "doc_id": int(doc_id),
                    "gen": self._gen,
                    "title": chunk.title[:300],
                    "heading": chunk.heading[:600],
                    "text": chunk.text[:_MAX_TEXT],
                    "source_path": source_path[:600],
                    "metadata": chunk.metadata,
                    "terms": "\t".join(
                        str(chunk.metadata[k]) for k in ("name", "sku") if chunk.metadata.get(k)
                    )[:600],
                    "sku": sku[:64],
                    "codes": [c[:64] for c in list(chunk.codes)[:64]],
                    "tokens": tokens[:_MAX_TEXT],
                    "dense": [float(x) for x in vectors[order]],
                }
            )
            self._inserted.append(chunk_id)
        if rows:
            self._index._call("写入", self._index._client.insert, self._index.collection, rows)
        self._pending_deletes.append(
            f'brand_id == {self._brand} and doc_id == {int(doc_id)} and gen != "{self._gen}"'
        )

    def delete(self, doc_id: int) -> None:
        self._pending_deletes.append(f"brand_id == {self._brand} and doc_id == {int(doc_id)}")

    def commit(self) -> None:
        for expr in self._pending_deletes:
            self._index._call("删除旧片段", self._index._client.delete, self._index.collection, filter=expr)

    def rollback(self) -> None:
        if self._inserted:
            self._index._call(
                "回滚", self._index._client.delete, self._index.collection, filter=f'gen == "{self._gen}"'
            )
