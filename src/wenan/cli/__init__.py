"""The ``wenan`` command line. Errors become one line on stderr and an exit code — here and only here."""

from __future__ import annotations

import sys

from .app import app


def main() -> None:
    from ..exceptions import WenanError

    try:
        # With standalone_mode=False click *returns* the code of typer.Exit instead of exiting.
        code = app(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except WenanError as exc:
        from rich.console import Console

        Console(stderr=True, highlight=False).print(f"[bold red]错误：[/]{exc}", markup=True, soft_wrap=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:
        # Usage errors from (typer's vendored) click: duck-typed, since the click module path varies by version.
        if hasattr(exc, "show") and isinstance(getattr(exc, "exit_code", None), int):
            exc.show()
            sys.exit(exc.exit_code)  # type: ignore[attr-defined]
        if type(exc).__name__ == "Abort":
            sys.exit(1)
        raise


__all__ = ["app", "main"]
