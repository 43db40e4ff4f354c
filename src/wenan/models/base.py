"""The one contract every model backend implements.

A backend yields text chunks from ``execute``; everything else (collecting, usage, async) is built on
that single method, so a new backend is one class with one generator.
"""

from __future__ import annotations

import asyncio
import threading
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field


class Request(BaseModel):
    """What the pipeline asks a model for.

    Chat models read ``system`` + ``prompt``. Base (non-instruct) models such as the embedded Gemma
    read ``completion_prompt`` — a few-shot document they continue — when it is given.
    """

    model_config = ConfigDict(extra="forbid")

    system: str | None = None
    prompt: str
    completion_prompt: str | None = None
    max_tokens: int = Field(512, ge=1, le=32768)
    temperature: float = Field(0.8, ge=0.0, le=2.0)
    top_p: float = Field(0.95, gt=0.0, le=1.0)
    stop: list[str] = Field(default_factory=list)
    seed: int | None = None


@dataclass
class Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0

    def add(self, other: Usage) -> None:
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens

    def as_dict(self) -> dict[str, int]:
        return {
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "total_tokens": self.prompt_tokens + self.completion_tokens,
        }


@dataclass
class Response:
    """Filled in by ``execute`` as it runs: the model that actually answered (after fallback) and usage."""

    model: str
    text: str = ""
    usage: Usage = field(default_factory=Usage)
    finish_reason: str | None = None
    #: backend-reported speed figures (llama.cpp: prompt/predicted tokens per second), when available
    timings: dict[str, float] | None = None


class Model(ABC):
    """A text generator. Subclasses implement ``execute``; ``aexecute`` may be overridden for native async."""

    model_id: str = "model"
    #: True for instruction-tuned chat models; False for base models that need a completion prompt.
    is_chat: bool = True
    can_stream: bool = True
    #: How many requests the pipeline may send at once (remote endpoints serve several; llama.cpp here one).
    max_concurrency: int = 1

    @abstractmethod
    def execute(self, request: Request, response: Response) -> Iterator[str]:
        """Yield text chunks; record usage / finish_reason / answering model on ``response``."""

    def generate(self, request: Request) -> Response:
        response = Response(model=self.model_id)
        response.text = "".join(self.execute(request, response))
        return response

    def stream(self, request: Request) -> tuple[Response, Iterator[str]]:
        response = Response(model=self.model_id)

        def chunks() -> Iterator[str]:
            parts: list[str] = []
            for chunk in self.execute(request, response):
                parts.append(chunk)
                yield chunk
            response.text = "".join(parts)

        return response, chunks()

    async def aexecute(self, request: Request, response: Response) -> AsyncIterator[str]:
        """Default async twin: drive the sync generator on a worker thread, hand chunks over a queue."""
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[tuple[str, object]] = asyncio.Queue()
        cancelled = threading.Event()

        def worker() -> None:
            try:
                for chunk in self.execute(request, response):
                    if cancelled.is_set():
                        break
                    loop.call_soon_threadsafe(queue.put_nowait, ("chunk", chunk))
            except BaseException as exc:  # re-raised on the event loop side
                loop.call_soon_threadsafe(queue.put_nowait, ("error", exc))
            else:
                loop.call_soon_threadsafe(queue.put_nowait, ("done", None))

        thread = threading.Thread(target=worker, daemon=True)
        thread.start()
        try:
            while True:
                kind, value = await queue.get()
                if kind == "chunk":
                    yield str(value)
                elif kind == "error":
                    raise value  # type: ignore[misc]
                else:
                    return
        finally:
            cancelled.set()

    async def agenerate(self, request: Request) -> Response:
        response = Response(model=self.model_id)
        parts = [chunk async for chunk in self.aexecute(request, response)]
        response.text = "".join(parts)
        return response

    def close(self) -> None:  # noqa: B027 - optional hook, most backends hold nothing
        """Release sockets / native memory. Safe to call twice."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.model_id}>"
