"""`fieldapp checklist …`: work with checklist TOML files (validate before publishing)."""

from __future__ import annotations

from pathlib import Path

import click


@click.group()
@click.pass_context
def checklist(ctx: click.Context) -> None:
    """Checklist files (检查表文件)."""
    lang = (ctx.obj or {}).get("lang")
    if lang:
        from fieldapp.i18n import set_language

        set_language(lang)


@checklist.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    help="A venue kind the office adds (import-kinds), known besides the shipped ones.",
)
def validate(files: tuple[Path, ...], kinds: tuple[str, ...]) -> None:
    """Check checklist FILEs; print every error as file:line: code: message (校验检查表文件)."""
    from fieldapp.domain.checklist_toml import (
        ChecklistError,
        ChecklistInvalid,
        load_checklist_text,
    )
    from fieldapp.domain.kinds import VENUE_KINDS
    from fieldapp.i18n import t

    invalid = 0
    for path in files:
        source = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            error = ChecklistError(source, 0, "", t("checklist.cannot_read", error=exc))
            click.echo(str(error))
            invalid += 1
            continue
        try:
            loaded = load_checklist_text(text, source, kinds=(*VENUE_KINDS, *kinds))
        except ChecklistInvalid as exc:
            for error in exc.errors:
                click.echo(str(error))
            invalid += 1
            continue
        click.echo(
            t(
                "checklist.valid",
                file=source,
                id=loaded.id,
                version=loaded.version,
                sections=len(loaded.sections),
                items=len(loaded.items),
            )
        )
    if invalid:
        click.echo(t("checklist.invalid_summary", count=invalid))
        raise SystemExit(1)
