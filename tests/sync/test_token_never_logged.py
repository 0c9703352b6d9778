"""The bearer token never reaches a log line: not at enrolment, not on a push, not when
the token is refused."""

from __future__ import annotations

import logging

from sync_world import InProcessDevice

from sync.protocol import API_PREFIX


def test_no_log_line_carries_the_token(in_process_app, seed, caplog):
    with caplog.at_level(logging.DEBUG):
        device = InProcessDevice(in_process_app, seed)
        token = device.headers["Authorization"].removeprefix("Bearer ")
        device.push([device.op("inspection.submit", device.inspection())])
        device.get(f"/blobs/{'ab' * 32}")
        wrong = {"Authorization": f"Bearer {token}x"}
        assert in_process_app.get(f"{API_PREFIX}/pull", headers=wrong).status_code == 401
    assert caplog.records, "the server logs its requests"
    for record in caplog.records:
        assert token not in record.getMessage()
        assert all(token not in str(value) for value in vars(record).values())
