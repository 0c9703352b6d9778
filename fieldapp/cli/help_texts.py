"""`--help` in the chosen language: every command's description, its options' help and
the groups' listings come from the catalogues, looked up when the help is shown (the
language is known only once the root's --lang has been read), and so do click's own
words (用法：, 选项, 命令, "显示本说明并退出。").

The keys follow the command tree, so a command needs no key written beside it:
`cli.help.<path>` for a command (`cli.help.admin.import-kinds`; the root is
`cli.help.fieldapp`) and `cli.option.<path>.<parameter>` for an option
(`cli.option.admin.db_url`). The root group makes every command added below it speak so
(`in_language`); tests/test_cli_help_language.py holds each one to both catalogues.
"""

from __future__ import annotations

import re
from typing import Any

import click
from click.core import _make_default_short_help

from fieldapp.cli.help_format import NO_BREAK, LanguageContext, cells
from fieldapp.i18n import language, t, text_in, written_in

COMMAND = "cli.help"
OPTION = "cli.option"
ROOT = "fieldapp"
LANG_ASKED = "fieldapp.lang_asked"  # ctx.meta: the root's --lang, read before --help runs
SPOKEN = "fieldapp.spoken"  # ctx.meta: the --lang nearest the command that runs last


def command_key(path: tuple[str, ...]) -> str:
    return ".".join((COMMAND, *path)) if path else f"{COMMAND}.{ROOT}"


def option_key(path: tuple[str, ...], name: str) -> str:
    return ".".join((OPTION, *(path or (ROOT,)), name))


def command_path(ctx: click.Context) -> tuple[str, ...]:
    """The names from below the root down to ctx's command: ("admin", "placard-key")."""
    names = []
    while ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return tuple(reversed(names))


def said(key: str) -> str | None:
    """The text of `key` in the language being spoken, None where no catalogue has it."""
    return text_in(language(), key) or text_in("zh", key)


def root_lang_in(args: list[str]) -> str | None:
    """The --lang among the root's own options (those before the command's name)."""
    index = 0
    while index < len(args) and args[index].startswith("-"):
        arg = args[index]
        if arg.startswith("--lang="):
            return arg[len("--lang=") :]
        if arg == "--lang" and index + 1 < len(args):
            return args[index + 1]
        index += 1
    return None


def _help_language(ctx: click.Context) -> str:
    return nearest_language(ctx) or language()


def nearest_language(ctx: click.Context | None) -> str | None:
    """The --lang nearest the command asked about: its own (`fieldapp demo --lang en
    --help`), else a group's on the way to it, else the root's; None where none was given.
    Its --help and its usage errors (`fieldapp demo --lang en --venues x`) both speak it."""
    here = ctx
    while here is not None:
        lang = here.params.get("lang")
        if isinstance(here, LanguageContext):
            lang = lang or here.lang_asked
        if here.parent is None:
            lang = lang or here.meta.get(LANG_ASKED)
        if lang in ("zh", "en"):
            return str(lang)
        here = here.parent
    return None


def _own_lang_in(command: click.Command, ctx: click.Context, args: list[str]) -> str | None:
    """The command's own --lang among `args`, wherever it stands: click runs --help as
    soon as it parses it, before any other option is read."""
    if not any(param.name == "lang" for param in command.get_params(ctx)):
        return None
    try:
        opts, _, _ = command.make_parser(ctx).parse_args(args=list(args))
    except click.UsageError:  # refused as the command runs, in its own words
        return None
    lang = opts.get("lang")
    return lang if isinstance(lang, str) else None


class HelpInLanguage(click.Command):
    """Mixed in before a click command class: its help read from the catalogues."""

    context_class = LanguageContext

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if isinstance(ctx, LanguageContext):
            ctx.lang_asked = _own_lang_in(self, ctx, args)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        """Its refusals and "stopped" are said in the --lang nearest it (`fieldapp demo
        --lang en` refuses in English): the root reads this once the command ends.
        Context.meta is shared by the whole chain, so the command run last speaks."""
        ctx.meta[SPOKEN] = nearest_language(ctx)
        return super().invoke(ctx)

    def get_help(self, ctx: click.Context) -> str:
        with written_in(_help_language(ctx)):
            return super().get_help(ctx)

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = super().collect_usage_pieces(ctx)
        if pieces and pieces[0] == self.options_metavar:
            pieces[0] = t("cli.click.options_metavar")
        if isinstance(self, click.Group) and pieces and pieces[-1] == self.subcommand_metavar:
            pieces[-1] = t("cli.click.commands_metavar")
        return pieces

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = " ".join(self.collect_usage_pieces(ctx))
        prefix = t("cli.click.usage")
        formatter.write_usage(
            ctx.command_path, pieces, prefix if prefix.endswith("：") else prefix + " "
        )

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        text = said(command_key(command_path(ctx)))
        if text is None:
            super().format_help_text(ctx, formatter)
            return
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(text)  # paragraphs and \b blocks kept, as click keeps them

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        path = command_path(ctx)
        asks_help = self.get_help_option(ctx)
        rows = []
        for param in self.get_params(ctx):
            if isinstance(param, click.Option) and not param.hidden:
                spec = (param.get_help_record(ctx) or ("", ""))[0]
                text = t("cli.click.help_option") if param is asks_help else None
                rows.append((spec, _option_help(ctx, path, param, text)))
        if rows:
            with formatter.section(t("cli.click.options")):
                formatter.write_dl(rows)


def _option_help(
    ctx: click.Context, path: tuple[str, ...], param: click.Option, text: str | None
) -> str:
    """The option's help from the catalogues, with click's notes ([默认：20], [必填])."""
    if text is None and param.name:
        text = said(option_key(path, param.name))
    if text is None:
        text = param.help or ""
    extra = param.get_help_extra(ctx)
    notes = []
    if "default" in extra:
        notes.append(t("cli.click.default", value=extra["default"]))
    if "range" in extra:
        notes.append((range_said(param.type) or extra["range"]).replace(" ", NO_BREAK))
    if "required" in extra:
        notes.append(t("cli.click.required"))
    if notes:
        text = f"{text}  [{t('cli.click.notes_joined').join(notes)}]".strip()
    return text


def range_said(param_type: click.ParamType) -> str | None:
    """The values a range takes, in the language spoken (至少 1, 1 至 64; ≥ 1, 1–64), where
    click writes x>=1 and 1<=x<=64; None for a type that is no range."""
    if not isinstance(param_type, (click.IntRange, click.FloatRange)):
        return None
    low, high = param_type.min, param_type.max
    closed = not (param_type.min_open or param_type.max_open)
    if low is not None and high is not None and closed:
        return t("cli.click.range.between", min=low, max=high)
    bounds = []
    if low is not None:
        key = "above" if param_type.min_open else "at_least"
        bounds.append(t(f"cli.click.range.{key}", min=low))
    if high is not None:
        key = "below" if param_type.max_open else "at_most"
        bounds.append(t(f"cli.click.range.{key}", max=high))
    if len(bounds) == 2:
        return t("cli.click.range.both", low=bounds[0], high=bounds[1])
    return bounds[0] if bounds else None


class GroupHelpInLanguage(HelpInLanguage, click.Group):
    """A group's listing: each command's first sentence, from the catalogues."""

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        path = command_path(ctx)
        commands = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                commands.append((name, command))
        if not commands:
            return
        limit = formatter.width - 6 - max(len(name) for name, _ in commands)
        rows = []
        for name, command in commands:
            text = said(command_key((*path, name)))
            rows.append(
                (name, command.get_short_help_str(limit) if text is None else short(text, limit))
            )
        with formatter.section(t("cli.click.commands")):
            formatter.write_dl(rows)

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        super().add_command(in_language(cmd), name)


def short(text: str, limit: int) -> str:
    """A command's line in its group's listing: its first sentence (a Chinese one ends at
    its first 。 or ；); where that is longer than `limit` columns, the part before an
    aside in （）, a ， or a 、 with "…", or else cut with "…" between whole words (never
    inside an identifier such as report_deadlines): a line that says less than its
    sentence always shows it does."""
    if language() != "zh":  # click ends a sentence at "e.g.": "Move campaign CODE to PHASE (e.g."
        joined = _ABBREVIATION.sub(lambda m: m.group(1) + _JOINER, text)
        return _make_default_short_help(joined, limit).replace(_JOINER, " ")
    first = re.split("[。；]", text.split("\n\n")[0])[0].strip()
    if cells(first) <= limit:
        return first
    fitting = [
        first[:at] + "…"
        for at, mark in enumerate(first)
        if mark in "（，、"
        and cells(first[:at]) < limit
        and first[:at].count("（") == first[:at].count("）")  # never inside an aside
    ]
    if fitting:
        return fitting[-1]
    line = ""
    for word in _WORD.findall(first):
        if cells(line + word) > limit - 1:
            break
        line += word
    return line.rstrip() + "…"


# "e.g. " and "i.e. " end no sentence: their space is held as a joiner while click cuts.
_ABBREVIATION = re.compile(r"\b(e\.g\.|i\.e\.) ")
_JOINER = "\u2060"

# An identifier, a number or a name in Latin letters is one word; any other character is.
_WORD = re.compile(r"[A-Za-z0-9_.\-]+|.", re.S)


_CLASSES: dict[type[Any], type[Any]] = {}


def in_language(command: click.Command) -> click.Command:
    """`command`, and every command below it, made to show its help from the catalogues
    (its class becomes one with HelpInLanguage mixed in, so nothing else changes)."""
    if not isinstance(command, HelpInLanguage):
        base = type(command)
        mixin = GroupHelpInLanguage if isinstance(command, click.Group) else HelpInLanguage
        if base not in _CLASSES:
            _CLASSES[base] = type(base.__name__, (mixin, base), {"__doc__": base.__doc__})
        command.__class__ = _CLASSES[base]
    if isinstance(command, click.Group):
        for name, sub in list(command.commands.items()):
            command.commands[name] = in_language(sub)
    return command
