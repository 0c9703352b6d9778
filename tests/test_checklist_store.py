"""Loading checklist files into the store, keeping the last good version, and lookups."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.domain import checklist_toml
from fieldapp.domain.kinds import VENUE_KINDS
from fieldapp.paths import CHECKLISTS_DIR
from fieldapp.services.common import checklists as svc
from fieldapp.store import close_store, open_store
from fieldapp.store.models import Checklist as ChecklistRow

SMALL = """\
id = "{id}"
version = {version}
kinds = [{kinds}]
title_zh = "出租房巡查表"
title_en = "Rental housing checklist"

[[sections]]
code = "RNT"
zh = "出租房专项检查"
en = "Rental housing checks"

[[sections.items]]
code = "RNT-01"
zh = "{zh}"
en = "Tenants (count)"
answer = "number"
severity = "general"
rectification_days = 3
"""


def _write(
    directory: Path,
    name: str,
    *,
    version: int = 1,
    zh: str = "租客人数",
    cid: str = "rental_housing",
    kinds: str = '"rental_housing"',
) -> Path:
    path = directory / name
    path.write_text(SMALL.format(id=cid, version=version, zh=zh, kinds=kinds), encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Path]:
    open_store(tmp_path / "s.sqlite3")
    svc.clear_cache()
    yield tmp_path
    close_store()
    svc.clear_cache()


@pytest.fixture
def files(tmp_path: Path) -> Path:
    directory = tmp_path / "checklists"
    directory.mkdir()
    return directory


# The shipped versions: the epidemic items moved to the epidemic campaign (2), then the
# domain review's fixes (every file), then the date of something done is never after today
# (`past`: small_restaurant's CAT-05, small_school's SCH-07), then English labels for the
# options of choices (every file but small_restaurant's, which has none), then counts are
# whole numbers (`integer`: every file's extinguishers), then English basis lines
# (`basis_en`: every file).
THIRD = ("market", "hotel", "supermarket", "small_restaurant", "internet_cafe", "rental_housing")
SHIPPED_VERSIONS = {kind: 6 if kind in THIRD else 5 for kind in VENUE_KINDS}
SHIPPED_VERSIONS["small_school"] = 6


def test_shipped_checklists_load_into_a_fresh_store(store: Path) -> None:
    report = svc.load_checklists()
    assert report.ok, report.messages()
    assert sorted(report.loaded) == sorted(SHIPPED_VERSIONS.items())
    assert ChecklistRow.select().count() == len(VENUE_KINDS)
    for kind in VENUE_KINDS:
        checklist = svc.checklist_for_kind(kind)
        assert checklist.id == kind and checklist.version == SHIPPED_VERSIONS[kind]
    restaurant = svc.get_checklist("small_restaurant", SHIPPED_VERSIONS["small_restaurant"])
    assert restaurant.item("CAT-03").severity == "major"
    row = ChecklistRow.get(
        checklist_id="small_restaurant", version=SHIPPED_VERSIONS["small_restaurant"]
    )
    assert row.source == "small_restaurant.toml" and len(row.sha256) == 64 and row.loaded_at


def test_second_start_up_is_unchanged_and_does_not_parse(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    svc.load_checklists()

    def must_not_parse(text: str, source: str) -> None:
        raise AssertionError(f"{source} was parsed although its sha256 is stored")

    monkeypatch.setattr(checklist_toml, "load_checklist_text", must_not_parse)
    report = svc.load_checklists()
    assert report.loaded == [] and report.errors == [] and report.kept == []
    assert report.unchanged == len(VENUE_KINDS)


def test_lookups_come_from_the_store_after_a_restart(store: Path, files: Path) -> None:
    _write(files, "rental_housing.toml")
    svc.load_checklists(files)
    db_path = store / "s.sqlite3"
    close_store()
    svc.clear_cache()
    open_store(db_path)
    assert svc.get_checklist("rental_housing", 1).item("RNT-01").zh == "租客人数"


def test_invalid_file_does_not_replace_the_last_good_version(store: Path, files: Path) -> None:
    from fieldapp.i18n import set_language

    set_language("en")  # the problems in English (pinned; the Chinese: test_checklist_validation)
    path = _write(files, "rental_housing.toml")
    assert svc.load_checklists(files).loaded == [("rental_housing", 1)]

    # Version 2 arrives broken: it is reported and not loaded; version 1 stays in use.
    text = SMALL.format(id="rental_housing", version=2, zh="", kinds='"rental_housing"')
    path.write_text(text.replace('severity = "general"', 'severity = "sever"'), encoding="utf-8")
    report = svc.load_checklists(files)
    assert report.loaded == []
    assert {(e.file, e.item_code) for e in report.errors} == {("rental_housing.toml", "RNT-01")}
    assert len(report.errors) == 2  # empty zh and bad severity, both reported
    assert not report.ok
    assert any("rental_housing.toml:" in line for line in report.messages())
    assert svc.stored_versions("rental_housing") == [1]
    assert svc.checklist_for_kind("rental_housing").version == 1


def test_same_version_with_different_text_keeps_the_stored_one(store: Path, files: Path) -> None:
    path = _write(files, "rental_housing.toml")
    svc.load_checklists(files)
    _write(files, "rental_housing.toml", zh="改过的文字")
    report = svc.load_checklists(files)
    assert report.loaded == []
    assert [(k.id, k.version, k.source) for k in report.kept] == [("rental_housing", 1, path.name)]
    assert report.messages()  # something to show
    assert svc.get_checklist("rental_housing", 1).item("RNT-01").zh == "租客人数"


def test_checklist_for_kind_returns_the_newest_version(store: Path, files: Path) -> None:
    _write(files, "rental_housing.toml")
    svc.load_checklists(files)
    _write(files, "rental_housing.toml", version=2, zh="租客人数(第2版)")
    report = svc.load_checklists(files)
    assert report.loaded == [("rental_housing", 2)]
    newest = svc.checklist_for_kind("rental_housing")
    assert newest.version == 2 and newest.item("RNT-01").zh == "租客人数(第2版)"
    # Inspections pinned to version 1 still find it.
    assert svc.get_checklist("rental_housing", 1).item("RNT-01").zh == "租客人数"
    assert svc.stored_versions("rental_housing") == [1, 2]


def test_a_checklist_named_for_the_kind_wins_over_a_shared_one(store: Path, files: Path) -> None:
    _write(
        files, "shared.toml", cid="shared_fire", version=5, kinds='"rental_housing", "three_in_one"'
    )
    _write(files, "rental_housing.toml")
    svc.load_checklists(files)
    assert svc.checklist_for_kind("rental_housing").id == "rental_housing"
    assert svc.checklist_for_kind("three_in_one").id == "shared_fire"


def test_unknown_kind_and_version_raise(store: Path) -> None:
    with pytest.raises(svc.ChecklistNotFound):
        svc.checklist_for_kind("market")
    with pytest.raises(svc.ChecklistNotFound):
        svc.get_checklist("market", 1)


def test_unreadable_file_is_reported(store: Path, files: Path) -> None:
    (files / "broken.toml").write_bytes(b"\xff\xfe not utf-8")
    shutil.copy(CHECKLISTS_DIR / "market.toml", files / "market.toml")
    report = svc.load_checklists(files)
    assert report.loaded == [("market", SHIPPED_VERSIONS["market"])]
    assert [e.file for e in report.errors] == ["broken.toml"]


def test_get_checklist_is_cached(store: Path, files: Path) -> None:
    _write(files, "rental_housing.toml")
    svc.load_checklists(files)
    svc.clear_cache()
    first = svc.get_checklist("rental_housing", 1)
    assert svc.get_checklist("rental_housing", 1) is first


def store_as_pulled(directory: Path) -> int:
    """Store every checklist of `directory` as a pull does: the server's normalised JSON
    body, its sha256 (of the canonical JSON, not of the file's text)."""
    import json

    from fieldapp.domain.canonical import payload_hash
    from fieldapp.domain.checklist_toml import load_checklist_text

    count = 0
    for path in sorted(directory.glob("*.toml")):
        body = json.loads(
            json.dumps(load_checklist_text(path.read_text("utf-8"), path.name).to_dict())
        )
        ChecklistRow.insert(
            checklist_id=body["id"],
            version=body["version"],
            kinds=body["kinds"],
            title_zh=body["title_zh"],
            title_en=body["title_en"],
            body=body,
            sha256=payload_hash(body),
            source=path.name,
            loaded_at="2026-06-01T00:00:00.000Z",
        ).execute()
        count += 1
    return count


def test_a_version_pulled_from_the_server_is_unchanged_not_kept(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = store_as_pulled(CHECKLISTS_DIR)
    report = svc.load_checklists()
    assert report.ok, report.messages()  # no "kept version" warning at start-up
    assert report.messages() == []
    assert (report.loaded, report.unchanged) == ([], shipped)

    def must_not_parse(text: str, source: str) -> None:
        raise AssertionError(f"{source} was parsed although it was found unchanged before")

    monkeypatch.setattr(checklist_toml, "load_checklist_text", must_not_parse)
    again = svc.load_checklists()
    assert again.ok and again.unchanged == shipped


def test_a_pulled_version_with_other_content_is_still_kept(store: Path, files: Path) -> None:
    _write(files, "rental_housing.toml")
    store_as_pulled(files)
    path = _write(files, "rental_housing.toml", zh="改过的文字")
    report = svc.load_checklists(files)
    assert [(k.id, k.version, k.source) for k in report.kept] == [("rental_housing", 1, path.name)]
    assert svc.get_checklist("rental_housing", 1).item("RNT-01").zh == "租客人数"


def test_campaign_files_are_parsed_again_only_when_changed(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Shipped campaign files held already are not parsed at start-up; a file changed by
    an update (a new version) is, and its version is stored."""
    from fieldapp.domain import campaigns_toml
    from fieldapp.paths import CAMPAIGNS_DIR
    from fieldapp.services.common.campaigns import load_campaigns
    from fieldapp.store.campaign_models import Campaign as CampaignRow

    shipped = tmp_path / "campaigns"
    shutil.copytree(CAMPAIGNS_DIR, shipped)
    assert len(load_campaigns(shipped).loaded) == len(list(shipped.glob("*.toml")))
    parse = campaigns_toml.load_campaign_text
    parsed: list[str] = []

    def counting(text: str, source: str):  # type: ignore[no-untyped-def]
        parsed.append(source)
        return parse(text, source)

    monkeypatch.setattr(campaigns_toml, "load_campaign_text", counting)
    assert load_campaigns(shipped).loaded == [] and parsed == []
    changed = shipped / "epidemic.toml"
    changed.write_text(changed.read_text(encoding="utf-8").replace("version = 2", "version = 3"))
    assert load_campaigns(shipped).loaded == [("epidemic", 3)]
    assert parsed == ["epidemic.toml"]
    assert CampaignRow.select().where(CampaignRow.code == "epidemic").count() == 2
