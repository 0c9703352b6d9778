"""Supervisors' reviews of submitted inspections, kept append-only beside them.

An inspection is immutable after submit, so its review is not a column of it: each
`inspection.review` op adds a row here, numbered in the server's order per inspection,
and the newest row is the inspection's review (reviewed, or returned to its inspector
with a comment). The earlier ones stay as the trail of who reviewed what and when.
"""

from __future__ import annotations

from peewee import BigAutoField, CharField, ForeignKeyField, IntegerField, TextField

from sync.server.models import Inspection, ServerModel


class InspectionReview(ServerModel):
    id = BigAutoField()
    inspection = ForeignKeyField(Inspection, backref="reviews", on_delete="CASCADE", index=False)
    state = CharField()  # reviewed | returned
    comment = TextField(default="")
    reviewer = CharField()  # person id, the server's record of the device's person
    reviewer_role = CharField()  # the server's record of their role, not a claimed one
    device_id = CharField()
    at = CharField()  # device time, information only
    received_at = CharField()  # server time
    server_order = IntegerField()  # position among this inspection's reviews

    inspection_id: str

    class Meta:
        table_name = "inspection_review"
        indexes = ((("inspection", "server_order"), True),)


REVIEW_MODELS: list[type[ServerModel]] = [InspectionReview]
