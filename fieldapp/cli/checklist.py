"""`fieldapp checklist …`: work with checklist TOML files (validate before publishing)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from fieldapp.cli.params import InputFile

if TYPE_CHECKING:
    from fieldapp.domain.checklist import Checklist


@click.group()
@click.pass_context
def checklist(ctx: click.Context) -> None:
    lang = (ctx.obj or {}).get("lang")
    if lang:
        from fieldapp.i18n import set_language

        set_language(lang)


@checklist.command()
@click.argument("files", nargs=-1, required=True, type=InputFile())
@click.option("--kind", "kinds", multiple=True)
def validate(files: tuple[Path, ...], kinds: tuple[str, ...]) -> None:
    from fieldapp.domain.checklist_toml import ChecklistError, ChecklistInvalid
    from fieldapp.domain.kinds import VENUE_KINDS
    from fieldapp.domain.office_files import FileProblem
    from fieldapp.domain.wording import said
    from fieldapp.i18n import counts, t

    known = (*VENUE_KINDS, *kinds)
    invalid = 0
    for path in files:
        source = str(path)
        try:
            loaded = _load(path, known)
        except FileProblem as exc:  # missing, not UTF-8: said as publish-checklist says it
            click.echo(str(ChecklistError(source, 0, "", exc.problem)))
            invalid += 1
            continue
        except OSError as exc:
            problem = said("checklist.cannot_read", error=exc)
            click.echo(str(ChecklistError(source, 0, "", problem)))
            invalid += 1
            continue
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
                counts=counts(
                    ("checklist.count.sections", len(loaded.sections)),
                    ("checklist.count.items", len(loaded.items)),
                    clauses=True,
                ),
            )
        )
    if invalid:
        click.echo(t("checklist.invalid_summary", count=invalid))
        raise SystemExit(1)


def _load(path: Path, kinds: tuple[str, ...]) -> Checklist:
    """A checklist file: TOML, or a workbook from `fieldapp admin checklist export`."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from sync.server.checklist_xlsx import read_xlsx

        return read_xlsx(path, kinds=kinds)
    from fieldapp.domain.checklist_toml import load_checklist_text
    from fieldapp.domain.office_files import read_text

    return load_checklist_text(read_text(path), str(path), kinds=kinds)
