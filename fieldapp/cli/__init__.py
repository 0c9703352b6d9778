"""The `fieldapp` command line. Every command that opens the TUI builds it through make_app().

Subcommands are imported when they are used, not at start-up: `fieldapp` with no command
opens the TUI, and importing the server, PDF and spreadsheet commands first would cost
that cold start for nothing. `fieldapp --help` still lists every command.
"""

from __future__ import annotations

import importlib
import warnings
from typing import Any

import click

from fieldapp import __version__
from fieldapp.cli.help_texts import (
    LANG_ASKED,
    SPOKEN,
    GroupHelpInLanguage,
    nearest_language,
    root_lang_in,
)
from fieldapp.cli.usage_errors import aborted, error_said, root_language, said_in_language

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


class LazyGroup(GroupHelpInLanguage):
    """A group whose subcommands are named here and imported only when invoked (or listed
    by --help). Commands added with `add_command` work as usual. Every command's --help
    is in the chosen language (fieldapp.cli.help_texts)."""

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

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """`fieldapp --lang en --help`: --help is shown before --lang is read; it is
        looked up here so the help is in the language asked for."""
        if ctx.parent is None:
            ctx.meta[LANG_ASKED] = root_lang_in(args)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> object:
        """A subcommand's --help is shown before any group on the way to it runs: `admin`
        opens the server database, so `fieldapp admin import-kinds --help` said there was
        none before `admin init`."""
        try:
            left = _left_for_subcommand(ctx)
            if left and not ctx.resilient_parsing:
                if _asks_help(ctx, left[1:]):
                    _show_help(self, ctx, left)
                _help_if_group_alone(self, ctx, left)
            return super().invoke(ctx)
        except click.UsageError as error:  # click's English, from any command below
            if _group_alone(error):  # its help, as --help shows it: not a refusal
                click.echo(error.ctx.get_help())  # type: ignore[union-attr]
                raise click.exceptions.Exit(0) from None
            raise said_in_language(error, nearest_language(error.ctx)) from None
        except click.ClickException as error:  # a command's refusal: click's "Error:" prefix
            raise error_said(error, _spoken(ctx)) from None
        except (click.Abort, KeyboardInterrupt, EOFError) as stop:  # click's main: "Aborted!"
            raise aborted(stop, _spoken(ctx)) from None

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        """The root's own options refused (fieldapp --nosuch) in the chosen language too."""
        given = list(args)  # parsing consumes `args`
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as error:
            raise said_in_language(error, _lang_in(given)) from None


def _spoken(ctx: click.Context) -> str | None:
    """The --lang nearest the command that stopped: its own (`fieldapp demo --lang en`),
    else a group's, else the root's."""
    return ctx.meta.get(SPOKEN) or root_language(ctx)


def _group_alone(error: click.UsageError) -> bool:
    """A group named with no subcommand: alone (`fieldapp admin setting`) or with its own
    options only (`fieldapp admin --db FILE`)."""
    return isinstance(error, click.exceptions.NoArgsIsHelpError) or (
        error.message == "Missing command."
        and error.ctx is not None
        and isinstance(error.ctx.command, click.Group)
    )


def _lang_in(args: list[str]) -> str | None:
    """The --lang asked for in arguments the root could not read."""
    for index, arg in enumerate(args):
        if arg.startswith("--lang="):
            return _known_language(arg[len("--lang=") :])
        if arg == "--lang" and index + 1 < len(args):
            return _known_language(args[index + 1])
    return None


def _known_language(lang: str) -> str | None:
    return lang if lang in ("zh", "en") else None


def _left_for_subcommand(ctx: click.Context) -> list[str]:
    """What a group's own options left: the subcommand's name, then its arguments."""
    with warnings.catch_warnings():  # click 8.2 deprecates protected_args; 8.1 has no other
        warnings.simplefilter("ignore", DeprecationWarning)
        return [*ctx.protected_args, *ctx.args]


def _asks_help(ctx: click.Context, args: list[str]) -> bool:
    given = args[: args.index("--")] if "--" in args else args
    return any(arg in ctx.help_option_names for arg in given)


def _show_help(group: click.Group, ctx: click.Context, args: list[str]) -> None:
    """Parse down to the command asked about without running a group's callback; its
    --help option prints the help and exits. Returns when no --help is reached (a value
    of an option spelled --help): the command then runs as usual."""
    name, command, rest = group.resolve_command(ctx, args)
    while name is not None and command is not None:
        ctx = command.make_context(name, rest, parent=ctx)  # --help: printed, Exit raised
        left = _left_for_subcommand(ctx)
        if not isinstance(command, click.Group) or not left:
            return
        name, command, rest = command.resolve_command(ctx, left)


def _help_if_group_alone(group: click.Group, ctx: click.Context, args: list[str]) -> None:
    """A group named with no subcommand (`fieldapp admin setting`) is refused as alone
    before any group on the way to it runs: `admin` opens the server database, so with no
    --db and none made yet it said there was none where the help was asked for. Only
    groups' own options are parsed here; a command's are parsed once, when it runs. Any
    other mistake is left to the run itself, to be said as it always was."""
    try:
        name, command, rest = group.resolve_command(ctx, args)
        while name is not None and isinstance(command, click.Group):
            ctx = command.make_context(name, list(rest), parent=ctx)  # NoArgsIsHelpError
            left = _left_for_subcommand(ctx)
            if not left:
                if command.invoke_without_command:  # `admin alerts` alone lists the outbox
                    return
                raise click.UsageError("Missing command.", ctx=ctx)  # its help, as above
            name, command, rest = command.resolve_command(ctx, left)
    except click.UsageError as error:
        if _group_alone(error):
            raise


@click.group(cls=LazyGroup, lazy_commands=LAZY_COMMANDS, invoke_without_command=True)
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None)
@click.version_option(__version__, prog_name="fieldapp")
@click.pass_context
def main(ctx: click.Context, lang: str | None) -> None:
    # With no command, opens the TUI. Every command's help: fieldapp.cli.help_texts.
    ctx.ensure_object(dict)
    ctx.obj["lang"] = lang
    if ctx.invoked_subcommand is None:
        from fieldapp.tui.startup import run_tui

        run_tui(lang=lang)
