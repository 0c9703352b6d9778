"""A secret typed at the command line (a web user's password, the device PIN), hidden as
it is typed. Without a terminal (input piped, a service, ssh without a tty) Python's
getpass printed "Warning: Password input may be echoed." in English whatever the
language, and read the line anyway; here that line is read without the warning, and the
end of the input is told apart from Ctrl+C (`InputEnded`) so a command can say how to
give the secret another way."""

from __future__ import annotations

import os
import sys

import click


class InputEnded(click.Abort):
    """The input ran out before the secret was given (a script with nothing piped in)."""


def _terminal() -> bool:
    """Whether getpass can hide what is typed: it reads the controlling terminal, or
    stdin when that is one (Windows' console always)."""
    if os.name == "nt":
        return True
    try:
        os.close(os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY))
    except OSError:
        return sys.stdin.isatty()
    return True


def hidden_prompt(text: str, *, err: bool = False) -> str:
    """`text` asked, what is typed not shown. The prompt holds its own colon (密码：), so
    none is added."""
    if _terminal():
        return str(click.prompt(text, hide_input=True, err=err, prompt_suffix=""))
    click.echo(text, nl=False, err=err)
    line = sys.stdin.readline()
    click.echo(err=err)  # the prompt's line ends, as after hidden typing
    if not line:
        raise InputEnded
    return line.rstrip("\r\n")
