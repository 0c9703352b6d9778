"""How a photo is named to a person (never its hash), and what opening one said."""

ZH = {
    "photo_view.numbered": "照片 {number}",
    "photo_view.list_sep": "、",
    "photo_view.taken": "{label}（{time} 拍摄）",
    "photo_view.attached": "已附加 {label}",
    "photo_view.already_attached": "{label} 已经附加过了，没有重复附加。",
    "photo_view.cannot_start": "这里打不开看图程序（{reason}），照片文件在：{path}",
    "photo_view.reason.no_opener": "本机没有 {opener}",
    "photo_view.reason.no_display": "没有图形界面",
    "photo_view.reason.failed": "{opener} 没能打开它",
    "photo_view.opened": "已用看图程序打开 {label}",
}

EN = {
    "photo_view.numbered": "Photo {number}",
    "photo_view.list_sep": ", ",
    "photo_view.taken": "{label} (taken {time})",
    "photo_view.attached": "Attached {label}",
    "photo_view.already_attached": "{label} is already attached; it was not added twice.",
    "photo_view.cannot_start": "No image viewer can start here ({reason}); the photo is at {path}",
    "photo_view.reason.no_opener": "no {opener} on this machine",
    "photo_view.reason.no_display": "no graphical display",
    "photo_view.reason.failed": "{opener} could not open it",
    "photo_view.opened": "Opened {label} in the image viewer",
}
