"""`fieldapp enroll` and `fieldapp device-info` name the person's role as the UI does
(网格员 in Chinese, Inspector in English), where they printed the server's id
("inspector") in either language."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from fieldapp.cli import main

pytestmark = pytest.mark.usefixtures("chinese")  # `--lang en` below is put back afterwards


def _fieldapp(*args: str, lang: str = "zh"):  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(main, ["--lang", lang, *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def test_enroll_and_device_info_name_the_role_in_the_person_s_language(
    tmp_path, live_server, monkeypatch
):
    made = _fieldapp("admin", "--db", live_server.db_url, "enroll-code", "--person", "p-insp")
    code = re.search(r"\b([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})\b", made.output).group(1)
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "field"))

    enrolled = _fieldapp("enroll", live_server.url, code, "--name", "laptop")
    assert "人员 张三（网格员）" in enrolled.output, enrolled.output
    assert "inspector" not in enrolled.output

    shown = _fieldapp("device-info")
    assert "人员：张三（p-insp，网格员）" in shown.output, shown.output
    assert "inspector" not in shown.output

    shown = _fieldapp("device-info", lang="en")
    assert "Person: 张三 (p-insp, Inspector)" in shown.output, shown.output
