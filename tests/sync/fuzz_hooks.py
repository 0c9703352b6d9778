"""schemathesis hooks shared by the CI fuzz (test_schema_fuzz.py) and the long run
(fuzz_push.py, through SCHEMATHESIS_HOOKS): the enrolled device's own id goes into every
generated /push batch, so /push judges the ops instead of answering 403 to a random id."""

from __future__ import annotations

import os
from typing import Any

import schemathesis

from sync.protocol import API_PREFIX

# The enrolled device of the running fuzz: set by the test's fixture, or by the long run
# through the environment of the schemathesis process.
PUSH_DEVICE: dict[str, str] = {}
if os.environ.get("FIELDAPP_FUZZ_DEVICE_ID"):
    PUSH_DEVICE["device_id"] = os.environ["FIELDAPP_FUZZ_DEVICE_ID"]


@schemathesis.hook("before_call").apply_to(path=f"{API_PREFIX}/push", method="POST")
def fill_device_id(context: Any, case: schemathesis.Case, **kwargs: Any) -> None:
    """In every generation phase, also the negative one (a body that is still an object)."""
    if isinstance(case.body, dict) and "device_id" in PUSH_DEVICE:
        case.body["device_id"] = PUSH_DEVICE["device_id"]
