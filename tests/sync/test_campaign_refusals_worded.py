"""`fieldapp admin campaign …` refuses in the office's language (`--lang`): each refusal
says what is wrong and what to do, in Chinese as in English (it was English only)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from fieldapp.cli import main
from fieldapp.paths import CAMPAIGNS_DIR
from sync.server import db as server_db
from sync.server.admin_models import Campaign

pytestmark = pytest.mark.usefixtures("chinese")  # the CLI's --lang sets it: reset after

EPIDEMIC = CAMPAIGNS_DIR / "epidemic.toml"


def _campaign(url: str, lang: str, *args: str, ok: bool = False) -> str:
    result = CliRunner().invoke(main, ["--lang", lang, "admin", "--db", url, "campaign", *args])
    assert result.exit_code == (0 if ok else 1), result.output
    return result.output


def test_a_changed_file_under_a_published_version_is_refused_in_either_language(
    seed, server_db_url, tmp_path
):
    url = server_db_url
    _campaign(url, "zh", "publish", str(EPIDEMIC), ok=True)
    changed = tmp_path / "epidemic.toml"
    changed.write_text(
        EPIDEMIC.read_text(encoding="utf-8").replace('zh = "疫情防控"', 'zh = "疫情防控（改）"'),
        encoding="utf-8",
    )

    chinese = _campaign(url, "zh", "publish", str(changed))
    assert (
        "错误：专项行动 epidemic 第 2 版已发布过，内容与 epidemic.toml 不同，未发布："
        "要发布改动，请把文件中的 version 改为 3" in chinese
    )
    assert "already published" not in chinese
    english = _campaign(url, "en", "publish", str(changed))
    assert (
        "Campaign epidemic version 2 is already published with other content than "
        "epidemic.toml; nothing was published: to publish a change, set version to 3" in english
    )
    with server_db.current().connection_context():
        assert [c.version for c in Campaign.select().where(Campaign.code == "epidemic")] == [2]


def test_an_unknown_campaign_code_is_refused_in_either_language(seed, server_db_url):
    url = server_db_url
    chinese = _campaign(url, "zh", "start", "epidemik")
    assert "没有已发布的专项行动 epidemik，尚未发布任何专项行动" in chinese
    assert "fieldapp admin campaign publish" in chinese

    _campaign(url, "zh", "publish", str(EPIDEMIC), ok=True)
    chinese = _campaign(url, "zh", "stop", "epidemik")
    assert (
        "没有已发布的专项行动 epidemik（已发布：epidemic）：请检查编码，或先用 "
        "fieldapp admin campaign publish 发布它的文件" in chinese
    )
    assert "is published" not in chinese
    english = _campaign(url, "en", "phase", "epidemik", "有病例")
    assert "No campaign epidemik is published (published: epidemic): check the code" in english


def test_a_malformed_campaign_file_is_refused_in_either_language(
    seed, server_db_url, tmp_path: Path
):
    url = server_db_url
    broken = tmp_path / "broken.toml"
    broken.write_text('code = "broken"\nversion = 1\nzh = "坏"\nen = "bad"\nphases = [1\n')
    assert "错误：broken.toml 第 5 行：TOML 语法错误" in _campaign(
        url, "zh", "publish", str(broken)
    )
    assert "Error: broken.toml:5: TOML syntax error" in _campaign(url, "en", "publish", str(broken))

    legacy = tmp_path / "legacy.toml"
    legacy.write_bytes(EPIDEMIC.read_text(encoding="utf-8").encode("gbk"))
    chinese = _campaign(url, "zh", "publish", str(legacy))
    assert "错误：legacy.toml 不是 UTF-8 编码：请用记事本或 WPS 另存为 UTF-8" in chinese
    assert "codec" not in chinese
    english = _campaign(url, "en", "publish", str(legacy))
    assert "legacy.toml is not UTF-8: save it as UTF-8" in english


def test_a_wrong_phase_grid_or_date_is_refused_in_either_language(seed, server_db_url):
    url = server_db_url
    _campaign(url, "zh", "publish", str(EPIDEMIC), ok=True)
    assert (
        "专项行动 epidemic 没有阶段“大流行”：请使用其中之一：无病例、有病例、社区传播"
        in _campaign(url, "zh", "start", "epidemic", "--phase", "大流行")
    )
    assert "不认识的网格编码：X9" in _campaign(url, "zh", "start", "epidemic", "--grid", "X9")
    assert "--from 的值“2026-1x”不是日期：请按 年-月-日 写，如 2026-03-01" in _campaign(
        url, "zh", "start", "epidemic", "--from", "2026-1x"
    )
    # a day that does not exist is said so, as every date the program reads says it
    assert "错误：--from 2026-02-30：2026 年 2 月没有 30 日，请检查日期" in _campaign(
        url, "zh", "start", "epidemic", "--from", "2026-02-30"
    )
    assert "Error: --to 2026-04-31: April 2026 has no day 31; check the date" in _campaign(
        url, "en", "start", "epidemic", "--to", "2026-04-31"
    )
    backwards = ("start", "epidemic", "--from", "2026-03-01", "--to", "2026-02-01")
    assert "专项行动会在开始（2026-03-01）之前结束（2026-02-01）" in _campaign(
        url, "zh", *backwards
    )
    assert "would end (2026-02-01) before it starts (2026-03-01)" in _campaign(
        url, "en", *backwards
    )


def test_a_phase_is_taken_by_its_chinese_or_english_name(seed, server_db_url):
    """The campaign file names each phase in both languages (phases_en); --phase took only
    the Chinese, and a wrong one was answered with the Chinese names in English too."""
    from sync.server.admin_models import CampaignRun

    url = server_db_url
    _campaign(url, "en", "publish", str(EPIDEMIC), ok=True)
    assert "on · phase Cases ·" in _campaign(
        url, "en", "start", "epidemic", "--phase", "Cases", ok=True
    )
    with server_db.current().connection_context():
        assert CampaignRun.get(CampaignRun.code == "epidemic").phase == "有病例"
    moved = _campaign(url, "zh", "phase", "epidemic", "community spread", ok=True)
    assert "进行中 · 阶段 社区传播 ·" in moved
    with server_db.current().connection_context():
        assert CampaignRun.get(CampaignRun.code == "epidemic").phase == "社区传播"
    assert (
        "Campaign epidemic has no phase 'Pandemic': use one of 'No cases', 'Cases', "
        "'Community spread'" in _campaign(url, "en", "phase", "epidemic", "Pandemic")
    )
    assert "没有阶段“Pandemic”：请使用其中之一：无病例、有病例、社区传播" in _campaign(
        url, "zh", "start", "epidemic", "--phase", "Pandemic"
    )


def test_a_device_refused_a_switch_reads_the_english_reason(live_server, seed, make_device):
    """The server words its campaign refusals for the office in the office's language; a
    device's refusal carries the English reason, as every refusal on the wire does."""
    from fieldapp.services.common.campaigns import clear_cache as clear_campaigns
    from fieldapp.store.models import Outbox

    _campaign(live_server.db_url, "zh", "publish", str(EPIDEMIC), ok=True)
    supervisor = make_device("supervisor").enroll("p-sup2")
    clear_campaigns()
    supervisor.enqueue(
        "campaign.switch",
        {"code": "epidemic", "active": True, "phase": "大流行", "switched_by": "p-sup2",
         "switched_at": "2026-06-10T02:00:00.000Z"},
    )  # fmt: skip
    with supervisor.client() as client:
        client.sync_once()
    (op,) = Outbox.select().where(Outbox.type == "campaign.switch")
    assert op.state == "rejected"
    assert "Campaign epidemic has no phase '大流行': use one of" in op.last_error
    assert "没有阶段" not in op.last_error


def test_a_version_without_the_running_phase_is_refused(seed, server_db_url, tmp_path: Path):
    """epidemic ran in 有病例; version 3 with phases 无病例, 社区传播 was published, the list
    still said 阶段 有病例 and an English device showed the raw 有病例 beside phases it had
    not: now refused, naming the phase and what to do, and published once the phase is
    switched to one both versions have."""
    url = server_db_url
    _campaign(url, "zh", "publish", str(EPIDEMIC), ok=True)
    _campaign(url, "zh", "start", "epidemic", "--phase", "有病例", ok=True)
    dropped = tmp_path / "epidemic.toml"
    dropped.write_text(
        EPIDEMIC.read_text(encoding="utf-8")
        .replace("version = 2", "version = 3")
        .replace('["无病例", "有病例", "社区传播"]', '["无病例", "社区传播"]')
        .replace('["No cases", "Cases", "Community spread"]', '["No cases", "Community spread"]'),
        encoding="utf-8",
    )

    chinese = _campaign(url, "zh", "publish", str(dropped))
    assert (
        "专项行动 epidemic 正在阶段“有病例”进行，而 epidemic.toml 的第 3 版没有这个阶段" in chinese
    )
    assert "保留“有病例”" in chinese and "（无病例、社区传播）" in chinese
    english = _campaign(url, "en", "publish", str(dropped))
    assert "running in the phase 'Cases', which version 3 in epidemic.toml" in english
    assert "keep 'Cases'" in english
    assert "阶段 有病例" in _campaign(url, "zh", "list", ok=True)

    _campaign(url, "zh", "phase", "epidemic", "无病例", ok=True)
    assert "已发布专项行动 epidemic 第 3 版" in _campaign(
        url, "zh", "publish", str(dropped), ok=True
    )
