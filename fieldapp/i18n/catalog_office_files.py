"""Files the admin commands read and write (fieldapp.domain.office_files): one wording for
a missing file, another encoding, a folder that cannot be written."""

from __future__ import annotations

ZH: dict[str, str] = {
    "office_file.missing": "找不到这个文件：{file}，请检查文件路径",
    "office_file.not_utf8": "{file} 不是 UTF-8 编码：请用记事本或 WPS 另存为 UTF-8",
    "office_file.workbook": "{file} 是 Excel 工作簿（.xlsx），不是文本文件：检查表的工作簿请把文件名后缀改为 .xlsx 后再试",
    "office_file.no_read_permission": "无法读取 {file}：没有读取权限，请把文件复制到自己的文件夹",
    "office_file.unreadable": "无法读取 {file}（{reason}）：请检查文件能否打开",
    "office_file.no_folder": "无法写入 {file}：文件夹 {folder} 不存在，请检查路径或先建好文件夹",
    "office_file.no_write_permission": "无法写入 {file}：没有写入权限，请换一个文件夹",
    "office_file.is_folder": "无法写入 {file}：这是一个文件夹，请写上文件名",
    "office_file.unwritable": "无法写入 {file}（{reason}）：请换一个文件夹",
}

EN: dict[str, str] = {
    "office_file.missing": "no such file: {file}; check the path",
    "office_file.not_utf8": "{file} is not UTF-8: save it as UTF-8 (Notepad or WPS)",
    "office_file.workbook": (
        "{file} is an Excel workbook (.xlsx), not a text file: a checklist workbook must "
        "have a name ending in .xlsx; rename it and try again"
    ),
    "office_file.no_read_permission": (
        "cannot read {file}: no permission to read it; copy the file to a folder of your own"
    ),
    "office_file.unreadable": "cannot read {file} ({reason}): check that the file opens",
    "office_file.no_folder": (
        "cannot write {file}: the folder {folder} does not exist; check the path or create "
        "the folder first"
    ),
    "office_file.no_write_permission": (
        "cannot write {file}: no permission to write there; choose another folder"
    ),
    "office_file.is_folder": "cannot write {file}: it is a folder; give a file name",
    "office_file.unwritable": "cannot write {file} ({reason}): choose another folder",
}
