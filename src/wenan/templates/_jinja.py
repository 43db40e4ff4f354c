"""The one Jinja environment every prompt template renders in.

``StrictUndefined``: a typo in a template is an error, never an empty string. Templates are trusted files
(the package's own or the user's), so the environment is not sandboxed; the *data* rendered into them
(briefs, knowledge-base facts, brand voice) is never compiled as template source.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import jinja2

_SPACES = re.compile(r"\s+")

#: Characters that frame the prompt's own structure. Inside retrieved data they are swapped for their
#: full-width look-alikes so a document cannot close the ``<资料>`` block or fake a ``【文案】`` heading.
_DATA_ESCAPES = str.maketrans({"<": "＜", ">": "＞", "【": "［", "】": "］", "#": "＃"})


def oneline(value: Any) -> str:
    """Collapse every run of whitespace (newlines included) into one space."""
    return _SPACES.sub(" ", str(value)).strip()


def data(value: Any) -> str:
    """Untrusted text as one inert line: no newlines, no prompt delimiters."""
    return oneline(value).translate(_DATA_ESCAPES)


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["oneline"] = oneline
    env.filters["data"] = data
    return env


ENV = _env()


@lru_cache(maxsize=512)
def compile_source(source: str) -> jinja2.Template:
    """Compile once per distinct source text; raises ``jinja2.TemplateSyntaxError``."""
    return ENV.from_string(source)
