"""F1 lists Textual's own keys (tab, ctrl+pgup, ctrl+c…) in our wording: English read
Textual's 'Page Left', 'Focus Next', 'Copy selected text', capitalised unlike ours; every
key there now says what it does in sentence case, and in Chinese in Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pilot_support import settle
from textual.widgets import Static

from fieldapp.tui.app import make_app
from fieldapp.tui.widgets.keys_panel import KeysPanel

EXPECTED = {
    "en": {
        "tab": "Next field or list",
        "shift+tab": "Previous field or list",
        "^pgup": "Scroll a page left",
        "^pgdn": "Scroll a page right",
        "^c super+c": "Copy the selected text",
    },  # fmt: skip
    "zh": {
        "tab": "到下一栏",
        "shift+tab": "到上一栏",
        "^pgup": "向左翻页",
        "^pgdn": "向右翻页",
        "^c super+c": "复制选中文字",
    },  # fmt: skip
}


async def _f1_rows(app, pilot, drawn: list[str] | None = None) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The keys F1 lists, and the lines it draws them on in `drawn`."""
    await pilot.press("f1")
    await settle(app, pilot)
    panel = app.screen.query_one(KeysPanel)
    rows = dict(panel.rows())
    table = panel.query_one(Static)
    if drawn is not None:
        drawn += [table.render_line(y).text for y in range(table.size.height)]
    await pilot.press("escape")
    await settle(app, pilot)
    return rows


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_textuals_keys_in_f1_read_as_ours(demo_home: Path, lang: str) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=3)
        home = await _f1_rows(app, pilot)  # the due list: a table's keys
        await pilot.press("slash")  # the venue search: a field's editing keys
        await settle(app, pilot, rounds=2)
        drawn: list[str] = []
        search = await _f1_rows(app, pilot, drawn)
    if lang == "zh":  # a label of one phrase whole on its line (not 删除光标左边全 / 部)
        broken = [d for d in search.values() if "（" not in d and not any(d in x for x in drawn)]
        assert broken == [], broken
    for where, rows in (("home", home), ("search", search)):
        for keys, description in EXPECTED[lang].items():
            assert rows.get(keys) == description, (where, keys, rows.get(keys))
        for keys, description in rows.items():
            if keys == "f9":  # the other language, named in it
                continue
            if lang == "en":  # sentence case: no word after the first capitalised
                assert not [w for w in description.split()[1:] if w[:1].isupper()], (
                    where,
                    keys,
                    description,
                )
            else:
                assert not re.search("[A-Za-z]{3,}", description), (where, keys, description)


# A table's home/end read "Home"/"End" in English: the key's own name, capitalised as the
# Home screen is, beside the key column's "home"; Chinese said 到开头/到末尾, as a field's
# home/end do, for what moves to the first or last column.
TABLE = {
    "en": {"home": "First column", "end": "Last column", "^home": "First row", "^end": "Last row"},
    "zh": {"home": "到第一列", "end": "到最后一列", "^home": "到第一行", "^end": "到最后一行"},
}


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_f1_says_what_a_table_s_home_and_end_do(demo_home: Path, lang: str) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=3)
        rows = await _f1_rows(app, pilot)  # the due list: a table
    assert {keys: rows.get(keys) for keys in TABLE[lang]} == TABLE[lang]
    # No key is described by its own name ("home  Home").
    assert [k for k, d in rows.items() if d.lower() in k.lower().split()] == []
