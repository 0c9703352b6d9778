"""schemathesis against the live server's own /openapi.json: no 5xx and no response that
breaks the schema, with a bearer token from a real enrolment. Bounded examples per
operation so the run takes about a minute."""

from __future__ import annotations

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    negative_data_rejection,
    positive_data_acceptance,
    unsupported_method,
)
from sync_world import LiveServer, enrolment_code

from sync.protocol import API_PREFIX

pytestmark = pytest.mark.slow

MAX_EXAMPLES = 80

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
    return {"Authorization": f"Bearer {answer.json()['token']}"}


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_server_keeps_to_its_own_schema(case: schemathesis.Case, bearer: dict[str, str]):
    case.call_and_validate(headers=bearer, excluded_checks=NOT_ABOUT_ANSWERS)
