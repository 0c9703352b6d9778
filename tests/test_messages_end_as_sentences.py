"""A message a person is told in sentences ends with a full stop in both languages.

The catalogue's rule: a label, a column, a title, a key hint or a line that leads into a
list ends bare; a message that holds more than one sentence ends its last one too, as it
ends the others ("…列出导出时的全部人员。按 F10 开始导出" had no stop at the end). The
refusals and notices a tester read without a stop are held to it by name."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from fieldapp import i18n
from fieldapp.cli import main

SENTENCE_INSIDE_ZH = re.compile(r"[。！？](?=\s*[^\s」”）)])")
# ". Sync" or "! Then": a stop, a space and a capital, not an abbreviation (e.g., No.).
SENTENCE_INSIDE_EN = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<![Nn]o)[.!?]\s+(?=[A-Z])")
ENDS = (".", "。", "!", "！", "?", "？", ":", "：", "…")


def unended_multi_sentence(zh: dict[str, str], en: dict[str, str]) -> dict[str, str]:
    """Keys (cl.*, the checklist problems listed one a line, aside) whose text holds more
    than one sentence in either language and ends bare in one of them."""
    found = {}
    for key, english in en.items():
        chinese = zh.get(key, zh.get(key.removesuffix("_one"), ""))
        if key.startswith("cl."):
            continue
        inside = SENTENCE_INSIDE_ZH.search(chinese.rstrip()[:-1]) or SENTENCE_INSIDE_EN.search(
            english
        )
        if inside and not (chinese.rstrip().endswith(ENDS) and english.rstrip().endswith(ENDS)):
            found[key] = english
    return found


def test_a_message_of_more_than_one_sentence_ends_with_a_stop() -> None:
    texts = i18n._load()
    assert unended_multi_sentence(texts["zh"], texts["en"]) == {}


def test_the_check_sees_a_last_sentence_without_a_stop_and_leaves_abbreviations() -> None:
    zh = {"a": "人员台账不按日期。按 F10 开始导出", "b": "户号", "c": "见 e.g. 说明"}
    en = {"a": "Lists everyone. Press F10 to export", "b": "Household no. 12", "c": "e.g. Sync"}
    assert unended_multi_sentence(zh, en) == {"a": en["a"]}


SAID_AS_SENTENCES = [
    "placard.check.plain_code",  # F2, a venue code typed by hand
    "placard.check.unsigned_placard",  # a photo or a scanner of an unsigned placard
    "export_ui.hint",  # ctrl+e
    "review_ui.bulk.summary",  # the incident and review toasts: 指派：已执行 1 条…
    "review_ui.bulk.kept_marked",
    "setting.reminder_minutes",
    "setting.cadence_days",
    "export.range_reversed",  # patrol-attendance and export: swap the dates
    "report.unknown_grid",
    "monthly.cli.month_not_started",  # monthly-report --month 2027-05, and its siblings
    "monthly.cli.month_invalid",
    "monthly.cli.no_output",
    "campaign.admin.ends_before_start",
    "reveal_purpose.explain",  # F11, v or p, 其他 with no note: …表情符号、标点和空格不算
    "campaign.admin.published",  # 已发布专项行动 flood 第 1 版, and the other campaign lines
    "campaign.admin.published_same",
    "campaign.admin.already_off",
    "campaign.admin.changed",
    "campaign.admin.unknown",
    "campaign.admin.unknown_none",
    "campaign.admin.no_phase",
    "campaign.admin.not_a_date",
    "campaign.admin.unknown_grids",
    "refusal.patrol_run_taken_over",
    "refusal.patrol_run_closed",
    "cli.usage.missing_option",
    "cli.usage.missing_argument",
    "finding.past_deadline",  # the hazard form's deadline
    "photo.empty",  # the photo dialog, Enter with nothing typed
    "photo_view.already_attached",
    "placard.print.nothing",  # fieldapp placards, said after 错误：
    "placard.print.grid_unknown",
    "placard.print.venue_unknown",
    "placard.print.one_source",
    "placard.print.no_output",
    "reveal_purpose.choose",  # the reveal's purpose, F10 with none chosen
    "plan.active",  # a second follow-up plan on a person
    "reading.too_early",
    "sync_media.missing",  # a file not sent or fetched, a line of its own after 提示：
    "sync_media.damaged",
    "sync_media.too_large",  # the video too large: …之后每次同步都会再发 had no stop
    "sync_media.refused",
    "sync_media.arrived_damaged",
    "sync_media.not_stored",
    "sync_media.waiting",
]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("key", SAID_AS_SENTENCES)
def test_a_refusal_or_notice_said_in_a_sentence_ends_with_a_stop(lang: str, key: str) -> None:
    text = i18n.text_in(lang, key) or ""
    assert text.rstrip().endswith((".", "。")), text


@pytest.mark.parametrize(
    ("lang", "said"),
    [("zh", "错误：缺少选项 --from：请给它写上一个值。"),
     ("en", "Error: Missing option --from: give a value for it.")],
)  # fmt: skip
def test_a_missing_option_asks_for_its_value(tmp_path, lang: str, said: str) -> None:
    runner = CliRunner()
    db = str(tmp_path / "server.sqlite3")
    assert runner.invoke(main, ["admin", "--db", db, "init"]).exit_code == 0
    result = runner.invoke(
        main, ["--lang", lang, "admin", "--db", db, "patrol-attendance", "--to", "2026-12-01"],
        prog_name="fieldapp",
    )  # fmt: skip
    i18n.set_language("zh")
    assert result.exit_code == 2
    assert said in result.output
