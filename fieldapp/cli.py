"""The `fieldapp` command line. Every command that opens the TUI builds it through make_app()."""

from __future__ import annotations

import click

from fieldapp import __version__


@click.group(invoke_without_command=True)
@click.option(
    "--lang", type=click.Choice(["zh", "en"]), default=None, help="UI language (default zh)."
)
@click.version_option(__version__, prog_name="fieldapp")
@click.pass_context
def main(ctx: click.Context, lang: str | None) -> None:
    """Grid inspection for the field (网格化巡查). With no command, opens the TUI."""
    ctx.ensure_object(dict)
    ctx.obj["lang"] = lang
    if ctx.invoked_subcommand is None:
        from fieldapp.app import run_tui

        run_tui(lang=lang)


from fieldapp.cli_checklist import checklist  # noqa: E402

main.add_command(checklist)

from fieldapp.cli_placard import placards, scan  # noqa: E402

main.add_command(scan)
main.add_command(placards)

from fieldapp.cli_demo import demo  # noqa: E402

main.add_command(demo)

from fieldapp.cli_review import handover_letter, notice  # noqa: E402

main.add_command(notice)
main.add_command(handover_letter)

from fieldapp.cli_export import export, report  # noqa: E402

main.add_command(export)
main.add_command(report)

from fieldapp.cli_sync import admin, enroll, serve, sync_command  # noqa: E402

main.add_command(serve)
main.add_command(admin)
main.add_command(enroll)
main.add_command(sync_command)
