"""`fieldapp admin placard-key …` and `fieldapp admin placards …`: placards from the server.

The server database holds the placard keys (`sync.server.placard_keys`); printing builds
the same PlacardInfo the local `fieldapp placards` builds, from the server's rows, and
calls the same renderer (`fieldapp.reports.placards`). Attached to the `admin` group in
`fieldapp.cli.server`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from fieldapp.cli.checks import (
    checked_folder_out,
    checked_out,
    name_to_write,
    say_not_overwritten,
)
from fieldapp.cli.common import admin_call
from fieldapp.i18n import language, listed, t

if TYPE_CHECKING:
    from fieldapp.domain.placard import SigningKey
    from fieldapp.reports.placards import PlacardInfo


@click.group("placard-key")
def placard_key() -> None:
    pass  # its commands below; its help is the catalogues' cli.help.admin.placard-key


@placard_key.command("list")
def key_list() -> None:
    from sync.server import placard_keys

    rows = admin_call(placard_keys.list_keys)
    if not rows:
        click.echo(t("admin.placard_key.none"))
    for row in rows:
        state = "REVOKED" if row.revoked else ("current" if row.current else "valid")
        signs = "" if row.can_sign else "  (public only)"
        click.echo(f"{row.key_id}  {state:8} created {row.created_at or '-'}{signs}")


@placard_key.command("rotate")
def key_rotate() -> None:
    from sync.server import placard_keys

    click.echo(t("admin.placard_key.rotated", key_id=admin_call(placard_keys.rotate)))


@placard_key.command("revoke")
@click.argument("key_id")
def key_revoke(key_id: str) -> None:
    from sync.server import placard_keys

    if admin_call(lambda: placard_keys.revoke(key_id)):
        click.echo(t("admin.placard_key.revoked", key_id=key_id.upper()))
        if admin_call(placard_keys.current_key_id) == key_id.upper():
            click.echo(t("admin.placard_key.revoked_current"), err=True)
    else:
        raise click.ClickException(t("admin.placard_key.unknown", key_id=key_id))


def server_placard_infos(
    *,
    grid_code: str | None,
    venue_code: str | None,
    signer: SigningKey,
    checkpoints: bool = False,
    skipped: list[str] | None = None,
) -> list[PlacardInfo]:
    """PlacardInfo for the server's venues (or patrol checkpoints) of a grid (and below) or
    one code. A code no placard can carry (imported before imports refused one) is left
    out, named with its name in `skipped`: the rest of the grid still prints."""
    from fieldapp.domain.placard import VENUE_CODE_RE
    from fieldapp.reports.placards import PlacardInfo
    from sync.server.patrol_models import Checkpoint
    from sync.server.placard_keys import places_to_print, venues_to_print

    if checkpoints:
        places = places_to_print(Checkpoint, "checkpoint", grid_code=grid_code, code=venue_code)
    else:
        places = venues_to_print(grid_code=grid_code, venue_code=venue_code)
    place = "checkpoint" if checkpoints else "venue"
    infos = []
    for venue, grid_name in places:
        if not VENUE_CODE_RE.fullmatch(venue.code.strip().upper()):
            if skipped is not None:
                skipped.append(t("placard.print.code_and_name", code=venue.code, name=venue.name))
            continue
        infos.append(PlacardInfo.of(venue, grid_name, signer.sign(venue.code), place=place))
    return infos


@click.command("placards")
@click.option("--grid", "grid_code")
@click.option("--venue", "venue_code")
@click.option("--checkpoints", is_flag=True)
@click.option("--out", type=click.Path(path_type=Path), callback=checked_out)
@click.option(
    "--png", "png_dir", type=click.Path(file_okay=False, path_type=Path),
    callback=checked_folder_out,
)  # fmt: skip
@click.option("--size", type=click.Choice(["A4", "A5"], case_sensitive=False), default="A4")
def admin_placards(
    grid_code: str | None,
    venue_code: str | None,
    checkpoints: bool,
    out: Path | None,
    png_dir: Path | None,
    size: str,
) -> None:
    # The placards as one PDF (--out), as one PNG each (--png), or both.
    from fieldapp.reports.placards import FontMissing, find_cjk_font, render_pdf, render_pngs
    from sync.server import placard_keys

    if (grid_code is None) == (venue_code is None):
        raise click.UsageError(t("placard.print.one_source"))
    if out is None and png_dir is None:
        raise click.UsageError(t("placard.print.no_output"))
    try:
        font = find_cjk_font()
    except FontMissing as error:
        raise click.ClickException(str(error)) from error

    skipped: list[str] = []

    def build() -> list[PlacardInfo]:
        from sync.server.office import publish_names

        publish_names()  # a kind the office added is named on its placards
        signer = placard_keys.signing_key()
        return server_placard_infos(
            grid_code=grid_code,
            venue_code=venue_code,
            signer=signer,
            checkpoints=checkpoints,
            skipped=skipped,
        )

    infos = admin_call(build)
    if skipped:  # said first: when nothing else is printed, it is why
        said = t("placard.print.bad_codes", count=len(skipped), codes=listed(skipped))
        if not infos:
            raise click.ClickException(said)
        click.echo(said, err=True)
    if not infos:
        raise click.ClickException(t("placard.print.nothing", what=grid_code or venue_code))
    if out is not None:
        wanted, out = name_to_write(out, "pdf")  # a name taken is kept: -2 is written
        render_pdf(infos, out, size=size.upper(), lang=language(), font=font)
        click.echo(t("placard.print.written", count=len(infos), path=str(out)))
        say_not_overwritten(wanted, out)
    if png_dir is not None:
        written = render_pngs(infos, png_dir, size=size.upper(), lang=language(), font=font)
        click.echo(t("placard.print.png_written", count=len(written), path=str(png_dir)))
    admin_call(lambda: _audit_export(grid_code, venue_code, out or png_dir, len(infos)))


def _audit_export(
    grid_code: str | None, venue_code: str | None, out: Path | None, count: int
) -> None:
    from sync.server import audit
    from sync.server import db as server_db

    with server_db.write_transaction():
        audit.record(
            audit.PLACARDS_EXPORTED,
            subject=grid_code or venue_code or "",
            detail={"venues": count, "file": str(out)},
        )
