"""The OpenAI-compatible backend against httpx's mock transport: protocol shapes, retries, errors."""

import json

import httpx
import pytest

from wenan.config import ModelConfig
from wenan.exceptions import ModelHTTPError, ModelResponseError, ModelTimeoutError, ModelUnavailableError
from wenan.models.base import Request
from wenan.models.fake import FakeModel
from wenan.models.fallback import FallbackModel
from wenan.models.openai_compat import OpenAICompatModel


def sse(*texts: str, usage: bool = True) -> bytes:
    events = [{"choices": [{"delta": {"content": t}, "finish_reason": None}]} for t in texts]
    events.append({"choices": [{"delta": {}, "finish_reason": "stop"}]})
    if usage:
        events.append({"choices": [], "usage": {"prompt_tokens": 11, "completion_tokens": len(texts)}})
    return "".join(f"data: {json.dumps(e, ensure_ascii=False)}\n\n" for e in events).encode() + b"data: [DONE]\n\n"


def make(handler, **cfg) -> OpenAICompatModel:
    config = ModelConfig(name="test", model="m", base_url="http://llm.test/v1", api_key="k", max_retries=2, **cfg)
    model = OpenAICompatModel(config, transport=httpx.MockTransport(handler),
                              async_transport=httpx.MockTransport(handler))
    return model


@pytest.fixture(autouse=True)
def no_sleep(monkeypatch):
    monkeypatch.setattr("wenan.models.openai_compat.time.sleep", lambda s: None)


def test_chat_stream_request_shape_and_usage():
    seen = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen["url"] = str(request.url)
        seen["auth"] = request.headers["authorization"]
        seen["body"] = json.loads(request.content)
        return httpx.Response(200, content=sse("早上", "好"))

    response = make(handler).generate(Request(system="你是文案", prompt="写一条", max_tokens=20))
    assert response.text == "早上好"
    assert response.usage.completion_tokens == 2 and response.finish_reason == "stop"
    assert seen["url"] == "http://llm.test/v1/chat/completions" and seen["auth"] == "Bearer k"
    assert seen["body"]["messages"][0] == {"role": "system", "content": "你是文案"}
    assert seen["body"]["stream"] is True and seen["body"]["max_tokens"] == 20


def test_completion_mode_for_base_models():
    def handler(request):
        body = json.loads(request.content)
        assert request.url.path == "/v1/completions" and body["prompt"] == "文档"
        return httpx.Response(200, content=b'data: {"choices":[{"text":"ok","finish_reason":"stop"}]}\n\n')

    model = make(handler, options={"mode": "completion"})
    assert not model.is_chat
    assert model.generate(Request(prompt="x", completion_prompt="文档")).text == "ok"


def test_retries_5xx_then_succeeds():
    calls = []

    def handler(request):
        calls.append(1)
        return httpx.Response(503, text="busy") if len(calls) < 3 else httpx.Response(200, content=sse("好"))

    assert make(handler).generate(Request(prompt="x")).text == "好"
    assert len(calls) == 3


def test_gives_up_after_retries_with_hint():
    model = make(lambda r: httpx.Response(500, text="boom"))
    with pytest.raises(ModelHTTPError) as info:
        model.generate(Request(prompt="x"))
    assert info.value.status == 500 and "--model local" in str(info.value)


def test_401_is_not_retried_and_names_the_fix():
    calls = []

    def handler(request):
        calls.append(1)
        return httpx.Response(401, json={"error": "bad key"})

    with pytest.raises(ModelHTTPError, match="wenan keys set"):
        make(handler).generate(Request(prompt="x"))
    assert len(calls) == 1


def test_garbage_and_empty_bodies():
    with pytest.raises(ModelResponseError, match="不是 JSON"):
        make(lambda r: httpx.Response(200, content=b"data: <html>oops</html>\n\n")).generate(Request(prompt="x"))
    with pytest.raises(ModelResponseError, match="没有返回任何内容"):
        make(lambda r: httpx.Response(200, content=b"<html>not sse</html>")).generate(Request(prompt="x"))


def test_timeout_is_translated():
    def handler(request):
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(ModelTimeoutError, match="没有响应"):
        make(handler, timeout=0.1).generate(Request(prompt="x"))


async def _agen(model, request):
    return await model.agenerate(request)


def test_async_path_streams_too():
    import asyncio

    model = make(lambda r: httpx.Response(200, content=sse("你", "好")))
    assert asyncio.run(_agen(model, Request(prompt="x"))).text == "你好"


def test_fallback_moves_to_next_model_then_gives_actionable_error():
    dead = make(lambda r: httpx.Response(502, text="bad gateway"))
    backup = FakeModel(["备用模型的文案"], model_id="backup")
    chain = FallbackModel([dead], lazy=[lambda: backup])
    response = chain.generate(Request(prompt="x"))
    assert response.text == "备用模型的文案" and response.model == "backup"

    chain = FallbackModel([make(lambda r: httpx.Response(500, text="x"))],
                          lazy=[lambda: FakeModel([ModelTimeoutError("也挂了")], model_id="b2")])
    with pytest.raises(ModelUnavailableError, match="--model local"):
        chain.generate(Request(prompt="x"))


def test_fake_model_async_default_bridge():
    import asyncio

    fake = FakeModel(["一二三四五六七八"], chunk_size=3)
    assert asyncio.run(_agen(fake, Request(prompt="x"))).text == "一二三四五六七八"
