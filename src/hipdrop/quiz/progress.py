"""A reader's saved progress on one quiz: checked when read back, reset quietly when it is not usable.

The page keeps ``{"format", "fingerprint", "seed", "responses", "submitted"}`` as JSON in the
browser's localStorage, one entry per quiz. The fingerprint changes whenever the bank does, so
answers saved against an older version of a quiz are dropped rather than misapplied.
"""

import hashlib
import json
from dataclasses import asdict, dataclass, field

from .grading import normalise_response
from .model import Bank, bank_to_dict
from .shuffle import check_seed

STORE_FORMAT = 1
STORE_PREFIX = "hipdrop.quiz."


@dataclass(frozen=True)
class Progress:
    seed: int | None
    responses: dict = field(default_factory=dict)
    submitted: bool = False
    reset: str = ""  # "", "corrupted" or "outdated": why a stored entry was thrown away

    def to_dict(self) -> dict:
        return asdict(self)


def fingerprint(bank: Bank) -> str:
    """A short hash of the bank's content, computed at build time."""
    text = json.dumps(bank_to_dict(bank), sort_keys=True, ensure_ascii=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def store_key(bank_id: str) -> str:
    return STORE_PREFIX + bank_id


def restore(bank: Bank, stored: str | None, current_fingerprint: str) -> Progress:
    """The progress in ``stored`` (the raw localStorage text), or a fresh start with the reason."""
    if stored is None or stored == "":
        return Progress(seed=None)
    try:
        data = json.loads(stored)
    except (ValueError, TypeError):
        return Progress(seed=None, reset="corrupted")
    if not isinstance(data, dict) or not isinstance(data.get("responses"), dict):
        return Progress(seed=None, reset="corrupted")
    if data.get("format") != STORE_FORMAT or data.get("fingerprint") != current_fingerprint:
        return Progress(seed=None, reset="outdated")
    try:
        seed = check_seed(data.get("seed"))
        questions = {q.id: q for q in bank.questions}
        responses = {}
        for qid, response in data["responses"].items():
            responses[qid] = normalise_response(questions[qid], response)
    except (ValueError, KeyError, TypeError):
        return Progress(seed=None, reset="corrupted")
    return Progress(seed=seed, responses=responses, submitted=data.get("submitted") is True)
