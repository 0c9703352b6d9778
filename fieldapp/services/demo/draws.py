"""The seeded generator's draws, made as `random.Random` makes them, without its checks.

A million demo venues take about a dozen draws each. `Random.randint` goes through
`randrange`'s argument checks before it reaches `_randbelow`, and `choices` builds its
cumulative weights anew on every call: most of the time of drawing a venue. `Draws`
takes the same numbers from the same generator in the same order (so a seed still gives
the same workspace, tests/test_demo_draws.py checks it against `random.Random`), with the
checks and the weights done once.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Mapping, Sequence
from itertools import accumulate
from typing import Generic, TypeVar

T = TypeVar("T")


class Draws:
    def __init__(self, rng: random.Random) -> None:
        self._bits = rng.getrandbits
        self.random = rng.random

    def below(self, n: int) -> int:
        """`rng._randbelow(n)`: a number in [0, n), n > 0."""
        bits = self._bits
        k = n.bit_length()
        r = bits(k)
        while r >= n:
            r = bits(k)
        return r

    def choice(self, seq: Sequence[T]) -> T:
        """`rng.choice(seq)`."""
        return seq[self.below(len(seq))]

    def randint(self, low: int, high: int) -> int:
        """`rng.randint(low, high)`."""
        return low + self.below(high - low + 1)


class Weighted(Generic[T]):
    """`rng.choices(population, weights)[0]`, its cumulative weights summed once."""

    def __init__(self, population: Sequence[T], weights: Sequence[int]) -> None:
        if len(population) != len(weights) or not population:
            raise ValueError("one weight per choice, and at least one choice")
        self._population = list(population)
        self._cumulative = list(accumulate(weights))
        self._total = self._cumulative[-1] + 0.0
        if self._total <= 0:
            raise ValueError("the weights must add up to more than zero")

    @classmethod
    def of(cls, weights: Mapping[T, int]) -> Weighted[T]:
        return cls(list(weights), list(weights.values()))

    def draw(self, draws: Draws) -> T:
        hi = len(self._population) - 1
        return self._population[bisect(self._cumulative, draws.random() * self._total, 0, hi)]
