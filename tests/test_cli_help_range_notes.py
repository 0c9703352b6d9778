"""A range note in --help (an IntRange or FloatRange option) reads in the chosen language:
click wrote `x>=1` and `1<=x<=1440` under Chinese and English alike. It is 至少 1 / 1 至
1440 in Chinese, ≥ 1 / 1–1440 in English, never broken across two lines at 80 columns,
and a value out of range is refused with the same words."""

from __future__ import annotations

from collections.abc import Iterator

import click
import pytest
from cli_commands import every_command
from click.testing import CliRunner

from fieldapp.cli import main

NO_BREAK = "\xa0"  # the space a range note is written with, so no line breaks there

NOTES = {
    "zh": {
        ("demo",): ["[默认：360；至少 1]", "[默认：0；至少 0]"],
        ("web",): ["1 至 1440]"],
        ("serve",): ["1 至 64]"],
        ("admin", "alerts"): ["1 至 10000]"],
        ("admin", "audit"): ["[至少 1]"],
    },
    "en": {
        ("demo",): ["[default: 360; ≥ 1]", "[default: 0; ≥ 0]"],
        ("web",): ["1–1440]"],
        ("serve",): ["1–64]"],
        ("admin", "alerts"): ["1–10000]"],
        ("admin", "audit"): ["[≥ 1]"],
    },
}


def _help(lang: str, path: tuple[str, ...]) -> str:
    result = CliRunner().invoke(main, ["--lang", lang, *path, "--help"], terminal_width=80)
    assert result.exit_code == 0, result.output
    return result.output


def _ranged_commands() -> Iterator[tuple[str, ...]]:
    """Every command with a range option."""
    ranges = (click.IntRange, click.FloatRange)
    for path, command in every_command():
        if any(isinstance(param.type, ranges) for param in command.params):
            yield path


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_range_note_reads_in_the_language_and_stays_on_one_line(lang: str) -> None:
    ranged = set(_ranged_commands())
    assert ranged >= set(NOTES[lang]), ranged  # the commands below still have their ranges
    for path in ranged:
        shown = _help(lang, path)
        assert "x>=" not in shown and "<=x" not in shown, (path, shown)
        read = " ".join(shown.replace(NO_BREAK, " ").split())  # as read, lines joined
        for note in NOTES[lang].get(path, []):
            assert note in read, (path, note, shown)


def test_a_range_note_past_the_line_end_moves_whole_to_the_next() -> None:
    """At 80 columns the Chinese --idle-minutes note broke as "1 至" / "1440]"; the
    English --venues one as "≥" / "1]"."""
    chinese = _help("zh", ("web",))
    assert f"1{NO_BREAK}至{NO_BREAK}1440]" in chinese
    english = _help("en", ("demo",))
    assert f"≥{NO_BREAK}1]" in english


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "错误：--venues 的 0 超出范围（至少 1）"),
        ("en", "Error: --venues 0 is out of range (≥ 1)"),
    ],
)
def test_a_value_out_of_range_is_refused_with_the_same_words(lang: str, said: str) -> None:
    result = CliRunner().invoke(main, ["--lang", lang, "demo", "--venues", "0"])
    assert result.exit_code == 2
    assert said in result.output, result.output
