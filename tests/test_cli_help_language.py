"""`--help` in the chosen language: a clerk reading Chinese got every command's help in
English (`fieldapp admin --help`: "Administer the server database…", "Usage:",
"Show this message and exit.") while the command's messages were in Chinese. Every
command's and option's help is now in both catalogues, and shown in the language of the
root's --lang (Chinese by default)."""

from __future__ import annotations

import click
import pytest
from cli_commands import every_command
from click.testing import CliRunner

from fieldapp.cli import main
from fieldapp.cli.help_format import cells
from fieldapp.cli.help_texts import command_key, option_key
from fieldapp.i18n import text_in


def _help(*args: str) -> str:
    result = CliRunner().invoke(main, [*args, "--help"], prog_name="fieldapp")
    assert result.exit_code == 0, result.output
    return result.output


def test_admin_help_is_in_chinese_by_default_and_in_english_when_asked() -> None:
    chinese = _help("admin")
    assert "用法：fieldapp admin [选项] 命令 [参数]..." in chinese
    assert "管理服务器数据库：人员、网格、场所、检查表、设备。" in chinese
    assert "选项：" in chinese and "命令：" in chinese
    assert "记入审计日志的操作人" in chinese  # --actor
    assert "显示本说明并退出。" in chinese
    assert "生成一次性注册码，以文字和二维码显示" in chinese  # enroll-code, in the listing
    for english in ("Usage:", "Options", "Commands", "Administer", "Show this message"):
        assert english not in chinese

    english = _help("--lang", "en", "admin")
    assert "Usage: fieldapp admin [OPTIONS] COMMAND [ARGS]..." in english
    assert "Administer the server database: people, grids, venues, checklists, devices." in english
    assert "Options:" in english and "Commands:" in english
    assert "Show this message and exit." in english
    assert "管理" not in english and "选项" not in english


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (["admin", "enroll-code"], "设备代表的人员编号。", "The person id the device acts for."),
        (["admin", "alerts", "add-rule"], "[必填]", "[required]"),
        (["admin", "placard-key", "rotate"], "生成新的当前密钥", "Make a new current key"),
        (["admin", "import-venues"], "从 CSV 或 XLSX 文件导入场所", "Import venues from a CSV"),
        (["export"], "把检查记录、隐患、隐患处理记录和巡逻导出为办公室台账", "Export inspections"),
        ([], "网格化巡查。不带命令时打开终端界面。", "Grid inspection for the field."),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else None,
)
def test_a_subcommand_help_follows_the_language(args: list[str], zh: str, en: str) -> None:
    chinese = _help(*args)
    assert zh in chinese and en not in chinese
    english = _help("--lang", "en", *args)
    assert en in english and zh not in english


def test_lang_after_help_on_the_root_is_read_too() -> None:
    """`fieldapp --help --lang en`: --help runs before --lang is read."""
    assert "Grid inspection for the field." in _help("--lang=en")
    result = CliRunner().invoke(main, ["--help", "--lang", "en"], prog_name="fieldapp")
    assert "Grid inspection for the field." in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["demo", "--lang", "en", "--help"],
        ["demo", "--help", "--lang", "en"],
        ["demo", "--lang=en", "--venues", "5", "--help"],
        ["--lang", "zh", "demo", "--help", "--lang=en"],
    ],
    ids=" ".join,
)
def test_a_command_own_lang_chooses_its_help_wherever_it_stands(args: list[str]) -> None:
    """`fieldapp demo --lang en --help` showed the Chinese help: click runs --help as it
    parses it, before demo's own --lang is read."""
    result = CliRunner().invoke(main, args, prog_name="fieldapp")
    assert result.exit_code == 0, result.output
    assert "Usage: fieldapp demo [OPTIONS]" in result.output
    assert "Show this message and exit." in result.output
    assert "用法" not in result.output and "演示" not in result.output


def test_a_command_own_lang_outweighs_the_root_lang_in_its_help() -> None:
    result = CliRunner().invoke(
        main, ["--lang", "en", "demo", "--help", "--lang", "zh"], prog_name="fieldapp"
    )
    assert "用法：fieldapp demo [选项]" in result.output and "Usage:" not in result.output


def test_chinese_help_keeps_within_the_terminal() -> None:
    """A Chinese character takes two columns: wrapped by characters, lines ran past 80."""
    for args in (["admin"], ["admin", "import-venues"], ["admin", "retention"], ["demo"]):
        wide = [line for line in _help(*args).splitlines() if cells(line) > 80]
        assert all("fieldapp admin --db HOME" in line for line in wide), wide  # a command, as typed


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_command_and_option_has_its_help_in_both_languages(lang: str) -> None:
    """A new command, or a new option, without its help in a catalogue fails here; help
    written beside the option or as the command's docstring would not be translated."""
    missing = []
    written_in_code = []
    commands = list(every_command())
    assert len(commands) > 60 and any(
        path == ("admin", "placard-key", "rotate") for path, _ in commands
    )
    for path, command in commands:
        if not text_in(lang, command_key(path)):
            missing.append(command_key(path))
        if command.help or command.short_help:
            written_in_code.append(" ".join(path) or "fieldapp")
        for param in command.params:
            if not isinstance(param, click.Option) or not param.name or param.hidden:
                continue
            if not text_in(lang, option_key(path, param.name)):
                missing.append(option_key(path, param.name))
            if param.help and param.name != "version":  # click's own, worded in the catalogue
                written_in_code.append(f"{' '.join(path)} {param.opts[0]}")
    assert missing == []
    assert written_in_code == []


IMPORTS = {
    "import-kinds": "kinds",
    "import-levels": "levels",
    "import-grids": "grids",
    "import-people": "people",
    "import-venues": "venues",
    "import-checkpoints": "checkpoints",
    "import-routes": "routes",
    "import-people-registry": "registry",
}


@pytest.mark.parametrize(("command", "table"), IMPORTS.items())
def test_an_import_help_names_every_chinese_heading_the_import_reads(command, table) -> None:
    """The help was built from the headings the import reads; written in the catalogues,
    it must still name each one (a heading added to an import and not to its help fails)."""
    from sync.server.headers import chinese_headers

    chinese = text_in("zh", command_key(("admin", command))) or ""
    english = text_in("en", command_key(("admin", command))) or ""
    headings = chinese_headers(table).split(", ")
    assert [h for h in headings if h not in chinese] == []
    assert [h for h in headings if h not in english and h != "面积（㎡）"] == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_export_kind_help_names_every_shipped_kind(lang: str) -> None:
    """The list was built from the shipped kinds; written in the catalogues, it must still
    name each one."""
    from fieldapp.domain.kinds import VENUE_KINDS

    text = text_in(lang, option_key(("export",), "kind")) or ""
    assert [kind for kind in VENUE_KINDS if kind not in text] == []


def test_a_command_line_cut_to_fit_says_so_between_whole_words() -> None:
    """At 80 columns `admin --help` listed alerts as 预警消息：已发送、待发送和发送失败的 (its
    aside dropped, nothing to say so) and setting as …cadence_days、report_dea… (cut inside
    a setting's name): a line shorter than its sentence ends with …, between whole words."""
    listing = _help("admin")
    assert "  alerts                   预警消息：已发送、待发送和发送失败的…\n" in listing
    assert "  setting                  各设备下载的办公室设置：cadence_days…\n" in listing
    assert "report_dea" not in listing
