"""On a locked device the lock screen is up from the app's first frame: the start-up reads
whether the PIN must open the app (`startup.run_tui`, on the store it has open), so the
app covers home with the lock as it mounts. It read that in a thread of its own while
home was drawn, and home, with the person's name and grids, was drawn before the lock
covered it."""

from __future__ import annotations

from pilot_support import settle
from test_device_lock import cheap_kdf, with_pin  # noqa: F401 - the locked device
from textual.app import App

from fieldapp.services.common import device_lock
from fieldapp.tui.app import make_app
from fieldapp.tui.screens.home import HomeScreen
from fieldapp.tui.screens.lock import LockScreen
from fieldapp.tui.views.home import start_building_home_view


def screens_drawn(app: App[object]) -> list[object]:
    """The screens Textual draws, in order, as it draws them."""
    drawn: list[object] = []
    display = app._display  # noqa: SLF001 - the frames as Textual draws them

    def noted(screen: object, update: object) -> None:
        drawn.append(screen)
        display(screen, update)  # type: ignore[arg-type]

    app._display = noted  # type: ignore[method-assign]
    return drawn


async def test_a_locked_device_never_draws_home(with_pin: bytes) -> None:  # noqa: F811
    start_building_home_view()  # as the app's start does, while Textual is imported
    read = (device_lock.lock_state(), device_lock.idle_lock_minutes())  # and this, as it does
    app = make_app()
    app.startup_lock = read
    drawn = screens_drawn(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot, rounds=2)
        assert isinstance(app.screen, LockScreen)
    assert drawn, "the app drew a frame"
    assert not [screen for screen in drawn if isinstance(screen, HomeScreen)]
