"""Chinese messages are punctuated in Chinese: ，。：；（） next to Chinese characters,
never the ASCII , : ; ( ) that read as a typing slip ("出生年份无效,请填写…(如 1985)")."""

from __future__ import annotations

import re

import pytest

from fieldapp import i18n

CHINESE = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
ASCII_NEXT_TO_CHINESE = re.compile(rf"(?<={CHINESE})[,:;()]|[,:;()](?={CHINESE})")
# What a person types, written as it is typed: an address (https://服务器:端口) and the
# form of a time (时:分, as 17:00 is typed, the way a date's is 年-月-日).
TYPED = re.compile(r"\S*://\S*|时:分")


def ascii_punctuation_in_chinese(text: str) -> list[str]:
    return ASCII_NEXT_TO_CHINESE.findall(TYPED.sub("", text))


def test_no_chinese_message_has_ascii_punctuation_next_to_a_chinese_character() -> None:
    zh = i18n._load()["zh"]
    slips = {key: text for key, text in zh.items() if ascii_punctuation_in_chinese(text)}
    assert slips == {}


def test_the_check_sees_the_slips_and_leaves_what_is_typed() -> None:
    assert ascii_punctuation_in_chinese("出生年份无效,请填写四位年份(如 1985)") == [",", "("]
    assert ascii_punctuation_in_chinese("未知的人员类别:{tags}") == [":"]
    assert ascii_punctuation_in_chinese("请写成 https://服务器:端口 的形式。") == []
    assert ascii_punctuation_in_chinese("时间格式应为 时:分，例如 17:00") == []
    assert ascii_punctuation_in_chinese("照片文件，多个用 ; 分隔") == []


# Full-width punctuation (，。：；（）、？！ and the ideographic space) in an English message
# reads as a typing slip ("Village A（T01）"); English is punctuated in ASCII.
FULL_WIDTH = re.compile(r"[\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f]")


def test_no_english_message_has_full_width_punctuation() -> None:
    en = i18n._load()["en"]
    slips = {key: text for key, text in en.items() if FULL_WIDTH.search(text)}
    assert slips == {}


def test_the_english_check_sees_full_width_brackets_and_commas() -> None:
    assert FULL_WIDTH.findall("Village A（T01-DM），filed") == ["（", "）", "，"]
    assert FULL_WIDTH.findall("Village A (T01-DM), filed: 2 of 3") == []


# Around a placeholder the check above cannot see Chinese: "{name}({role})" shows
# 林秀英(网格员). A Chinese message puts a filled-in value in （）; "{name}()" is a
# function as it is typed.
CHINESE_CHAR = re.compile(r"[\u4e00-\u9fff]")
ASCII_AROUND_PLACEHOLDER = re.compile(r"(?<=\})\((?!\))|\((?=\{)|(?<=\})\)|(?<!\()\)(?=\{)")


def test_no_chinese_message_puts_a_placeholder_in_ascii_brackets() -> None:
    zh = i18n._load()["zh"]
    slips = {
        key: text
        for key, text in zh.items()
        if CHINESE_CHAR.search(text) and ASCII_AROUND_PLACEHOLDER.search(text)
    }
    assert slips == {}


def test_the_placeholder_check_sees_brackets_around_a_value() -> None:
    assert ASCII_AROUND_PLACEHOLDER.search("{name}({role})")
    assert ASCII_AROUND_PLACEHOLDER.search("合格 ({detail})")
    assert not ASCII_AROUND_PLACEHOLDER.search("{name}() 只接受一个日期")
    assert not ASCII_AROUND_PLACEHOLDER.search("{name}（{role}）")


def test_chinese_writes_the_form_of_a_date_one_way() -> None:
    """年-月-日, as the review and people dialogs say; the hazard form and F5's filter
    said YYYY-MM-DD."""
    zh = i18n._load()["zh"]
    assert {key: text for key, text in zh.items() if "YYYY" in text} == {}


def test_a_chosen_answer_is_put_in_brackets_of_the_language() -> None:
    """The inspection record read 合格 (已设置且有效): the brackets are the catalogue's."""
    from fieldapp.services.inspection.history import RecordedItem
    from fieldapp.tui.screens.inspection_record import answer_text

    item = RecordedItem("", "", "FIR-01", "", "", "choice", "pass", "已设置且有效",
                        "In place and working", "", (), None)  # fmt: skip
    i18n.set_language("zh")
    try:
        assert answer_text(item) == "合格（已设置且有效）"
        i18n.set_language("en")
        assert answer_text(item).endswith(" (In place and working)")
    finally:
        i18n.set_language("zh")


def test_an_answer_on_the_item_card_is_put_in_brackets_of_the_language() -> None:
    from fieldapp.tui.widgets.item_card import answer_words

    i18n.set_language("zh")
    assert answer_words("pass", "已设置且有效") == "合格（已设置且有效）"


# A message that asks and then says a sentence more ends that sentence ("…Finish anyway?
# They count as missed posts" had no stop). A question in brackets ("(not synced yet?)")
# goes on with the same sentence; checklist problems (cl.*) are listed, one a line, bare.
ASKS_THEN_SAYS = re.compile(r"[?？]\s*(?=[A-Z\u4e00-\u9fff])")
ENDS = re.compile(r"[.。?？!！:：…)）]$")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_question_followed_by_a_sentence_ends_with_a_stop(lang: str) -> None:
    texts = i18n._load()[lang]
    unended = {
        key: text
        for key, text in texts.items()
        if not key.startswith("cl.")
        and ASKS_THEN_SAYS.search(text)
        and not ENDS.search(text.rstrip())
    }
    assert unended == {}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_report_filed_already_is_said_in_a_sentence(lang: str) -> None:
    """ "鼎美村 (T01-DM)'s report for today was filed at 08:30" had no full stop."""
    text = i18n.text_in(lang, "report.again.title") or ""
    assert text.endswith((".", "。")), text


# English quotes a value or a label in straight single quotes, as most of its messages do
# ("The hazard is '{state}'", "Switch off the campaign '{name}'?"); a few said “{value}”
# or "{value}". Straight double quotes stay where they are what is typed in a checklist
# file or an expression (cl.*, expr.*: answer "choice"), or show a quote or JSON.
CURLY_QUOTE = re.compile(r"[“”‘’]")
DOUBLE_QUOTED_WORDS = re.compile(r'"[^"\s][^"]*"')
TYPED_AS_QUOTED = (
    "cl.",
    "expr.",
    "import.open_quote",
    "admin.setting.not_json",
    "cli.help.admin.setting.set",  # a JSON value as it is typed: '{"foot_massage": 14}'
)


def english_quote_slips(key: str, text: str) -> list[str]:
    slips = CURLY_QUOTE.findall(text)
    if not key.startswith(TYPED_AS_QUOTED):
        slips += DOUBLE_QUOTED_WORDS.findall(text)
    return slips


def test_english_quotes_in_straight_single_quotes() -> None:
    en = i18n._load()["en"]
    slips = {key: text for key, text in en.items() if english_quote_slips(key, text)}
    assert slips == {}


def test_the_quote_check_sees_curly_and_double_quotes_and_leaves_typed_ones() -> None:
    assert english_quote_slips("scan.unknown", "No venue has the code “{code}”.") == ["“", "”"]
    assert english_quote_slips("refusal.x", '{what} "{value}" is not a date') == ['"{value}"']
    assert english_quote_slips("campaigns.confirm.off", "Switch off the campaign '{name}'?") == []
    assert english_quote_slips("cl.no_choices", 'answer "choice" needs choices') == []


# A message ends the same way in both languages: with a full stop (or ? !) in both, or in
# neither (a label, a column, a line that leads into a list). "Enter the name" beside
# "请填写姓名。", or "请联系网格长" beside "…ask your grid head.", read as a slip. An
# ellipsis ("请稍候……", "please wait...") is its own ending, and an English label that
# ends in an abbreviation ("No.", "Show ID no.") is no sentence. Placeholders, the hint
# inside an empty field, are labels.
STOPS = (".", "。", "!", "！", "?", "？")
ELLIPSES = ("...", "…")
ABBREVIATIONS = ("No.", "no.", "Haz.")


def ending(text: str) -> str:
    text = text.rstrip()
    if text.endswith(ELLIPSES):
        return "ellipsis"
    if text.endswith(STOPS) and not text.endswith(ABBREVIATIONS):
        return "stop"
    return "none"


def endings_apart() -> dict[str, tuple[str, str]]:
    """Keys whose Chinese and English end differently; an English `_one` form is held to
    the Chinese of its key."""
    texts = i18n._load()
    zh, en = texts["zh"], texts["en"]
    apart = {}
    for key, english in en.items():
        chinese = zh.get(key, zh.get(key.removesuffix("_one")))
        if chinese is None or ".placeholder" in key or key.endswith("placeholder"):
            continue
        if ending(chinese) != ending(english):
            apart[key] = (chinese, english)
    return apart


def test_a_message_ends_with_a_stop_in_both_languages_or_in_neither() -> None:
    assert endings_apart() == {}


def test_the_ending_check_sees_a_missing_stop_and_leaves_labels() -> None:
    assert ending("请填写姓名。") == "stop" and ending("Enter the name") == "none"
    assert ending("Is it done?") == ending("完成了吗？") == "stop"
    assert ending("正在生成，请稍候……") == ending("Printing, please wait...") == "ellipsis"
    assert ending("Household no.") == ending("户号") == "none"


# A label's colon is the catalogue's (设备密码：, "Device PIN: "), never one the code adds:
# click.prompt puts ": " after its text unless told otherwise, and f"{t(key)}: {value}"
# printed 设备: dev-1 in Chinese.
def colons_added_by_code(source: str) -> list[int]:
    """Lines where code puts an ASCII colon after a catalogue text: a click.prompt with
    click's default suffix, or an f-string with ':' right after {t(...)}."""
    import ast

    def said(part: ast.expr) -> bool:
        return isinstance(part, ast.FormattedValue) and ast.unparse(part.value).startswith("t(")

    lines = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and ast.unparse(node.func) == "click.prompt"
            and not any(keyword.arg == "prompt_suffix" for keyword in node.keywords)
        ):
            lines.append(node.lineno)
        if isinstance(node, ast.JoinedStr):
            for part, after in zip(node.values, node.values[1:], strict=False):
                if said(part) and isinstance(after, ast.Constant) and str(after.value)[:1] == ":":
                    lines.append(node.lineno)
    return lines


def test_no_code_puts_an_ascii_colon_after_a_catalogue_text() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    slips = {
        f"{path.relative_to(root)}:{line}"
        for folder in ("fieldapp", "sync")
        for path in sorted((root / folder).rglob("*.py"))
        for line in colons_added_by_code(path.read_text(encoding="utf-8"))
    }
    assert slips == set()


def test_the_colon_check_sees_click_and_f_string_colons() -> None:
    assert colons_added_by_code('click.prompt(t("cli.pin.prompt"), hide_input=True)') == [1]
    assert colons_added_by_code('click.echo(f"{t(key)}: {value}")') == [1]
    assert colons_added_by_code('click.prompt(t("x"), prompt_suffix="")') == []
    assert colons_added_by_code('click.echo(f"{key}: {value}")') == []
    assert colons_added_by_code('click.echo(t("device_info.line", label=t(key), value=v))') == []
