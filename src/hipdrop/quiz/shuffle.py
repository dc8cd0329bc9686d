"""The order of options for one attempt, from a seed a teacher can note down and reuse.

The same seed gives the same order on every machine and every Python version: the permutation is
a Fisher-Yates shuffle driven by SHA-256 of (seed, bank, question, list), not by ``random``,
whose algorithms may change between versions. True/false options and numeric questions keep
their order; everything else is shuffled.
"""

import hashlib

from .model import Bank, Question

SEED_MIN = 1
SEED_MAX = 99_999


def check_seed(seed: object) -> int:
    if isinstance(seed, bool) or not isinstance(seed, int) or not SEED_MIN <= seed <= SEED_MAX:
        raise ValueError(f"a quiz version must be a whole number from {SEED_MIN} to {SEED_MAX}, not {seed!r}")
    return seed


def _draws(*key: str):
    counter = 0
    while True:
        digest = hashlib.sha256(":".join((*key, str(counter))).encode("utf-8")).digest()
        yield int.from_bytes(digest[:8], "big")
        counter += 1


def shuffled(ids: list[str], seed: int, *key: str) -> list[str]:
    """``ids`` permuted by a Fisher-Yates shuffle seeded by ``seed`` and ``key``."""
    out = list(ids)
    draws = _draws(str(check_seed(seed)), *key)
    for i in range(len(out) - 1, 0, -1):
        j = next(draws) % (i + 1)
        out[i], out[j] = out[j], out[i]
    return out


def question_order(bank_id: str, question: Question, seed: int) -> dict[str, list[str]]:
    """The display order of one question's parts, by part name ('options', 'items', 'left', 'right')."""
    key = (bank_id, question.id)
    if question.type in ("single", "multiple"):
        return {"options": shuffled([o.id for o in question.options], seed, *key, "options")}
    if question.type == "true_false":
        return {"options": [o.id for o in question.options]}
    if question.type == "ordering":
        right = [i.id for i in question.items]
        order = shuffled(right, seed, *key, "items")
        if order == right:  # never show the list already in order: that gives the answer away
            order = order[1:] + order[:1]
        return {"items": order}
    if question.type == "matching":
        return {
            "left": shuffled([i.id for i in question.left], seed, *key, "left"),
            "right": shuffled([i.id for i in question.right], seed, *key, "right"),
        }
    return {}


def attempt_order(bank: Bank, seed: int) -> dict[str, dict[str, list[str]]]:
    """For every question of the bank, the order its parts are shown in for this seed."""
    check_seed(seed)
    return {q.id: question_order(bank.id, q, seed) for q in bank.questions}
