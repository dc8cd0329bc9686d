"""The worker's entry point: one dispatcher from method names to engine functions.

The page sends ``{id, method, params}``; the worker calls ``dispatch(method, params_json)``
and gets back a JSON string ``{"ok": true, "result": ...}`` or
``{"ok": false, "error": {"type": ..., "message": ...}}``. Every widget method is listed in
``METHODS`` and nowhere else.
"""

import json
from collections.abc import Callable

from .mechanics import run as mechanics_solve
from .messages import messages
from .picker import build_for_page
from .quiz import api as quiz_api
from .quiz.grading import grade_bank
from .quiz.model import bank_from_dict


def quiz_grade(params: dict) -> dict:
    bank = bank_from_dict(params["bank"])
    return grade_bank(bank, params.get("responses", {}), messages(params.get("language"))).to_dict()


def ping(params: dict) -> dict:
    import sys

    return {"python": sys.version.split()[0], "platform": sys.platform}


METHODS: dict[str, Callable[[dict], dict]] = {
    "engine.ping": ping,
    "quiz.grade": quiz_grade,
    "quiz.submit": quiz_api.submit_answers,
    "quiz.order": quiz_api.order,
    "quiz.restore": quiz_api.restore_progress,
    "picker.build": build_for_page,
    "mechanics.solve": mechanics_solve,
}


def dispatch(method: str, params_json: str) -> str:
    try:
        handler = METHODS.get(method)
        if handler is None:
            raise LookupError(f"unknown method '{method}'")
        result = handler(json.loads(params_json) if params_json else {})
        return json.dumps({"ok": True, "result": result})
    except Exception as error:  # every failure becomes an error reply, never a hang
        return json.dumps(
            {"ok": False, "error": {"type": type(error).__name__, "message": str(error)}}
        )
