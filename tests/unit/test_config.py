import os
import stat

import pytest

from wenan.config import resolve_model, set_key, user_dir
from wenan.exceptions import ConfigError, UnknownNameError


def test_default_is_local_and_env_var_applies(monkeypatch):
    assert resolve_model().backend == "local"
    monkeypatch.setenv("WENAN_MODEL", "ollama")
    assert resolve_model().name == "ollama"


def test_config_file_beats_env(monkeypatch):
    monkeypatch.setenv("WENAN_MODEL", "ollama")
    (user_dir() / "config.yaml").write_text(
        "default_model: mine\nmodels:\n  mine:\n    base_url: http://127.0.0.1:9/v1\n    model: m\n"
        "    needs_key: false\n", "utf-8")
    cfg = resolve_model()
    assert cfg.name == "mine" and cfg.model == "m"
    assert resolve_model("vllm").name == "vllm"  # explicit --model wins over both


def test_missing_key_names_the_fix():
    with pytest.raises(ConfigError, match="wenan keys set deepseek") as info:
        resolve_model("deepseek")
    assert "DEEPSEEK_API_KEY" in str(info.value)


def test_key_sources(monkeypatch):
    monkeypatch.setenv("DEEPSEEK_API_KEY", "env-key")
    assert resolve_model("deepseek").api_key == "env-key"
    path = set_key("deepseek", "stored-key")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert resolve_model("deepseek/deepseek-reasoner").api_key == "stored-key"
    assert resolve_model("deepseek/deepseek-reasoner").model == "deepseek-reasoner"


def test_unknown_model_and_bad_config():
    with pytest.raises(UnknownNameError, match="deepseek"):
        resolve_model("gpt-17")
    (user_dir() / "config.yaml").write_text("models:\n  x:\n    bogus: 1\n", "utf-8")
    with pytest.raises(ConfigError, match="config.yaml"):
        resolve_model("x")
