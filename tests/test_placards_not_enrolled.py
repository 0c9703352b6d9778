"""`fieldapp placards` and `fieldapp scan` on a data directory with no device said
场所 DM-0002 不在本设备上，请先同步 and 本机还没有这块标牌的密钥…请联网同步后再扫描,
though no sync can work before enrolment. They now say what device-info says (the
directory read, FIELDAPP_HOME) and exit as it does."""

from __future__ import annotations

from pathlib import Path

import pytest
import qrcode
from click.testing import CliRunner

from fieldapp.cli import main
from fieldapp.domain.placard import generate_key, sign_payload

pytestmark = pytest.mark.usefixtures("chinese")  # the language set back after


@pytest.mark.parametrize(("lang", "said"), [("zh", "本设备尚未注册"), ("en", "not enrolled")])
def test_placards_and_scan_on_no_device_say_it_is_not_enrolled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    monkeypatch.setenv("FIELDAPP_HOME", str(tmp_path / "empty"))
    key_id, private, _public = generate_key()
    photo = tmp_path / "placard.png"
    qrcode.make(sign_payload("DM-0002", key_id, private)).save(photo)
    runner = CliRunner()
    info = runner.invoke(main, ["--lang", lang, "device-info"])
    printed = runner.invoke(
        main, ["--lang", lang, "placards", "--venue", "DM-0002", "--png", str(tmp_path / "p")]
    )
    scanned = runner.invoke(main, ["--lang", lang, "scan", str(photo)])
    for result in (printed, scanned):
        assert result.exit_code == info.exit_code == 3, result.output
        assert said in result.output and str(tmp_path / "empty") in result.output
        assert info.output.strip() in result.output
        assert "同步" not in result.output.replace(info.output.strip(), "")
        assert "sync" not in result.output.replace(info.output.strip(), "").lower()
