"""A Chinese input method types full-width digits: １３８００１３８０００ in the phone
field was refused with a message that did not say why (and so was an ID number typed
so). Both are taken as the ASCII number they are: checked, sealed and found by it."""

from __future__ import annotations

from people_support import FATHER
from rounds_support import Clock

from fieldapp.domain.personal import new_key
from fieldapp.services.people import registry
from fieldapp.services.people.registry import HouseholdForm, MemberForm
from fieldapp.store import keyring
from fieldapp.store.people_models import HouseholdMember

FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


def test_full_width_digits_are_taken_as_ascii(tree: Clock) -> None:
    keyring.save_key(new_key())
    phone = "１３８ ００１３ ８０００"
    form = HouseholdForm(grid_code="A11", code="DM-050", members=[
        MemberForm("陈建国", sex="male", id_number=FATHER.translate(FULL_WIDTH), phone=phone),
    ])  # fmt: skip
    registry.save_household(form)  # refused before: RegistryInvalid
    member = HouseholdMember.get()
    seal = keyring.cipher()
    assert member.phone_lookup == seal.lookup("13800138000")
    assert seal.open(member.id_number, field="id_number", owner=member.id) == FATHER
