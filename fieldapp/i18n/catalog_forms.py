"""Messages for the forms the office shapes: conditional items, choices with outcomes,
thresholds and campaigns."""

from __future__ import annotations

ZH: dict[str, str] = {
    "inspect.answer_type.choice_multiple": "多选：{choices}（序号用逗号分隔），回车保存",
    "inspect.option_outcome": "{choice}（{severity}）",
}

EN: dict[str, str] = {
    "inspect.answer_type.choice_multiple": (
        "Choose one or more: {choices} (numbers separated by commas), Enter saves"
    ),
    "inspect.option_outcome": "{choice} ({severity})",
}
