"""`fieldapp scan PHOTO` and `fieldapp placards …`: placards from the command line.

Both work on the local store (FIELDAPP_HOME or the user data directory). The server's
`fieldapp admin placards` builds the same PlacardInfo list from the server database and
calls the same renderer.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from fieldapp.cli.checks import (
    checked_folder_out,
    checked_out,
    fail,
    name_to_write,
    say_not_overwritten,
)
from fieldapp.cli.common import open_local_store, refuse_not_enrolled, use_language
from fieldapp.cli.params import InputFile

if TYPE_CHECKING:
    from fieldapp.services.placards.printing import ScanResult


def refuse_unless_enrolled() -> None:
    """Before saying "sync first" (a key or a venue not on this device): where no device
    is set up (no FIELDAPP_HOME, never enrolled) no sync can work, so device-info's
    sentence instead. The store is open, and closed here on refusing."""
    from fieldapp.services.common.identity import enrolled
    from fieldapp.store import close_store

    if not enrolled():
        close_store()
        refuse_not_enrolled()


CHECKPOINT_LINE = "placard.scan.checkpoint"  # the line naming a checkpoint found


def _verified(text: str) -> tuple[ScanResult, str]:
    """A QR text checked as a venue's placard, or as a patrol checkpoint's where it names
    one on this device (it was said to be a venue not on this device); with the key of
    the line that names what it found."""
    from fieldapp.domain.placard import UNKNOWN_VENUE
    from fieldapp.services.patrols.runs import is_checkpoint
    from fieldapp.services.placards.printing import verify_scan
    from fieldapp.store.patrol_models import Checkpoint

    result = verify_scan(text)
    if result.kind == UNKNOWN_VENUE and is_checkpoint(result.check.venue_code):
        found = verify_scan(text, lambda code: Checkpoint.get_or_none(Checkpoint.code == code))
        return found, CHECKPOINT_LINE
    return result, "placard.scan.venue"


@click.command()
@click.argument("photo", type=InputFile())
@click.pass_context
def scan(ctx: click.Context, photo: Path) -> None:
    from fieldapp.domain.placard import UNKNOWN_KEY, UNKNOWN_VENUE
    from fieldapp.i18n import t
    from fieldapp.services.placards.photo_scan import QrDecodeError, decode_qr_texts, placard_code
    from fieldapp.store import close_store

    use_language(ctx)
    try:
        texts = decode_qr_texts(photo)
    except QrDecodeError as exc:
        raise click.ClickException(str(exc)) from None
    open_local_store()
    try:
        verified = [_verified(text) for text in texts]
        results = [result for result, _ in verified]
        if any(r.kind in (UNKNOWN_KEY, UNKNOWN_VENUE) for r in results):  # "sync first"
            refuse_unless_enrolled()
    finally:
        close_store()
    if len(results) > 1:
        click.echo(t("placard.scan.several", count=len(results)))
    for n, (text, (result, place)) in enumerate(zip(texts, verified, strict=True), start=1):
        said = result.scanned_message()  # read off a photo: a bare code is no typing
        if result.ok and place == CHECKPOINT_LINE:  # verified: a checkpoint's, not a venue's
            said = t("placard.check.ok_checkpoint", code=result.check.venue_code,
                     key_id=result.check.key_id)  # fmt: skip
        if len(results) > 1:  # which code each line is of: their messages may read alike
            code = placard_code(text)
            key = "placard.scan.nth" if code else "placard.scan.nth_other"
            said = t(key, n=n, code=code, said=said)
        click.echo(said)
        if result.venue_id is not None:
            click.echo(t(place, name=result.venue_name, code=result.check.venue_code))
    sys.exit(0 if any(r.ok for r in results) else 1)


@click.command()
@click.option("--grid", "grid_code")
@click.option("--venue", "venue_code")
@click.option("--out", type=click.Path(path_type=Path), callback=checked_out)
@click.option(
    "--png", "png_dir", type=click.Path(file_okay=False, path_type=Path),
    callback=checked_folder_out,
)  # fmt: skip
@click.option("--size", type=click.Choice(["A4", "A5"], case_sensitive=False), default="A4")
@click.pass_context
def placards(
    ctx: click.Context,
    grid_code: str | None,
    venue_code: str | None,
    out: Path | None,
    png_dir: Path | None,
    size: str,
) -> None:
    # The placards as one PDF (--out), as one PNG each (--png), or both.
    from fieldapp.i18n import language, t
    from fieldapp.reports.placards import FontMissing, find_cjk_font, render_pdf, render_pngs
    from fieldapp.services.placards import printing as service
    from fieldapp.store import close_store

    use_language(ctx)
    if (grid_code is None) == (venue_code is None):
        raise click.UsageError(t("placard.print.one_source"))
    if out is None and png_dir is None:
        raise click.UsageError(t("placard.print.no_output"))
    size = size.upper()
    try:
        font = find_cjk_font()  # before any work: say which package to install
    except FontMissing as exc:
        raise click.ClickException(str(exc)) from exc
    open_local_store()
    try:
        try:
            if grid_code is not None:
                infos = service.placards_for_grid(grid_code)
            else:
                infos = service.placards_for_venue(venue_code or "")
        except (service.NotOnDevice, ValueError) as exc:
            if isinstance(exc, service.NotOnDevice):
                refuse_unless_enrolled()
            fail(str(exc))  # before anything is written
    finally:
        close_store()
    if not infos:
        raise click.ClickException(t("placard.print.nothing", what=grid_code or venue_code))
    click.echo(t("placard.print.unsigned"))
    if out is not None:
        wanted, out = name_to_write(out, "pdf")  # a name taken is kept: -2 is written
        render_pdf(infos, out, size=size, lang=language(), font=font)
        click.echo(t("placard.print.written", count=len(infos), path=str(out)))
        say_not_overwritten(wanted, out)
    if png_dir is not None:
        written = render_pngs(infos, png_dir, size=size, lang=language(), font=font)
        click.echo(t("placard.print.png_written", count=len(written), path=str(png_dir)))
