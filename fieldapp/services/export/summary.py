"""What an export wrote, said for a person: every sheet of the file with its rows, and
the hazards on the hazard sheet found before the dates chosen (listed for their events
within them)."""

from __future__ import annotations

from fieldapp.i18n import counts, t
from fieldapp.services.export.ledger import ExportResult


def export_summary(result: ExportResult, path: str) -> str:
    """ "已导出 1 条检查记录、0 条隐患、3 条隐患处理记录、157 名人员（人员台账）到 …"."""
    pieces = [(f"export.count.{name}", rows) for name, rows in result.sheets]
    if result.earlier_findings:
        return t(
            "export.done_earlier", counts=counts(*pieces), path=path,
            earlier=result.earlier_findings,
        )  # fmt: skip
    return t("export.done", counts=counts(*pieces), path=path)
