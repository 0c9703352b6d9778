"""Printing rectification notices from the review screen (F5) as the demo supervisor.

A notice lists what a venue still has to rectify and is signed by whoever found it: a
venue whose hazards were all handed over gets no notice but a pointer to the hand-over
letter, and `p` with several findings marked writes one notice per venue and says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_support import settle

from fieldapp.domain.clock import today
from fieldapp.services import review
from fieldapp.services.demo import workspace as demo
from fieldapp.store.models import Finding, Venue
from fieldapp.tui.app import FieldApp, make_app
from fieldapp.tui.screens.review import ReviewScreen

pytestmark = pytest.mark.usefixtures("chinese")

SIZE = (80, 24)


def skip_without_cjk_font() -> None:
    from fieldapp.reports.placards import FontMissing, find_cjk_font

    try:
        find_cjk_font()
    except FontMissing as missing:
        pytest.skip(f"no CJK font on this machine: {missing}")


def messages(app: FieldApp) -> list[str]:
    return [n.message for n in app._notifications]


def toast_lines(app: FieldApp) -> list[str]:
    """The lines the last toast shows, as drawn on the screen."""
    from textual.widgets._toast import Toast

    region = list(app.screen.query(Toast))[-1].content_region
    strips = app.screen._compositor.render_strips()[region.y : region.bottom]
    return [strip.crop(region.x, region.right).text.strip() for strip in strips]


def notices_written() -> list[Path]:
    from fieldapp.paths import data_home

    return sorted((data_home() / "documents").glob("notice-*.pdf"))


async def open_queue(app: FieldApp, pilot, queue: str) -> ReviewScreen:  # type: ignore[no-untyped-def]
    await settle(app, pilot, rounds=2)
    await pilot.press("f5")
    await settle(app, pilot, rounds=2)
    await pilot.press(queue)
    await settle(app, pilot, rounds=2)
    assert isinstance(app.screen, ReviewScreen)
    return app.screen


async def on_an_open_hazard(app: FieldApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """F5, everything not closed, the cursor on an open hazard."""
    screen = await open_queue(app, pilot, "6")
    row = next(r for r in screen.rows if r.state == "open")
    table = screen.query_one("#review-table")
    table.move_cursor(row=table.get_row_index(row.finding_id))  # type: ignore[attr-defined]
    await settle(app, pilot)


def hand_over_a_whole_venue() -> Venue:
    """A venue whose every open hazard may be handed over now (overdue or major), handed
    over to the fire brigade: nothing of it is left for the venue to rectify."""
    demo.act_as("supervisor")
    open_ones: dict[str, list[Finding]] = {}
    for finding in Finding.select().where(Finding.state == "open"):
        open_ones.setdefault(finding.venue_id, []).append(finding)
    for venue_id, found in open_ones.items():
        if all(f.severity == "major" or f.current_deadline < today() for f in found):
            data = {"unit": "fire_brigade", "reference": "示网移〔2026〕9号"}
            results = review.bulk_apply([f.id for f in found], "handed_over", "", data)
            assert all(r.applied for r in results), results
            return Venue.get_by_id(venue_id)
    raise AssertionError("the demo has no venue whose open hazards may all be handed over")


async def test_a_venue_with_everything_handed_over_gets_no_notice_but_the_letters_key(
    demo_supervisor: Path,
) -> None:
    venue = hand_over_a_whole_venue()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_queue(app, pilot, "4")  # handed over
        table_venues = {r.venue_code for r in screen.rows}
        assert venue.code in table_venues
        row = next(r for r in screen.rows if r.venue_code == venue.code)
        table = screen.query_one("#review-table")
        table.move_cursor(row=table.get_row_index(row.finding_id))  # type: ignore[attr-defined]
        await settle(app, pilot)
        await pilot.press("p")
        await settle(app, pilot, rounds=2)
        said = messages(app)[-1]
    assert said == (
        f"{venue.code} {venue.name} 的隐患已移交（消防大队），无需整改通知书；可按 l 打印移交抄告单。"
    )
    assert notices_written() == []


async def test_p_with_several_marked_writes_one_notice_per_venue_and_says_so(
    demo_supervisor: Path,
) -> None:
    skip_without_cjk_font()
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_queue(app, pilot, "6")  # everything not closed
        await pilot.press("ctrl+a")
        await settle(app, pilot)
        marked = list(screen.marked.values())
        await pilot.press("p")
        await settle(app, pilot, rounds=2)
        said = messages(app)[-1]
        await pilot.pause()
        await pilot.pause()  # the toast is drawn after the message
        seen = toast_lines(app)
    with_open = sorted({r.venue_code for r in marked if r.state == "open"})
    without = sorted({r.venue_code for r in marked} - set(with_open))
    assert len(with_open) > 1
    written = notices_written()
    venues = sorted(p.name.removeprefix("notice-").rsplit("-", 1)[0] for p in written)
    assert venues == with_open
    folder = written[0].parent
    head = f"已生成 {len(with_open)} 份整改通知书，\n每个场所一份，保存在文件夹：\n{folder}\n"
    assert said.startswith(head)
    assert seen[:2] == head.splitlines()[:2], seen  # each a line, not broken up
    names = [line for line in seen if line.startswith("notice-")]
    assert len(names) == min(len(written), 6)  # each whole, on a line of its own
    assert set(names) <= {pdf.name for pdf in written}
    if len(written) > 6:
        assert f"……另有 {len(written) - 6} 份" in seen
    if without:  # a venue whose hazard is only awaiting its re-check: none, and why
        assert f"{len(without)} 个场所未生成" in said and "没有待整改的隐患" in said


async def test_a_hazard_handed_over_after_its_deadline_says_why_it_is_not_overdue(
    demo_supervisor: Path,
) -> None:
    from textual.widgets import Static

    venue = hand_over_a_whole_venue()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_queue(app, pilot, "4")  # handed over
        late = [r for r in screen.rows if r.venue_code == venue.code and r.deadline < today()]
        assert late and not any(r.overdue for r in late)  # the town's overdue count drops it
        table = screen.query_one("#review-table")
        table.move_cursor(row=table.get_row_index(late[0].finding_id))  # type: ignore[attr-defined]
        await settle(app, pilot, rounds=2)
        detail = "".join(str(screen.query_one("#detail-body", Static).render()).split())
    assert "（逾期未改，已移交消防大队依法处理，不再计入逾期）" in detail, detail


async def test_p_says_at_once_that_the_notice_is_being_made_and_a_second_p_makes_no_duplicate(
    demo_supervisor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a slow machine the PDF takes a second or two: the first p says so at once, a
    second p meanwhile starts no second PDF but says to wait, then the path is said."""
    import threading

    from fieldapp.reports import notices

    skip_without_cjk_font()
    real_render = notices.render_notice
    may_finish = threading.Event()
    rendered: list[Path] = []

    def slow_render(doc, out):  # type: ignore[no-untyped-def]
        may_finish.wait(10)
        rendered.append(out)
        return real_render(doc, out)

    monkeypatch.setattr(notices, "render_notice", slow_render)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await on_an_open_hazard(app, pilot)
        await pilot.press("p")
        said_at_once = messages(app)[-1]
        await pilot.press("p")  # impatient
        said_then = messages(app)[-1]
        may_finish.set()
        await settle(app, pilot, rounds=2)
        said_last = messages(app)[-1]
    assert said_at_once == "正在生成整改通知书，请稍候……"
    assert said_then == "上一份文件还在生成，请稍候，生成后会提示。"
    assert len(rendered) == 1, rendered
    assert said_last == f"已生成 {rendered[0]}"


async def test_a_notice_printed_again_is_written_beside_the_first(demo_supervisor: Path) -> None:
    """`p` twice on one venue wrote notice-<number>.pdf over the notice already handed
    out: the second is -2, as a reprinted letter's, and the toast names it."""
    skip_without_cjk_font()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await on_an_open_hazard(app, pilot)
        for _ in range(2):
            await pilot.press("p")
            await settle(app, pilot, rounds=3)
        said = messages(app)[-1]
    first, second = sorted(notices_written(), key=lambda p: len(p.name))
    assert second.name == first.name.removesuffix(".pdf") + "-2.pdf"
    assert said == f"已生成 {second}"
