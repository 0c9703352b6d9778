"""Venue kinds, grid levels and settings the office publishes; devices pull each change.

    fieldapp admin import-kinds kinds.csv      (code, zh, en; prefix, cadence_days,
                                                precautions_zh, precautions_en, attributes,
                                                short_zh, short_en)
    fieldapp admin import-levels levels.csv    (code, zh, en, depth; report_deadline)
    fieldapp admin setting set cadence_days '{"hotel": 14}'

Imports are all or nothing, with every bad row named (`sync.server.tables`). Each row
written appends one feed entry visible to every device (`kind`, `grid_level`, `setting`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from fieldapp.domain.clock import OFFICE_ZONE_SETTING
from fieldapp.domain.expr_types import VENUE_ATTRIBUTES
from fieldapp.domain.kinds import GRID_LEVELS, VENUE_KINDS
from fieldapp.domain.office import (
    CODE_RE,
    PREFIX_RE,
    TIME_RE,
    GridLevel,
    VenueKind,
    catalogue_texts,
    precaution_lines,
    setting_problem,
)
from fieldapp.domain.text_bounds import KIND_NAME_MAX, OFFICE_CODE_MAX
from fieldapp.i18n import listed, t, venue_kinds
from fieldapp.i18n.choice_names import ChoiceNames
from sync.server import audit, headers
from sync.server import db as server_db
from sync.server.feed import NewChange, append_changes
from sync.server.models import Checklist, Venue
from sync.server.office_models import GridLevelRow, OfficeSetting, VenueKindRow
from sync.server.office_time import office_zone_name
from sync.server.tables import (
    ImportRefused,
    Quoted,
    Row,
    RowError,
    also_on_row,
    check_lengths,
    read_table,
)

ATTRIBUTE_SPLIT = re.compile(r"[;,，；、\s]+")


class AttributeNames(Quoted):
    """The venue attributes a kinds file may name, as a refusal lists them: by the
    Chinese names import-venues reads as columns (房间数、员工数) in Chinese, by their
    codes (rooms, staff) in English."""

    def said(self, lang: str) -> str:
        if lang == "zh":
            return listed((headers.VENUES[name][0] for name in self), lang)
        return listed(self, lang)


def _attribute_named() -> dict[str, str]:
    """Each name a venue attribute goes by (rooms, 房间数, Rooms) -> its code: the names
    import-venues reads as its columns."""
    return {
        alias.casefold(): name
        for name in VENUE_ATTRIBUTES
        for alias in (name, *headers.VENUES[name])
    }


# A kind's names and short names: one line of a list, a filter, a placard's heading.
KIND_NAMES_MAX = {
    "zh": KIND_NAME_MAX,
    "en": KIND_NAME_MAX,
    "short_zh": KIND_NAME_MAX,
    "short_en": KIND_NAME_MAX,
}


def known_kinds() -> tuple[str, ...]:
    """The shipped kinds and those the office added, in that order."""
    added = [row.code for row in VenueKindRow.select(VenueKindRow.code).order_by(VenueKindRow.code)]
    return (*VENUE_KINDS, *(code for code in added if code not in VENUE_KINDS))


def known_levels() -> tuple[str, ...]:
    rows = GridLevelRow.select(GridLevelRow.code).order_by(GridLevelRow.depth, GridLevelRow.code)
    return (*GRID_LEVELS, *(r.code for r in rows if r.code not in GRID_LEVELS))


def kinds() -> list[VenueKind]:
    return [VenueKind.from_dict(r.body) for r in VenueKindRow.select().order_by(VenueKindRow.code)]


def levels() -> list[GridLevel]:
    query = GridLevelRow.select().order_by(GridLevelRow.depth, GridLevelRow.code)
    return [GridLevel.from_dict(r.body) for r in query]


def publish_names() -> None:
    """The server's kinds and levels by name in this process's catalogues (the office's
    placards and lists name a kind it added as devices do)."""
    from fieldapp.i18n import add_texts

    add_texts(*catalogue_texts(kinds(), levels()))


def kinds_without_checklist() -> list[str]:
    """The kinds the office added that venues here are of and no published checklist
    covers: their venues cannot be inspected until one is (the shipped kinds ship with
    their checklists)."""
    covered = {kind for row in Checklist.select(Checklist.kinds) for kind in row.kinds or ()}
    used = {row.kind for row in Venue.select(Venue.kind).distinct()}
    return [k for k in known_kinds() if k in used and k not in covered and k not in VENUE_KINDS]


def settings() -> dict[str, Any]:
    """The settings the office published (not its time zone, which the server itself
    tells devices from `FIELDAPP_OFFICE_TZ`)."""
    rows = OfficeSetting.select().where(OfficeSetting.key != OFFICE_ZONE_SETTING)
    return {r.key: r.value for r in rows.order_by(OfficeSetting.key)}


def _text(errors: list[RowError], row: Row, column: str) -> str:
    value = row.get(column)
    if not value:
        errors.append(RowError(row.number, column, "import.cell_empty"))
    return value


def _code(errors: list[RowError], row: Row, seen: dict[str, int]) -> str:
    code = row.get("code")
    if len(code) > OFFICE_CODE_MAX:  # said as too long, not as a code of bad letters
        errors.append(
            RowError(
                row.number,
                "code",
                "import.too_long",
                {"length": len(code), "limit": OFFICE_CODE_MAX},
            )
        )
    elif not code:  # not said as “”不能用作编码
        errors.append(RowError(row.number, "code", "import.cell_empty"))
    elif not CODE_RE.match(code):
        errors.append(RowError(row.number, "code", "import.bad_code", {"code": code}))
    elif code in seen:
        errors.append(also_on_row(row, "code", code, seen[code]))
    seen[code] = row.number
    return code


def _whole(errors: list[RowError], row: Row, column: str, low: int, high: int) -> int:
    text = row.get(column)
    try:
        value = int(text)
    except ValueError:
        value = low - 1
    if not low <= value <= high:
        errors.append(
            RowError(
                row.number, column, "import.not_whole", {"value": text, "low": low, "high": high}
            )
        )
    return value


def import_kinds(path: Path | str) -> int:
    table = read_table(path, ("code", "zh", "en"), headers.KINDS)
    rows = table.rows
    errors: list[RowError] = list(table.problems)
    seen: dict[str, int] = {}
    found: list[VenueKind] = []
    named = _attribute_named()  # 房间数 is rooms, as import-venues reads its columns
    taken = _names_held(rows, known_kinds(), ("kind", "kind_short"))
    for row in rows:
        code = _code(errors, row, seen)
        if code in VENUE_KINDS:  # its names, placard and checklists ship with the program
            _shipped(errors, row, "import.shipped_kind", {code: 14})
        zh, en = _text(errors, row, "zh"), _text(errors, row, "en")
        check_lengths(errors, row, KIND_NAMES_MAX)
        _names_free(errors, row, tuple(KIND_NAMES_MAX), taken, "kind")
        prefix = row.get("prefix")
        if prefix and not PREFIX_RE.match(prefix):
            errors.append(RowError(row.number, "prefix", "import.bad_prefix", {"value": prefix}))
        days = _whole(errors, row, "cadence_days", 1, 366) if row.get("cadence_days") else 30
        written = [a for a in ATTRIBUTE_SPLIT.split(row.get("attributes")) if a]
        for name in written:
            if name.casefold() not in named:
                errors.append(
                    RowError(
                        row.number,
                        "attributes",
                        "import.not_attribute",
                        {"value": name, "allowed": AttributeNames(VENUE_ATTRIBUTES)},
                    )
                )
        attributes = tuple(
            dict.fromkeys(named[a.casefold()] for a in written if a.casefold() in named)
        )
        found.append(
            VenueKind(
                code,
                zh,
                en,
                prefix,
                days,
                precaution_lines(row.get("precautions_zh")),
                precaution_lines(row.get("precautions_en")),
                attributes,
                row.get("short_zh"),
                row.get("short_en"),
            )  # fmt: skip
        )
    _publish(path, table.headers, errors, found, "kind", audit.KINDS_IMPORTED)
    return len(found)


def import_levels(path: Path | str) -> int:
    table = read_table(path, ("code", "zh", "en", "depth"), headers.LEVELS)
    rows = table.rows
    errors: list[RowError] = list(table.problems)
    seen: dict[str, int] = {}
    found: list[GridLevel] = []
    taken = _names_held(rows, known_levels(), ("grid_level", "grid_level_short"))
    for row in rows:
        code = _code(errors, row, seen)
        if code in GRID_LEVELS:  # its names and depth ship with the program
            _shipped(errors, row, "import.shipped_level", {code: "17:00"})
        zh, en = _text(errors, row, "zh"), _text(errors, row, "en")
        _names_free(errors, row, ("zh", "en"), taken, "level")
        depth = _whole(errors, row, "depth", 1, 9)
        deadline = row.get("report_deadline")
        if deadline and not TIME_RE.match(deadline):
            errors.append(
                RowError(row.number, "report_deadline", "import.not_time", {"value": deadline})
            )
        found.append(GridLevel(code, zh, en, depth, deadline))
    _publish(path, table.headers, errors, found, "grid_level", audit.LEVELS_IMPORTED)
    return len(found)


def _names_held(
    rows: Sequence[Row], codes: tuple[str, ...], prefixes: tuple[str, ...]
) -> dict[str, tuple[str, int]]:
    """Each name (lower case) a kind or level the file does not write goes by, shipped or
    the office's, in either language -> (its code, 0): the names an import finds it by."""
    publish_names()  # the office's kinds and levels named in the catalogues
    written = {row.get("code") for row in rows}
    kept = tuple(code for code in codes if code not in written)
    also = venue_kinds.LEDGER_ZH if prefixes[0] == "kind" else None
    return {name: (code, 0) for name, code in ChoiceNames(kept, prefixes, also).by_name.items()}


def _names_free(
    errors: list[RowError],
    row: Row,
    columns: tuple[str, ...],
    taken: dict[str, tuple[str, int]],
    what: str,
) -> None:
    """Refuse a name another kind or level goes by (on the server or an earlier row): a
    venue sheet naming it would get whichever the lookup found first, and a device's list
    would show the name twice. `taken` gets this row's names."""
    code = row.get("code")
    for column in columns:
        name = row.get(column).strip()
        if not name:
            continue
        other, number = taken.setdefault(name.lower(), (code, row.number))
        if other == code:
            continue
        if number:
            errors.append(also_on_row(row, column, name, number))
        else:
            values = {"name": name, "other": other}
            errors.append(RowError(row.number, column, f"import.name_taken.{what}", values))


def _shipped(errors: list[RowError], row: Row, key: str, example: dict[str, Any]) -> None:
    """Refuse a row naming a kind or level the program ships; `example` is the office
    setting that changes what an office may change of it, as docs/forms.md shows it."""
    (code,) = example
    values = {"code": code, "example": json.dumps(example, ensure_ascii=False)}
    errors.append(RowError(row.number, "code", key, values))


def _publish(
    path: Path | str,
    written: Mapping[str, str],
    errors: list[RowError],
    found: Sequence[VenueKind | GridLevel],
    change_type: str,
    action: str,
) -> None:
    """All or nothing: refuse every bad row (its column named as the file's header row,
    `written`, names it), or write every row with its feed entry."""
    if errors:
        raise ImportRefused(Path(path).name, errors, headers=written)
    stamp = server_db.now_iso()
    with server_db.write_transaction():
        for row in found:
            values: dict[str, Any] = {"body": row.to_dict(), "updated_at": stamp}
            model: type[VenueKindRow | GridLevelRow] = VenueKindRow
            if isinstance(row, GridLevel):
                model, values["depth"] = GridLevelRow, row.depth
            model.insert(code=row.code, **values).on_conflict(
                conflict_target=[model.code], update=values
            ).execute()
        changes = [
            NewChange(change_type, row.code, {**row.to_dict(), "updated_at": stamp})
            for row in found
        ]
        audit.record(action, subject=Path(path).name, detail={"codes": [r.code for r in found]})
        append_changes(changes)


class SettingRefused(ValueError):
    """An office setting that cannot be published; the message says why."""


def _unknown_levels(key: str, value: Any) -> str | None:
    """An activity type held at a grid level the server does not hold."""
    if key != "activity_types":
        return None
    known = known_levels()
    for n, kind in enumerate(value, start=1):
        for level in kind.get("levels", ()):
            if level not in known:
                return t("setting.unknown_level", n=n, level=level, known=listed(known))
    return None


def _unknown_kinds(key: str, value: Any) -> str | None:
    """A cadence given for a venue kind the server does not hold."""
    if key != "cadence_days":
        return None
    known = known_kinds()
    for kind in value:
        if kind not in known:
            return t("setting.unknown_kind", kind=kind, known=listed(known))
    return None


def _unknown_params(key: str, value: Any) -> str | None:
    """A threshold for a parameter no published checklist declares (in its `[params]`),
    as publish-checklist refuses a condition naming one."""
    if key != "checklist_params":
        return None
    known = sorted({name for row in Checklist.select() for name in row.body.get("params", {})})
    for name in value:
        if name not in known:
            return t("setting.unknown_param", name=name, known=listed(known))
    return None


def set_setting(key: str, value: Any) -> None:
    """Publish one office setting (replacing its value on every device)."""
    problem = (
        setting_problem(key, value)
        or _unknown_levels(key, value)
        or _unknown_kinds(key, value)
        or _unknown_params(key, value)
    )
    if problem:
        raise SettingRefused(problem)
    with server_db.write_transaction():
        store_setting(key, value)
        audit.record(audit.SETTING_PUBLISHED, subject=key, detail={"value": value})


def store_setting(key: str, value: Any) -> None:
    """A setting's row and the pull-feed change that brings it to every device, in the
    caller's transaction."""
    values = {"value": value, "updated_at": server_db.now_iso()}
    OfficeSetting.insert(key=key, **values).on_conflict(
        conflict_target=[OfficeSetting.key], update=values
    ).execute()
    append_changes([NewChange("setting", key, {"key": key, **values})])


def publish_office_zone() -> None:
    """Tell devices the office's time zone (a setting only the server writes, from
    `FIELDAPP_OFFICE_TZ`), once, and again when it changed: a device on a host in another
    zone (the web front on a cloud host on UTC) then says the office's today. A zone
    this machine does not know is not published (devices keep their host's)."""
    name = office_zone_name()
    if name is None:
        return
    with server_db.current().connection_context():
        held = OfficeSetting.get_or_none(OfficeSetting.key == OFFICE_ZONE_SETTING)
        if held is None or held.value != name:
            with server_db.write_transaction():
                store_setting(OFFICE_ZONE_SETTING, name)
