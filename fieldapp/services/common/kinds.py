"""The venue kinds and grid levels this device knows: the shipped ones and those the
office published (pulled with a sync), and their names in the catalogues.

`publish_names` puts the pulled kinds' and levels' names and placard precautions into the
message catalogues (`kind.*`, `ledger.kind.*`, `placard.kind.*`, `placard.tips.*`,
`grid_level.*`), so every list, ledger and placard says them with no code change; the app
calls it at start-up and after each sync.
"""

from __future__ import annotations

from fieldapp.domain.cadence import DEFAULT_CADENCE_DAYS
from fieldapp.domain.kinds import GRID_LEVELS, VENUE_KINDS
from fieldapp.domain.office import GridLevel, VenueKind, catalogue_texts
from fieldapp.i18n import add_texts
from fieldapp.i18n.choice_names import KIND_PREFIXES, ChoiceNames
from fieldapp.i18n.venue_kinds import LEDGER_ZH
from fieldapp.store.office_models import GridLevelRow, VenueKindRow


def published_kinds() -> list[VenueKind]:
    query = VenueKindRow.select(VenueKindRow.body).order_by(VenueKindRow.code)
    return [VenueKind.from_dict(row.body) for row in query]


def published_levels() -> list[GridLevel]:
    query = GridLevelRow.select(GridLevelRow.body).order_by(GridLevelRow.depth, GridLevelRow.code)
    return [GridLevel.from_dict(row.body) for row in query]


def venue_kinds() -> list[str]:
    """Every kind a venue may be: the shipped ones, then those the office added."""
    added = [k.code for k in published_kinds() if k.code not in VENUE_KINDS]
    return [*VENUE_KINDS, *added]


def kind_names() -> ChoiceNames:
    """The kinds this device knows by code or by name, as the office's imports take them
    (足浴店, Foot-massage shop, foot_massage): the office's kinds' names published first."""
    publish_names()
    return ChoiceNames(tuple(venue_kinds()), KIND_PREFIXES, LEDGER_ZH)


def grid_levels() -> list[str]:
    added = [level.code for level in published_levels() if level.code not in GRID_LEVELS]
    return [*GRID_LEVELS, *added]


def kind_cadence() -> dict[str, int]:
    """Days between inspections per kind: the shipped defaults, then the kinds' rows."""
    return {**DEFAULT_CADENCE_DAYS, **{k.code: k.cadence_days for k in published_kinds()}}


def level_deadlines() -> dict[str, str]:
    """The report deadline a published level names (HH:MM), by level code."""
    return {lv.code: lv.report_deadline for lv in published_levels() if lv.report_deadline}


def publish_names() -> None:
    """Put the published kinds' and levels' texts into the catalogues."""
    add_texts(*catalogue_texts(published_kinds(), published_levels()))


def kind_attributes(kind: str) -> tuple[str, ...]:
    """The venue attributes the office says venues of `kind` record (`rooms`, `staff`…)."""
    row = VenueKindRow.get_or_none(VenueKindRow.code == kind)
    return VenueKind.from_dict(row.body).attributes if row is not None else ()
