"""A sync's outcome says in Chinese that the photos it counts went up: 照片 5 张 beside
下载 561 条 read as photos downloaded, where the English says uploaded."""

from __future__ import annotations

from fieldapp.services.syncing.runs import SyncOutcome, SyncStatus
from fieldapp.tui.screens.sync import outcome_line
from sync.client.base import SyncResult


def test_the_sync_screen_says_the_photos_were_uploaded(chinese: None) -> None:
    status = SyncStatus(True, "https://server", 0, "2026-12-06T09:00:00Z", "")
    result = SyncResult(pulled=561, blobs_uploaded=0, blobs_downloaded=5)
    said = outcome_line(SyncOutcome("manual", status, result))
    assert said == "同步完成：上报 0 条，下载 561 条，上传照片 0 张。", said
