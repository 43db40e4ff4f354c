"""Try the primary model, then each fallback in turn, before giving up with an actionable message."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator

from ..exceptions import ModelError, ModelUnavailableError, UserError
from .base import Model, Request, Response


class FallbackModel(Model):
    def __init__(self, models: list[Model], *, lazy: list[Callable[[], Model]] | None = None) -> None:
        self._models = list(models)
        # Fallbacks are built only when needed: loading the local model costs seconds and memory.
        self._lazy = list(lazy or [])
        self.model_id = self._models[0].model_id
        self.is_chat = self._models[0].is_chat
        self.max_concurrency = self._models[0].max_concurrency
        self.failures: list[str] = []

    def _candidates(self) -> Iterator[Model]:
        yield from self._models
        while self._lazy:
            try:
                model = self._lazy.pop(0)()
            except UserError as exc:  # a misconfigured fallback is reported, not fatal
                self.failures.append(str(exc))
                continue
            self._models.append(model)
            yield model

    def _give_up(self) -> ModelUnavailableError:
        return ModelUnavailableError(
            "所有已配置的模型都不可用：" + " | ".join(self.failures),
            hint="检查网络与 base_url、API key，或用 --model local 改用内置离线模型",
        )

    def execute(self, request: Request, response: Response) -> Iterator[str]:
        for model in self._candidates():
            started = False
            try:
                response.model = model.model_id
                for chunk in model.execute(request, response):
                    started = True
                    yield chunk
                return
            except ModelError as exc:
                # Once text has reached the caller, switching models would splice two answers together.
                if started:
                    raise
                self.failures.append(f"{model.model_id}: {exc}")
        raise self._give_up()

    async def aexecute(self, request: Request, response: Response) -> AsyncIterator[str]:
        for model in self._candidates():
            started = False
            try:
                response.model = model.model_id
                async for chunk in model.aexecute(request, response):
                    started = True
                    yield chunk
                return
            except ModelError as exc:
                if started:
                    raise
                self.failures.append(f"{model.model_id}: {exc}")
        raise self._give_up()

    def close(self) -> None:
        for model in self._models:
            model.close()
