"""The quiz's worker methods: JSON-able params in, JSON-able results out (see hipdrop.browser).

``params["language"]`` (the page's, from its message catalog) chooses the words of the result.
"""

from ..messages import messages
from .grading import grade_bank, submit
from .model import bank_from_dict
from .progress import restore
from .shuffle import attempt_order


def grade(params: dict) -> dict:
    """``{bank, responses}`` -> the graded result (used to show a saved attempt again)."""
    texts = messages(params.get("language"))
    return grade_bank(bank_from_dict(params["bank"]), params.get("responses") or {}, texts).to_dict()


def submit_answers(params: dict) -> dict:
    """``{bank, responses}`` -> ``{accepted, message, unanswered, result}``; exam mode refuses
    to grade until every question is answered."""
    texts = messages(params.get("language"))
    return submit(bank_from_dict(params["bank"]), params.get("responses") or {}, texts).to_dict()


def order(params: dict) -> dict:
    """``{bank, seed}`` -> for each question id, the order of its options, items or sides."""
    return attempt_order(bank_from_dict(params["bank"]), params["seed"])


def restore_progress(params: dict) -> dict:
    """``{bank, stored, fingerprint}`` -> ``{seed, responses, submitted, reset}``."""
    bank = bank_from_dict(params["bank"])
    return restore(bank, params.get("stored"), params.get("fingerprint", "")).to_dict()
