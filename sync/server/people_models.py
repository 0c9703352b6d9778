"""The server's people registry and its audit trail (issue 14).

ID numbers and phones are held as the sealed tokens the devices write (AES-GCM, see
`fieldapp.domain.personal`); `id_lookup` / `phone_lookup` are keyed hashes, so duplicates
are found without opening anything. Reveals, exports, merges and imports go into the
server's append-only audit trail (`sync.server.audit`).
"""

from __future__ import annotations

from peewee import CharField, CompositeKey, ForeignKeyField, IntegerField, TextField

from sync.server.models import Grid, JSONText, Person, ServerModel


class Household(ServerModel):
    id = CharField(primary_key=True)
    grid = ForeignKeyField(Grid, backref="households", column_name="grid_code")
    code = CharField(default="")  # 户号
    building = CharField(default="")  # 楼栋 / 屯
    venue_id = CharField(null=True)  # rental housing: the venue the room is in
    address = TextField(default="")
    note = TextField(default="")
    updated_at = CharField(default="")
    updated_by = CharField(default="")

    grid_code: str

    class Meta:
        table_name = "household"
        indexes = ((("grid", "code"), False),)


class HouseholdMember(ServerModel):
    id = CharField(primary_key=True)
    household = ForeignKeyField(Household, backref="members", on_delete="CASCADE")
    name = CharField()
    sex = CharField(default="")
    birth_year = IntegerField(null=True)
    id_number = TextField(default="")  # sealed token
    id_lookup = CharField(default="", index=True)
    phone = TextField(default="")  # sealed token
    phone_lookup = CharField(default="")
    tags = JSONText(default=list)
    arrived_on = CharField(null=True)
    left_on = CharField(null=True)
    note = TextField(default="")
    registered_on = CharField(null=True)  # first saved or imported; None: unknown (older)
    # Who last changed this person's values ("admin": an office import), named when a
    # device's edit of them conflicts (`sync.server.people_edits`).
    updated_by = CharField(default="")

    household_id: str

    class Meta:
        table_name = "household_member"


class Vehicle(ServerModel):
    id = CharField(primary_key=True)
    household = ForeignKeyField(Household, backref="vehicles", on_delete="CASCADE")
    plate = CharField()
    kind = CharField(default="")
    note = TextField(default="")

    household_id: str

    class Meta:
        table_name = "vehicle"


class Responsibility(ServerModel):
    """包保: a cadre (a person of this server) responsible for a household."""

    household = ForeignKeyField(Household, backref="cadres", on_delete="CASCADE")
    person = ForeignKeyField(Person, backref="responsibilities", on_delete="CASCADE")
    assigned_at = CharField()

    household_id: str
    person_id: str

    class Meta:
        table_name = "responsibility"
        primary_key = CompositeKey("household", "person")


PEOPLE_MODELS: list[type[ServerModel]] = [Household, HouseholdMember, Vehicle, Responsibility]
