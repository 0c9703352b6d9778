"""A new household's number (户号) that carries another grid's code (T01-DM-1-99 for a
household of T01-LDK): most often the grid or the number picked wrong. The server takes
any number (a village may number its own way), so the form says so once and saves the
same form when it is saved again."""

from __future__ import annotations

from fieldapp.domain.registry import grid_a_number_names
from fieldapp.i18n import t
from fieldapp.services.common.identity import grid_codes_under
from fieldapp.services.people.registry import HouseholdForm
from fieldapp.store.models import Grid


def other_grids_number(form: HouseholdForm) -> str | None:
    """What to tell the one typing when the number names a grid outside the household's
    line (neither its grid, above it nor under it), else None."""
    grid, number = form.grid_code, form.code.strip()
    if not grid or not number:
        return None
    names = {row.code: row.name for row in Grid.select(Grid.code, Grid.name)}
    named = grid_a_number_names(number, names)
    if named is None or named in grid_codes_under([grid]) or grid in grid_codes_under([named]):
        return None
    # Named as the form's grid list names them, with the codes the number is read by.
    said = {"named_name": names[named], "grid_name": names.get(grid, grid)}
    return t("people.number_of_other_grid", code=number, named=named, grid=grid, **said)
