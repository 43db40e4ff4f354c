"""Any OpenAI-compatible endpoint (DeepSeek, Qwen/DashScope, GLM, Kimi, OpenAI, vLLM, Ollama, llama.cpp).

Providers differ only in configuration. Transient failures (connect errors, timeouts, 429, 5xx) are
retried with exponential backoff; anything else fails at once with a message that says what to do.
Retries happen only before the first chunk is streamed, so a caller never sees a spliced answer.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx

from ..config import ModelConfig
from ..exceptions import ModelError, ModelHTTPError, ModelResponseError, ModelTimeoutError
from .base import Model, Request, Response, Usage

RETRY_STATUSES = {408, 409, 425, 429, 500, 502, 503, 504}
MAX_BACKOFF_S = 8.0


def _hint_for(status: int) -> str:
    if status in (401, 403):
        return "API key 无效或无权限：用 `wenan keys set <名称>` 重新保存，或检查环境变量"
    if status == 404:
        return "base_url 或模型名不对：检查配置中的 base_url（通常以 /v1 结尾）和 model"
    if status == 429:
        return "请求过于频繁或额度用尽：稍后再试，或在配置中设置 fallback 备用模型"
    if status >= 500:
        return "模型服务端出错：稍后再试，或用 --model local 改用内置离线模型"
    return "检查请求参数与模型配置"


class OpenAICompatModel(Model):
    def __init__(self, cfg: ModelConfig, *, transport: httpx.BaseTransport | None = None,
                 async_transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.cfg = cfg
        self.model_id = cfg.name or cfg.model
        # A base model behind a server (e.g. llama.cpp hosting a GGUF) is driven with /completions.
        self.is_chat = cfg.options.get("mode", "chat") != "completion"
        self.max_concurrency = max(1, int(cfg.options.get("concurrency", 4)))
        self._transport = transport
        self._async_transport = async_transport
        self._client: httpx.Client | None = None

    @classmethod
    def from_config(cls, cfg: ModelConfig) -> OpenAICompatModel:
        return cls(cfg)

    # -- request / response shapes, shared by the sync and async paths -------------------------
    def _timeout(self) -> httpx.Timeout:
        return httpx.Timeout(self.cfg.timeout, connect=self.cfg.connect_timeout)

    def _headers(self) -> dict[str, str]:
        headers = {"Content-Type": "application/json", "Accept": "text/event-stream"}
        if self.cfg.api_key:
            headers["Authorization"] = f"Bearer {self.cfg.api_key}"
        return headers

    def _url_and_body(self, request: Request) -> tuple[str, dict[str, Any]]:
        body: dict[str, Any] = {
            "model": self.cfg.model,
            "max_tokens": request.max_tokens,
            "temperature": request.temperature,
            "top_p": request.top_p,
            "stream": True,
            "stream_options": {"include_usage": True},
        }
        if request.stop:
            body["stop"] = request.stop[:4]  # OpenAI's own limit; most compatible servers share it
        if request.seed is not None:
            body["seed"] = request.seed
        body.update(self.cfg.options.get("extra_body", {}))
        base = (self.cfg.base_url or "").rstrip("/")
        if self.is_chat:
            messages = [{"role": "system", "content": request.system}] if request.system else []
            messages.append({"role": "user", "content": request.prompt})
            return f"{base}/chat/completions", {**body, "messages": messages}
        return f"{base}/completions", {**body, "prompt": request.completion_prompt or request.prompt}

    def _parse_event(self, line: str, response: Response) -> str | None:
        if not line.startswith("data:"):
            return None
        data = line[5:].strip()
        if not data or data == "[DONE]":
            return None
        try:
            event = json.loads(data)
        except json.JSONDecodeError:
            raise ModelResponseError(
                f"模型 {self.model_id!r} 返回的流不是 JSON：{data[:120]!r}",
                hint="确认 base_url 指向 OpenAI 兼容接口（通常以 /v1 结尾）",
            ) from None
        if not isinstance(event, dict):
            raise ModelResponseError(f"模型 {self.model_id!r} 返回了无法识别的数据：{data[:120]!r}")
        if "error" in event:
            raise ModelResponseError(f"模型 {self.model_id!r} 报错：{str(event['error'])[:300]}")
        if usage := event.get("usage"):
            response.usage = Usage(usage.get("prompt_tokens", 0) or 0, usage.get("completion_tokens", 0) or 0)
        for choice in event.get("choices") or []:
            if choice.get("finish_reason"):
                response.finish_reason = choice["finish_reason"]
            text = (choice.get("delta") or {}).get("content") if self.is_chat else choice.get("text")
            if text:
                return str(text)
        return None

    def _check_status(self, status: int, body: str) -> None:
        if status >= 400:
            raise ModelHTTPError(self.model_id, status, body, hint=_hint_for(status))

    def _backoff(self, attempt: int, retry_after: str | None) -> float:
        if retry_after and retry_after.replace(".", "", 1).isdigit():
            return min(float(retry_after), MAX_BACKOFF_S)
        return min(0.5 * 2**attempt, MAX_BACKOFF_S)

    def _transient(self, exc: Exception) -> bool:
        return isinstance(exc, ModelTimeoutError) or (
            isinstance(exc, ModelHTTPError) and exc.status in RETRY_STATUSES
        )

    def _translate(self, exc: httpx.HTTPError) -> ModelError:
        if isinstance(exc, httpx.TimeoutException):
            return ModelTimeoutError(
                f"模型 {self.model_id!r} 在 {self.cfg.timeout:g} 秒内没有响应（{type(exc).__name__}）",
                hint="稍后再试，或在配置里调大 timeout、设置 fallback 备用模型",
            )
        return ModelTimeoutError(
            f"连不上模型 {self.model_id!r}（{self.cfg.base_url}）：{type(exc).__name__}",
            hint="检查服务是否已启动、base_url 是否正确",
        ) if isinstance(exc, httpx.TransportError) else ModelResponseError(str(exc))

    # -- sync ---------------------------------------------------------------------------------
    def _sync_client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(timeout=self._timeout(), transport=self._transport)
        return self._client

    def execute(self, request: Request, response: Response) -> Iterator[str]:
        url, body = self._url_and_body(request)
        for attempt in range(self.cfg.max_retries + 1):
            retry_after = None
            try:
                with self._sync_client().stream("POST", url, json=body, headers=self._headers()) as r:
                    retry_after = r.headers.get("retry-after")
                    if r.status_code >= 400:
                        self._check_status(r.status_code, r.read().decode("utf-8", "replace"))
                    yield from self._consume(r.iter_lines(), response)
                return
            except httpx.HTTPError as exc:
                error: ModelError = self._translate(exc)
            except ModelError as exc:
                error = exc
            if not self._transient(error) or attempt == self.cfg.max_retries or response.text:
                raise error
            time.sleep(self._backoff(attempt, retry_after))

    def _consume(self, lines: Iterator[str], response: Response) -> Iterator[str]:
        got_any = False
        for line in lines:
            text = self._parse_event(line, response)
            if text:
                got_any = True
                response.text += text
                yield text
        if not got_any and response.finish_reason is None:
            raise ModelResponseError(
                f"模型 {self.model_id!r} 没有返回任何内容",
                hint="确认该接口支持流式输出（stream=true），或检查模型名",
            )

    # -- async --------------------------------------------------------------------------------
    async def aexecute(self, request: Request, response: Response) -> AsyncIterator[str]:
        url, body = self._url_and_body(request)
        async with httpx.AsyncClient(timeout=self._timeout(), transport=self._async_transport) as client:
            for attempt in range(self.cfg.max_retries + 1):
                retry_after = None
                try:
                    async with client.stream("POST", url, json=body, headers=self._headers()) as r:
                        retry_after = r.headers.get("retry-after")
                        if r.status_code >= 400:
                            self._check_status(r.status_code, (await r.aread()).decode("utf-8", "replace"))
                        got_any = False
                        async for line in r.aiter_lines():
                            text = self._parse_event(line, response)
                            if text:
                                got_any = True
                                response.text += text
                                yield text
                        if not got_any and response.finish_reason is None:
                            raise ModelResponseError(f"模型 {self.model_id!r} 没有返回任何内容")
                    return
                except httpx.HTTPError as exc:
                    error: ModelError = self._translate(exc)
                except ModelError as exc:
                    error = exc
                if not self._transient(error) or attempt == self.cfg.max_retries or response.text:
                    raise error
                await asyncio.sleep(self._backoff(attempt, retry_after))

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
