"""Parameter types whose refusals read like click's own usage errors, as a start after
the end does: one sentence in the chosen language saying what to type after "错误：" /
"Error: ", with the usage line, exit status 2. Click's own say "Invalid value for
'--from': … does not match the format '%Y-%m-%d'" or "File '/tmp' is a directory." in
English whatever the language."""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from fieldapp.cli.common import use_language
from fieldapp.domain.clock import today
from fieldapp.domain.typed import no_such_day
from fieldapp.i18n import t


def _named(param: click.Parameter | None) -> str:
    if param is None:
        return ""
    return param.opts[0] if isinstance(param, click.Option) else param.human_readable_name


class LocalDate(click.ParamType):
    """A calendar date YYYY-MM-DD, as the `datetime` `click.DateTime` gives."""

    name = "YYYY-MM-DD"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> datetime:
        if isinstance(value, datetime):
            return value
        try:
            return datetime.strptime(str(value).strip(), "%Y-%m-%d")
        except ValueError:
            if ctx is not None:
                use_language(ctx)
            option, said = _named(param), no_such_day(str(value)) if "-" in str(value) else None
            if said:  # the form is right, the day is not there (2026-02-30, 2026-13-01)
                raise click.UsageError(
                    t("date.no_such_day_option", option=option, value=value, said=said), ctx
                ) from None
            raise click.UsageError(
                t("cli.bad_date", option=option, value=value, today=today()), ctx
            ) from None


_TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)(:[0-5]\d)?")


class DateOrTime(click.ParamType):
    """A day or a moment of it, YYYY-MM-DD[THH:MM[:SS]] (a space for the T too), given
    on as ISO text that compares with the server's timestamps (2026-12-06T08:00)."""

    name = "YYYY-MM-DD[THH:MM]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value).strip()
        day, _, moment = text.replace(" ", "T", 1).partition("T")
        try:
            parsed = datetime.strptime(day, "%Y-%m-%d").date()
        except ValueError:
            parsed = None
        clock = _TIME.fullmatch(moment) if moment else None
        if parsed is not None and (clock or not moment):
            if clock is None:
                return parsed.isoformat()
            return f"{parsed.isoformat()}T{int(clock[1]):02d}:{clock[2]}{clock[3] or ''}"
        if ctx is not None:
            use_language(ctx)
        option, said = _named(param), no_such_day(day) if parsed is None else None
        if said:  # the form is right, the day is not there (2026-02-30, 2026-13-01)
            raise click.UsageError(
                t("date.no_such_day_option", option=option, value=value, said=said), ctx
            )
        raise click.UsageError(
            t("cli.bad_date_time", option=option, value=value, today=today()), ctx
        )


class InputFile(click.Path):
    """A file to read; a folder named instead is refused in the chosen language."""

    def __init__(self) -> None:
        super().__init__(dir_okay=False, path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str | os.PathLike) and os.path.isdir(value):
            if ctx is not None:
                use_language(ctx)
            raise click.UsageError(t("cli.in.is_dir", path=value), ctx)
        return super().convert(value, param, ctx)


_NEGATIVE_NUMBER = re.compile(r"-\d+(\.\d+)?")


class NegativeNumbers(click.Command):
    """A command whose arguments may be negative numbers (`idle-lock -5`): they reach the
    command's own check of the value. Click reads every word starting with "-" as an
    option and refused "-5" as an unknown one; a mistyped option is still refused so. (An
    option of such a command whose value may start with "-" would need the "=" form.)"""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["context_settings"] = {
            **(kwargs.get("context_settings") or {}),
            "ignore_unknown_options": True,
        }
        super().__init__(*args, **kwargs)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        known = {name for param in self.get_params(ctx) for name in param.opts}
        known |= {name for param in self.get_params(ctx) for name in param.secondary_opts}
        for arg in args[: args.index("--")] if "--" in args else args:
            name = arg.split("=", 1)[0]
            if not arg.startswith("-") or arg == "-" or _NEGATIVE_NUMBER.fullmatch(arg):
                continue  # a value: "-" is standard input
            if name not in known:
                raise click.NoSuchOption(name, ctx=ctx)
        return super().parse_args(ctx, args)
