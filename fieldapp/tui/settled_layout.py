"""A screen shown with its widgets laid out is not laid out again for nothing.

Home was laid out and drawn a second time just after its first frame, though nothing in it
had moved (~10-15 ms of CPU at every start, the frame drawn twice more). Textual asked for
that layout five ways, each repeating what was already done, and for a sixth draw:

- a layout gives each widget its virtual size, and the widget then asks to be laid out
  again for the size just given (its scrollbars coming or going still ask, as before);
- a widget that asked for a layout before the screen was laid out asks again when it is
  next idle, after that layout took it in (the screen itself likewise);
- a mount is awaited twice (by compose, and by a callback Textual schedules; a screen
  pushed, by that callback), and each await laid the parent out, also when a layout had
  placed the new widgets since (for home, after its first frame);
- the header's title was set to the text it showed (once for each of the four titles the
  header watches, two of them after the first frame);
- the hidden notification area was hidden again each time a screen was shown;
- a screen asks to be repainted as it is shown, and each widget when a layout gives it
  its first size; the first frame, drawn whole, did not take those requests in, so the
  whole screen (or the widgets that asked last, the header's clock space) was drawn again
  at the next tick of the screen's update timer (up to 1/60 s later), and what waited for
  the screen to be drawn (`call_after_refresh`) waited for that second draw;
- home's first frame, drawn while Textual holds updates back as the app starts
  (`App.batch_update`), never reaches the terminal, and when the hold ended the screen
  waited for the next tick of its update timer to be drawn, asleep ~17 ms (1/60 s):
  it is now drawn as soon as the hold ends;
- a repaint a widget sent to the screen before the screen was drawn whole (home's
  tables' scrollbars, asked while the start's hold dropped the first frame, and sent
  just before the frame that reached the terminal) drew the widget again after that
  frame, a tick of the update timer later, and what waited for the screen to be drawn
  waited for it. The whole draw did it: such a repaint is dropped.

`install()` makes each of them ask only when something is new. It is a no-op on a Textual
whose code differs from what this expects (8.2).
"""

from __future__ import annotations

import inspect
from asyncio import create_task, wait
from collections.abc import Generator
from contextlib import suppress
from typing import Any

from textual import messages
from textual import widget as _widget
from textual._time import get_time
from textual.app import App, ScreenStackError
from textual.dom import NoScreen
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import _header, _toast

Widget = _widget.Widget
AwaitMount = _widget.AwaitMount

_size_updated = Widget._size_updated
_refresh_layout = Screen._refresh_layout
_await_mount = AwaitMount.__await__
_set_title = _header.HeaderTitle.update
_show_toasts = _toast.ToastRack.show
_compositor_refresh = Screen._compositor_refresh
_end_batch = App._end_batch
_on_update = Screen._on_update

_EXPECTED: dict[object, list[str]] = {
    _size_updated: ["self", "size", "virtual_size", "container_size", "layout"],
    _refresh_layout: ["self", "size", "scroll"],
    _await_mount: ["self"],
    _set_title: ["self", "content", "layout"],
    _show_toasts: ["self", "notifications"],
    _compositor_refresh: ["self"],
    _end_batch: ["self"],
    _on_update: ["self", "message"],
}


def _sized(
    self: Widget, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
) -> bool:
    """The virtual size a layout gives is drawn, without asking for that layout again."""
    grown = self.virtual_size != virtual_size
    resized = _size_updated(self, size, virtual_size, container_size, layout=False)
    if grown and layout:
        self.refresh()
    return resized


def _take_in_asked(screen: Screen[Any]) -> None:
    """What `Widget._check_refresh` does when a widget that asked for a layout is idle,
    done now for every such widget, as the whole screen is about to be laid out."""
    screen._layout_required = False
    for node in screen.walk_children(with_self=False):
        if not isinstance(node, Widget) or not node._layout_required:
            continue
        node._layout_required = False
        for ancestor in node.ancestors:
            if not isinstance(ancestor, Widget):
                break
            ancestor._clear_arrangement_cache()
            ancestor._layout_updates += 1
            if not ancestor.styles.auto_dimensions:
                break


def _laid_out(self: Screen[Any], size: Size | None = None, scroll: bool = False) -> None:
    if not (scroll and not self._layout_widgets):  # the whole screen (not a scroll)
        _take_in_asked(self)
    _refresh_layout(self, size, scroll)


def _placed(widgets: list[Widget]) -> bool:
    """Whether a layout since these widgets were added placed every one that shows."""
    try:
        return all(not w.display or w in w.screen._compositor for w in widgets)
    except NoScreen:
        return False


def _await_placed(self: AwaitMount) -> Generator[None, None, None]:
    """Textual's await of a mount, which lays the parent out once the widgets are
    mounted, unless a layout has placed them all by then."""

    async def mounted() -> None:
        widgets = list(self._widgets)
        if not widgets:
            return
        await wait([create_task(w._mounted_event.wait(), name="await mount") for w in widgets])
        if not _placed(widgets):
            self._parent.refresh(layout=True)
        with suppress(NoScreen):
            self._parent.app._update_mouse_over(self._parent.screen)

    return mounted().__await__()


def _title_changed(self: _header.HeaderTitle, content: Any = "", *, layout: bool = True) -> None:
    if getattr(self, "_fieldapp_title", None) == content:
        return
    self._fieldapp_title = content  # type: ignore[attr-defined]
    _set_title(self, content, layout=layout)


def _toasts_changed(self: _toast.ToastRack, notifications: Any) -> None:
    if not notifications and not self.display and not self.children:
        return  # hidden, and nothing to show or take down
    _show_toasts(self, notifications)


def _drawn(self: Screen[Any]) -> None:
    """Textual's draw of a screen's changes; when it draws the whole screen, the repaints
    asked for before by the screen and by what it shows are done by that draw, so they
    are not drawn again. Not while Textual holds updates back (`App.batch_update`, as
    the app starts): that draw never reaches the terminal, and a screen shown during it
    (home, on a device with no PIN to ask) stayed blank until a key or a resize."""
    compositor = self._compositor
    app = self.app
    if (
        self is app.screen
        and not app.is_inline
        and not app._batch_count
        and compositor.size.region in compositor._dirty_regions
    ):
        for widget in (self, *compositor.visible_widgets):
            widget._repaint_required = False
            widget._repaint_regions.clear()
        self._fieldapp_drawn_whole = get_time()  # type: ignore[attr-defined]
    _compositor_refresh(self)


def _hold_ended(self: App[Any]) -> None:
    """Textual's end of a batch of updates; when it ends the hold of the app's start,
    the screen draws its changes once the messages already sent to it are handled (as
    its update tick would), not at that tick."""
    _end_batch(self)
    if self._batch_count or getattr(self, "_fieldapp_start_drawn", False):
        return
    self._fieldapp_start_drawn = True  # type: ignore[attr-defined]
    try:
        screen = self.screen
    except ScreenStackError:  # no screen to draw
        return
    if screen._repaint_required or screen._layout_required or screen._dirty_widgets:
        screen.call_later(screen._on_timer_update)


async def _update_undrawn(self: Screen[Any], message: messages.Update) -> None:
    """Textual's repaint of a widget, unless the screen was drawn whole since it was
    asked (a refresh after that draw sends a new one)."""
    drawn_whole = getattr(self, "_fieldapp_drawn_whole", None)
    if drawn_whole is not None and message.time < drawn_whole:
        message.stop()
        message.prevent_default()
        return
    await _on_update(self, message)


def install() -> bool:
    """Whether the six requests are now made only for something new and the first frame
    drawn when the start's hold ends (False, and Textual's own kept, on a Textual that
    differs from 8.2). Once per process."""
    if Widget._size_updated is _sized:
        return True
    for method, parameters in _EXPECTED.items():
        if list(inspect.signature(method).parameters) != parameters:  # type: ignore[arg-type]
            return False
    Widget._size_updated = _sized  # type: ignore[method-assign]
    Screen._refresh_layout = _laid_out  # type: ignore[method-assign]
    AwaitMount.__await__ = _await_placed  # type: ignore[method-assign]
    _header.HeaderTitle.update = _title_changed  # type: ignore[method-assign,assignment]
    _toast.ToastRack.show = _toasts_changed  # type: ignore[method-assign]
    Screen._compositor_refresh = _drawn  # type: ignore[method-assign]
    App._end_batch = _hold_ended  # type: ignore[method-assign]
    Screen._on_update = _update_undrawn  # type: ignore[method-assign]
    return True
