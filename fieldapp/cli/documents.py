"""`fieldapp notice` and `fieldapp handover-letter`: print the review documents as PDF.

Both read the local store (FIELDAPP_HOME or the user data directory); a letter's hazards
are named as the review screen shows them (`DM-0006 CAT-08`) or by id.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from fieldapp.cli.checks import checked_out, name_to_write, say_not_overwritten
from fieldapp.cli.common import open_local_store, use_language

Doc = TypeVar("Doc")


def _write_pdf(
    ctx: click.Context,
    out: Path,
    build: Callable[[], Doc],
    render: Callable[[Doc, Path], object],
    items: Callable[[Doc], int],
) -> None:
    """Build a document from the local store and render it to `out` (a name taken is
    kept: a reprint is out-2.pdf, as the review screen's). A document that cannot be
    made, a missing font or a device not enrolled: the reason, and exit 1."""
    from fieldapp.i18n import t
    from fieldapp.reports.placards import FontMissing
    from fieldapp.services.common.identity import NotEnrolled
    from fieldapp.services.documents.notices import DocumentError
    from fieldapp.store import close_store

    use_language(ctx)
    wanted, out = name_to_write(out, "pdf")
    open_local_store()
    try:
        doc = build()
        render(doc, out)
    except (DocumentError, FontMissing) as exc:
        raise click.ClickException(str(exc)) from None
    except NotEnrolled:
        raise click.ClickException(t("review.cli.not_enrolled")) from None
    finally:
        close_store()
    click.echo(t("review.cli.written", path=out, count=items(doc)))
    say_not_overwritten(wanted, out)


_OUT = click.option("--out", required=True, type=click.Path(path_type=Path), callback=checked_out)


@click.command()
@click.option("--venue", "venue_code", required=True)
@_OUT
@click.pass_context
def notice(ctx: click.Context, venue_code: str, out: Path) -> None:
    from fieldapp.reports.notices import render_notice
    from fieldapp.services.documents.notices import notice_for_venue

    _write_pdf(
        ctx, out, lambda: notice_for_venue(venue_code), render_notice, lambda d: len(d.items)
    )


@click.command(name="handover-letter")
@click.option("--finding", "finding_ids", multiple=True, required=True)
@_OUT
@click.pass_context
def handover_letter(ctx: click.Context, finding_ids: tuple[str, ...], out: Path) -> None:
    from fieldapp.reports.notices import render_handover_letter
    from fieldapp.services.documents.hazard_names import finding_id_named
    from fieldapp.services.documents.notices import handover_letter as build_letter

    _write_pdf(
        ctx,
        out,
        lambda: build_letter([finding_id_named(name) for name in finding_ids]),
        render_handover_letter,
        lambda letter: len(letter.findings),
    )
