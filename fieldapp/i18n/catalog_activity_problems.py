"""What is wrong with an activity type the office wrote (the `activity_types` setting, or
assets/activities.toml) and what to do. `fieldapp.domain.activities.ActivityTypeInvalid`
holds the key and its values; `where` is the path in the setting (types[2].cadence.every)
and the keys and allowed values stay as they are typed."""

from __future__ import annotations

ZH = {
    "act.not_whole": "{where} 应为 {low} 到 {high} 之间的整数（现在是 {got}）：请改正",
    "act.one_of": "{where} 只能是 {allowed} 中的一个：请改正",
    "act.unknown_key": "{where} 中有不认识的键 {name}：请检查拼写，或删去这个键",
    "act.weekday_or_day": "{where} 中 weekday 和 day 只能写一个：请删去其中一个",
    "act.list_of": "{where} 必须是列表，每项是 {allowed} 中的一个：请改正",
    "act.levels": "{where} 必须是网格层级编码的列表（如 town、village）：请改正",
    "act.text": "{where} 不能为空：请填写文字",
    "act.code": "{where} 只能由小写英文字母、数字和 _ 组成：请改正",
    "act.table": "{where} 必须是表：请改正",
    "act.twice": "{where} {code} 出现了两次：每个活动类型的编码只能用一次，请改用另一个编码",
}

EN = {
    "act.not_whole": "{where} must be a whole number {low}–{high} (got {got})",
    "act.one_of": "{where} must be one of {allowed}",
    "act.unknown_key": "{where}: unknown key {name}",
    "act.weekday_or_day": "{where}: give weekday or day, not both",
    "act.list_of": "{where} must be a list of {allowed}",
    "act.levels": "{where} must be a list of grid level codes (town, village…)",
    "act.text": "{where} must be non-empty text",
    "act.code": "{where} must be lower-case letters, digits and _",
    "act.table": "{where} must be a table",
    "act.twice": "{where} {code} appears twice",
}
