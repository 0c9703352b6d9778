"""The server checks every claim of presence, and every record keeps its proof.

A real server on loopback, real store files: a scan the server cannot verify is applied
as manual presence, unverified, with its reason, and reaches a supervisor that way; a
revoked key proves the scans made before its revocation and none after; a photo's EXIF
travels with the inspection and a back-dated or far-away photo is flagged.
"""

from __future__ import annotations

import datetime as dt

import httpx
import pytest
from inspect_support import answer_every_item
from live_server import forget_schema
from PIL import Image
from sync_world import inspection_submit

from fieldapp.domain.ids import new_id
from fieldapp.domain.placard import SigningKey
from fieldapp.services.common.checklists import clear_cache, load_checklists
from fieldapp.services.common.photos import import_photo
from fieldapp.services.inspection import inspections
from fieldapp.services.inspection.scan_proof import WEDGE, ScanMark
from fieldapp.services.review import inspections as review_inspections
from fieldapp.services.review.inspections import InspectionFilters
from fieldapp.services.review.proof import proof_lines
from fieldapp.store.models import Blob, PlacardKey
from fieldapp.store.models import Inspection as LocalInspection
from fieldapp.store.models import Venue as LocalVenue
from sync.server import db as server_db
from sync.server import placard_keys, schema_upgrade, venue_import
from sync.server.models import Inspection, Venue
from sync.server.tables import ImportRefused

pytestmark = pytest.mark.usefixtures("chinese")

ISSUE_PAYLOAD = "FA1:X-0000:ZZZZZ:NOTASIGNATURE"  # the forged push of the report


def _push(server, device, payloads):
    ops = [
        {"op_id": new_id(), "seq": i + 1, "type": "inspection.submit", "payload": p}
        for i, p in enumerate(payloads)
    ]
    body = {"device_id": device.device_id, "ops": ops}
    headers = {"Authorization": f"Bearer {device.token}"}
    response = httpx.post(f"{server.url}/api/v1/push", json=body, headers=headers, timeout=30)
    assert response.status_code == 200, response.text
    return [r["status"] for r in response.json()["results"]]


def _scanned(venue_id: str, text: str, at: str = "2026-06-10T02:00:00.000Z") -> dict:
    payload = inspection_submit(venue_id, "p-insp", findings=0, at=at)
    payload["inspection"].update(presence="scanned", presence_payload=text, presence_reason="")
    return payload


def _stored(payload: dict) -> Inspection:
    with server_db.current().connection_context():
        return Inspection.get_by_id(payload["inspection"]["id"])


def _server_key() -> SigningKey:
    with server_db.current().connection_context():
        placard_keys.ensure_key()
        return placard_keys.signing_key()


def test_a_forged_scan_is_applied_as_unverified_and_a_supervisor_sees_it(
    make_device, live_server, seed
):
    key = _server_key()
    stranger = SigningKey.generate()
    venue = seed.venues["DM-0001"]
    inspector = make_device("inspector").enroll("p-insp")
    claims = {
        "issue": _scanned(venue, ISSUE_PAYLOAD),
        "stranger": _scanned(venue, stranger.sign("DM-0001")),
        "elsewhere": _scanned(venue, key.sign("DM-0002")),
        "altered": _scanned(venue, key.sign("DM-0002").replace("DM-0002", "DM-0001")),
        "genuine": _scanned(venue, key.sign("DM-0001")),
    }
    assert _push(live_server, inspector, list(claims.values())) == ["applied"] * 5

    verdicts = {
        name: (row.presence, row.presence_check, row.presence_check_reason)
        for name, row in ((n, _stored(p)) for n, p in claims.items())
    }
    assert verdicts == {
        "issue": ("manual", "unverified", "damaged"),
        "stranger": ("manual", "unverified", "unknown_key"),
        "elsewhere": ("manual", "unverified", "wrong_venue"),
        "altered": ("manual", "unverified", "forged"),
        "genuine": ("scanned", "verified", ""),
    }
    assert _stored(claims["issue"]).presence_payload == ISSUE_PAYLOAD  # the claim is kept

    supervisor = make_device("supervisor").enroll("p-sup")
    with supervisor.client() as client:
        assert client.sync_once().ok
    local = LocalInspection.get_by_id(claims["issue"]["inspection"]["id"])
    assert (local.presence, local.presence_check, local.presence_check_reason) == (
        "manual",
        "unverified",
        "damaged",
    )

    def listed(proof: str | None) -> set[str]:
        filters = InspectionFilters(review_state=None, proof=proof)
        return {r.inspection_id for r in review_inspections.list_submitted(filters)}

    ids = {name: p["inspection"]["id"] for name, p in claims.items()}
    assert listed("unverified") == {ids[n] for n in ("issue", "stranger", "elsewhere", "altered")}
    assert listed("verified") == {ids["genuine"]}
    assert listed("manual") == set()
    (row,) = [
        r
        for r in review_inspections.list_submitted(InspectionFilters(review_state=None))
        if r.inspection_id == ids["issue"]
    ]
    assert row.unverified and row.strength == "unverified"
    assert any("服务器核验未通过" in line for line in proof_lines(row))


def test_a_revoked_key_proves_scans_made_before_its_revocation_only(make_device, live_server, seed):
    key = _server_key()
    with server_db.current().connection_context():
        assert placard_keys.revoke(key.key_id)
        revoked_at = placard_keys.PlacardKey.get_by_id(key.key_id).revoked_at
    assert revoked_at
    when = dt.datetime.fromisoformat(revoked_at.replace("Z", "+00:00"))

    def at(delta: dt.timedelta) -> str:
        return (when + delta).strftime("%Y-%m-%dT%H:%M:%S.000Z")

    venue = seed.venues["DM-0001"]
    before = _scanned(venue, key.sign("DM-0001"), at=at(-dt.timedelta(hours=2)))
    after = _scanned(venue, key.sign("DM-0001"), at=at(dt.timedelta(minutes=1)))
    inspector = make_device("inspector").enroll("p-insp")
    assert _push(live_server, inspector, [before, after]) == ["applied", "applied"]
    assert (_stored(before).presence, _stored(before).presence_check) == ("scanned", "verified")
    stored_after = _stored(after)
    assert (stored_after.presence, stored_after.presence_check) == ("manual", "unverified")
    assert stored_after.presence_check_reason == "revoked_before_scan"

    with inspector.client() as client:  # the revocation time reaches devices
        assert client.sync_once().ok
    assert PlacardKey.get_by_id(key.key_id).revoked_at == revoked_at


def _photo_with_exif(path, taken: str, lat: float, lon: float):
    image = Image.new("RGB", (2400, 1800), (90, 120, 60))
    exif = Image.Exif()
    exif[0x8769] = {0x9003: taken, 0x9011: "+08:00"}

    def dms(value: float) -> tuple[float, float, float]:
        d = int(value)
        m = int((value - d) * 60)
        return (float(d), float(m), round(((value - d) * 60 - m) * 60, 4))

    exif[0x8825] = {1: "N", 2: dms(lat), 3: "E", 4: dms(lon)}
    image.save(path, "JPEG", exif=exif)
    return path


@pytest.fixture
def venues_with_coordinates(seed, server_workdir):
    sheet = server_workdir / "venues-geo.csv"
    sheet.write_text(
        "code,name,kind,grid,address,lat,lon\n"
        "DM-0001,鼎美村·福顺小旅馆(示例),small_hotel,A1,鼎美村1号,24.6795,118.0456\n",
        encoding="utf-8",
    )
    with server_db.current().connection_context():
        venue_import.import_venues(sheet)
        venue = Venue.get_by_id(seed.venues["DM-0001"])
    assert (venue.lat, venue.lon) == (24.6795, 118.0456)
    return seed


def test_exif_travels_with_the_inspection_and_a_back_dated_photo_is_flagged(
    make_device, live_server, venues_with_coordinates, tmp_path, monkeypatch
):
    venue_id = venues_with_coordinates.venues["DM-0001"]
    inspector = make_device("inspector")
    monkeypatch.setenv("FIELDAPP_HOME", str(inspector.home))
    inspector.enroll("p-insp")
    with inspector.client() as client:
        assert client.sync_once().ok
    assert LocalVenue.get_by_id(venue_id).lat == 24.6795
    clear_cache()
    assert load_checklists().ok

    # Taken in 2020 (UTC+8), about 90 km from the venue.
    old = _photo_with_exif(tmp_path / "old.jpg", "2020:05:01 09:30:00", 25.45, 118.30)
    sha = import_photo(old)
    assert Blob.get_by_id(sha).exif == {
        "exif_time": "2020:05:01 09:30:00",
        "taken_at": "2020-05-01T01:30:00Z",
        "lat": 25.45,
        "lon": 118.3,
    }
    with Image.open(inspector.home / "blobs" / f"{sha}.jpg") as resized:
        assert max(resized.size) == 1600  # the JPEG itself is still resized

    scan = ScanMark.now(WEDGE, "2026-06-10T02:00:00.000Z")
    inspection_id = inspections.start_inspection(
        venue_id, presence="manual", reason="other", note="门卫未开门"
    )
    inspections.record_presence(inspection_id, presence="manual", reason="other", scan=scan)
    answer_every_item(inspection_id)
    first_item = inspections.load(inspection_id).checklist.items[0].code
    inspections.add_answer_photo(inspection_id, first_item, sha)
    inspections.submit(inspection_id, "店主")
    local = LocalInspection.get_by_id(inspection_id)
    assert local.proof_flags == "taken_before_start,far_from_venue"
    (scanned,) = local.proof["scans"]
    assert scanned["source"] == "wedge" and isinstance(scanned["offset_ms"], int)

    with inspector.client() as client:
        assert client.sync_once().ok
    with server_db.current().connection_context():
        stored = Inspection.get_by_id(inspection_id)
    assert stored.proof["photos"] == [{"sha256": sha, **Blob.get_by_id(sha).exif}]
    assert stored.proof["scans"][0]["source"] == "wedge"

    supervisor = make_device("supervisor").enroll("p-sup")
    with supervisor.client() as client:
        assert client.sync_once().ok
    pulled = LocalInspection.get_by_id(inspection_id)
    assert pulled.proof_flags == "taken_before_start,far_from_venue"
    (row,) = review_inspections.list_submitted(
        InspectionFilters(review_state=None, proof="photo_flags")
    )
    assert row.inspection_id == inspection_id
    lines = proof_lines(row)
    assert any("早于检查开始" in line for line in lines)
    assert any("距场所约" in line for line in lines)
    assert any("扫码枪" in line for line in lines)


def test_a_database_made_before_the_proof_columns_gets_them_at_start(seed):
    """An older server's tables lack the new columns; init_schema adds them in place."""
    db = server_db.current()
    with db.connection_context():
        for table, column, _ in schema_upgrade.ADDED_COLUMNS:
            db.execute_sql(f"ALTER TABLE {table} DROP COLUMN {column}")
        assert "proof" not in {c.name for c in db.get_columns("inspection")}
    forget_schema()
    server_db.init_schema()
    with db.connection_context():
        for table, column, _ in schema_upgrade.ADDED_COLUMNS:
            assert column in {c.name for c in db.get_columns(table)}, (table, column)
        assert Venue.get_by_id(seed.venues["DM-0001"]).lat is None


def test_venue_coordinates_are_optional_checked_and_kept(venues_with_coordinates, server_workdir):
    bad = server_workdir / "venues-bad.csv"
    bad.write_text(
        "code,name,kind,grid,lat,lon\n"
        "DM-0001,福顺小旅馆,small_hotel,A1,91,118\n"
        "DM-0002,小卖部,small_shop,V1,abc,\n",
        encoding="utf-8",
    )
    with server_db.current().connection_context():
        with pytest.raises(ImportRefused) as refused:
            venue_import.import_venues(bad)
        text = str(refused.value)
        assert "第 2 行 lat 列：“91”不是以度为单位的坐标" in text
        assert "第 3 行 lat 列：“abc”不是以度为单位的坐标" in text
        assert "第 3 行 lon 列：纬度和经度要同时填写（“lat”和“lon”两列）" in text
        # A sheet without the columns leaves the coordinates as they were.
        venue_import.import_venues(server_workdir / "venues.csv")
        venue = Venue.get_by_id(venues_with_coordinates.venues["DM-0001"])
    assert (venue.lat, venue.lon) == (24.6795, 118.0456)
