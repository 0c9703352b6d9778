"""A hazard's history (F5, the detail) names who did what with their role in the brackets
of the language: 林秀英（网格员）, where it read 林秀英(网格员)."""

from __future__ import annotations

from pathlib import Path

from fieldapp.i18n import set_language
from fieldapp.store.models import Finding
from fieldapp.tui.views.review import build_detail_view
from fieldapp.tui.widgets.finding_detail import render_detail


def test_each_actor_s_role_is_in_full_width_brackets_in_chinese(demo_supervisor: Path) -> None:
    set_language("zh")
    finding = Finding.select().first()
    view = build_detail_view(finding.id)
    assert any(e.role for e in view.events)
    shown = render_detail(view).plain
    for event in view.events:
        if event.role:
            assert f"{event.who}（{event.role}）" in shown, shown
            assert f"({event.role})" not in shown, shown
