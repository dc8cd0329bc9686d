"""The worker's entry point: one dispatcher from method names to engine functions.

The page sends ``{id, method, params}``; the worker calls ``dispatch(method, params_json,
session)`` and gets back a JSON string ``{"ok": true, "result": ...}`` or
``{"ok": false, "error": {"type": ..., "message": ...}}``. Every widget method is listed in
``METHODS`` and nowhere else. The worker makes one ``Session`` when it starts: what it keeps from
call to call (the quiz banks its pages loaded with ``quiz.load``).
"""

import json
from collections.abc import Callable

from .mechanics import run as mechanics_solve
from .picker import build_for_page
from .quiz import api as quiz_api


class Session:
    """What one worker keeps between calls; a worker started afresh (Retry) has a new one."""

    def __init__(self) -> None:
        self.quiz_banks = quiz_api.LoadedBanks()


def ping(params: dict) -> dict:
    import sys

    return {"python": sys.version.split()[0], "platform": sys.platform}


def _stateless(handler: Callable[[dict], dict]) -> Callable[[dict, Session], dict]:
    return lambda params, _session: handler(params)


def _with_banks(handler: Callable[[dict, quiz_api.LoadedBanks], dict]) -> Callable[[dict, Session], dict]:
    return lambda params, session: handler(params, session.quiz_banks)


METHODS: dict[str, Callable[[dict, Session], dict]] = {
    "engine.ping": _stateless(ping),
    "quiz.load": lambda params, session: session.quiz_banks.load(params),
    "quiz.grade": _with_banks(quiz_api.grade),
    "quiz.submit": _with_banks(quiz_api.submit_answers),
    "quiz.order": _with_banks(quiz_api.order),
    "quiz.restore": _with_banks(quiz_api.restore_progress),
    "picker.build": _stateless(build_for_page),
    "mechanics.solve": _stateless(mechanics_solve),
}


def dispatch(method: str, params_json: str, session: Session | None = None) -> str:
    """One call. Without a session (tests, the command line) nothing is kept after it."""
    try:
        handler = METHODS.get(method)
        if handler is None:
            raise LookupError(f"unknown method '{method}'")
        params = json.loads(params_json) if params_json else {}
        result = handler(params, session if session is not None else Session())
        return json.dumps({"ok": True, "result": result})
    except Exception as error:  # every failure becomes an error reply, never a hang
        return json.dumps(
            {"ok": False, "error": {"type": type(error).__name__, "message": str(error)}}
        )
