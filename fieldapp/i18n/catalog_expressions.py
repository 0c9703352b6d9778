"""The condition language (`show_if`, `required_if`, `fail_if`, `repeat`): what is wrong
with an expression and what to write instead. `fieldapp.domain.expressions.ExprError`
holds the key and its values; names, codes and operators stay as the file writes them."""

from __future__ import annotations

ZH = {
    "expr.at_column": "第 {column} 个字符处：{problem}",
    "expr.type.bool": "是/否值",
    "expr.type.number": "数字",
    "expr.type.text": "文字",
    "expr.type.date": "日期",
    "expr.type.list": "列表",
    "expr.the_end": "表达式末尾",
    "expr.token": "“{text}”",
    "expr.single_equals": "单个 = 不是比较：判断相等请写 ==",
    "expr.unexpected_char": "这里不能写“{char}”：请删去或改正",
    "expr.expected_op": "这里应为“{op}”，实际是{found}：请补上或改正",
    "expr.empty": "表达式为空：请填写条件",
    "expr.unexpected": "多出了{found}：请删去，或用 and、or 连接",
    "expr.chain": "比较不能连写：请用 and 连接两个比较，如 venue.floors > 1 and venue.floors < 5",
    "expr.expected_value": "这里应为一个值，实际是{found}：请补上检查项编码、数字或带引号的文字",
    "expr.list_texts": '列表中只能写带引号的文字：请写成 ["甲", "乙"]',
    "expr.keyword_left": "{text} 的左边缺少一个值：请补上",
    "expr.unknown_name": (
        "不认识的名称 {text}：请写检查项编码（如 COM-01）、venue.…、param.…、campaign.… 或 value"
    ),
    "expr.cycle": "{name} 引用了它自己：条件不能用本检查项的回答，请改用前面的检查项",
    "expr.repeated": "{name} 在重复分节中每次都单独回答：只有同一分节中的条件可以使用它",
    "expr.later": "{name} 排在这一项之后：条件只能使用前面检查项的回答，请调整顺序或改用前面的检查项",
    "expr.unknown_item": "检查表中没有编码为 {name} 的检查项：请核对编码",
    "expr.unknown_venue": "没有场所属性 {name}：请填写 {known} 中的一个",
    "expr.unknown_param": "没有参数 param.{name}：请在 [params] 中写上它的默认值",
    "expr.unknown_campaign": "没有专项行动 {name}：请填写 {known} 中的一个",
    "expr.unknown_campaign_none": "没有专项行动 {name}：请核对专项行动编码",
    "expr.value_outside": "value 表示正在检查的回答：只能在 fail_if 中使用",
    "expr.unary": "{op} 需要{wanted}，不能用于{got}：请改正",
    "expr.call_arity": "{name}() 只接受一个日期：请改正",
    "expr.call_type": "{name}() 需要一个日期，不能用于{got}：请改正",
    "expr.and_or": "{op} 只能连接结果为是/否的条件，不能连接{got}：请改正",
    "expr.arith": "{op} 只能用于数字，不能用于{left}和{right}：请改正",
    "expr.in": "in 判断一段文字是否在列表中，不能用于{left}和{right}：请改正",
    "expr.compare": "{op} 两边的类型不同（{left}和{right}）：请比较同一类的值",
    "expr.order": "{op} 只能比较数字或日期，不能用于{left}和{right}：请改正",
    "expr.not_condition": "条件的结果必须是“是”或“否”，这里却是{got}：请写成比较，如 venue.floors >= 3",
}

EN = {
    "expr.at_column": "column {column}: {problem}",
    "expr.type.bool": "bool",
    "expr.type.number": "number",
    "expr.type.text": "text",
    "expr.type.date": "date",
    "expr.type.list": "list",
    "expr.the_end": "the end",
    "expr.token": '"{text}"',
    "expr.single_equals": 'a single "=" is not a comparison: use "=="',
    "expr.unexpected_char": 'unexpected "{char}"',
    "expr.expected_op": 'expected "{op}" here, found {found}',
    "expr.empty": "the expression is empty",
    "expr.unexpected": "unexpected {found}",
    "expr.chain": "comparisons do not chain: join them with and",
    "expr.expected_value": "expected a value, found {found}",
    "expr.list_texts": "a list holds quoted texts only",
    "expr.keyword_left": '"{text}" needs a value on its left',
    "expr.unknown_name": (
        'unknown name "{text}" (expected an item code such as COM-01, venue.…, param.…, '
        "campaign.… or value)"
    ),
    "expr.cycle": "{name} refers to itself (a cycle)",
    "expr.repeated": (
        "{name} is asked once per instance of a repeated section: only conditions in that "
        "section may use it"
    ),
    "expr.later": (
        "{name} comes later in the checklist (a forward reference): a condition may use only "
        "answers given before it"
    ),
    "expr.unknown_item": 'unknown item code "{name}"',
    "expr.unknown_venue": 'unknown venue attribute "{name}" (known: {known})',
    "expr.unknown_param": 'unknown parameter "param.{name}": give its default in [params]',
    "expr.unknown_campaign": 'unknown campaign "{name}" (known: {known})',
    "expr.unknown_campaign_none": 'unknown campaign "{name}" (known: none)',
    "expr.value_outside": '"value" is the answer being checked: use it in fail_if only',
    "expr.unary": '"{op}" needs a {wanted}, not a {got}',
    "expr.call_arity": "{name}() takes one date",
    "expr.call_type": "{name}() takes a date, not a {got}",
    "expr.and_or": '"{op}" joins true/false conditions, not a {got}',
    "expr.arith": '"{op}" needs numbers, not {left} and {right}',
    "expr.in": '"in" asks whether a text is in a list, not a {left} in a {right}',
    "expr.compare": '"{op}" compares a {left} with a {right}',
    "expr.order": '"{op}" orders numbers or dates, not {left} and {right}',
    "expr.not_condition": "a condition must be true or false, not a {got}",
}
