"""The field program's command tree as the tests walk it: every command with its path."""

from __future__ import annotations

from collections.abc import Iterator

import click

from fieldapp.cli import main


def every_command() -> Iterator[tuple[tuple[str, ...], click.Command]]:
    """(path, command) for the root (path `()`) and every command under it, each group
    before its commands, listed in the context its group gives (as `--help` lists them)."""

    def walk(
        command: click.Command, path: tuple[str, ...], parent: click.Context | None
    ) -> Iterator[tuple[tuple[str, ...], click.Command]]:
        yield path, command
        if isinstance(command, click.Group):
            ctx = click.Context(command, parent=parent, info_name=path[-1] if path else "fieldapp")
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                assert sub is not None
                yield from walk(sub, (*path, name), ctx)

    yield from walk(main, (), None)
