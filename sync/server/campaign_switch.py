"""`campaign.switch` on the server: a supervisor's device switches a campaign on or off.

Who may: an admin anywhere; a supervisor for a campaign whose grids all lie in the
supervisor's grids, or for one that is off (it then runs in the supervisor's own grids). A
campaign the office switched on for every grid, or for grids beyond the supervisor's,
stays the office's to change (`fieldapp admin campaign …`).
"""

from __future__ import annotations

from sync.protocol import CampaignSwitch, refusals
from sync.server.admin_models import Campaign, CampaignRun
from sync.server.campaigns import CampaignError, campaign_change, switch_run
from sync.server.models import PersonGrid
from sync.server.scope import DeviceContext, grids_in_scope, require_own
from sync.server.submit import Applied


def apply_campaign_switch(who: DeviceContext, sub: CampaignSwitch) -> Applied:
    require_own(who, sub.switched_by, f"the switch of campaign {sub.code}")
    if not who.is_supervisor:
        text = (
            f"{who.person_name} ({who.person_id}) is an {who.role}; only a supervisor may "
            f"switch campaign {sub.code}"
        )
        raise refusals.wrong_role(who.role, "campaign_switch", text)
    if not Campaign.select().where(Campaign.code == sub.code).exists():
        # the office's advice (publish its file) is no step a grid head can take
        text = f"campaign {sub.code} is not published on the server; the office publishes it"
        raise refusals.refused(text, refusals.CAMPAIGN_NOT_PUBLISHED, campaign=sub.code)
    grids = None if who.is_admin else _grids_for(who, sub.code)
    try:
        switch_run(sub.code, active=sub.active, phase=sub.phase or None, grids=grids)
    except CampaignError as error:  # worded for the office; a refusal's reason is English
        raise ValueError(error.english()) from None
    return Applied([campaign_change(sub.code)])


def _grids_for(who: DeviceContext, code: str) -> list[str] | None:
    """The grids the switched campaign runs in (None: as they are); refuses a campaign
    that is the office's to switch."""
    run = CampaignRun.get_or_none(CampaignRun.code == code)
    held = list(run.grids or ()) if run is not None else []
    if held and set(held) <= grids_in_scope(who.person_id):
        return None if run is not None and run.active else held  # a restart: same grids
    if run is None or not run.active:
        own = PersonGrid.select(PersonGrid.grid).where(PersonGrid.person == who.person_id)
        return sorted(link.grid_code for link in own)
    where = ", ".join(held) if held else "every grid"
    text = (
        f"campaign {code} is on for {where}, beyond the grids of {who.person_name} "
        f"({who.person_id}); the office switches it (fieldapp admin campaign)"
    )
    raise refusals.refused(text, refusals.CAMPAIGN_BEYOND_GRIDS, campaign=code)
