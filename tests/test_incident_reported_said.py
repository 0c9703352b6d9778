"""The toast after F4 read 事件已上报（群众投诉（接诉即办））: the category, which may hold
brackets of its own, was put in brackets. It is said after a colon now, in both
languages, so no brackets nest whatever the category."""

from __future__ import annotations

import pytest

from fieldapp.domain.incidents import DEFAULT_CATEGORIES
from fieldapp.i18n import set_language, t

OPENING, CLOSING = "（(", "）)"


def deepest(text: str) -> int:
    depth = most = 0
    for char in text:
        depth += (char in OPENING) - (char in CLOSING)
        most = max(most, depth)
    return most


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_reported_toast_nests_no_brackets(lang: str) -> None:
    set_language(lang)
    for category in DEFAULT_CATEGORIES:
        said = t("incident.reported", category=t(f"incident.category.{category}"))
        assert deepest(said) <= 1, said
    said = t("incident.reported", category="Complaint (12345)")  # an office's own wording
    assert deepest(said) <= 1, said
