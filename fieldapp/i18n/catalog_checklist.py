"""Messages for checklist files: validation and loading reports."""

from __future__ import annotations

ZH: dict[str, str] = {
    "checklist.valid": "{file}：有效（{id} 第 {version} 版，{counts}）",
    "checklist.count.sections": "{count} 个分节",
    "checklist.count.items": "{count} 个检查项",
    "checklist.invalid_summary": "{count} 个文件有错误，未通过校验",
    "checklist.office_kinds_hint": "其余各项都已校验，只有场所类型 {kinds} 不是程序自带的：若是办公室用 import-kinds 添加的，请加上 --db 服务器数据库（或 --kind {kind}）再校验。",
    "checklist.cannot_read": "无法读取文件：{error}",
    "checklist.loaded": "已载入检查表 {id} 第 {version} 版",
    "checklist.kept": (
        "{source} 与已存的 {id} 第 {version} 版（{stored_source}）内容不同，仍使用已存版本；"
        "修改检查表请提高版本号。"
    ),
    "checklist.not_loaded": "{count} 个检查表文件有错误，未载入，继续使用上一个有效版本",
}

EN: dict[str, str] = {
    "checklist.valid": "{file}: OK ({id} v{version}, {counts})",
    "checklist.count.sections": "{count} sections",
    "checklist.count.sections_one": "1 section",
    "checklist.count.items": "{count} items",
    "checklist.count.items_one": "1 item",
    "checklist.invalid_summary": "{count} files have errors and failed validation",
    "checklist.invalid_summary_one": "1 file has errors and failed validation",
    "checklist.office_kinds_hint": (
        "Everything else was checked; only venue kind {kinds} is not one the program ships: "
        "if the office added it with import-kinds, check again with --db and its server "
        "database (or --kind {kind})."
    ),
    "checklist.cannot_read": "cannot read the file: {error}",
    "checklist.loaded": "loaded checklist {id} v{version}",
    "checklist.kept": (
        "{source} differs from the stored {id} v{version} ({stored_source}); the stored "
        "version stays in use. Bump the version when you change a checklist."
    ),
    "checklist.not_loaded": (
        "{count} checklist files have errors and were not loaded; the last good version "
        "stays in use"
    ),
    "checklist.not_loaded_one": (
        "1 checklist file has errors and was not loaded; the last good version stays in use"
    ),
}
