"""F1 lists Textual's own keys (tab, ctrl+pgup, ctrl+c…) in our wording: English read
Textual's 'Page Left', 'Focus Next', 'Copy selected text', capitalised unlike ours; every
key there now says what it does in sentence case, and in Chinese in Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pilot_support import settle

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


async def _f1_rows(app, pilot) -> dict[str, str]:  # type: ignore[no-untyped-def]
    await pilot.press("f1")
    await settle(app, pilot)
    rows = dict(app.screen.query_one(KeysPanel).rows())
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
        search = await _f1_rows(app, pilot)
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
