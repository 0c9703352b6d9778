"""Campaign targets per grid (专项行动目标): what a campaign asked of each community and
how far each got.

A campaign's `targets` are per community (a village-level grid): patrols per day,
incidents handled, enforcement cases (fined, goods seized, case filed). Each village the
campaign is on in is counted over the campaign's dates up to today (the month so far when
it gives none); a town or a market's row adds up the villages under it, target and done.
A patrols-per-day target is the daily figure times the days the campaign was on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from peewee import DoesNotExist

from fieldapp.domain.clock import today
from fieldapp.i18n import pick
from fieldapp.services.common import campaigns
from fieldapp.services.common.grid_tree import grid_tree
from fieldapp.services.common.identity import grid_codes_under, me
from fieldapp.services.daily_report.work_figures import TARGET_FIGURES, campaign_figures

COMMUNITY_LEVEL = "village"


@dataclass(frozen=True)
class TargetProgress:
    campaign: str  # code
    campaign_name: str
    grid_code: str
    grid_name: str
    depth: int
    target: str  # a key of TARGET_FIGURES
    wanted: float  # the target for the grid over the days counted
    done: int
    first: dt.date
    last: dt.date

    @property
    def rate(self) -> float | None:
        return min(self.done / self.wanted, 1.0) if self.wanted else None


def _dates(run: campaigns.CampaignRun, day: dt.date) -> tuple[dt.date, dt.date] | None:
    first = dt.date.fromisoformat(run.starts_on) if run.starts_on else day.replace(day=1)
    last = min(dt.date.fromisoformat(run.ends_on), day) if run.ends_on else day
    return (first, last) if first <= last else None


def target_progress(
    *, grids: Sequence[str] | None = None, day: dt.date | None = None
) -> list[TargetProgress]:
    """Every target of every campaign on in my grids (or `grids`), per grid in tree
    order from the community up, campaigns in code order."""
    day = day or today()
    nodes = grid_tree(list(grids) if grids is not None else [c for c, _ in me().grids])
    found: list[TargetProgress] = []
    for run in campaigns.runs():
        dates = _dates(run, day)
        if not run.active or dates is None:
            continue
        try:
            campaign = campaigns.get_campaign(run.code, run.version)
        except DoesNotExist:
            continue
        targets = {k: v for k, v in campaign.targets.items() if k in TARGET_FIGURES}
        if not targets:
            continue
        first, last = dates
        # per community: (wanted, done) for each target
        counted: dict[str, dict[str, tuple[float, int]]] = {}
        for node in nodes:
            if node.level != COMMUNITY_LEVEL:
                continue
            body = campaign_figures(node.code, grid_codes_under([node.code]), first, last)
            if campaign.code not in body:
                continue
            figures = body[campaign.code]["figures"]
            counted[node.code] = {
                name: (
                    value * (figures["days"] if name == "patrols_per_day" else 1),
                    int(figures.get(TARGET_FIGURES[name], 0)),
                )
                for name, value in targets.items()
            }
        for node in nodes:
            under = [c for c in grid_codes_under([node.code]) if c in counted]
            if not under:
                continue
            for name in targets:
                wanted = sum(counted[c][name][0] for c in under)
                done = sum(counted[c][name][1] for c in under)
                found.append(
                    TargetProgress(
                        campaign.code,
                        pick(campaign.zh, campaign.en),
                        node.code,
                        node.name,
                        node.depth,
                        name,
                        wanted,
                        done,
                        first,
                        last,
                    )  # fmt: skip
                )
    return found
