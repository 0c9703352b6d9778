"""What is wrong with a checklist or campaign file (TOML, or the XLSX sheets an office
edits) and what to do. `fieldapp.domain.checklist_validator.ChecklistError` holds the file,
line and code, and a `Problem`: a key here and its values. TOML keys, item codes and the
values a key takes stay as the file writes them: they are what the author must type."""

from __future__ import annotations

ZH = {
    "cl.at_line": "{file} 第 {line} 行",
    "cl.at_cell": "{file} 的 {cell} 单元格",
    "cl.at": "{where}：{problem}",
    "cl.at_item": "{where}（{code}）：{problem}",
    "cl.said": "{problem}",
    "cl.toml_syntax": "TOML 语法错误：{problem}",
    "cl.toml_syntax_at": "TOML 语法错误，在第 {column} 列：{problem}",
    "cl.toml.unclosed_string": '引号没有闭合：请在文字末尾补上引号，跨行的文字用三个引号 """ 括起来',
    "cl.toml.control_character": "文字中有不可见的控制字符：请删去它",
    "cl.toml.expected_equals": '键的后面缺少“=”：请写成 键 = 值，如 title = "消防检查"',
    "cl.toml.invalid_value": '“=”后面的值写法不对：文字要用引号括起来，如 title = "消防检查"；数字、true、false 和日期不加引号',
    "cl.toml.after_value": "值的后面还有内容：一行只写一个 键 = 值，文字要整段用引号括起来",
    "cl.toml.unclosed_array": "列表的方括号没有闭合：请在末尾补上 ]，各项之间用逗号分开",
    "cl.toml.unclosed_inline_table": "花括号没有闭合：请在末尾补上 }，各项之间用逗号分开",
    "cl.toml.unclosed_header": "表名的方括号没有闭合：请写成 [表名] 或 [[表名]]",
    "cl.toml.twice": "同一个键或表写了两次：请删去或合并重复的一处",
    "cl.toml.backslash": "文字中的反斜杠“\\”写法不对：请写成两个反斜杠，或改用单引号括起这段文字",
    "cl.toml.bad_date": "日期或时间写法不对：请按 年-月-日 写，如 2026-03-01",
    "cl.toml.other": "请检查这一行的引号、括号和等号是否成对、完整",
    "cl.unknown_key": "不认识的键 {field}：请检查拼写，或删去这一行",
    "cl.unknown_key_close": "不认识的键 {field}：是不是想写 {close}？请改正拼写",
    "cl.missing_key": "缺少必填的键 {field}：请补上",
    "cl.missing_kinds": "缺少必填的键 kinds：请写上这个分节适用的场所类型",
    "cl.missing_days": "缺少必填的键 rectification_days：可能不合格的检查项要写整改天数（0 表示当场整改）",
    "cl.bad_code": "{field} 只能由小写英文字母、数字和 _ 组成（现在是 {got}）：请改正",
    "cl.bad_version": "version 必须是正整数（现在是 {got}）：请写 1、2 这样的整数，修改检查表时加 1",
    "cl.text_required": "{field} 不能为空：请填写文字",
    "cl.text_empty": "{field} 的文字为空：请填写",
    "cl.not_text": "{field} 必须是文字：请用引号括起来",
    "cl.not_number": "{field} 必须是数字（现在是 {got}）：请改正",
    "cl.not_date": "{field} 必须是日期：请按 年-月-日 写，如 2026-03-01",
    "cl.true_or_false": "{field} 只能是 true 或 false（现在是 {got}）：请改正",
    "cl.one_of": "{field} 只能是 {allowed} 中的一个（现在是 {got}）：请改正",
    "cl.only_for": '{field} 只用于 answer 为 "{wanted}" 的检查项（这里 answer 是 {got}）：请删去 {field}，或改 answer',
    "cl.only_for_plural": '{field} 只用于 answer 为 "{wanted}" 的检查项（这里 answer 是 {got}）：请删去 {field}，或改 answer',
    "cl.too_long": "{field} 太长（{length} 个字，最多 {limit} 个）：请缩短",
    "cl.option_too_long": "有一个选项太长（{length} 个字，最多 {limit} 个）：请缩短",
    "cl.section_problem": "分节的 {problem}",
    "cl.extra_table": "extra 必须是表：请写成 [extra] 表",
    "cl.extra_json": "extra 必须是 JSON（{error}）：请改正",
    "cl.kinds_list": 'kinds 必须是场所类型的列表，且不能为空：请写成 kinds = ["restaurant"] 的形式',
    "cl.unknown_kind": "没有场所类型 {kind}：请填写 {known} 中的一个",
    "cl.kind_twice": "kinds 中有重复的场所类型：请删去重复的一个",
    "cl.sections_list": "没有分节：请至少写一个 [[sections]] 分节",
    "cl.section_table": "每个分节都必须是表：请写成 [[sections]]",
    "cl.section_code": "分节编码必须是 2 到 5 个大写英文字母，如 COM（现在是 {got}）：请改正",
    "cl.section_code_twice": "分节编码重复：每个分节的编码都要不同，请改用另一个编码",
    "cl.section_text_empty": "分节的 {field} 文字为空：请填写",
    "cl.section_no_items": "分节中没有检查项：请在分节下写至少一个 [[sections.items]]",
    "cl.item_table": "每个检查项都必须是表：请写成 [[sections.items]]",
    "cl.item_code": "检查项编码应写成 ABC-01 的形式（现在是 {got}）：请改正",
    "cl.item_code_twice": "检查项编码重复：同一检查表中每个编码只能用一次，请改用另一个编码",
    "cl.bad_days": "rectification_days 必须是不小于 0 的整数（现在是 {got}）：请改正",
    "cl.condition_empty": "{field} 必须是条件表达式，不能为空：请填写条件，或删去这一行",
    "cl.condition": "{field} 的条件有误，{error}",
    "cl.fail_if_answer": "fail_if 只用于 answer 为 number、date 或 text 的检查项：请删去 fail_if，或改 answer",
    "cl.repeat_text": "repeat 必须是数字表达式，如 venue.rooms：请改正",
    "cl.repeat_not_number": "repeat 的次数必须是数字，这里却是{got}：请改为数字表达式，如 venue.rooms",
    "cl.params_table": "params 必须是表，每行写 名称 = 数字：请改正",
    "cl.param_name": "参数名 {name} 只能由小写英文字母、数字和 _ 组成：请改正",
    "cl.param_number": "param.{name} 必须是数字（现在是 {got}）：请改正",
    "cl.outcomes": "outcomes 要按选项的顺序，为每个选项写一个结果（{allowed} 之一）：请改正",
    "cl.no_choices": 'answer 为 "choice" 的检查项需要选项：请填写 choices 或 options',
    "cl.choices_empty": "choices 中的每一项都必须是非空文字：请改正",
    "cl.choices_twice": "choices 中有重复的选项：请删去重复的一个",
    "cl.option_separator": "选项中不能含有 {separator}：请改用其他符号",
    "cl.choices_en_texts": "choices_en 必须是非空文字的列表，每个选项一个：请改正",
    "cl.choices_en_count": "choices_en 有 {labels} 个英文名称，选项却有 {count} 个：请为每个选项写一个",
    "cl.options_and_choices": "options 和 choices（及 outcomes）只能写一种：请删去其中一种",
    "cl.options_list": "options 必须是 {{value = …, outcome = …}} 表的列表：请改正",
    "cl.option_value": "每个选项都要有 value 文字：请写成 {{value = …, outcome = …}}",
    "cl.option_en": "选项 {value} 的 en 为空：请填写英文名称",
    "cl.option_outcome": "选项 {value} 的 outcome 只能是 {allowed} 中的一个（现在是 {got}）：请改正",
    "cl.options_twice": "options 中有重复的 value：请删去重复的一个",
    "cl.options_en_all": "有的选项写了 en，有的没写：请每个选项都写 en 英文名称，或者都不写",
    "cl.min_over_max": "min（{low}）大于 max（{high}）：请改正",
    "cl.past_flag": "past 只能是 true（日期是已发生的事：今天或更早）或 false（现在是 {got}）：请改正",
    "cl.integer_flag": "integer 只能是 true（计数：只能填整数）或 false（现在是 {got}）：请改正",
    "cl.items_sheet_empty": "items 工作表是空的（没有表头行）：请在第 1 行写表头",
    "cl.unknown_column": "不认识的列 {name}：请检查表头拼写，或删去这一列",
    "cl.no_column": "表头中没有 {name} 列：请在第 1 行加上这一列",
    "cl.section_split": "分节 {code} 已在第 {row} 行开始：同一分节的检查项要写在相邻的行中",
    "cl.no_section": "第一个检查项没有填写分节：请在 section 列填写分节编码",
    "cl.section_cell_later": "{column} 列只在分节 {code} 的第一行（第 {row} 行）读取：要改这一项，请改第 {row} 行并清空这一格；要另起一个分节，请在 section 列填写新的分节编码",
    "cl.bad_xlsx": "这不是 XLSX 文件，或文件已损坏：请用 Excel 或 WPS 打开后重新另存为 .xlsx",
    "cl.no_sheet": "工作簿中没有 {name} 工作表：请按导出的模板建立这个工作表",
    "cl.not_published": (
        "还没有发布 {wanted} 的检查表（已发布：{published}）：请先用 "
        "fieldapp admin publish-checklist FILE 发布它的 TOML 文件"
    ),
    "cl.none_published": (
        "还没有发布 {wanted} 的检查表（目前一个也没有）：请先用 "
        "fieldapp admin publish-checklist FILE 发布它的 TOML 文件"
    ),
    "cl.phases_en": "phases_en 要按 phases 的顺序，为每个阶段写一个英文名称：请改正",
    "cl.targets_table": "targets 必须是表，每行写 名称 = 数字：请改正",
    "cl.list_of_texts": "{field} 必须是非空文字的列表：请改正",
    "cl.list_of_dates": "{field} 必须是日期的列表：请按 年-月-日 写，如 2026-03-01",
    "cl.value_twice": "{field} 中有重复的值：请删去重复的一个",
}

EN = {
    "cl.at_line": "{file}:{line}",
    "cl.at_cell": "{file}!{cell}",
    "cl.at": "{where}: {problem}",
    "cl.at_item": "{where}: {code}: {problem}",
    "cl.said": "{problem}",
    "cl.toml_syntax": "TOML syntax error: {problem}",
    "cl.toml_syntax_at": "TOML syntax error at column {column}: {problem}",
    "cl.toml.unclosed_string": (
        "a quote is not closed: close the text with a quote on its line (text over several "
        'lines goes between three quotes """)'
    ),
    "cl.toml.control_character": "an invisible control character is in the text: delete it",
    "cl.toml.expected_equals": "'=' is missing after the key: write key = value, e.g. title = \"Fire check\"",
    "cl.toml.invalid_value": (
        "the value after '=' is not written right: text goes in quotes, e.g. "
        'title = "Fire check"; numbers, true, false and dates go without'
    ),
    "cl.toml.after_value": (
        "something follows the value: one key = value a line, text wholly in quotes"
    ),
    "cl.toml.unclosed_array": "a list's square bracket is not closed: end it with ], its items separated by commas",
    "cl.toml.unclosed_inline_table": "a curly brace is not closed: end it with }, its items separated by commas",
    "cl.toml.unclosed_header": "a table name's square bracket is not closed: write [name] or [[name]]",
    "cl.toml.twice": "the same key or table is written twice: delete or merge one of them",
    "cl.toml.backslash": "a backslash in the text is not written right: write two backslashes, or put the text in single quotes",
    "cl.toml.bad_date": "a date or time is not written right: use YYYY-MM-DD, e.g. 2026-03-01",
    "cl.toml.other": "check that the quotes, brackets and = signs on this line are complete and paired",
    "cl.unknown_key": 'unknown key "{field}"',
    "cl.unknown_key_close": 'unknown key "{field}" (did you mean "{close}"?)',
    "cl.missing_key": 'missing required key "{field}": add it',
    "cl.missing_kinds": 'missing required key "kinds" (the venue kinds it joins)',
    "cl.missing_days": (
        'missing required key "rectification_days" for an item that can fail (0 = fix on the spot)'
    ),
    "cl.bad_code": "{field} must be lower-case letters, digits and _ (got {got})",
    "cl.bad_version": (
        "version must be a positive integer (got {got}): write a whole number such as 1 "
        "or 2, one more each time the checklist changes"
    ),
    "cl.text_required": "{field} must be non-empty text",
    "cl.text_empty": "{field} text is empty",
    "cl.not_text": "{field} must be text",
    "cl.not_number": "{field} must be a number (got {got})",
    "cl.not_date": "{field} must be a date YYYY-MM-DD",
    "cl.true_or_false": "{field} must be true or false (got {got})",
    "cl.one_of": "{field} must be one of {allowed} (got {got})",
    "cl.only_for": '{field} is only for answer "{wanted}" (answer is {got})',
    "cl.only_for_plural": '{field} are only for answer "{wanted}" (answer is {got})',
    "cl.too_long": "{field} is too long ({length} characters, at most {limit}): shorten it",
    "cl.option_too_long": "an option is too long ({length} characters, at most {limit}): shorten it",
    "cl.section_problem": "section {problem}",
    "cl.extra_table": "extra must be a table",
    "cl.extra_json": "extra must be JSON ({error})",
    "cl.kinds_list": "kinds must be a non-empty list of venue kinds",
    "cl.unknown_kind": "unknown venue kind {kind} (known: {known})",
    "cl.kind_twice": "kinds lists a venue kind twice",
    "cl.sections_list": "sections must be a non-empty list of [[sections]] tables",
    "cl.section_table": "each section must be a table",
    "cl.section_code": "section code must be 2-5 capital letters such as COM (got {got})",
    "cl.section_code_twice": "duplicate section code: give each section its own code",
    "cl.section_text_empty": "section {field} text is empty",
    "cl.section_no_items": "section has no [[sections.items]]",
    "cl.item_table": "each item must be a table",
    "cl.item_code": "item code must look like ABC-01 (got {got})",
    "cl.item_code_twice": (
        "duplicate item code (each code must be unique in the checklist): use another code"
    ),
    "cl.bad_days": "rectification_days must be a whole number >= 0 (got {got})",
    "cl.condition_empty": "{field} must be a non-empty condition text",
    "cl.condition": "{field}: {error}",
    "cl.fail_if_answer": "fail_if is for number, date and text items",
    "cl.repeat_text": "repeat must be a number expression such as venue.rooms",
    "cl.repeat_not_number": "repeat: the count must be a number, not a {got}",
    "cl.params_table": "params must be a table of name = number",
    "cl.param_name": 'parameter name "{name}" must be lower-case letters, digits and _',
    "cl.param_number": "param.{name} must be a number (got {got})",
    "cl.outcomes": "outcomes must list one of {allowed} per choice, in order",
    "cl.no_choices": 'answer "choice" needs choices',
    "cl.choices_empty": "choices must be non-empty texts",
    "cl.choices_twice": "choices lists an option twice",
    "cl.option_separator": 'an option may not contain "{separator}"',
    "cl.choices_en_texts": "choices_en must be a list of non-empty texts, one per option",
    "cl.choices_en_count": "the English labels in choices_en ({labels}) are not as many as the options ({count}): give one for each option",
    "cl.options_and_choices": "give either options or choices (with outcomes), not both",
    "cl.options_list": "options must be a list of {{value = …, outcome = …}} tables",
    "cl.option_value": "each option needs a value text: {{value = …, outcome = …}}",
    "cl.option_en": "option {value}: en must be a non-empty text",
    "cl.option_outcome": "option {value}: outcome must be one of {allowed} (got {got})",
    "cl.options_twice": "options lists a value twice",
    "cl.options_en_all": "give every option its en label, or none",
    "cl.min_over_max": "min ({low}) is greater than max ({high})",
    "cl.past_flag": (
        "past must be true (the date is of something done: today or earlier) or false (got {got})"
    ),
    "cl.integer_flag": "integer must be true (a count: whole numbers only) or false (got {got})",
    "cl.items_sheet_empty": "the items sheet is empty (no header row)",
    "cl.unknown_column": "unknown column {name}",
    "cl.no_column": "the header row has no {name} column",
    "cl.section_split": (
        "section {code} started on row {row}; keep a section's items on consecutive rows"
    ),
    "cl.no_section": "the first item names no section",
    "cl.section_cell_later": (
        "{column} is read on the first row of section {code} only (row {row}): change it "
        "there and empty this cell, or start a new section with a new code in the section column"
    ),
    "cl.bad_xlsx": "not an XLSX file, or a damaged one: open it in Excel or WPS and save it again as .xlsx",
    "cl.no_sheet": "the workbook has no sheet {name}",
    "cl.not_published": (
        "no published checklist for {wanted} (published: {published}); "
        "publish its TOML first with `fieldapp admin publish-checklist FILE`"
    ),
    "cl.none_published": (
        "no published checklist for {wanted} (published: none); "
        "publish its TOML first with `fieldapp admin publish-checklist FILE`"
    ),
    "cl.phases_en": (
        "phases_en names each phase once, in its order: give one English name per phase "
        "of phases, in the same order"
    ),
    "cl.targets_table": "targets must be a table of name = number",
    "cl.list_of_texts": "{field} must be a list of non-empty texts",
    "cl.list_of_dates": "{field} must be a list of dates YYYY-MM-DD",
    "cl.value_twice": "{field} lists a value twice",
}
