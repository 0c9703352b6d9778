"""One of Textual's module-level functions replaced by ours, only where the module is the
one our replacement was written for."""

from __future__ import annotations

from types import ModuleType


def swap_in(module: ModuleType, name: str, textual_own: object, ours: object, *needs: str) -> bool:
    """Put `ours` where `module` holds Textual's `textual_own` under `name`. True when
    ours is there (put now or before); False, and Textual's kept, where the module holds
    something else there or lacks one of the names in `needs` (a Textual other than the
    one this was written for)."""
    current = getattr(module, name, None)
    if current is ours:
        return True
    if current is not textual_own or not all(hasattr(module, need) for need in needs):
        return False
    setattr(module, name, ours)
    return True
