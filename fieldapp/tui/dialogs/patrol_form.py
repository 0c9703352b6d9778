"""A checkpoint's short form (`e` on a patrol run): its items asked one after another,
each starting on the visit's saved answer; all answered, `done` gets them (Esc on any
item leaves the form unsaved)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fieldapp.i18n import t


def ask_items(
    app: Any,
    line: Any,  # the checkpoint's `CheckpointLine`
    items: list[tuple[str, str]],
    done: Callable[[dict[str, str]], object],
    answers: dict[str, str] | None = None,
) -> None:
    from fieldapp.tui.dialogs.followup import AskDialog

    answers = answers or {}
    if not items:
        done(answers)
        return
    (key, kind), rest = items[0], items[1:]
    choices = (
        [(t("patrol.form.yes"), "yes"), (t("patrol.form.no"), "no")] if kind == "yesno" else None
    )
    # the question is the field's label: the title says whose form and how far along
    index, total = len(answers) + 1, len(answers) + len(items)
    title = t("patrol.run.form_title", checkpoint=line.code, index=index, total=total)

    def answered(value: str | None) -> None:
        if value is not None:
            ask_items(app, line, rest, done, {**answers, key: value})

    saved = dict(line.answers).get(key, "")
    dialog = AskDialog(
        title, t(f"patrol.form.{key}"), choices, unanswered=kind == "yesno", value=saved
    )
    app.push_screen(dialog, answered)
