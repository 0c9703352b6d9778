"""A choice's codes (venue kinds, risk levels, grid levels, roles) and the names that
stand for them in every catalogue: an import's cell and a command's option take a kind as
足浴店, Foot-massage shop or foot_massage alike. Not a `catalog_*` module."""

from __future__ import annotations

from collections.abc import Mapping

from fieldapp.i18n import LANGUAGES, text_in

KIND_PREFIXES = ("kind", "kind_short")  # the catalogues that name a venue kind


class ChoiceNames:
    """The codes of one choice (kinds, risk levels) and the names that stand for them:
    each code, and its names in every catalogue under `prefixes` (`kind.*`, the name
    lists and records show), in either language and any letter case."""

    def __init__(
        self,
        codes: tuple[str, ...],
        prefixes: tuple[str, ...],
        also: Mapping[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.codes, self.prefix = codes, prefixes[0]
        self.by_name = {code.lower(): code for code in codes}
        for code in codes:
            names = [text_in(lang, f"{p}.{code}") or "" for p in prefixes for lang in LANGUAGES]
            for name in (*names, *(also or {}).get(code, ())):
                if name.strip():
                    self.by_name.setdefault(name.strip().lower(), code)

    def find(self, text: str) -> str:
        """The code `text` names, or ""."""
        return self.by_name.get(text.strip().lower(), "")

    def listed(self, value: str) -> dict[str, object]:
        """An error's values: the value, and the choices by name (zh) and code (en)."""
        shown = tuple(text_in("zh", f"{self.prefix}.{code}") or code for code in self.codes)
        return {"value": value, "names": shown, "codes": self.codes}
