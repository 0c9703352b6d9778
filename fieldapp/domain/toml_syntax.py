"""What a TOML syntax error says, in plain words: tomllib words it in English ("Illegal
character '\\n' (at line 3, column 13)"), which a Chinese message must not quote. Its
message is read here for the kind of mistake, and the catalogue (`cl.toml.<kind>`) says
it in the reader's language; a kind not told apart gets the general advice."""

from __future__ import annotations

# tomllib's message (how it starts) → the kind of mistake; the first that matches wins.
_KINDS = (
    ("Illegal character '\\n'", "unclosed_string"),  # a string running past its line
    ("Unterminated string", "unclosed_string"),
    ("Illegal character", "control_character"),
    ("Expected '=' after a key", "expected_equals"),
    ("Expected newline or end of document after a statement", "after_value"),
    ("Invalid value", "invalid_value"),
    ("Unclosed array", "unclosed_array"),
    ("Unclosed inline table", "unclosed_inline_table"),
    ("Expected ']' at the end", "unclosed_header"),
    ("Expected ']]' at the end", "unclosed_header"),
    ("Cannot declare", "twice"),
    ("Cannot overwrite", "twice"),
    ("Cannot redefine", "twice"),
    ("Cannot mutate", "twice"),
    ("Duplicate inline table key", "twice"),
    ("Unescaped '\\'", "backslash"),
    ("Invalid hex value", "backslash"),
    ("Escaped character", "backslash"),
    ("Invalid date", "bad_date"),
)


def toml_mistake(message: str) -> str:
    """The catalogue key (`cl.toml.…`) of what tomllib's `message` says is wrong."""
    kind = next((kind for start, kind in _KINDS if message.startswith(start)), "other")
    return f"cl.toml.{kind}"
