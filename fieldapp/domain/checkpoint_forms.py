"""Checkpoints' kinds and the short forms they carry (巡逻点位的类别和表单): which kinds a
placard can name, each form's items and answer types, and which answer is a problem.

Pure data and one rule; the wording is in the catalogue (`patrol.form.<key>`).
"""

from __future__ import annotations

# Checkpoint kinds (what the placard says it is) and the short form each carries by default.
CHECKPOINT_KINDS: tuple[str, ...] = (
    "village_entrance",
    "road_section",
    "fireworks_point",
    "hydrant",
    "fire_room",
    "other",
)
# A short form: (item key, answer type) in order; the text is in the catalogue
# (`patrol.form.<key>`). yesno answers are "yes"/"no"; number answers a decimal. A yesno
# answer "no" is a problem ("闷盖完好" 否) unless PROBLEM_ANSWERS says which answer is.
# "sale_seen" (是否发现违规销售烟花爆竹？ 是 = problem) replaced "no_sale_seen" (未发现违规
# 销售, 否 = problem), a double negative easily answered the wrong way: a new code, so
# answers stored under the old one keep their meaning.
FORMS: dict[str, tuple[tuple[str, str], ...]] = {
    "hydrant": (("pressure_mpa", "number"), ("cap_intact", "yesno"), ("access_clear", "yesno")),
    "fire_room": (("equipment_complete", "yesno"), ("door_open", "yesno"), ("duty_log", "yesno")),
    "fireworks_point": (("sale_seen", "yesno"),),
}
PROBLEM_ANSWERS: dict[str, str] = {"sale_seen": "yes"}


def is_problem(key: str, answer: str) -> bool:
    """Whether `answer` to the yes/no item `key` records a problem there."""
    return answer == PROBLEM_ANSWERS.get(key, "no")


DEFAULT_FORM = {
    "hydrant": "hydrant",
    "fire_room": "fire_room",
    "fireworks_point": "fireworks_point",
}
