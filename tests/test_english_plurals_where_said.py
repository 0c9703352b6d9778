"""Where a count is said, it reads right in English for one and for more: the sync
screen's outcome, the question before a hazard is deleted, the review's photo proof, the
ledger's acknowledged conflicts, `fieldapp checklist validate` and the start-up report of
checklists that did not load. Each goes through the code that says it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp import i18n
from fieldapp.cli import main
from fieldapp.domain.checklist_validator import ChecklistError
from fieldapp.domain.wording import said as problem
from fieldapp.paths import CHECKLISTS_DIR
from fieldapp.reports.ledger import Labels
from fieldapp.services.common.checklists import LoadReport
from fieldapp.services.export.event_sheet import data_text
from fieldapp.services.review.inspections import SubmittedRow
from fieldapp.services.review.proof import proof_lines
from fieldapp.services.syncing.runs import SyncOutcome, SyncStatus
from fieldapp.store.models import Finding
from fieldapp.tui.screens.inspect_hazard_drop import hazard_words
from fieldapp.tui.screens.sync import outcome_line
from sync.client.base import SyncResult

ONE_AND_TWO = [(1, ""), (2, "s")]


@pytest.mark.parametrize(("photos", "s"), ONE_AND_TWO)
def test_the_sync_screen_counts_the_photos_it_uploaded(english: None, photos: int, s: str):
    status = SyncStatus(True, "https://server", 0, "2026-12-06T09:00:00Z", "")
    outcome = SyncOutcome("manual", status, SyncResult(pushed=3, pulled=4, blobs_uploaded=photos))
    said = outcome_line(outcome)
    assert said == f"Sync done: 3 sent, 4 received, {photos} photo{s} uploaded.", said


@pytest.mark.parametrize(("photos", "s"), ONE_AND_TWO)
def test_the_question_before_a_hazard_goes_counts_its_photos(english: None, photos: int, s: str):
    finding = Finding(description="gas hose cracked", deadline=dt.date(2026, 12, 20),
                      photos=[f"sha{n}" for n in range(photos)])  # fmt: skip
    said = hazard_words(finding)
    assert said.endswith(f"Deadline 2026-12-20 · {photos} photo{s}"), said


@pytest.mark.parametrize(("photos", "s"), ONE_AND_TWO)
def test_the_review_counts_the_photos_that_prove_the_visit(english: None, photos: int, s: str):
    row = SubmittedRow("i1", "v1", "V1", "Venue", "A", "2026-12-06T09:00:00", "scanned", False,
                       "", 0, "", "", proof={"photos": [{"sha256": f"{n}"} for n in range(photos)]})  # fmt: skip
    assert f"{photos} photo{s} with capture data; time and place look right" in proof_lines(row)


@pytest.mark.parametrize(("resolves", "s"), [(["e1"], ""), (["e1", "e2"], "s")])
def test_the_ledger_says_how_many_conflicts_a_note_acknowledged(resolves: list[str], s: str):
    said = data_text({"resolves": resolves}, Labels("en"))
    assert said == f"{len(resolves)} conflict{s} acknowledged", said


def _broken_copies(folder: Path, files: int) -> list[Path]:
    hotel = (CHECKLISTS_DIR / "hotel.toml").read_text(encoding="utf-8")
    paths = [folder / f"bad{n}.toml" for n in range(files)]
    for path in paths:
        path.write_text(hotel.replace('kinds = ["hotel"]\n', "", 1), encoding="utf-8")
    return paths


@pytest.mark.parametrize(("files", "said"), [(1, "1 file has "), (2, "2 files have ")])
def test_validate_counts_the_files_with_errors(tmp_path: Path, files: int, said: str) -> None:
    bad = _broken_copies(tmp_path, files)
    result = CliRunner().invoke(main, ["--lang", "en", "checklist", "validate", *map(str, bad)])
    i18n.set_language("zh")
    assert result.exit_code == 1
    assert f"{said}errors and failed validation" in result.output, result.output


@pytest.mark.parametrize(("files", "said"), [(1, "1 checklist file has errors and was "),
                                             (2, "2 checklist files have errors and were ")])  # fmt: skip
def test_the_start_up_report_counts_the_checklists_not_loaded(
    english: None, files: int, said: str
) -> None:
    missing = problem("cl.missing_kinds")
    errors = [ChecklistError(f"bad{n}.toml", 1, "", missing) for n in range(files)]
    errors.append(errors[0])  # two errors in one file: still one file
    lines = LoadReport(errors=errors).messages()
    assert lines[0].startswith(said), lines
