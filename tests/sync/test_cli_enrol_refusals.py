"""`fieldapp enroll` with a code the server refuses says why and what to do in the
person's language, as the welcome screen does; it printed the server's English reason
("注册失败：this enrolment code was already used; ask for a new one")."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from fieldapp.cli import main

pytestmark = pytest.mark.usefixtures("chinese")  # `--lang en` below is put back afterwards

SAID = {
    "zh": {
        "used": "错误：注册失败：这个注册码已经用过了：请向管理员要新的注册码。本机的记录没有改动。",
        "unknown": "错误：注册失败：服务器不认识这个注册码：请核对后重新输入，或向管理员要新的注册码。本机的记录没有改动。",
    },
    "en": {
        "used": "Error: Enrolment failed: This code was already used: ask your administrator for a new one. Nothing on this device was changed.",
        "unknown": "Error: Enrolment failed: The server does not know this code: check it and type it again, or ask for a new one. Nothing on this device was changed.",
    },
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_refused_code_is_said_in_the_person_s_language(
    tmp_path, live_server, monkeypatch, lang: str
):
    runner = CliRunner()
    made = runner.invoke(
        main, ["admin", "--db", live_server.db_url, "enroll-code", "--person", "p-insp"]
    )
    code = re.search(r"\b([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})\b", made.output).group(1)
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "field"))
    first = runner.invoke(main, ["--lang", lang, "enroll", live_server.url, code])
    assert first.exit_code == 0, first.output

    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "other"))
    again = runner.invoke(main, ["--lang", lang, "enroll", live_server.url, code])
    assert again.exit_code == 1
    assert again.output.strip() == SAID[lang]["used"]
    assert "enrolment code" not in again.output

    unknown = runner.invoke(main, ["--lang", lang, "enroll", live_server.url, "ABCD-EFGH-JKLM"])
    assert unknown.output.strip() == SAID[lang]["unknown"]
