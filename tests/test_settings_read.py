"""A setting is read with a fixed statement (`store.models.SETTING_VALUE_SQL`), not a query
peewee builds (~10 reads before home's first frame), and reads what the model reads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from peewee import Database

from fieldapp.services.common import settings
from fieldapp.store.models import Setting

VALUES: list[Any] = [
    {"cadence": {"shop": 30}, "names": ["鼎美村", "x"]},
    "en",
    ["a", 1, 2.5, None],
    7,
    1.25,
    True,
    "",
]


def _as_the_model_reads(key: str, default: Any) -> Any:
    row = Setting.get_or_none(Setting.key == key)
    return default if row is None else row.value


def test_a_setting_reads_what_the_model_reads(home: Path) -> None:
    for number, value in enumerate(VALUES):
        settings.put(f"key.{number}", value)
    for number, value in enumerate(VALUES):
        read = settings.get(f"key.{number}", "default")
        assert read == value == _as_the_model_reads(f"key.{number}", "default")
        assert type(read) is type(value)
    assert settings.get("no.such.key") is None
    assert (
        settings.get("no.such.key", {"a": 1})
        == {"a": 1}
        == _as_the_model_reads("no.such.key", {"a": 1})
    )
    settings.put("key.0", "changed")
    assert settings.get("key.0") == "changed"


def test_a_setting_is_read_without_building_a_query(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.put("language", "en")

    def built(*args: object, **kwargs: object) -> None:
        raise AssertionError("peewee built a query")

    monkeypatch.setattr(Database, "execute", built)
    assert settings.get("language") == "en"
    assert settings.language() == "en"
