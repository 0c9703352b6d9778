"""A person's arrival date in the future (2030-01-01, from a build without the form's
rule) is refused by the server saying what is wrong — the date is in the future and must
be today or earlier — and the device words it in its own language (ctrl+f12), not as
"the arrival date is not valid"."""

from __future__ import annotations

import pytest
from test_people_dates_not_come import _household, _refusal

from fieldapp.domain.ids import new_id
from fieldapp.i18n import set_language
from fieldapp.services.common.refusal_reasons import reason_in_words


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "人员“黄丽”的到达日期 2030-01-01 是将来的日期：只能填今天或更早的日期"),
        ("en", "黄丽: the arrival date 2030-01-01 is in the future; it must be today or earlier"),
    ],
)
def test_an_arrival_in_the_future_is_refused_saying_so(make_device, lang: str, said: str) -> None:
    worker = make_device("insp").enroll("p-insp")
    with worker.client() as client:
        assert client.sync_once().ok  # the personal-data key
    op = worker.enqueue("household.upsert", _household(new_id(), arrived_on="2030-01-01"))
    with worker.client() as client:
        client.sync_once()
    state, code, params = _refusal(worker, op)
    assert state == "rejected"
    assert "in the future" in worker.outbox()[op].last_error  # the server's own text
    set_language(lang)
    try:
        assert said in reason_in_words(code, params, "")
    finally:
        set_language("zh")
