"""A form's refusal that names the field to mend, so a form can put the cursor there."""

from __future__ import annotations


class FormRefused(ValueError):
    """The form cannot be saved as it is; the message says what to fill in, and `field`
    names the form's field to mend (the name in the form's dataclass; "" for none)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field
