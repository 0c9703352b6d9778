"""Office imports refused before any row is checked, or for what a row may not change:
a file of another format under a sheet's name, a workbook whose data is not where the
import reads it, a column named twice, a shipped venue kind or grid level, a name another
kind or level goes by."""

from __future__ import annotations

ZH: dict[str, str] = {
    "import.name_taken.kind": (
        "“{name}”已是场所类型 {other} 的名称：两个类型同名，导入场所时会认错类型，"
        "设备上也分不清，请给这个类型换一个名称"
    ),
    "import.name_taken.level": (
        "“{name}”已是网格层级 {other} 的名称：两个层级同名，导入网格时会认错层级，"
        "设备上也分不清，请给这个层级换一个名称"
    ),
    "import.shipped_kind": (
        "{code} 是程序自带的场所类型，它的名称和标牌上的防火须知不能用表格修改：新增场所类型请换一个编码；"
        "要改它的检查周期，请用 fieldapp admin setting set cadence_days '{example}'"
    ),
    "import.shipped_level": (
        "{code} 是程序自带的网格层级，它的名称和层次不能用表格修改：新增网格层级请换一个编码；"
        "要改它的上报截止时间，请用 fieldapp admin setting set report_deadlines '{example}'"
    ),
    "import.column_twice": (
        "表头中不止一列是 {column} 列（{cells}），导入只会读其中一列，其余列的内容会丢失：请删去多余的列，或改正列名"
    ),
    "import.formula_cell": (
        "这一格是公式（{formula}），导入不计算公式，读到的是空格：请复制这些格子，"
        "用“选择性粘贴→数值”粘回原处后再导入"
    ),
    "import.first_sheet_empty": (
        "第一个工作表“{first}”是空的，数据在工作表“{other}”上：XLSX 只读取第一个工作表，"
        "请把有数据的工作表拖到最前面，或把数据复制到第一个工作表"
    ),
    "import.xlsx_as_csv": (
        "这个文件是 Excel 工作簿（.xlsx），不是 CSV：请把文件名的后缀改为 .xlsx 后再导入"
    ),
    "import.xls_as_csv": (
        "这个文件是旧版 Excel 工作簿（.xls），不是 CSV：请用 Excel 或 WPS 打开，另存为 .xlsx 后再导入"
    ),
}

EN: dict[str, str] = {
    "import.name_taken.kind": (
        "'{name}' is already the name of venue kind {other}: with two kinds of one name, "
        "a venue sheet naming it gets the wrong kind and devices cannot tell them apart, "
        "so give this kind another name"
    ),
    "import.name_taken.level": (
        "'{name}' is already the name of grid level {other}: with two levels of one name, "
        "a grids sheet naming it gets the wrong level and devices cannot tell them apart, "
        "so give this level another name"
    ),
    "import.shipped_kind": (
        "{code} is a venue kind the program ships, and a sheet cannot change its names or "
        "its placard's fire precautions: give a kind of your own a new code; to change this "
        "kind's cadence, use fieldapp admin setting set cadence_days '{example}'"
    ),
    "import.shipped_level": (
        "{code} is a grid level the program ships, and a sheet cannot change its names or "
        "its depth: give a level of your own a new code; to change this level's report "
        "deadline, use fieldapp admin setting set report_deadlines '{example}'"
    ),
    "import.column_twice": (
        "the header row names the {column} column more than once ({cells}), and only one "
        "would be read, losing the others' data: remove the extra column, or correct its name"
    ),
    "import.formula_cell": (
        "this cell holds a formula ({formula}), which the import does not calculate, so it "
        "reads as empty: copy the cells and paste them back as values (Paste Special → "
        "Values), then import again"
    ),
    "import.first_sheet_empty": (
        "the first sheet, '{first}', is empty and the data is on sheet '{other}': only the "
        "first sheet of an XLSX is read, so drag the sheet with the data to the front, or "
        "copy the data to the first sheet"
    ),
    "import.xlsx_as_csv": (
        "this file is an Excel workbook (.xlsx), not a CSV: rename it to end in .xlsx and "
        "import it again"
    ),
    "import.xls_as_csv": (
        "this file is an old Excel workbook (.xls), not a CSV: open it in Excel or WPS, "
        "save it as .xlsx and import it again"
    ),
}
