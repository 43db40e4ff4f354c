"""Backend registry: one pluggy hook, used by the built-ins and by third-party plugins alike.

A plugin is any module with ``@hookimpl def register_backends(register): register("name", factory)``,
exposed through the ``wenan`` entry-point group. A factory takes a ``ModelConfig`` and returns a Model.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import pluggy

from ..config import ModelConfig, resolve_model
from ..exceptions import UnknownNameError
from .base import Model

hookspec = pluggy.HookspecMarker("wenan")
hookimpl = pluggy.HookimplMarker("wenan")

Factory = Callable[[ModelConfig], Model]


class _Spec:
    @hookspec
    def register_backends(self, register: Callable[[str, Factory], None]) -> None:
        """Call ``register(name, factory)`` for each backend the plugin provides."""


@cache
def _backends() -> dict[str, Factory]:
    pm = pluggy.PluginManager("wenan")
    pm.add_hookspecs(_Spec)
    from . import builtin

    pm.register(builtin, name="wenan.builtin")
    pm.load_setuptools_entrypoints("wenan")
    found: dict[str, Factory] = {}
    pm.hook.register_backends(register=found.__setitem__)
    return found


def backend_names() -> list[str]:
    return sorted(_backends())


def build_model(cfg: ModelConfig) -> Model:
    factories = _backends()
    if cfg.backend not in factories:
        raise UnknownNameError("模型后端", cfg.backend, list(factories))
    return factories[cfg.backend](cfg)


def get_model(name: str | None = None, *, with_fallback: bool = True) -> Model:
    """Resolve a model name through config and wrap it with its configured fallbacks."""
    cfg = resolve_model(name)
    primary = build_model(cfg)
    if not with_fallback or not cfg.fallback:
        return primary
    from .fallback import FallbackModel

    def builder(name: str) -> Callable[[], Model]:
        return lambda: build_model(resolve_model(name))

    return FallbackModel([primary], lazy=[builder(n) for n in cfg.fallback])
