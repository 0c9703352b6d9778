"""Messages for scanning placards in the TUI: the scanned-venue offer and scan warnings."""

from __future__ import annotations

ZH: dict[str, str] = {
    "scan.venue.title": "已扫码：标牌核验通过",
    "scan.venue.start_body": "{venue}（{code}）\n开始检查这个场所？本次检查记为到场扫码。",
    "scan.venue.resume_body": (
        "{venue}（{code}）\n这个场所有未完成的检查。继续检查？本次检查记为到场扫码。"
    ),
    "scan.venue.photo_title": "标牌二维码读自照片：核验通过",
    "scan.venue.photo_start_body": (
        "{venue}（{code}）\n开始检查这个场所？二维码读自照片，非现场扫码，检查记录将如实注明。"
    ),
    "scan.venue.photo_resume_body": (
        "{venue}（{code}）\n这个场所有未完成的检查。继续检查？"
        "二维码读自照片，非现场扫码，检查记录将如实注明。"
    ),
    "scan.venue.photo_resume_on_site_body": (
        "{venue}（{code}）\n这个场所有未完成的检查。继续检查？"
        "二维码读自照片，非现场扫码；这次检查已在现场扫过标牌，仍记为到场扫码。"
    ),
    "notify.presence_photo_after_scan": (
        "二维码读自照片，非现场扫码；这次检查已在现场扫过标牌，仍记为到场扫码。"
    ),
    "scan.venue.start": "开始检查",
    "scan.venue.resume": "继续检查",
    "scan.venue.cancel": "取消",
    "scan.close_dialog_first": "扫码未处理：请先关闭当前对话框（Esc），再扫一次。",
    "scan.venue.outside_grid": (
        "注意：该场所属于“{grid}”，不在本机所知您负责的网格内，\n"
        "这次检查提交后会被服务器退回，除非同步前办公室已把该网格分配给您。\n"
        "那里有隐患，请告知该网格的网格员或您的主管；\n"
        "需要您来检查，请主管先分配该网格，同步（F12）后再开始。"
    ),
    "scan.venue.start_anyway": "已分配给我，仍然开始",
    "scan.venue.resume_anyway": "已分配给我，仍然继续",
    "scan.busy": (
        "正在检查“{current}”，扫到的是“{venue}”，没有切换。"
        "请先完成本次检查，或按 Esc 返回首页后再扫码。"
    ),
    "scan.typed_same": "手动输入的编号不能证明到场；请扫描场所标牌上的二维码。",
    "scan.no_file": "找不到文件 {path}，请检查路径。",
    "scan.folder": "{path} 是文件夹，不是图片：请输入其中一张标牌照片的文件路径。",
    "scan.reading_photo": "正在读取照片 {name}…",
    "scan.venue.submitted_today": "今天 {at} 已提交过一次检查。",
    "presence.other_placard": "扫到的是{venue}的标牌，不是{chosen}的。要改查{code}：按 Esc，再扫一次。",
}

EN: dict[str, str] = {
    "scan.venue.title": "Placard scanned and verified",
    "scan.venue.start_body": (
        "{venue} ({code})\nStart an inspection of this venue? It records the placard scan."
    ),
    "scan.venue.resume_body": (
        "{venue} ({code})\nThis venue has an unfinished inspection. Resume it? "
        "It records the placard scan."
    ),
    "scan.venue.photo_title": "Placard read from a photo and verified",
    "scan.venue.photo_start_body": (
        "{venue} ({code})\nStart an inspection of this venue? The code was read from a "
        "photo, not scanned on site; the record will say so."
    ),
    "scan.venue.photo_resume_body": (
        "{venue} ({code})\nThis venue has an unfinished inspection. Resume it? The code "
        "was read from a photo, not scanned on site; the record will say so."
    ),
    "scan.venue.photo_resume_on_site_body": (
        "{venue} ({code})\nThis venue has an unfinished inspection. Resume it? The code "
        "was read from a photo, not scanned on site; this inspection's placard was already "
        "scanned on site, and it stays recorded as a scan."
    ),
    "notify.presence_photo_after_scan": (
        "Read from a photo, not scanned on site; this inspection's placard was already "
        "scanned on site, and it stays recorded as a scan."
    ),
    "scan.venue.start": "Start inspection",
    "scan.venue.resume": "Resume inspection",
    "scan.venue.cancel": "Cancel",
    "scan.close_dialog_first": "Scan not taken: close this dialog first (Esc), then scan again.",
    "scan.venue.outside_grid": (
        "Note: this venue is in {grid}, not one of your grids as this device knows them. "
        "The server will refuse this inspection unless the office assigns you that grid "
        "before it syncs.\nFor a hazard there, tell that grid's inspector or your "
        "supervisor; to inspect it yourself, ask your supervisor to assign the grid, "
        "sync (F12), then start."
    ),
    "scan.venue.start_anyway": "Assigned to me: start",
    "scan.venue.resume_anyway": "Assigned to me: resume",
    "scan.busy": (
        "You are inspecting {current}; the placard scanned is {venue}, so nothing changed. "
        "Finish this inspection, or press Esc to go home, then scan again."
    ),
    "scan.typed_same": "A typed code does not prove you are there: scan the QR on the placard.",
    "scan.no_file": "There is no file at {path}; check the path.",
    "scan.folder": "{path} is a folder, not an image: give the path of one placard photo in it.",
    "scan.reading_photo": "Reading the photo {name}…",
    "scan.venue.submitted_today": "An inspection of it was submitted today at {at}.",
    "presence.other_placard": (
        "This placard is of {venue}, not of {chosen}. To inspect {code} instead: Esc, "
        "then scan it again."
    ),
}
