"""Attach a photo from a file: a path typed (or picked in a directory tree), imported in a
thread worker (Pillow resizes it, the store keeps it by sha256). Dismisses with the sha256,
or None when cancelled. A file that cannot be read says why and keeps the path to fix.
The tree leaves out hidden files and folders (`.cache`, `.config`): listed first, they
filled the home folder's first screen; a path typed into one still works."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DirectoryTree, Input, Label, Static
from textual.worker import Worker, WorkerState

from fieldapp.i18n import t
from fieldapp.services.common.photos import PhotoError, import_photo
from fieldapp.store.db import db
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.widgets.dialog_foot import FormMessage, dialog_foot
from fieldapp.tui.widgets.key_footer import KeyFooter

ResultT = TypeVar("ResultT")


class VisibleTree(DirectoryTree):
    """A directory tree without the files and folders whose names start with a dot."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [path for path in paths if not path.name.startswith(".")]


class ImportsPhoto(ModalScreen[ResultT]):
    """A dialog that imports a photo file in a thread worker (group "photo"): the stored
    name goes to `photo_imported`; a file that cannot be read is said in `MESSAGE` and the
    cursor goes back to `PATH_FIELD` to fix it."""

    PATH_FIELD: ClassVar[str]  # selector of the Input holding the path
    MESSAGE: ClassVar[str]  # selector of the Static that says what happened
    # The errors that say in words why a file was not taken (others are shown as they are).
    REFUSALS: ClassVar[tuple[type[Exception], ...]] = (PhotoError,)

    if TYPE_CHECKING:
        # Supplied by each dialog: what to do with the imported photo's name.
        def photo_imported(self, name: str) -> None: ...

    def say(self, text: str) -> None:
        self.query_one(self.MESSAGE, Static).update(text)

    @work(thread=True, exclusive=True, exit_on_error=False, group="photo")
    def import_file(self, path: str) -> str:
        with db.connection_context():
            return import_photo(path)

    @on(Worker.StateChanged)
    def worker_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "photo":
            return
        event.stop()  # handled here, not by the app's error handler
        if event.state == WorkerState.SUCCESS:
            self.photo_imported(str(event.worker.result))
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            reason = str(error) if isinstance(error, self.REFUSALS) else repr(error)
            self.say(t("photo.error", error=reason))
            self.query_one(self.PATH_FIELD, Input).focus()


class PhotoDialog(ImportsPhoto[str | None]):
    AUTO_FOCUS = ""  # none: on_mount focuses its first field without centring it (80×24)
    CSS_PATH = "../screens/inspect.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f10", "attach", "Attach", id="photo.attach"),
        Binding("escape", "cancel", "Cancel", id="photo.cancel"),
    ]
    PATH_FIELD = "#photo-path"
    MESSAGE = "#photo-message"
    TITLE = "photo.title"  # its title, naming what the photo is for ({code})
    PATH_LABEL = "photo.path"  # what the path field asks for
    SEVERAL = False  # a file picked in the tree is added to those typed, not put instead

    def __init__(self, item_code: str, *, start: Path | None = None) -> None:
        super().__init__(id="photo-dialog", classes="inspect-dialog")
        self.item_code = item_code
        self.start = start or Path.home()
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(t(self.TITLE, code=self.item_code), classes="dialog-title")
            yield Label(t(self.PATH_LABEL), classes="photo-path-label")
            yield Input(id="photo-path")
            yield VisibleTree(self.start, id="photo-tree")
            yield from dialog_foot(
                FormMessage(id="photo-message"),
                (t("photo.attach"), "photo-attach"),
                (t("photo.cancel"), "photo-cancel"),
            )

        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#photo-path", Input).focus(scroll_visible=False)

    @on(DirectoryTree.FileSelected, "#photo-tree")
    def file_picked(self, event: DirectoryTree.FileSelected) -> None:
        field = self.query_one("#photo-path", Input)
        typed = field.value.strip().rstrip(";；").strip()
        field.value = f"{typed}；{event.path}" if self.SEVERAL and typed else str(event.path)
        field.focus()

    @on(Input.Submitted, "#photo-path")
    @on(Button.Pressed, "#photo-attach")
    def attach(self, event: Input.Submitted | Button.Pressed) -> None:
        event.stop()
        self.action_attach()

    def action_attach(self) -> None:
        path = self.query_one("#photo-path", Input).value.strip()
        if not path:
            self.say(t("photo.empty"))
            return
        self.say(t("photo.working"))
        self.import_file(path)

    def photo_imported(self, name: str) -> None:
        self.dismiss(name)

    @on(Button.Pressed, "#photo-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
