"""`fieldapp admin setting set`, as a tester found it: a value that is not JSON was said with
Python's English parser message inside the Chinese one; the help gave 45 as an example that
cadence_days refused; English called the JSON object "a table of name = value"; and a
cadence for a kind the server does not hold (foot_massage) was published."""

from __future__ import annotations

import re
import shlex

from click.testing import CliRunner, Result

from fieldapp.cli import main


def _admin(db: str, lang: str, *args: str) -> Result:
    return CliRunner().invoke(main, ["--lang", lang, "admin", "--db", db, *args])


def _server(tmp_path) -> str:
    db = f"sqlite:///{tmp_path / 'srv.sqlite3'}"
    assert CliRunner().invoke(main, ["admin", "--db", db, "init"]).exit_code == 0
    return db


def _refused(db: str, lang: str, key: str, value: str, *, status: int = 1) -> str:
    result = _admin(db, lang, "setting", "set", key, value)
    assert result.exit_code == status, result.output
    return result.output


def test_a_value_that_is_not_json_is_said_in_the_users_language(tmp_path) -> None:
    db = _server(tmp_path)
    chinese = _refused(db, "zh", "cadence_days", "{bad", status=2)
    assert "不是有效的 JSON（第 1 行第 2 个字符附近）" in chinese
    assert "Expecting" not in chinese
    english = _refused(db, "en", "report_deadlines", '{"village": 17:00}', status=2)
    assert "not valid JSON (near line 1, character 15)" in english


def test_every_example_the_help_gives_is_taken(tmp_path) -> None:
    db = _server(tmp_path)
    for lang in ("zh", "en"):
        shown = _admin(db, lang, "setting", "set", "--help").output
        examples = re.findall(r"([a-z_]+) ('\{[^}]*\}'|\d+)", " ".join(shown.split()))
        assert len(examples) == 2, shown
        for key, value in examples:
            result = _admin(db, lang, "setting", "set", key, *shlex.split(value))
            assert result.exit_code == 0, result.output


def test_a_setting_that_is_not_an_object_is_said_in_json_words(tmp_path) -> None:
    db = _server(tmp_path)
    english = _refused(db, "en", "cadence_days", "45")
    assert 'cadence_days must be a JSON object, e.g. {"hotel": 14}' in english
    assert "table" not in english
    chinese = _refused(db, "zh", "report_deadlines", '"17:00"')
    assert 'report_deadlines 应写成 JSON 对象，如 {"village": "17:00"}' in chinese
    empty = _refused(db, "zh", "activity_types", "[]")  # said 应为活动类型的列表: it is one
    assert "activity_types 是空列表：至少要写一种活动类型" in empty


def test_a_cadence_for_a_kind_the_server_does_not_hold_is_refused(tmp_path) -> None:
    db = _server(tmp_path)
    refused = _refused(db, "zh", "cadence_days", '{"foot_massage": 14}')
    assert "“foot_massage”不是本服务器的场所类型：可填 market、hotel、" in refused
    assert "或先用 import-kinds 添加" in refused
    assert "cadence_days" not in _admin(db, "en", "setting", "list").output
    kinds = tmp_path / "kinds.csv"
    kinds.write_text("code,zh,en\nfoot_massage,足浴店,Foot massage\n", encoding="utf-8")
    assert _admin(db, "en", "import-kinds", str(kinds)).exit_code == 0
    taken = _admin(db, "en", "setting", "set", "cadence_days", '{"foot_massage": 14}')
    assert taken.exit_code == 0, taken.output


def test_checklist_params_are_checked_as_a_checklist_s_params(tmp_path) -> None:
    """{"foo": 1} was published though no checklist has param.foo (publish-checklist
    refuses a condition naming one), and min_extinguishers -1 made COM-01 never fail."""
    from fieldapp.paths import CHECKLISTS_DIR

    db = _server(tmp_path)
    published = _admin(db, "zh", "publish-checklist", str(CHECKLISTS_DIR / "rental_housing.toml"))
    assert published.exit_code == 0, published.output
    unknown = _refused(db, "zh", "checklist_params", '{"foo": 1}')
    assert "checklist_params 中的 foo 不是已发布检查表的参数：可填 max_people_per_room" in unknown
    negative = _refused(db, "en", "checklist_params", '{"min_extinguishers": -1}')
    assert "param.min_extinguishers is a threshold and cannot be below 0 (got -1)" in negative
    assert "checklist_params" not in _admin(db, "en", "setting", "list").output
    taken = _admin(db, "zh", "setting", "set", "checklist_params", '{"min_extinguishers": 1}')
    assert taken.exit_code == 0, taken.output
