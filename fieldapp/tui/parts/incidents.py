"""Incidents: the app's half. One key reports an incident from any screen (F4 or ctrl+r;
on a venue's inspection the place is that venue); F3 opens the supervisor's incident
queue, or for anyone else the incidents they reported (我上报的事件). The dialog and the
screens are imported when first opened."""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.binding import Binding, BindingType

from fieldapp.tui.parts.navigation import Navigation


class IncidentsApp(Navigation):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f4,ctrl+r", "report_incident", "Incident", id="app.report_incident"),
        Binding("f3", "incidents", "Incidents", id="app.incidents"),
        Binding("f3", "my_incidents", "My incidents", id="app.my_incidents"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # F3: the queue for supervisors; once the home screen knows the role, for anyone
        # else the incidents they reported
        role = getattr(self, "person_role", None)
        if action == "incidents":
            return role is None or role in ("supervisor", "admin")
        if action == "my_incidents":
            return role is not None and role not in ("supervisor", "admin")
        return super().check_action(action, parameters)

    def action_report_incident(self) -> None:
        from fieldapp.tui.dialogs.incident import IncidentDialog

        if isinstance(self.screen, IncidentDialog):
            return
        place = getattr(self.screen, "incident_venue", None)
        self._open_incident_form(place() if callable(place) else None)

    @work(thread=True, exclusive=True, exit_on_error=False, group="incident-form")
    def _open_incident_form(self, venue: tuple[str, str] | None) -> None:
        from fieldapp.services.common.identity import NotEnrolled, me
        from fieldapp.services.incidents.reporting import categories
        from fieldapp.store import db

        with db.connection_context():
            codes = categories()
            try:  # a report without a venue is filed to one of these (the form asks which)
                grids = me().grids
            except NotEnrolled:  # refused when reported, as before
                grids = ()
        self.call_from_thread(self._show_incident_form, codes, venue, grids)

    def _show_incident_form(
        self,
        codes: list[str],
        venue: tuple[str, str] | None,
        grids: tuple[tuple[str, str], ...] = (),
    ) -> None:
        from fieldapp.tui.dialogs.incident import IncidentDialog
        from fieldapp.tui.messages import SyncRequested

        def reported(incident_id: str | None) -> None:
            if incident_id:
                self.post_message(SyncRequested("incident.event"))
                listing = getattr(self.screen, "incident_reported", None)
                if callable(listing):  # the queue it was reported from lists it at once
                    listing()

        self.open_dialog(IncidentDialog(codes, venue=venue, grids=grids), reported)

    def action_incidents(self) -> None:
        from fieldapp.tui.screens.incidents import IncidentsScreen

        self.go_to(IncidentsScreen)

    def action_my_incidents(self) -> None:
        from fieldapp.tui.screens.my_incidents import MyIncidentsScreen

        self.go_to(MyIncidentsScreen)
