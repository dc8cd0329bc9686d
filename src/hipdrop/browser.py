"""The worker's entry point: one dispatcher from method names to engine functions.

The page sends ``{id, method, params}``; the worker calls ``dispatch(method, params_json)``
and gets back a JSON string ``{"ok": true, "result": ...}`` or
``{"ok": false, "error": {"type": ..., "message": ...}}``.

The method table is not written here: it is what the course's core and packs registered
(``hipdrop_tools.packs``), written into the engine wheel as ``hipdrop/_registry.py``
(``METHODS``: method name -> ``"module:function"``). Without that file (the engine run from its
source folder) the table is the core's own methods, ``CORE_METHODS``.
"""

import importlib
import json

from .quiz.grading import grade_bank
from .quiz.model import bank_from_dict

CORE_METHODS = {
    "engine.ping": "hipdrop.browser:ping",
    "quiz.grade": "hipdrop.browser:quiz_grade",
    "quiz.submit": "hipdrop.quiz.api:submit_answers",
    "quiz.order": "hipdrop.quiz.api:order",
    "quiz.restore": "hipdrop.quiz.api:restore_progress",
}


def quiz_grade(params: dict) -> dict:
    bank = bank_from_dict(params["bank"])
    return grade_bank(bank, params.get("responses", {})).to_dict()


def ping(params: dict) -> dict:
    import sys

    return {"python": sys.version.split()[0], "platform": sys.platform}


def registered_methods() -> dict[str, str]:
    """Method name -> ``"module:function"``: the wheel's registry, else the core's methods."""
    try:
        registry = importlib.import_module("hipdrop._registry")
    except ImportError:
        return dict(CORE_METHODS)
    return dict(registry.METHODS)


def handler(method: str, methods: dict[str, str] | None = None):
    target = (registered_methods() if methods is None else methods).get(method)
    if target is None:
        raise LookupError(f"unknown method '{method}'")
    module_name, _, function = target.partition(":")
    return getattr(importlib.import_module(module_name), function)


def dispatch(method: str, params_json: str, methods: dict[str, str] | None = None) -> str:
    """``methods``: a method table to use instead of the registered one (tests, build tools)."""
    try:
        result = handler(method, methods)(json.loads(params_json) if params_json else {})
        return json.dumps({"ok": True, "result": result})
    except Exception as error:  # every failure becomes an error reply, never a hang
        return json.dumps(
            {"ok": False, "error": {"type": type(error).__name__, "message": str(error)}}
        )
