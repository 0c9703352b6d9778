"""The demo's patrols: a fireworks key-day route of four checkpoints in 鼎美村, walked by
the first inspector (daily, 06:30–09:00 and 18:00–20:00) while the office runs the 春节禁燃
campaign (`spring_festival`, published off: the route is not due until it is started),
imported into the demo server the way an office imports them (`fieldapp admin
import-checkpoints` / `import-routes`, after the campaigns are published)."""

from __future__ import annotations

from pathlib import Path

from fieldapp.services.demo.data import PEOPLE, village_grid

CHECKPOINTS = (
    ("DM-CP01", "鼎美村东口", "village_entrance", "鼎美村东路口"),
    ("DM-CP02", "鼎美村烟花爆竹销售点", "fireworks_point", "鼎美村商业街12号"),
    ("DM-CP03", "鼎美村1号消火栓", "hydrant", "鼎美村村委会门前"),
    ("DM-CP04", "鼎美村消防室", "fire_room", "鼎美村村委会"),
)
ROUTE = ("DM-FW", "春节烟花爆竹巡逻", "daily", "06:30-09:00;18:00-20:00")
CAMPAIGN = "spring_festival"  # the fireworks ban the route patrols for


def seed_patrols(dest: Path) -> None:
    """Import the demo's checkpoints and route (inside the server's connection)."""
    from sync.server.models import Person
    from sync.server.patrol_import import import_checkpoints, import_routes

    grid = village_grid("DM")
    inspector = next(p for p in PEOPLE if p.key == "inspector")
    person = Person.get_or_none(Person.name == inspector.name)
    if person is None:
        return
    dest.mkdir(parents=True, exist_ok=True)
    points = dest / "checkpoints.csv"
    points.write_text(
        "code,name,kind,grid,address\n"
        + "".join(f"{c},{n},{k},{grid},{a}\n" for c, n, k, a in CHECKPOINTS),
        encoding="utf-8",
    )
    code, name, days, windows = ROUTE
    routes = dest / "routes.csv"
    codes = ";".join(c for c, *_ in CHECKPOINTS)
    routes.write_text(
        "code,name,grid,checkpoints,days,windows,ordered,people,campaign\n"
        f"{code},{name},{grid},{codes},{days},{windows},no,{person.id},{CAMPAIGN}\n",
        encoding="utf-8",
    )
    import_checkpoints(points)
    import_routes(routes)
