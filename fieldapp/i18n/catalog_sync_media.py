"""A photo, video or audio file a sync could not send or fetch, named by its record
(fieldapp/services/syncing/media_problems.py); the hash stays in the log."""

ZH = {
    "sync_media.a_file": "一个文件",
    "sync_media.of_item": "{venue}检查项 {item} 的{photo}",
    "sync_media.of_hazard": "{venue}隐患（{item}）的{photo}",
    "sync_media.of_incident": "事件“{category}”（{where}）的{photo}",
    "sync_media.of_activity": "{day} 活动的{photo}",
    "sync_media.of_patrol": "{day} {window} 巡查的{photo}",
    "sync_media.missing": "{name}在本机找不到了：记录已发出，没有带上它。",
    "sync_media.damaged": "{name}在本机已损坏：记录已发出，没有带上它。",
    "sync_media.too_large": "{name}超过服务器允许的大小，没有上传：记录已发出；请管理员调高服务器的文件大小上限，之后每次同步都会再发。",
    "sync_media.refused": "服务器没有接收{name}（{reason}）：记录已发出，下次同步会再发。",
    "sync_media.arrived_damaged": "{name}下载时损坏：下次同步会重新下载。",
    "sync_media.reason.hash_mismatch": "服务器收到的内容与原文件不符，可能在路上损坏",
    "sync_media.reason.upload_busy": "同一文件正由另一次同步上传",
    "sync_media.reason.part_too_long": "上传的一段超出了文件大小",
    "sync_media.reason.offset_mismatch": "服务器已收到的部分与本机不一致",
    "sync_media.reason.part_not_taken": "上传到一半停住了",
    "sync_media.not_stored": "{name}无法保存到本机（{reason}）：请检查磁盘空间，其余照片下次同步再下载。",
    "sync_media.waiting": "其他设备的 {count} 个照片或视频还不在本机：下次同步会再下载；若其中有服务器因过大而拒收的，它不会到达，请发送人改发较小的文件。",
}

EN = {
    "sync_media.a_file": "a file",
    "sync_media.of_item": "{photo} of item {item} at {venue}",
    "sync_media.of_hazard": "{photo} of the hazard ({item}) at {venue}",
    "sync_media.of_incident": "{photo} of the incident '{category}' ({where})",
    "sync_media.of_activity": "{photo} of the activity on {day}",
    "sync_media.of_patrol": "{photo} of the patrol on {day} {window}",
    "sync_media.missing": "{name} is no longer on this device: its record was sent without it.",
    "sync_media.damaged": "{name} is damaged on this device: its record was sent without it.",
    "sync_media.too_large": (
        "{name} is larger than the server takes and was not sent: its record was; ask the "
        "administrator to raise the server's file size limit, and every sync sends it again."
    ),
    "sync_media.refused": (
        "The server did not take {name} ({reason}): its record was sent; the next sync sends "
        "it again."
    ),
    "sync_media.arrived_damaged": "{name} arrived damaged: the next sync fetches it again.",
    "sync_media.reason.hash_mismatch": (
        "what the server received does not match the file; it may have been damaged on the way"
    ),
    "sync_media.reason.upload_busy": "another sync is sending the same file",
    "sync_media.reason.part_too_long": "a part sent went past the file's size",
    "sync_media.reason.offset_mismatch": "what the server holds of it differs from this device",
    "sync_media.reason.part_not_taken": "the upload stopped partway",
    "sync_media.not_stored": (
        "{name} could not be stored on this device ({reason}): check the free disk space; "
        "the rest come with the next sync."
    ),
    "sync_media.waiting": (
        "{count} photos or videos from other devices are not on this device yet: the next "
        "sync fetches them; one the server refused as too large never comes, so ask its "
        "sender to send a smaller one."
    ),
    "sync_media.waiting_one": (
        "1 photo or video from another device is not on this device yet: the next sync "
        "fetches it; if the server refused it as too large it never comes, so ask its "
        "sender to send a smaller one."
    ),
}
