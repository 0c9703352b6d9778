"""`fieldapp sync` names each step once: the photo work after the pull (video and audio
up, photos down) was labelled as the upload before the push, so 上传照片 came twice."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from fieldapp.cli import main

pytestmark = pytest.mark.usefixtures("chinese")  # `--lang en` below is put back afterwards

STEPS = {  # nothing in the outbox: no push
    "zh": ["上传照片", "下载更新", "上传音视频、下载照片"],
    "en": ["Uploading photos", "Receiving updates", "Sending video and audio, receiving photos"],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_sync_names_each_step_once(tmp_path, live_server, monkeypatch, lang: str) -> None:
    runner = CliRunner()
    made = runner.invoke(
        main, ["admin", "--db", live_server.db_url, "enroll-code", "--person", "p-insp"]
    )
    code = re.search(r"\b([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})\b", made.output).group(1)
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "field"))
    assert runner.invoke(main, ["enroll", live_server.url, code]).exit_code == 0
    synced = runner.invoke(main, ["--lang", lang, "sync"])
    assert synced.exit_code == 0, synced.output
    shown = [step for step in STEPS[lang] if step in synced.output]
    assert shown == STEPS[lang], synced.output
    steps = synced.output.splitlines()[:-1]  # the last line sums up (上传照片 0 张)
    for step in STEPS[lang]:
        assert steps.count(step) == 1, synced.output
