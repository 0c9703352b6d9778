"""A photo or video other devices' records name that never reached the server (not sent
yet, or refused as too large) is said to the person in their language, with its count."""

from __future__ import annotations

import pytest
from test_blob_download import _inspector_with_photos

from fieldapp.i18n import written_in
from fieldapp.services.syncing.media_problems import warnings_in_words


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "zh",
            "其他设备的 1 个照片或视频还不在本机：下次同步会再下载；若其中有服务器因过大而拒收的，"
            "它不会到达，请发送人改发较小的文件。",
        ),
        (
            "en",
            "1 photo or video from another device is not on this device yet: the next sync "
            "fetches it; if the server refused it as too large it never comes, so ask its "
            "sender to send a smaller one.",
        ),
    ],
)
def test_a_file_that_never_reached_the_server_is_said_in_the_persons_language(
    lang: str, said: str, make_device, seed, live_server
) -> None:
    _inspector, photos, _late = _inspector_with_photos(make_device, seed)
    boss = make_device("boss").enroll("p-sup")
    with boss.client() as client:
        result = client.sync_once()
    assert result.blobs_downloaded == len(photos) and result.blobs_waiting == 1, result
    with written_in(lang):
        assert warnings_in_words(result) == [said]
