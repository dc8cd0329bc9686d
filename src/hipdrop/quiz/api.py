"""The quiz's worker methods: JSON-able params in, JSON-able results out (see hipdrop.browser).

A page sends its bank once (``quiz.load``, which answers with the bank's key); later calls name
it by ``bank_key``. A call may still carry the whole ``bank`` instead.

``params["language"]`` (the page's, from its message catalog) chooses the words of the result.
"""

import hashlib
import json

from ..messages import messages
from .generated import next_seed, problem_for
from .generated_html import hint, key_html, problem_html
from .grading import grade_bank, submit
from .model import Bank, bank_from_dict
from .progress import restore
from .shuffle import attempt_order


class UnknownBank(LookupError):
    """A call named a bank this worker was never sent (it was started afresh): load it again."""


def bank_key(data: dict) -> str:
    """The bank's id and a hash of its whole content: a changed bank never takes an old key."""
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return f"{data.get('id', 'bank')}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}"


class LoadedBanks:
    """The banks one worker was sent, by key (hipdrop.browser.Session keeps one)."""

    def __init__(self) -> None:
        self._banks: dict[str, Bank] = {}

    def load(self, params: dict) -> dict:
        """``{bank}`` -> ``{bank_key}``; the bank is checked and kept for the calls that follow."""
        data = params["bank"]
        key = bank_key(data)
        if key not in self._banks:
            self._banks[key] = bank_from_dict(data)
        return {"bank_key": key}

    def bank(self, params: dict) -> Bank:
        """The bank a call is about: its ``bank_key`` (loaded before) or the whole ``bank``."""
        if "bank" in params:
            return bank_from_dict(params["bank"])
        key = params.get("bank_key")
        if key is None:
            raise KeyError("bank")
        if key not in self._banks:
            raise UnknownBank(f"the quiz bank {key} was not loaded in this Python worker")
        return self._banks[key]


def grade(params: dict, banks: LoadedBanks) -> dict:
    """``{bank_key | bank, responses}`` -> the graded result (used to show a saved attempt again)."""
    return grade_bank(banks.bank(params), params.get("responses") or {}, messages(params.get("language"))).to_dict()


def submit_answers(params: dict, banks: LoadedBanks) -> dict:
    """``{bank_key | bank, responses}`` -> ``{accepted, message, unanswered, result}``; exam mode
    refuses to grade until every question is answered."""
    return submit(banks.bank(params), params.get("responses") or {}, messages(params.get("language"))).to_dict()


def order(params: dict, banks: LoadedBanks) -> dict:
    """``{bank_key | bank, seed}`` -> for each question id, the order of its options, items or sides."""
    return attempt_order(banks.bank(params), params["seed"])


def restore_progress(params: dict, banks: LoadedBanks) -> dict:
    """``{bank_key | bank, stored, fingerprint}`` -> ``{seed, responses, submitted, reset}``."""
    return restore(banks.bank(params), params.get("stored"), params.get("fingerprint", "")).to_dict()


def problem(params: dict, banks: LoadedBanks) -> dict:
    """A generated question's problem: ``{bank_key | bank, question, seed}`` (a seed shown before,
    such as a saved answer's), or ``{..., question, attempt, turn, avoid}`` (the attempt's seed,
    the count of "New numbers", the seed on screen) -> ``{seed, problem_html, hint, key_html}``
    (``key_html``: the answer and its working, for the page's answer key)."""
    bank = banks.bank(params)
    question = bank.question(params["question"])
    if "seed" in params:
        seed = params["seed"]
    else:
        seed = next_seed(bank.id, question, params["attempt"], params.get("turn", 0), params.get("avoid"))
    shown = problem_for(question, seed)
    texts = messages(params.get("language"))
    return {
        "seed": shown.seed,
        "problem_html": problem_html(shown, texts),
        "hint": hint(shown, texts),
        "key_html": key_html(shown, texts),
    }
