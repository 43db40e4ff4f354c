"""The one place settings and secrets are resolved.

Order for the model: explicit ``--model`` > ``default_model`` in ``<user dir>/config.yaml`` >
``WENAN_MODEL`` env var > the embedded ``local`` model. Order for an API key: the model entry's
``api_key`` > ``<user dir>/keys.json`` (``wenan keys set``) > the provider's env var.
Every failure names the command or variable that fixes it.
"""

from __future__ import annotations

import json
import os
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .exceptions import ConfigError, UnknownNameError


def user_dir() -> Path:
    """``$WENAN_HOME`` or ``~/.local/share/wenan``; created on demand."""
    env = os.environ.get("WENAN_HOME")
    path = Path(env).expanduser() if env else Path.home() / ".local" / "share" / "wenan"
    path.mkdir(parents=True, exist_ok=True)
    return path


class ModelConfig(BaseModel):
    """One named model. OpenAI-compatible providers differ only in these fields — no new classes."""

    model_config = ConfigDict(extra="forbid")

    name: str = ""
    backend: str = Field("openai", description="openai / local / fake, or a plugin's backend")
    model: str = ""
    base_url: str | None = None
    api_key: str | None = None
    api_key_env: str | None = None
    needs_key: bool = True
    timeout: float = Field(60.0, gt=0)
    connect_timeout: float = Field(5.0, gt=0)
    max_retries: int = Field(2, ge=0, le=10)
    fallback: list[str] = Field(default_factory=list)
    #: backend-specific options (e.g. local: path, threads, n_ctx, chat)
    options: dict[str, Any] = Field(default_factory=dict)
    note: str = ""


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    default_model: str | None = None
    models: dict[str, ModelConfig] = Field(default_factory=dict)


@cache
def presets() -> dict[str, ModelConfig]:
    raw = yaml.safe_load((resources.files("wenan.models") / "data" / "presets.yaml").read_text("utf-8"))
    return {name: ModelConfig.model_validate({"name": name, **entry}) for name, entry in raw.items()}


def load_settings() -> Settings:
    path = user_dir() / "config.yaml"
    if not path.exists():
        return Settings()
    try:
        data = yaml.safe_load(path.read_text("utf-8")) or {}
        settings = Settings.model_validate(data)
    except (yaml.YAMLError, ValidationError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"配置文件 {path} 无效：{str(exc).splitlines()[0]}", hint="修正或删除该文件后重试"
        ) from None
    for name, cfg in settings.models.items():
        cfg.name = cfg.name or name
    return settings


def comply_review(flag: bool | None = None) -> bool:
    """Whether writes run the semantic compliance review: ``--review/--no-review`` when given, else
    ``WENAN_COMPLY_REVIEW=1``. Off by default: it needs the kb extra and costs 0.2-0.5 s per variant."""
    if flag is not None:
        return flag
    return os.environ.get("WENAN_COMPLY_REVIEW", "").strip().lower() in ("1", "true", "yes", "on")


def _keys_path() -> Path:
    return user_dir() / "keys.json"


def stored_keys() -> dict[str, str]:
    path = _keys_path()
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise ConfigError(f"{path} 不是有效的 JSON", hint="删除该文件后用 `wenan keys set` 重新保存") from None
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def set_key(name: str, value: str) -> Path:
    keys = stored_keys()
    keys[name] = value
    path = _keys_path()
    # Write then chmod so the secret is never world-readable, even briefly on a shared server.
    path.touch(mode=0o600, exist_ok=True)
    os.chmod(path, 0o600)
    path.write_text(json.dumps(keys, ensure_ascii=False, indent=2), "utf-8")
    return path


def known_model_names(settings: Settings | None = None) -> list[str]:
    settings = settings or load_settings()
    return sorted(set(presets()) | set(settings.models))


def resolve_model(name: str | None = None, settings: Settings | None = None) -> ModelConfig:
    """Turn a model name (alias, preset, or ``preset/model-id``) into a complete ModelConfig."""
    settings = settings or load_settings()
    name = name or settings.default_model or os.environ.get("WENAN_MODEL") or "local"
    if name in settings.models:
        cfg = settings.models[name]
    elif name in presets():
        cfg = presets()[name]
    elif "/" in name and name.split("/", 1)[0] in presets():
        provider, model_id = name.split("/", 1)
        cfg = presets()[provider].model_copy(update={"name": name, "model": model_id})
    else:
        raise UnknownNameError("模型", name, known_model_names(settings))
    cfg = cfg.model_copy(deep=True)
    if cfg.backend == "openai":
        cfg.base_url = os.environ.get(f"WENAN_{_env_name(cfg.name)}_BASE_URL", cfg.base_url)
        if not cfg.base_url:
            raise ConfigError(f"模型 {cfg.name!r} 没有配置 base_url", hint=f"在 {user_dir() / 'config.yaml'} 中设置")
        cfg.api_key = resolve_key(cfg)
    return cfg


def _env_name(name: str) -> str:
    return "".join(ch if ch.isalnum() else "_" for ch in name).upper()


def resolve_key(cfg: ModelConfig) -> str | None:
    if cfg.api_key:
        return cfg.api_key
    keys = stored_keys()
    base = cfg.name.split("/", 1)[0]
    for candidate in (cfg.name, base):
        if candidate in keys:
            return keys[candidate]
    if cfg.api_key_env and os.environ.get(cfg.api_key_env):
        return os.environ[cfg.api_key_env]
    if not cfg.needs_key:
        return None
    env_hint = f"或设置环境变量 {cfg.api_key_env}" if cfg.api_key_env else ""
    raise ConfigError(
        f"模型 {cfg.name!r} 需要 API key",
        hint=f"运行 `wenan keys set {base}` 保存密钥{env_hint}",
    )
