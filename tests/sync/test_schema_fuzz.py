"""schemathesis against the live server's own /openapi.json: no 5xx and no response that
breaks the schema, with a bearer token from a real enrolment and a hook that puts that
device's id into every /push body, so the ops themselves are fuzzed (a wrong device id
would stop every case at 403). Op payloads are described in the schema with their bounds.

Bounded examples per operation in CI; the long run of /push (≥ 5,000 generated cases,
counted by schemathesis itself) is `make fuzz` (fuzz_push.py), with the same hook."""

from __future__ import annotations

import os
from typing import Any

import httpx
import pytest
import schemathesis
from fault_tools import FUZZ_CALLS
from fuzz_hooks import PUSH_DEVICE
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    negative_data_rejection,
    positive_data_acceptance,
    unsupported_method,
)
from sync_world import LiveServer, enrolment_code

from sync.protocol import API_PREFIX

pytestmark = pytest.mark.slow

MAX_EXAMPLES = int(os.environ.get("FIELDAPP_FUZZ_EXAMPLES", "40"))

# Checks of request judgement, not of what the server answers: unknown query parameters
# are ignored (not refused); a blob whose bytes do not match the sha256 in its path fits
# the schema yet is refused (400, hash_mismatch), as it must be; the 405 of a path served
# by separate HEAD/GET/PUT routes lists one route's method in Allow (Starlette's routing).
NOT_ABOUT_ANSWERS = [negative_data_rejection, positive_data_acceptance, unsupported_method]


@pytest.fixture
def api_schema(live_server: LiveServer) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_url(f"{live_server.url}/openapi.json")


@pytest.fixture
def bearer(live_server: LiveServer) -> dict[str, str]:
    answer = httpx.post(
        f"{live_server.url}{API_PREFIX}/enroll",
        json={"code": enrolment_code("p-sup"), "device_name": "schemathesis"},
    )
    answer.raise_for_status()
    PUSH_DEVICE["device_id"] = answer.json()["device_id"]
    return {"Authorization": f"Bearer {answer.json()['token']}"}


@schemathesis.hook("after_call")
def count_call(context: Any, case: schemathesis.Case, response: Any) -> None:
    FUZZ_CALLS[
        f"{case.method} {case.path.removeprefix(API_PREFIX)} {response.status_code // 100}xx"
    ] += 1


schema = schemathesis.pytest.from_fixture("api_schema")
if os.environ.get("FIELDAPP_FUZZ_PATH"):  # e.g. /push alone
    schema = schema.include(path=API_PREFIX + os.environ["FIELDAPP_FUZZ_PATH"])


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_server_keeps_to_its_own_schema(case: schemathesis.Case, bearer: dict[str, str]):
    case.call_and_validate(headers=bearer, excluded_checks=NOT_ABOUT_ANSWERS)
