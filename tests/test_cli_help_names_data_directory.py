"""The document and report commands work on the device's data directory, which their help
did not say: run without FIELDAPP_HOME they found no device and the person had no hint
why. Their help now names FIELDAPP_HOME, the default, and device-info to see which."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from fieldapp.cli import main


@pytest.mark.parametrize("command", ["notice", "handover-letter", "monthly-report"])
@pytest.mark.parametrize(
    ("lang", "said"),
    [("zh", "在本设备的数据目录上运行：环境变量 FIELDAPP_HOME 所指的目录，未设时为本用户"),
     ("en", "Works on this device's data directory: the one FIELDAPP_HOME names, or when")],
)  # fmt: skip
def test_the_help_names_the_data_directory_it_works_on(command: str, lang: str, said: str) -> None:
    shown = CliRunner().invoke(main, ["--lang", lang, command, "--help"])
    assert shown.exit_code == 0
    assert said in " ".join(shown.output.split()).replace("本用户 的", "本用户的"), shown.output
    assert "device-info" in shown.output


@pytest.mark.parametrize(
    ("lang", "said"),
    [("zh", "复查页（F5）所示的场所编号和检查项，如 --finding 'DM-0006 CAT-08'"),
     ("en", "as the review screen (F5) shows them, e.g. --finding 'DM-0006 CAT-08'")],
)  # fmt: skip
def test_the_letter_help_says_how_to_name_a_hazard(lang: str, said: str) -> None:
    shown = CliRunner().invoke(main, ["--lang", lang, "handover-letter", "--help"])
    assert said in "".join(shown.output.split()) or said in " ".join(shown.output.split())
