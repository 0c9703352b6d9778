"""Register or edit one person of a household (and the household itself when it is new).

F10 hands a `HouseholdForm` holding the household and this one person to the people
screen (`save_with`), which saves it in a worker while the form stays open (Esc says it is
saving, a second F10 does nothing): saved, the form closes (`close_saved`); refused, the
problems are shown above the fields and what was typed stays (`refused`), so the form never
vanishes and keys pressed meanwhile never act on the screen under it. None when cancelled. The ID number and phone fields start empty on an edit
(their placeholders show the masked values held): the clear values never come back into
a form; typing a new value replaces the held one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, SelectionList, Static

from fieldapp.domain.registry import PERSON_TAGS, SEXES
from fieldapp.i18n import t
from fieldapp.services.people.registry import HouseholdForm, MemberForm
from fieldapp.tui.commands import localize_bindings
from fieldapp.tui.dialogs.discarding import AsksBeforeDiscarding
from fieldapp.tui.dialogs.saving import SAVES_WITH_CTRL_S
from fieldapp.tui.widgets.dialog_foot import FormMessage, dialog_foot
from fieldapp.tui.widgets.key_footer import KeyFooter

HOUSEHOLD_INPUTS = ("code", "building", "address")
MEMBER_INPUTS = ("name", "birth_year", "id_number", "phone", "arrived_on", "left_on", "note")


class PersonDialog(AsksBeforeDiscarding, ModalScreen[HouseholdForm | None]):
    CSS_PATH = "../screens/people.tcss"
    REFUSED_APP_ACTIONS = SAVES_WITH_CTRL_S
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f10,ctrl+s", "save", "Save", id="person.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="person.cancel"),
    ]

    def __init__(
        self,
        form: HouseholdForm,
        *,
        grids: list[tuple[str, str]],
        new_household: bool,
        masks: tuple[str, str] = ("", ""),
        problems: tuple[str, ...] = (),
        held_name: str | None = None,
        wrong: tuple[str, ...] = (),
        drawn_before: tuple[object, ...] | None = None,
        save_with: Callable[[HouseholdForm], None] | None = None,
    ) -> None:
        super().__init__(classes="person-dialog")
        self.form = form
        self.member = form.members[0] if form.members else MemberForm(name="")
        # The title names the person as held until a save succeeds, not a name just
        # refused ("修改：王"): opened again with problems, the screen passes it back.
        self.held_name = self.member.name if held_name is None else held_name
        self.grids = grids
        self.new_household = new_household
        self.masks = masks  # masked ID number and phone held for this person
        self.problems = problems
        self.drawn_before = drawn_before  # opened again: the refused form's first values
        self.wrong = wrong  # where the problems are: "members.0.birth_year", "grid", …
        self._refused: dict[str, object] = {}  # a field's value when refused, by its id
        self.save_with = save_with  # saves what F10 gives; None: dismissed with it
        self.saving = False  # handed to `save_with`, not yet saved nor refused
        self._saved = False  # saved while a screen stood above the form: it closes on top
        localize_bindings(self)

    def compose(self) -> ComposeResult:
        m = self.member
        with Vertical(classes="person-box"):
            # `n` makes a household with its first person: the title says so, as the key does.
            title = "person.title.edit" if m.id else "person.title.new"
            if not m.id and self.new_household:
                title = "person.title.new_household"
            elif not m.id and (self.form.code or self.form.address):  # `a`: into which one
                title = "person.title.new_in_code" if self.form.code else "person.title.new_at"
            yield Label(
                t(title, name=self.held_name, code=self.form.code, address=self.form.address),
                classes="dialog-title",
            )
            if self.problems:
                yield Static("\n".join(self.problems), id="person-problems")
            fields = VerticalScroll(id="person-fields")
            fields.can_focus = False  # no Tab stop between the tags and the grid: it did nothing
            with fields:
                if self.new_household:
                    with Horizontal(classes="field-row"):
                        yield Label(t("person.grid"))
                        yield Select(
                            [(name, code) for name, code in self.grids],
                            value=self.form.grid_code or Select.NULL,
                            prompt=t("person.grid"),
                            id="person-grid",
                            compact=True,
                        )
                    for name in HOUSEHOLD_INPUTS:
                        with Horizontal(classes="field-row"):
                            yield Label(t(f"person.{name}"))
                            yield Input(
                                value=getattr(self.form, name), id=f"person-{name}", compact=True
                            )
                for name in MEMBER_INPUTS:
                    placeholder = ""
                    if name == "id_number" and self.masks[0]:
                        placeholder = t("person.unchanged", masked=self.masks[0])
                    elif name == "phone" and self.masks[1]:
                        placeholder = t("person.unchanged", masked=self.masks[1])
                    elif name in ("arrived_on", "left_on"):
                        placeholder = t("app.date_placeholder")
                    with Horizontal(classes="field-row"):
                        yield Label(t(f"person.{name}"))
                        yield Input(
                            value=getattr(m, name),
                            placeholder=placeholder,
                            id=f"person-{name}",
                            compact=True,
                        )
                with Horizontal(classes="field-row"):
                    yield Label(t("person.sex"))
                    yield Select(
                        [(t(f"person.sex.{sex}"), sex) for sex in SEXES],
                        value=m.sex or Select.NULL,
                        prompt=t("person.sex"),
                        id="person-sex",
                        compact=True,
                    )
                yield Label(t("person.tags"))
                yield SelectionList[str](
                    *[(t(f"tag.{tag}"), tag, tag in m.tags) for tag in PERSON_TAGS],
                    id="person-tags",
                )
            # Docked under the fields, which scroll: at 80×24 the form had no Save in
            # sight, only F10 in the footer.
            yield from dialog_foot(
                FormMessage(id="person-said"),
                (t("person.save"), "person-save"),
                (t("person.cancel"), "person-cancel"),
                compact=True,
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        self._focus_first()

    def _focus_first(self) -> None:
        first = "#person-grid" if self.new_household and not self.form.grid_code else "#person-name"
        # Opened again with problems: the first field with one, in the form's order.
        wrong = {f"person-{where.rsplit('.', 1)[-1]}" for where in self.wrong}
        fields = self.query_one("#person-fields").query("Input, Select, SelectionList")
        self.query_one(next((f"#{w.id}" for w in fields if w.id in wrong), first)).focus()
        for widget in self.query("Input, Select").results():
            if widget.id is not None:
                self._refused[widget.id] = getattr(widget, "value", None)

    @on(Input.Changed)
    @on(Select.Changed)
    def _mended(self, event: Input.Changed | Select.Changed) -> None:
        """A field's problem goes once the field is edited, as on the other forms: the
        lines left say what is still to mend, not what was mended already."""
        field = event.control.id
        if not self.wrong or field is None or not self.is_mounted:
            return
        if event.value == self._refused.setdefault(field, event.value):
            return  # the value refused (a field drawn, or typed back): still wrong
        kept = [(where, said) for where, said in zip(self.wrong, self.problems, strict=False)
                if f"person-{where.rsplit('.', 1)[-1]}" != field]  # fmt: skip
        if len(kept) == len(self.problems):
            return
        self.wrong = tuple(where for where, _ in kept)
        self.problems = tuple(said for _, said in kept)
        shown = self.query_one("#person-problems", Static)
        shown.update("\n".join(self.problems))
        shown.display = bool(self.problems)

    def _value(self, name: str) -> str:
        return self.query_one(f"#person-{name}", Input).value

    @on(Button.Pressed, "#person-save")
    def action_save(self) -> None:
        form = self.form
        if self.new_household:
            grid = self.query_one("#person-grid", Select).value
            form.grid_code = grid if isinstance(grid, str) else ""
            for name in HOUSEHOLD_INPUTS:
                setattr(form, name, self._value(name))
        member = self.member
        for name in MEMBER_INPUTS:
            setattr(member, name, self._value(name))
        sex = self.query_one("#person-sex", Select).value
        member.sex = sex if isinstance(sex, str) else ""
        member.tags = tuple(self.query_one("#person-tags", SelectionList).selected)
        form.members = [member]
        if self.save_with is None:
            self.dismiss(form)
            return
        if self.saving:
            return
        self.saving = True
        self.query_one("#person-said", FormMessage).update(t("form.saving"))
        self.save_with(form)

    def saving_now(self) -> bool:
        """While it saves, Esc does not leave (`discard_or_ask`): it says so."""
        if self.saving:
            self.query_one("#person-said", FormMessage).update(t("form.saving"))
        return self.saving

    async def refused(self, problems: tuple[str, ...], wrong: tuple[str, ...]) -> None:
        """The save was refused: the form drawn again from what was typed (F10 put it in
        `form`), the problems above its fields, the cursor in the first one named."""
        self.saving = False
        self.problems, self.wrong = problems, wrong
        self._refused = {}
        await self.recompose()
        self._focus_first()

    def save_failed(self) -> None:
        """The save failed (the app says why): the form as it was, to save again or leave."""
        self.saving = False
        self.query_one("#person-said", FormMessage).update("")

    def close_saved(self) -> None:
        """Saved: closed now, or once on top again (not a screen opened above it)."""
        self.saving = False
        if self.app.screen is self:
            self.dismiss(None)
        else:
            self._saved = True

    @on(events.ScreenResume)
    def _on_top_again(self) -> None:
        if self._saved:
            self.dismiss(None)

    @on(Button.Pressed, "#person-cancel")
    def action_cancel(self) -> None:
        self.discard_or_ask()
