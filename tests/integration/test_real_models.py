"""Real parts: the embedded GGUF in-process, and the OpenAI-compatible backend over HTTP against
llama.cpp's own server hosting the same GGUF. Small max_tokens keep these to seconds."""

from __future__ import annotations

import asyncio
import re

import pytest

from wenan.config import ModelConfig
from wenan.models.base import Request
from wenan.models.local import LocalModel
from wenan.models.openai_compat import OpenAICompatModel

pytestmark = [pytest.mark.slow, pytest.mark.integration]

DOC = "【产品】手工酸奶\n【卖点】只用鲜牛奶和菌种\n【文案】\n"


@pytest.fixture(scope="module")
def local() -> LocalModel:
    return LocalModel()


def test_embedded_model_streams_real_tokens(local):
    response, chunks = local.stream(Request(prompt="x", completion_prompt=DOC, max_tokens=12, seed=7))
    pieces = list(chunks)
    assert len(pieces) >= 2, "expected a token stream, not one blob"
    assert response.text == "".join(pieces) and response.text.strip()
    assert response.usage.completion_tokens > 0 and response.usage.prompt_tokens > 5
    assert re.search(r"[\u4e00-\u9fff]", response.text), response.text


def test_seed_makes_the_embedded_model_repeatable(local):
    req = Request(prompt="x", completion_prompt=DOC, max_tokens=10, seed=42, temperature=0.9)
    assert local.generate(req).text == local.generate(req).text


def _http_model(local: LocalModel, mode: str) -> OpenAICompatModel:
    base = local.server().listening_address
    cfg = ModelConfig(name="llama-server", model="gemma", base_url=f"{base}/v1", needs_key=False,
                      options={"mode": mode}, timeout=60)
    return OpenAICompatModel(cfg)


def test_openai_backend_over_http_completion_mode(local):
    model = _http_model(local, "completion")
    response = model.generate(Request(prompt="x", completion_prompt=DOC, max_tokens=12, seed=3))
    assert response.text.strip() and response.usage.completion_tokens > 0
    model.close()


def test_openai_backend_over_http_chat_mode_async(local):
    model = _http_model(local, "chat")
    response = asyncio.run(model.agenerate(Request(system="你是文案助手", prompt="写一句酸奶广告", max_tokens=12)))
    assert response.text.strip()
    assert response.finish_reason in {"length", "stop"}
