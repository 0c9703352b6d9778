"""A refusal's reason in the person's language, from the code and parameters the server
gave with it (sync.protocol.refusals, kept in `Outbox.refusal_code`/`refusal_params`).

A refusal without a code (an older server, an op refused before schema v25) or with a
code this version does not know, or whose parameters do not fit its message, shows the
server's English text as it came.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from fieldapp.i18n import t

# Parameters worded through the catalogue too: (parameter, catalogue prefix).
_WORDED = (
    ("role", "role"),
    ("record", "refusal.record"),
    ("problem", "refusal.problem"),
    ("person_field", "refusal.person_field"),
    ("attribute", "venue_attr"),
    ("event", "review.event"),  # a follow-up case's (its lifecycle's catalogue)
    ("what", "refusal.date_of"),  # a not_a_date refusal's date
    ("text_rule", "free_text"),  # a free_text refusal's field: what it must say
)
# Parameters worded by a message that takes the refusal's other parameters, by code:
# (parameter, key with the parameter's value in it).
_WORDED_WITH_VALUES = {
    "text_too_long": ("text_rule", "free_text.{}.too_long"),  # the form's own refusal
}


def reason_in_words(code: str | None, params: Mapping[str, str] | None, server_text: str) -> str:
    """The reason as the person reads it; `server_text` when it cannot be worded."""
    if not code:
        return server_text
    key = f"refusal.{code}"
    message = t(key)  # unformatted: the parameters are filled in below
    if message == key:
        return server_text  # a code newer than this program
    values = {str(k): str(v) for k, v in (params or {}).items()}
    worded: set[str] = set()
    if code in _WORDED_WITH_VALUES:
        name, pattern = _WORDED_WITH_VALUES[code]
        inner = pattern.format(values.get(name, ""))
        try:
            values[name] = t(inner, **values)
        except (KeyError, IndexError, ValueError):
            return server_text
        if values[name] == inner:
            return server_text  # a field newer than this program
        worded.add(name)
    for name, prefix in _WORDED:
        if name in values and name not in worded:
            values[name] = _worded(prefix, values[name])
    try:
        return message.format(**values)
    except (KeyError, IndexError, ValueError):
        return server_text  # the parameters do not fit the message


def stored_params(raw: str | None) -> dict[str, str]:
    """The parameters as `Outbox.refusal_params` keeps them (a JSON object)."""
    try:
        params = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in params.items()} if isinstance(params, dict) else {}


def _worded(prefix: str, value: str) -> str:
    key = f"{prefix}.{value}"
    text = t(key)
    if text != key:
        return text
    other = f"{prefix}.other"
    text = t(other)
    return value if text == other else text  # a role or attribute newer than this program
