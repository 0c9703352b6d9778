"""What the headless commands share: the language chosen on the root command
(`fieldapp --lang en …`) and the local store (FIELDAPP_HOME or the user data directory)."""

from __future__ import annotations

import click


def use_language(ctx: click.Context) -> None:
    """Speak the language given to the root command, if one was."""
    lang = (ctx.find_root().obj or {}).get("lang")
    if lang:
        from fieldapp.i18n import set_language

        set_language(lang)


def open_local_store() -> None:
    from fieldapp.paths import store_path
    from fieldapp.store import open_store

    open_store(store_path())
