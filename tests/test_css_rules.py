"""The stylesheets parsed once and kept for the next start (`fieldapp.tui.css_rules`): the
rules read back are the ones Textual parses, the second start parses nothing, and a text
with errors, another theme or a file that is not ours changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pilot_support import SIZE
from snapshot_support import tables_settled
from textual.css import stylesheet as textual_stylesheet
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet, StylesheetParseError
from textual.widgets import DataTable, Header

from fieldapp.tui import css_rules
from fieldapp.tui.app import FieldApp, make_app

APP_CSS = Path(css_rules.__file__).with_name("app.tcss")


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The parsed texts kept in a file of the test's own; Textual's own parsing after."""
    path = tmp_path / "css-rules.pickle"
    monkeypatch.setattr(css_rules, "_file", lambda: str(path))
    yield path
    css_rules.stop_keeping_parsed()


def _parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts Textual parses from now on."""
    seen: list[str] = []
    parse = textual_stylesheet.parse

    def parsing(scope: str, css: str, *args: object, **kwargs: object) -> object:
        seen.append(css)
        return parse(scope, css, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(textual_stylesheet, "parse", parsing)
    return seen


def _facts(rule: RuleSet) -> tuple[object, ...]:
    """What a rule says (a layout compares by its kind: each parse makes a new one)."""
    said = {
        name: type(value) if name == "layout" else value
        for name, value in rule.styles.get_rules().items()
    }
    return (
        said,
        rule.selector_set,
        rule.errors,
        rule.is_default_rules,
        rule.tie_breaker,
        rule.selector_names,
        rule.pseudo_classes,
    )


def _stylesheet(variables: dict[str, str]) -> Stylesheet:
    """The app's own CSS and the DEFAULT_CSS of widgets home shows, as the app adds them."""
    sheet = Stylesheet(variables=variables)
    sheet.read(APP_CSS)
    for widget in (DataTable, Header):
        sheet.add_source(widget.DEFAULT_CSS, (widget.__name__, "DEFAULT_CSS"), True, -1, "")
    sheet.parse()
    return sheet


def test_the_rules_read_back_are_the_rules_textual_parses(
    kept: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    variables = FieldApp().get_css_variables()
    stock = _stylesheet(variables)
    css_rules.keep_parsed()
    first = _stylesheet(variables)
    css_rules.stop_keeping_parsed()
    assert kept.is_file()
    parsed = _parsed(monkeypatch)
    css_rules.keep_parsed()  # the next start
    again = _stylesheet(variables)
    css_rules.stop_keeping_parsed()
    assert parsed == []  # every text came from the file
    for sheet in (first, again):
        assert sheet.css == stock.css
        assert [_facts(rule) for rule in sheet.rules] == [_facts(rule) for rule in stock.rules]
    assert Stylesheet._parse_rules is css_rules._parse_rules  # Textual's own again


def test_another_theme_parses_anew(kept: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = FieldApp()
    css_rules.keep_parsed()
    _stylesheet(app.get_css_variables())
    css_rules.stop_keeping_parsed()
    parsed = _parsed(monkeypatch)
    app.theme = "textual-light"
    css_rules.keep_parsed()
    light = _stylesheet(app.get_css_variables())
    css_rules.stop_keeping_parsed()
    assert len(parsed) == 3  # the app's CSS and both widgets', with the light theme's colours
    assert light.css == _stylesheet(app.get_css_variables()).css


def test_a_text_with_errors_is_reported_each_time(kept: Path) -> None:
    for _ in range(2):
        css_rules.keep_parsed()
        sheet = Stylesheet()
        sheet.add_source("#me-name { colour: red; }", ("bad.tcss", ""))
        with pytest.raises(StylesheetParseError):
            sheet.parse()
        css_rules.stop_keeping_parsed()
    assert not kept.exists()


def test_a_file_that_is_not_ours_is_parsed_anew(kept: Path) -> None:
    kept.write_bytes(b"not a pickle")
    variables = FieldApp().get_css_variables()
    css_rules.keep_parsed()
    sheet = _stylesheet(variables)
    css_rules.stop_keeping_parsed()
    assert sheet.css == _stylesheet(variables).css
    assert kept.read_bytes() != b"not a pickle"  # written again with this start's texts


async def _home_screenshot() -> str:
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await tables_settled(pilot)
        return app.export_screenshot()


@pytest.mark.usefixtures("chinese_in_utc", "frozen_clock", "demo_home")
async def test_home_drawn_with_kept_rules_is_home_drawn_with_parsed_ones(kept: Path) -> None:
    stock = await _home_screenshot()
    css_rules.keep_parsed()
    await _home_screenshot()  # parsed, and kept
    css_rules.stop_keeping_parsed()
    css_rules.keep_parsed()  # the next start: every rule from the file
    again = await _home_screenshot()
    css_rules.stop_keeping_parsed()
    assert again == stock
