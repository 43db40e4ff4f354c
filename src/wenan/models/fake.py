"""Scripted test double, shipped in the library so users' own tests can use it too.

    model = FakeModel(["第一条文案", "第二条文案"])   # replies are handed out in order
    model.requests                                      # every Request it received

A reply may be an Exception instance (raised instead of answering) or a callable
``Request -> str`` for replies that depend on the prompt. When replies run out the last one repeats.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence

from .base import Model, Request, Response, Usage

Reply = str | BaseException | Callable[[Request], str]


class FakeModel(Model):
    def __init__(
        self,
        replies: Sequence[Reply] = ("这是一条测试文案。",),
        *,
        model_id: str = "fake",
        is_chat: bool = True,
        chunk_size: int = 4,
        delay_s: float = 0.0,
        max_concurrency: int = 1,
    ) -> None:
        if not replies:
            raise ValueError("FakeModel needs at least one reply")
        self.model_id = model_id
        self.is_chat = is_chat
        self._replies = list(replies)
        self._chunk_size = chunk_size
        self._delay = delay_s  # per chunk, to imitate a slow endpoint
        self.max_concurrency = max_concurrency
        self._lock = threading.Lock()
        self.requests: list[Request] = []

    def enqueue(self, *replies: Reply) -> None:
        self._replies.extend(replies)

    def _next(self, request: Request) -> str:
        with self._lock:
            reply = self._replies.pop(0) if len(self._replies) > 1 else self._replies[0]
        if isinstance(reply, BaseException):
            raise reply
        return reply(request) if callable(reply) else reply

    def execute(self, request: Request, response: Response) -> Iterator[str]:
        with self._lock:
            self.requests.append(request)
        text = self._next(request)
        prompt = request.completion_prompt or ((request.system or "") + request.prompt)
        response.usage.add(Usage(prompt_tokens=len(prompt), completion_tokens=len(text)))
        response.finish_reason = "stop"
        for i in range(0, len(text), self._chunk_size):
            if self._delay:
                time.sleep(self._delay)
            yield text[i : i + self._chunk_size]
