"""The ``wenan`` command line. Errors become one line on stderr and an exit code — here and only here."""

from __future__ import annotations

import sys

from .app import app


def main() -> None:
    from ..exceptions import WenanError

    try:
        app(standalone_mode=False)
    except WenanError as exc:
        from rich.console import Console

        Console(stderr=True, highlight=False).print(f"[bold red]错误：[/]{exc}", markup=True, soft_wrap=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as exc:  # click's own usage errors arrive here with standalone_mode=False
        import click

        if isinstance(exc, click.exceptions.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        if isinstance(exc, click.exceptions.Abort):
            sys.exit(1)
        raise


__all__ = ["app", "main"]
