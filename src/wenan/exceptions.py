"""Every error wenan raises on purpose.

    WenanError                      base; ``hint`` says what to do next
    ├── UserError                   the caller's mistake -> CLI exit 2, HTTP 4xx
    │   ├── BriefError              brief missing, malformed, too large, unknown keys
    │   ├── ConfigError             bad config file, missing API key, unknown model alias
    │   ├── UnknownNameError        unknown channel / template / industry / backend
    │   ├── InputFileError          file missing, binary, not UTF-8, unsupported type, too large
    │   └── NotFoundError           brand / document / record that does not exist
    ├── ModelError                  a model could not produce text -> CLI exit 3, HTTP 502
    │   ├── ModelHTTPError          endpoint answered with an error status (keeps status + body)
    │   ├── ModelTimeoutError       endpoint did not answer in time
    │   ├── ModelResponseError      endpoint answered with something that is not a completion
    │   └── ModelUnavailableError   every configured model (incl. fallbacks) failed
    ├── TemplateError               a template or data file fails validation or rendering
    └── StoreError                  database / index failure -> CLI exit 4, HTTP 500

Translation into exit codes and HTTP statuses happens only at the edges (cli, server).
"""

from __future__ import annotations


class WenanError(Exception):
    """Base class. ``hint`` is one line telling the user how to fix it."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}；{self.hint}" if self.hint else self.message


class UserError(WenanError):
    exit_code = 2


class BriefError(UserError):
    pass


class ConfigError(UserError):
    pass


class UnknownNameError(UserError):
    def __init__(self, kind: str, name: str, known: list[str] | tuple[str, ...]) -> None:
        super().__init__(
            f"未知的{kind}：{name!r}",
            hint=f"可选：{', '.join(sorted(known))}" if known else None,
        )
        self.kind = kind
        self.name = name
        self.known = list(known)


class InputFileError(UserError):
    pass


class NotFoundError(UserError):
    pass


class ModelError(WenanError):
    exit_code = 3


class ModelHTTPError(ModelError):
    def __init__(self, model: str, status: int, body: str, *, hint: str | None = None) -> None:
        super().__init__(f"model {model!r} returned HTTP {status}: {body[:300]}", hint=hint)
        self.model = model
        self.status = status
        self.body = body


class ModelTimeoutError(ModelError):
    pass


class ModelResponseError(ModelError):
    pass


class ModelUnavailableError(ModelError):
    pass


class TemplateError(WenanError):
    exit_code = 2


class StoreError(WenanError):
    exit_code = 4


__all__ = [
    "WenanError",
    "UserError",
    "BriefError",
    "ConfigError",
    "UnknownNameError",
    "InputFileError",
    "NotFoundError",
    "ModelError",
    "ModelHTTPError",
    "ModelTimeoutError",
    "ModelResponseError",
    "ModelUnavailableError",
    "TemplateError",
    "StoreError",
]
