"""Start-up of the TUI, ordered so the home screen shows its data as soon as possible.

No Textual here: the store is opened, the language chosen, and the home screen's data is
read and made into its view in a thread before Textual is imported (~100 ms), so the two
overlap. The home screen's first frame then takes that view
(`tui.views.home.start_building_home_view`). The shipped checklist and campaign files are
parsed only when they are new or changed.
"""

from __future__ import annotations

import sys

from fieldapp.tui.collector import hold_collector, release_collector
from fieldapp.tui.dataclass_code import keep_compiled, stop_keeping
from fieldapp.tui.regex_code import keep_compiled_patterns, stop_keeping_patterns


def import_peewee_without_postgres() -> None:
    """Import peewee with its PostgreSQL drivers hidden: peewee imports psycopg when it is
    installed (~90 ms; the server needs it), and the TUI only opens the local SQLite store."""
    if "peewee" in sys.modules:
        return
    hidden = [name for name in ("psycopg", "psycopg2", "psycopg2cffi") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` fail
    try:
        import peewee  # noqa: F401
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


def run_tui(lang: str | None) -> None:
    """Open the local store, load the shipped checklists, pick the language, run the TUI."""
    hold_collector()  # released after the first frame (FieldApp.on_mount)
    keep_compiled()  # the dataclasses' methods: compiled at the first start only
    keep_compiled_patterns()  # and the regular expressions of the imports below
    import_peewee_without_postgres()
    from fieldapp.i18n import set_language
    from fieldapp.paths import store_path
    from fieldapp.services.activities import types as activity_types
    from fieldapp.services.common import campaigns, checklists, device_lock, kinds, settings
    from fieldapp.services.common.identity import enrolled
    from fieldapp.store import close_store, open_store
    from fieldapp.tui.marks import mark, write_marks
    from fieldapp.tui.views.home import start_building_home_view

    open_store(store_path())
    try:
        report = checklists.load_checklists()
        campaign_report = campaigns.load_campaigns()
        activity_types.load_shipped_types()  # parsed only when the file is new or changed
        kinds.publish_names()  # the kinds and levels the office added, by name
        lang = lang or settings.language()
        set_language(lang)  # the home view is made in it
        if enrolled():  # else the app opens the welcome screen, where enrolment begins
            start_building_home_view().add_done_callback(lambda _: mark("data"))
        # Whether the PIN must open the app, read here on the store already open: the app
        # covers home with the lock as it mounts, before home's first frame, instead of
        # reading it in a thread of its own when home was being drawn.
        lock = (device_lock.lock_state(), device_lock.idle_lock_minutes())
        from fieldapp.tui import node_classes  # Textual's DOM: imported while the data is read

        node_classes.install()  # before Textual's widgets and ours are made
        from fieldapp.tui.app import make_app
        from fieldapp.tui.css_rules import keep_parsed, stop_keeping_parsed

        stop_keeping_patterns()  # before the app runs: none made from anything typed
        mark("imported")
        keep_parsed()  # the stylesheets parsed at the last start are not parsed again
        try:
            app = make_app(lang=lang)
            app.startup_lock = lock
            if not report.ok:
                app.startup_notes.extend(report.messages())
            app.startup_notes.extend(str(error) for error in campaign_report.errors)
            app.run()
        finally:
            stop_keeping_parsed()
    finally:
        release_collector()  # if the app ended before its first frame
        stop_keeping_patterns()
        stop_keeping()
        close_store()
        write_marks()
