"""A command with its own --lang (`fieldapp demo --lang en`) refuses and stops in it, as
its --help and usage errors speak it: its "Error:" prefix and its sentence, and the line
said where click says "Aborted!". Both followed the root's --lang only, so the demo
refused a store it did not make with "错误：this store was not made by `fieldapp demo`"."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from fieldapp.cli import main
from fieldapp.services.demo import workspace
from fieldapp.store import close_store
from fieldapp.store.models import Setting


@pytest.fixture
def not_a_demo(demo_home: Path) -> Path:
    """A device home whose store holds venues but was not made by `fieldapp demo`."""
    Setting.delete().where(Setting.key == workspace.DEMO_SETTING).execute()
    close_store()  # the command opens it itself
    return demo_home


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("demo", "--lang", "en"), "Error: "),
        (("--lang", "zh", "demo", "--lang", "en"), "Error: "),
        (("--lang", "en", "demo"), "Error: "),
        (("demo",), "错误："),
        (("--lang", "en", "demo", "--lang", "zh"), "错误："),
    ],
)
def test_the_demo_refuses_a_store_it_did_not_make_in_its_own_lang(
    not_a_demo: Path, args: tuple[str, ...], said: str
) -> None:
    result = _run(*args, "--home", str(not_a_demo), "--build-only", "--no-server")
    assert result.exit_code == 1, result.output
    assert result.output.startswith(said), result.output
    english = said == "Error: "
    sentence = "was not made by fieldapp demo" if english else "不是 fieldapp demo 建的设备库"
    assert sentence in result.output and "--home" in result.output
    assert ("错误" not in result.output) if english else ("Error" not in result.output)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("demo", "--lang", "en"), "Stopped: the command did not finish."),
        (("--lang", "en", "demo", "--lang", "zh"), "已中止：命令没有完成。"),
    ],
)
def test_ctrl_c_while_the_demo_builds_is_said_in_its_own_lang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], said: str
) -> None:
    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt  # Ctrl+C at the terminal while the workspace is built

    monkeypatch.setattr(workspace, "build_workspace", interrupted)
    result = _run(*args, "--home", str(tmp_path / "w"), "--build-only", "--no-server")
    assert result.exit_code == 1, result.output
    assert said in result.output
    assert "Aborted" not in result.output
