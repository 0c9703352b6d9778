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
@click.option("--db", "db_url", default=None)
def validate(files: tuple[Path, ...], kinds: tuple[str, ...], db_url: str | None) -> None:
    from fieldapp.domain.checklist_toml import ChecklistError, ChecklistInvalid
    from fieldapp.domain.kinds import VENUE_KINDS
    from fieldapp.domain.office_files import FileProblem
    from fieldapp.domain.wording import said
    from fieldapp.i18n import counts, listed, t

    # Each kind once (the server's list starts with the shipped ones), in that order.
    known = tuple(dict.fromkeys((*VENUE_KINDS, *kinds, *(_office_kinds(db_url) if db_url else ()))))
    invalid = 0
    unknown: list[str] = []  # kinds neither shipped nor named: perhaps the office's
    for path in files:
        source = str(path)
        try:
            loaded = _load(path, known)
        except FileProblem as exc:  # missing, not UTF-8: said, naming the file, as
            click.echo(str(exc.problem))  # publish-checklist says it
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
                if error.problem.key == "cl.unknown_kind":
                    unknown.append(str(error.problem.values["kind"]))
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
        if unknown and not db_url:  # the office's kinds are on its server, not here
            kind = unknown[0]
            click.echo(t("checklist.office_kinds_hint", kinds=listed(dict.fromkeys(unknown)),
                         kind=kind))  # fmt: skip
        raise SystemExit(1)


def _office_kinds(db_url: str) -> list[str]:
    """The venue kinds the server database at `db_url` knows (shipped and the office's)."""
    from fieldapp.cli.checks import open_server_database
    from sync.server import db as server_db
    from sync.server.office import known_kinds

    open_server_database(db_url, creating=False)
    with server_db.current().connection_context():
        return list(known_kinds())


def _load(path: Path, kinds: tuple[str, ...]) -> Checklist:
    """A checklist file: TOML, or a workbook from `fieldapp admin checklist export`."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from sync.server.checklist_xlsx import read_xlsx

        return read_xlsx(path, kinds=kinds)
    from fieldapp.domain.checklist_toml import load_checklist_text
    from fieldapp.domain.office_files import read_text

    return load_checklist_text(read_text(path), str(path), kinds=kinds)
