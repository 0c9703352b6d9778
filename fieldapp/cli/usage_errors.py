"""Click's own usage errors (no such option, a missing argument, a value not among the
choices, not a number, an extra argument) said in the chosen language, and the "Error:"
before a command's own refusal (`click.ClickException`) with them. Click words them in
English whatever `--lang` says; the root command turns every one into a `UsageErrorSaid`
here (a refusal into an `ErrorSaid`), so no command words them itself. The option names
and the "--help" hint stay; a refusal this module does not know keeps click's own words."""

from __future__ import annotations

import re
from typing import IO, Any

import click

from fieldapp.cli.help_texts import range_said
from fieldapp.i18n import set_language, t

# The value click quotes at the start of a refusal: "'abc' is not a valid integer."
_QUOTED_VALUE = re.compile(r"^(['\"])(?P<value>.*)\1 is not")
_OUT_OF_RANGE = re.compile(r"^(?P<value>\S+) is not in the range (?P<range>.+)\.$")
_EXTRA = re.compile(r"^Got unexpected extra arguments? \((?P<args>.*)\)$")
_PATH = re.compile(r"^\w+ (['\"])(?P<path>.*)\1 (?P<what>does not exist|is a file|is a directory)")
_PATH_KEYS = {
    "does not exist": "cli.usage.path_missing",
    "is a file": "cli.usage.path_is_file",
    "is a directory": "cli.usage.path_is_dir",
}


class UsageErrorSaid(click.UsageError):
    """A usage error already worded in the chosen language; shown with the command's
    usage and its --help hint, also in that language."""

    def show(self, file: IO[Any] | None = None) -> None:
        ctx = self.ctx
        if ctx is not None:
            pieces = " ".join(ctx.command.collect_usage_pieces(ctx))
            click.echo(
                t("cli.usage.line", usage=f"{ctx.command_path} {pieces}"), file=file, err=True
            )
            if ctx.command.get_help_option(ctx) is not None:
                hint = f"{ctx.command_path} {ctx.help_option_names[0]}"
                click.echo(t("cli.usage.try_help", command=hint), file=file, err=True)
        click.echo(t("cli.usage.error", message=self.message), file=file, err=True)


class ErrorSaid(click.ClickException):
    """A command's refusal (`click.ClickException`, "没有编码为 NOPE 的网格") with its
    prefix in the chosen language: "错误：…", where click prints "Error: …"."""

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(t("cli.usage.error", message=self.format_message()), file=file, err=True)


def error_said(error: click.ClickException, lang: str | None) -> click.ClickException:
    """`error`, its message kept, shown with the prefix in `lang` (the --lang nearest the
    command, its own before the root's; the language it spoke when none was given). A
    refusal with an exit status of its own (a subclass's; none here) is left as it is, so
    its status is never changed."""
    if isinstance(error, ErrorSaid) or error.exit_code != ErrorSaid.exit_code:
        return error  # said already by a group further down, or not ours to reword
    if lang:
        set_language(lang)
    return ErrorSaid(error.format_message())


def aborted(stop: BaseException, lang: str | None) -> click.exceptions.Exit:
    """Say in `lang` (the --lang nearest the command) that it stopped (no input at a
    prompt, Ctrl+C), as click's main says "Aborted!" in English, and end it with click's
    status for that, 1."""
    if lang:
        set_language(lang)
    if not isinstance(stop, click.Abort):  # Ctrl+C at the terminal: end its line first
        click.echo(err=True)
    click.echo(t("cli.aborted"), err=True)
    return click.exceptions.Exit(1)


def said_in_language(error: click.UsageError, lang: str | None) -> UsageErrorSaid:
    """`error` worded in `lang` (the --lang nearest the command refused, its own before the
    root's; the UI default when none was given)."""
    if lang:
        set_language(lang)
    return UsageErrorSaid(_wording(error), error.ctx)


def root_language(ctx: click.Context | None) -> str | None:
    """The --lang given to the root command, once its options have been read."""
    return None if ctx is None else ctx.find_root().params.get("lang")


def _wording(error: click.UsageError) -> str:
    if isinstance(error, click.NoSuchOption):
        return _with_guesses(
            t("cli.usage.no_option", option=error.option_name), error.possibilities
        )
    if isinstance(error, click.exceptions.NoSuchCommand):
        return _with_guesses(
            t("cli.usage.no_command", command=error.command_name), error.possibilities
        )
    if isinstance(error, click.BadOptionUsage):
        return _bad_option_usage(error)
    if isinstance(error, click.MissingParameter):
        return _missing(error)
    if isinstance(error, click.BadParameter):
        return _bad_value(error)
    extra = _EXTRA.match(error.message)
    if extra:
        return t("cli.usage.extra", args=extra["args"])
    return error.message


def _with_guesses(message: str, possibilities: list[str] | None) -> str:
    if not possibilities:
        return message
    return t("cli.usage.did_you_mean", message=message, guesses=" / ".join(sorted(possibilities)))


def _bad_option_usage(error: click.BadOptionUsage) -> str:
    if "does not take a value" in error.message:
        return t("cli.usage.takes_no_value", option=error.option_name)
    if "requires" in error.message:
        return t("cli.usage.needs_value", option=error.option_name)
    return error.message


def _hint(error: click.BadParameter) -> str:
    param = error.param
    if error.param_hint is not None:
        hint = error.param_hint
        return hint if isinstance(hint, str) else " / ".join(hint)
    if param is None:
        return ""
    return param.opts[0] if isinstance(param, click.Option) else param.human_readable_name


def _missing(error: click.MissingParameter) -> str:
    param = error.param
    key = (
        "cli.usage.missing_option"
        if isinstance(param, click.Option)
        else "cli.usage.missing_argument"
    )
    message = t(key, name=_hint(error))
    if param is not None and isinstance(param.type, click.Choice):
        message = t("cli.usage.choose_from", message=message, choices=_choices(param.type))
    return message


def _choices(choice: click.Choice[Any]) -> str:
    return " / ".join(str(c) for c in choice.choices)


def _bad_value(error: click.BadParameter) -> str:
    name = _hint(error)
    param_type = error.param.type if error.param is not None else None
    quoted = _QUOTED_VALUE.match(error.message)
    out_of_range = _OUT_OF_RANGE.match(error.message)
    path = _PATH.match(error.message)
    if isinstance(param_type, click.Choice) and quoted:
        return t(
            "cli.usage.not_a_choice", name=name, value=quoted["value"], choices=_choices(param_type)
        )
    if out_of_range:
        return t(
            "cli.usage.out_of_range",
            name=name,
            value=out_of_range["value"],
            range=(param_type and range_said(param_type)) or out_of_range["range"],
        )
    if isinstance(param_type, click.types.IntParamType) and quoted:
        return t("cli.usage.not_an_integer", name=name, value=quoted["value"])
    if isinstance(param_type, click.types.FloatParamType) and quoted:
        return t("cli.usage.not_a_number", name=name, value=quoted["value"])
    if path:
        return t(_PATH_KEYS[path["what"]], name=name, path=path["path"])
    return t("cli.usage.bad_value", name=name, message=error.message)
