"""One language at a time: every main screen, F1's keys, the palette and a dialog, walked
in Chinese and in English, show no interface text of the other language.

What counts as a leak is taken from the catalogues, not guessed:
- in English, any run of Chinese characters that is not part of the data (venue, person
  and grid names, addresses, checklist texts the store holds in Chinese only) — UI text
  written in Chinese, or a catalogue entry missing from English;
- in Chinese, any word of the English interface vocabulary (the words of the English
  catalogue values, Textual's own prompts and key descriptions) that the Chinese
  catalogue does not use itself (English, PgDn, XLSX…) — Textual's untranslated strings
  such as "palette", "Search for commands", "Cursor up", or an English message.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pilot_support import screen_text, settle

from fieldapp import i18n
from fieldapp.i18n import set_language
from fieldapp.services.demo import workspace as demo
from fieldapp.store.models import (
    Answer,
    Finding,
    FindingEvent,
    Grid,
    Inspection,
    Person,
    Venue,
)
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.screens.home import HomeScreen

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")
WORD = re.compile(r"[A-Za-z]{3,}")
# Textual's own English that reaches the screen when nobody says it in our language.
TEXTUAL_ENGLISH = "palette Search for commands No matches found Keys Maximize Screenshot Theme Quit"
KEY_NAMES = {"esc", "tab", "enter", "space", "pgup", "pgdn", "home", "end", "ctrl", "shift"}

# (key to press from Home, what it opens): every main screen a supervisor reaches.
WALK = [
    ("f1", "keys"),
    ("slash", "find venue"),
    ("f2", "scan"),
    ("f5", "review"),
    ("f3", "incidents"),
    ("f6", "dashboard"),
    ("f7", "rounds"),
    ("f8", "daily report"),
    ("ctrl+e", "export"),
    ("ctrl+f12", "sync"),
    ("f11", "people"),
    ("ctrl+p", "palette"),
]


def data_texts() -> list[str]:
    """Chinese the store holds as data: a screen may show it (or a cut part) in English."""
    texts = [v for row in Venue.select(Venue.name, Venue.address).tuples() for v in row]
    texts += [name for (name,) in Person.select(Person.name).tuples()]
    texts += [name for (name,) in Grid.select(Grid.name).tuples()]
    texts += [v for row in Finding.select(Finding.description).tuples() for v in row]
    texts += [v for row in FindingEvent.select(FindingEvent.note).tuples() for v in row]
    texts += [v for row in Answer.select(Answer.note, Answer.value).tuples() for v in row]
    texts += [
        v
        for row in Inspection.select(
            Inspection.representative, Inspection.review_comment, Inspection.presence_note
        ).tuples()
        for v in row
    ]
    # The English catalogue's own Chinese, where it belongs (the language key says 中文).
    english = i18n._load()["en"]
    texts += [english[key] for key in CHINESE_IN_ENGLISH]
    return [text for text in texts if text]


# English messages that rightly hold Chinese: the language switch's 中文, and examples of
# what a user may type or a file may hold. Any other English entry with Chinese in it is
# a leak — it was once let through as "data" ("包保 lists" on People's keys and dialog).
CHINESE_IN_ENGLISH = frozenset({
    "binding.app.language", "binding.lock.language", "find.placeholder",
    "import.not_risk_level", "import.bad_sex", "schedule.bad_day",
    # --help: the Chinese headings an import file may hold, a campaign phase as typed
    "cli.help.admin.import-checkpoints", "cli.help.admin.import-grids",
    "cli.help.admin.import-kinds", "cli.help.admin.import-levels",
    "cli.help.admin.import-people", "cli.help.admin.import-people-registry",
    "cli.help.admin.import-routes", "cli.help.admin.import-venues",
    "cli.help.admin.campaign.phase",
})  # fmt: skip


def test_the_english_catalogue_holds_chinese_only_where_it_belongs() -> None:
    english = i18n._load()["en"]
    chinese = {key: text for key, text in english.items() if CJK.search(text)}
    assert {k: v for k, v in chinese.items() if k not in CHINESE_IN_ENGLISH} == {}


def english_vocabulary() -> set[str]:
    catalogs = i18n._load()
    chinese = {w.lower() for text in catalogs["zh"].values() for w in WORD.findall(text)}
    english = {w.lower() for text in catalogs["en"].values() for w in WORD.findall(text)}
    english |= {w.lower() for w in WORD.findall(TEXTUAL_ENGLISH)}
    return english - chinese - KEY_NAMES


def leaks(text: str, lang: str, data: list[str], vocabulary: set[str]) -> list[str]:
    if lang == "en":
        return [run for run in CJK.findall(text) if not any(run in d for d in data)]
    # Codes such as DM-0021, COM-04, T01-DM and file paths are data, not words.
    words = WORD.findall(re.sub(r"\b[A-Z]+-[\w-]+|/\S+", "", text))
    return [w for w in words if w.lower() in vocabulary]


async def back_home(app: FieldApp, pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(4):
        if isinstance(app.screen, HomeScreen) and not app.screen.query("KeysPanel"):
            return
        await pilot.press("f1" if app.screen.query("KeysPanel") else "escape")
        await settle(app, pilot, rounds=2)
    assert isinstance(app.screen, HomeScreen)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_every_screen_speaks_one_language(demo_home: Path, lang: str) -> None:
    demo.act_as("supervisor")
    set_language(lang)
    data, vocabulary = data_texts(), english_vocabulary()
    found: dict[str, list[str]] = {}
    app = make_app()
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(app, pilot, rounds=3)
            await back_home(app, pilot)
            found["home"] = leaks(screen_text(app), lang, data, vocabulary)
            for key, name in WALK:
                await pilot.press(key)
                await settle(app, pilot, rounds=2)
                if name == "palette":
                    await pilot.press(*"zzqx")  # nothing is called that: "no matches"
                    await pilot.pause(0.8)
                text = screen_text(app)
                found[name] = leaks(text, lang, data, vocabulary)
                if name == "dashboard":
                    for _ in range(3):  # every tab
                        await pilot.press("right")
                        await settle(app, pilot, rounds=2)
                        found[name] += leaks(screen_text(app), lang, data, vocabulary)
                if name == "people":  # its keys, and the cadre assignments' dialog
                    for key in ("f1", "f1", "b"):
                        await pilot.press(key)
                        await settle(app, pilot, rounds=2)
                        found[name] += leaks(screen_text(app), lang, data, vocabulary)
                if name == "review":
                    await pilot.press("i")  # the inspection list, and one inspection
                    await settle(app, pilot, rounds=2)
                    found["inspections"] = leaks(screen_text(app), lang, data, vocabulary)
                    await pilot.press("enter")
                    await settle(app, pilot, rounds=3)
                    found["inspection record"] = leaks(screen_text(app), lang, data, vocabulary)
                await back_home(app, pilot)
    finally:
        set_language("zh")
    assert {name: words for name, words in found.items() if words} == {}
