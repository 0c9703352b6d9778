"""The data feed: a reader key of the city's BI reads what its grids hold, page by page,
as JSON or CSV, and nothing else; device tokens and reader keys open each other's doors not."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import httpx
import pytest
from sync_world import Device, LiveServer, daily_report, inspection_submit

from sync.server import db as server_db
from sync.server import reader_keys
from sync.server.data_feed import KINDS
from sync.server.routes.data import Kind


def _key(*grids: str) -> str:
    with server_db.current().connection_context():
        return reader_keys.create("市大数据局 BI", list(grids))


def _get(server: LiveServer, path: str, key: str, **params: Any) -> httpx.Response:
    return httpx.get(
        f"{server.url}/api/v1/data/{path}", params=params,
        headers={"Authorization": f"Bearer {key}"}, timeout=10,
    )  # fmt: skip


@pytest.fixture
def synced(seed, live_server: LiveServer, tmp_path: Path) -> dict[str, Any]:
    """Inspections in V1 (by 张三) and V2 (by 王五), findings, a daily report."""
    first = Device(tmp_path / "a", live_server).enroll("p-insp")
    sent = [inspection_submit(seed.venues["DM-0001"], "p-insp", findings=2) for _ in range(3)]
    for payload in sent:
        first.enqueue("inspection.submit", payload)
    first.enqueue("daily_report.submit", daily_report("V1", "p-insp"))
    with first.client() as client:
        assert client.sync_once().pushed == 4
    second = Device(tmp_path / "b", live_server).enroll("p-insp2")
    second.enqueue("inspection.submit", inspection_submit(seed.venues["YM-0001"], "p-insp2"))
    with second.client() as client:
        assert client.sync_once().pushed == 1
    return {"v1_inspections": {p["inspection"]["id"] for p in sent}}


def test_a_reader_pages_through_its_grids_records_exactly_once(synced, live_server) -> None:
    key = _key("V1")
    seen: list[str] = []
    cursor = ""
    while True:
        body = _get(live_server, "inspections", key, cursor=cursor, limit=2).json()
        seen += [item["id"] for item in body["items"]]
        assert all(item["grid_code"] in ("V1", "A1") for item in body["items"])
        assert all("answers" not in item for item in body["items"])
        cursor = body["cursor"]
        if not body["more"]:
            break
    assert sorted(seen) == sorted(synced["v1_inspections"])  # V2's inspection never shown
    answers = _get(live_server, "answers", key).json()["items"]
    assert len(answers) == 6 and {a["inspection_id"] for a in answers} == set(seen)
    hazards = _get(live_server, "hazards", key).json()["items"]
    assert len(hazards) == 6 and {h["state"] for h in hazards} == {"open"}
    events = _get(live_server, "hazard_events", key).json()["items"]
    assert {e["type"] for e in events} == {"opened"}
    reports = _get(live_server, "daily_reports", key).json()["items"]
    assert [r["grid_code"] for r in reports] == ["V1"]
    # The town's key reads both villages; a grid filter narrows it.
    town = _key("T1")
    assert len(_get(live_server, "inspections", town).json()["items"]) == 4
    assert len(_get(live_server, "inspections", town, grid="V2").json()["items"]) == 1
    assert _get(live_server, "inspections", town, **{"from": "2999-01-01"}).json()["items"] == []


def test_csv_has_a_header_and_one_row_per_record(synced, live_server) -> None:
    response = _get(live_server, "hazards", _key("V1"), format="csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert response.headers["x-more"] == "false" and response.headers["x-next-cursor"].isdigit()
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 6
    assert rows[0]["severity"] == "general" and rows[0]["photos"] == "[]"
    assert rows[0]["description"] == "灭火器过期"


def _refused(response: httpx.Response) -> tuple[int, str]:
    """The status and code of a refusal; its sentence is English, as all the server's."""
    body = response.json()
    assert not any("\u4e00" <= c <= "\u9fff" for c in body["message"]), body
    return response.status_code, body["error"]


def test_keys_tokens_and_scopes_are_refused_with_a_reason(synced, live_server, tmp_path) -> None:
    """Each refusal has its own code, as a device's enrolment and token refusals have, for
    the BI to say in its own language: an unknown and a revoked key were both `bad_key`."""
    key = _key("V1")
    out = _get(live_server, "inspections", key, grid="V2")
    assert _refused(out) == (403, "out_of_scope")
    assert "may not read grid V2" in out.json()["message"]
    unknown = _get(live_server, "inspections", key[:-2] + "xx")
    assert _refused(unknown) == (401, "reader_key_unknown")
    assert _refused(_get(live_server, "inspections", "not-a-key")) == (401, "no_key")
    device = Device(tmp_path / "a", live_server).open()
    assert _refused(_get(live_server, "inspections", device.token)) == (401, "no_key")
    pull = httpx.get(f"{live_server.url}/api/v1/pull", headers={"Authorization": f"Bearer {key}"})
    assert pull.status_code == 401  # a reader key is not a device token
    bare = httpx.get(f"{live_server.url}/api/v1/data/inspections", timeout=10)
    assert _refused(bare) == (401, "no_key")
    with server_db.current().connection_context():
        assert reader_keys.revoke(key.split("_")[1])
    revoked = _get(live_server, "inspections", key)
    assert _refused(revoked) == (401, "reader_key_revoked")
    assert "revoked" in revoked.json()["message"]


def test_the_feed_is_in_the_openapi_document_and_logged_as_audit(synced, live_server) -> None:
    schema = httpx.get(f"{live_server.url}/openapi.json").json()
    assert "/api/v1/data/{kind}" in schema["paths"]
    said = schema["paths"]["/api/v1/data/{kind}"]["get"]["responses"]
    for code in ("no_key", "reader_key_unknown", "reader_key_revoked"):
        assert code in said["401"]["description"]  # what a BI can tell apart
    assert "out_of_scope" in said["403"]["description"]
    assert set(KINDS) == set(Kind.__args__)  # type: ignore[attr-defined]
    _get(live_server, "answers", _key("V1"), grid="A1")
    log = live_server.log_path.read_text(encoding="utf-8")
    assert '"audit": "data_read"' in log and '"key_name": "市大数据局 BI"' in log
