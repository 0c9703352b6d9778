"""What the cold start to the home screen does not pay for: modules home does not need
before its first frame (a dialog's TextArea, the office-data checks, the follow-ups, the
people models, the TOML reader, the findings' state machine and the handling of refused
records, the check of a scan and the placard's signature, rich's emoji names, the PIN
screens when no PIN is asked), the catalogue modules one by one (they are read merged),
and parsing the shipped activity types again when the file has not changed."""

from __future__ import annotations

import hashlib
import marshal
import os
from pathlib import Path

import pytest
from tui_start_support import tui_started

from fieldapp import i18n
from fieldapp.paths import ACTIVITIES_FILE
from fieldapp.services.activities import types as activity_types
from fieldapp.services.common import settings

ROOT = Path(__file__).resolve().parent.parent

NOT_BEFORE_THE_FIRST_FRAME = (
    "textual.widgets._text_area",  # the wedge asked `isinstance(focused, TextArea)`
    "textual.document",
    "fieldapp.domain.expressions",  # the office-data checks, through the kinds' names
    "fieldapp.domain.expr_types",
    "fieldapp.domain.assessment",
    "fieldapp.domain.conditions",  # the follow-ups, through home's FollowupsDue message
    "fieldapp.services.followups.plans",
    "fieldapp.store.personal_data",  # the people models, through the lock and the outbox
    "fieldapp.store.people_models",
    "tomllib",  # the shipped activity types, parsed at every home read
    "fieldapp.services.inspection.findings",  # the home read: open findings, their machine
    "fieldapp.domain.findings",
    "fieldapp.services.common.refused_records",  # and the conditions on refused records
    "fieldapp.store.incident_models",
    "fieldapp.domain.presence",  # the server's check of a scan, for the scan sources' names
    "fieldapp.domain.placard",
    "rich._emoji_codes",  # rich's emoji names, through a column heading read as markup
    "fieldapp.tui.screens.lock",  # the PIN screens, through F9's check for open dialogs
)


def _modules_at_the_first_frame() -> list[str]:
    """Launch the TUI as `fieldapp` does and list the modules loaded when home's data is
    first shown."""
    seen = tui_started(
        "seen.extend(sorted(sys.modules))\n", before="seen = []\n", after="print(' '.join(seen))\n"
    )
    return seen.split()


def test_home_shows_without_what_it_does_not_need(demo_home: Path) -> None:
    _modules_at_the_first_frame()  # the first start stores the shipped types' tables
    loaded = _modules_at_the_first_frame()
    assert "fieldapp.tui.screens.home" in loaded  # it did reach the first frame
    assert [m for m in NOT_BEFORE_THE_FIRST_FRAME if m in loaded] == []
    assert [m for m in loaded if m.startswith("fieldapp.i18n.catalog_")] == []


@pytest.fixture
def catalogue_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The merged catalogues kept in a file of the test's own, read afresh."""
    cache = tmp_path / "catalogues.marshal"
    monkeypatch.setattr(i18n, "_CACHE", str(cache))
    monkeypatch.setattr(i18n, "_catalogs", None)
    return cache


def test_the_catalogues_read_merged_are_the_modules_merged(catalogue_cache: Path) -> None:
    made = i18n._load()
    assert catalogue_cache.is_file()
    assert made == i18n._imported() and made["zh"]["app.title"] == "网格化巡查"
    i18n._catalogs = None
    read = i18n._load()  # from the file now
    assert read == made
    assert list(read["en"]) == list(made["en"])  # the same order: a later module wins


def test_merged_catalogues_of_other_sources_are_not_used(catalogue_cache: Path) -> None:
    sources = i18n._sources()
    other = [(name, mtime + 1, size) for name, mtime, size in sources[:1]] + sources[1:]
    stale = {"zh": {"app.title": "旧的"}, "en": {"app.title": "Old"}}
    catalogue_cache.write_bytes(marshal.dumps({"sources": other, "catalogs": stale}))
    assert i18n._load()["zh"]["app.title"] == "网格化巡查"  # a catalogue was edited since
    i18n._catalogs = None
    assert i18n._load()["zh"]["app.title"] == "网格化巡查"  # and the file was made again
    assert marshal.loads(catalogue_cache.read_bytes())["sources"] == sources


def test_merged_catalogues_that_cannot_be_kept_still_load(
    catalogue_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = catalogue_cache.parent / "a-file"  # where the cache's directory would be
    blocker.write_text("")
    monkeypatch.setattr(i18n, "_CACHE", str(blocker / "catalogues.marshal"))
    assert i18n._load()["zh"]["app.title"] == "网格化巡查"
    assert os.listdir(catalogue_cache.parent) == ["a-file"]  # no partial file left either


def test_the_shipped_types_are_parsed_when_the_file_changed(home: Path) -> None:
    from_file = activity_types.shipped_types(ACTIVITIES_FILE)  # a path given: always parsed
    assert activity_types.shipped_types() == from_file  # nothing stored yet
    activity_types.load_shipped_types()
    held = settings.get(activity_types.SHIPPED_SETTING)
    assert held["sha256"] == hashlib.sha256(ACTIVITIES_FILE.read_bytes()).hexdigest()
    assert activity_types.shipped_types() == from_file
    # Tables stored for this very text are what is read (the file is not parsed again)...
    renamed = [{**held["types"][0], "zh": "改过的名字"}, *held["types"][1:]]
    settings.put(activity_types.SHIPPED_SETTING, {**held, "types": renamed})
    assert activity_types.shipped_types()[0].zh == "改过的名字"
    # ...but tables stored for another text (the file changed since) are not.
    settings.put(activity_types.SHIPPED_SETTING, {"sha256": "0" * 64, "types": renamed})
    assert activity_types.shipped_types() == from_file
    activity_types.load_shipped_types()  # the next start stores the file's tables again
    assert settings.get(activity_types.SHIPPED_SETTING)["types"] == held["types"]


def test_a_text_area_still_takes_a_burst_as_typing() -> None:
    """The wedge no longer imports TextArea; a focused one still types a fast burst (no
    hotkeys), as an Input does, once a dialog has brought it in."""
    from textual.widgets import Input, Label, TextArea

    from fieldapp.tui.widgets.wedge import typing_field

    assert typing_field(TextArea()) and typing_field(Input())
    assert not typing_field(Label()) and not typing_field(None)
