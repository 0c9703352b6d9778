"""The `fieldapp` command line. Every command that opens the TUI builds it through make_app().

Subcommands are imported when they are used, not at start-up: `fieldapp` with no command
opens the TUI, and importing the server, PDF and spreadsheet commands first would cost
that cold start for nothing. `fieldapp --help` still lists every command.
"""

from __future__ import annotations

import importlib

import click

from fieldapp import __version__

# command name -> "module:attribute" of the click command, imported on first use
LAZY_COMMANDS = {
    "checklist": "fieldapp.cli.checklist:checklist",
    "scan": "fieldapp.cli.placards:scan",
    "placards": "fieldapp.cli.placards:placards",
    "demo": "fieldapp.cli.demo:demo",
    "notice": "fieldapp.cli.documents:notice",
    "handover-letter": "fieldapp.cli.documents:handover_letter",
    "export": "fieldapp.cli.export:export",
    "report": "fieldapp.cli.export:report",
    "monthly-report": "fieldapp.cli.monthly:monthly_report",
    "serve": "fieldapp.cli.server:serve",
    "admin": "fieldapp.cli.server:admin",
    "enroll": "fieldapp.cli.device:enroll",
    "sync": "fieldapp.cli.device:sync_command",
    "web": "fieldapp.cli.web:web",
    "device-info": "fieldapp.cli.device:device_info",
    "idle-lock": "fieldapp.cli.device:idle_lock",
}


class LazyGroup(click.Group):
    """A group whose subcommands are named here and imported only when invoked (or listed
    by --help). Commands added with `add_command` work as usual."""

    def __init__(self, *args: object, lazy_commands: dict[str, str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy_commands = lazy_commands

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self.lazy_commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy_commands:
            module_name, attribute = self.lazy_commands[cmd_name].split(":")
            command = getattr(importlib.import_module(module_name), attribute)
            if not isinstance(command, click.Command):
                raise TypeError(f"{self.lazy_commands[cmd_name]} is not a click command")
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, lazy_commands=LAZY_COMMANDS, invoke_without_command=True)
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
        from fieldapp.tui.startup import run_tui

        run_tui(lang=lang)
