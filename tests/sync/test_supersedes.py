"""A re-inspection of a returned inspection names the one it supersedes: the server keeps
it when it names an inspection of the same venue it holds (sent before or earlier in the
same batch) and refuses the op with the reason otherwise, keeping nothing of it."""

from __future__ import annotations

from typing import Any

from sync_world import inspection_submit, server_count

from sync.server.models import Finding, Inspection


def _superseding(payload: dict[str, Any], old: str | None) -> dict[str, Any]:
    payload["inspection"]["supersedes"] = old
    return payload


def test_a_supersedes_of_the_same_venue_is_kept_and_any_other_refused(api, seed):
    first = api.inspection()
    old = first["inspection"]["id"]
    assert api.answers([api.op("inspection.submit", first)])[0]["status"] == "applied"

    again = _superseding(api.inspection(), old)
    unknown_old = "0190f0c0-0000-7000-8000-000000000000"
    unknown = _superseding(api.inspection(), unknown_old)
    elsewhere = _superseding(inspection_submit(seed.venues["DM-0002"], "p-insp"), old)
    itself = api.inspection()
    itself = _superseding(itself, itself["inspection"]["id"])
    answers = api.answers(
        [api.op("inspection.submit", p) for p in (again, unknown, elsewhere, itself)]
    )
    assert [a["status"] for a in answers] == ["applied", "rejected", "rejected", "rejected"]
    assert "which the server does not hold" in answers[1]["reason"]
    assert "of another venue" in answers[2]["reason"]
    assert "cannot supersede itself" in answers[3]["reason"]
    # coded, so the device says them in its person's language
    assert [a["reason_code"] for a in answers[1:]] == [
        "unknown_record",
        "supersedes_other_venue",
        "supersedes_itself",
    ]
    assert answers[1]["reason_params"] == {"record": "inspection", "id": unknown_old}
    assert Inspection.get_by_id(again["inspection"]["id"]).supersedes == old
    assert server_count(Inspection) == 2  # nothing of a refused op is kept
    assert server_count(Finding) == 2


def test_a_supersedes_may_name_an_inspection_earlier_in_the_same_batch(api):
    first = api.inspection()
    again = _superseding(api.inspection(), first["inspection"]["id"])
    answers = api.answers([api.op("inspection.submit", p) for p in (first, again)])
    assert [a["status"] for a in answers] == ["applied", "applied"]
    assert Inspection.get_by_id(again["inspection"]["id"]).supersedes == first["inspection"]["id"]
