"""Expert prompt templates as data: YAML + Jinja2 (StrictUndefined), versioned, one per channel.

    tpl = get_template("moments")                  # "moments.expert", or a user override of it
    prompt = tpl.render(brief, facts=[{"id": "kb:12", "text": "……"}], voice="……")
    prompt.system, prompt.user                      # chat / instruct models
    prompt.completion, prompt.stop                  # base models (few-shot document to continue)
    prompt.template_id, prompt.template_version, prompt.exemplar_ids   # record with every output

Package templates live in ``templates/data/*.yaml`` and exemplar banks in ``templates/data/exemplars``;
users add or override both under ``$WENAN_HOME`` (see ``_loader``).
"""

from __future__ import annotations

from ._loader import default_user_dir, get_template, list_templates, load_exemplars
from ._models import COMPLETION_MAX_CHARS, Exemplar, Fact, RenderedPrompt, Template
from ._pick import pick_exemplars

__all__ = [
    "COMPLETION_MAX_CHARS",
    "Exemplar",
    "Fact",
    "RenderedPrompt",
    "Template",
    "default_user_dir",
    "get_template",
    "list_templates",
    "load_exemplars",
    "pick_exemplars",
]
