"""Built-in backends, registered through the same hook a third-party plugin uses."""

from __future__ import annotations

from collections.abc import Callable

from ..config import ModelConfig
from .base import Model
from .registry import Factory, hookimpl


def _openai(cfg: ModelConfig) -> Model:
    from .openai_compat import OpenAICompatModel

    return OpenAICompatModel.from_config(cfg)


def _local(cfg: ModelConfig) -> Model:
    from .local import LocalModel

    return LocalModel.from_config(cfg)


def _fake(cfg: ModelConfig) -> Model:
    from .fake import FakeModel

    replies = cfg.options.get("replies") or ["这是一条测试文案。"]
    return FakeModel(replies, model_id=cfg.name or "fake")


@hookimpl
def register_backends(register: Callable[[str, Factory], None]) -> None:
    register("openai", _openai)
    register("local", _local)
    register("fake", _fake)
