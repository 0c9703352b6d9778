"""The demo's fast draws take the very numbers `random.Random` would: a seed gives the same
workspace as it did when the demo drew through `randint`, `choice` and `choices`."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.services.demo.draws import Draws, Weighted

# What one draw is: (kind, argument), kinds as the demo uses them.
DRAW = st.one_of(
    st.tuples(st.just("choice"), st.lists(st.integers(), min_size=1, max_size=40)),
    st.tuples(st.just("randint"), st.tuples(st.integers(-50, 50), st.integers(0, 400))),
    st.tuples(st.just("weighted"), st.lists(st.integers(0, 30), min_size=1, max_size=12)),
    st.tuples(st.just("random"), st.none()),
    st.tuples(st.just("bits"), st.integers(1, 64)),
)


def _stdlib(rng: random.Random, kind: str, arg) -> object:
    if kind == "choice":
        return rng.choice(arg)
    if kind == "randint":
        return rng.randint(arg[0], arg[0] + arg[1])
    if kind == "weighted":
        return rng.choices(range(len(arg)), weights=arg)[0]
    if kind == "random":
        return rng.random()
    return rng.getrandbits(arg)


def _fast(rng: random.Random, draws: Draws, kind: str, arg) -> object:
    if kind == "choice":
        return draws.choice(arg)
    if kind == "randint":
        return draws.randint(arg[0], arg[0] + arg[1])
    if kind == "weighted":
        return Weighted(range(len(arg)), arg).draw(draws)
    if kind == "random":
        return draws.random()
    return rng.getrandbits(arg)  # the ids' own draws, between the others


@given(seed=st.integers(0, 2**32), plan=st.lists(DRAW, max_size=60))
def test_every_draw_is_the_number_random_would_give(seed: int, plan) -> None:
    plan = [(kind, arg) for kind, arg in plan if kind != "weighted" or sum(arg) > 0]
    stdlib, fast = random.Random(seed), random.Random(seed)
    draws = Draws(fast)
    assert [_stdlib(stdlib, k, a) for k, a in plan] == [_fast(fast, draws, k, a) for k, a in plan]
    assert stdlib.getstate() == fast.getstate()  # and leaves the generator where it would


@pytest.mark.parametrize("population, weights", [([], []), (["a", "b"], [1]), (["a"], [0])])
def test_weights_that_cannot_be_drawn_from_are_refused(population, weights) -> None:
    with pytest.raises(ValueError, match="weight"):
        Weighted(population, weights)
