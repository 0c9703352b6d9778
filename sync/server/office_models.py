"""What the office shapes as data on the server: venue kinds, grid levels, settings.

One row per kind, level and setting key; each change is one pull-feed entry every device
sees (`sync.server.office`). The shipped kinds and levels (`fieldapp.domain.kinds`) are
known without a row; a row for a shipped code renames it or changes its cadence.
"""

from __future__ import annotations

from peewee import CharField, IntegerField

from sync.server.models import JSONText, ServerModel


class VenueKindRow(ServerModel):
    code = CharField(primary_key=True)
    body = JSONText()  # fieldapp.domain.office.VenueKind.to_dict()
    updated_at = CharField()

    class Meta:
        table_name = "office_kind"


class GridLevelRow(ServerModel):
    code = CharField(primary_key=True)
    depth = IntegerField()
    body = JSONText()  # fieldapp.domain.office.GridLevel.to_dict()
    updated_at = CharField()

    class Meta:
        table_name = "office_level"


class OfficeSetting(ServerModel):
    key = CharField(primary_key=True)
    value = JSONText()
    updated_at = CharField()

    class Meta:
        table_name = "office_setting"


OFFICE_MODELS: list[type[ServerModel]] = [VenueKindRow, GridLevelRow, OfficeSetting]
