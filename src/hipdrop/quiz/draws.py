"""Numbers drawn from a seed, the same on every machine and in every Python version.

A generated problem must be the same problem in CPython at build time and in Pyodide in the
reader's browser, this year and the next. ``random`` does not promise that (its algorithms may
change between versions), so each draw is read from SHA-256 of (key, seed, counter), as the quiz's
option shuffle does (``hipdrop.quiz.shuffle``). Values on a grid are built from decimals, so a
step of 0.5 gives 4.5, never 4.499999.
"""

import hashlib
from decimal import Decimal


class Draws:
    """``Draws(seed, "mechanics", "abductor-force")``: one stream of numbers per seed and key."""

    def __init__(self, seed: int, *key: str) -> None:
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise ValueError(f"a seed must be a whole number, not {seed!r}")
        self._prefix = ":".join((*key, str(seed)))
        self._counter = 0

    def _next(self) -> int:
        digest = hashlib.sha256(f"{self._prefix}:{self._counter}".encode()).digest()
        self._counter += 1
        return int.from_bytes(digest[:8], "big")

    def integer(self, low: int, high: int) -> int:
        """A whole number from ``low`` to ``high``, both included."""
        if high < low:
            raise ValueError(f"empty range {low} to {high}")
        return low + self._next() % (high - low + 1)

    def grid(self, low: str, high: str, step: str) -> float:
        """A value from ``low`` to ``high`` (both included) in steps of ``step``, all written as
        decimal text ("4", "12", "0.5"): the value is exact in decimal, then made a float."""
        start, stop, size = Decimal(low), Decimal(high), Decimal(step)
        count = int((stop - start) / size)
        if size <= 0 or start + count * size != stop:
            raise ValueError(f"{low} to {high} is not a whole number of steps of {step}")
        return float(start + self.integer(0, count) * size)
