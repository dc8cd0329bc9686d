"""Numbers drawn from a seed, the same on every machine and in every Python version.

A generated problem must be the same problem in CPython at build time and in Pyodide in the
reader's browser, this year and the next. ``random`` does not promise that (its algorithms may
change between versions), so each draw is read from SHA-256 of (key, seed, counter), as the quiz's
option shuffle does (``hipdrop.quiz.shuffle``). Values on a grid are counted in whole steps and
divided once, so a step of 0.5 gives 4.5, never 4.499999. (Integers only, no ``decimal``: the
browser's trimmed standard library does not carry it.)
"""

import hashlib


def _scaled(texts: tuple[str, ...]) -> tuple[list[int], int]:
    """Decimal texts as whole numbers over one power of ten: ("4", "0.5") -> ([40, 5], 10)."""
    places = max(len(t.partition(".")[2]) for t in texts)
    whole = []
    for text in texts:
        integer, _, fraction = text.partition(".")
        if not (integer.lstrip("-").isdigit() and (fraction.isdigit() or not fraction)):
            raise ValueError(f"{text!r} is not a decimal number")
        sign = -1 if integer.startswith("-") else 1
        whole.append(sign * int(integer.lstrip("-") + fraction.ljust(places, "0")))
    return whole, 10**places


class Draws:
    """``Draws(seed, "kitchen", "oven-time")``: one stream of numbers per seed and key."""

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
        decimal text ("4", "12", "0.5"): counted in whole steps, divided once into a float."""
        (start, stop, size), scale = _scaled((low, high, step))
        if size <= 0 or stop < start or (stop - start) % size:
            raise ValueError(f"{low} to {high} is not a whole number of steps of {step}")
        return (start + self.integer(0, (stop - start) // size) * size) / scale
