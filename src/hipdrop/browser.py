"""The worker's entry point: one dispatcher from method names to engine functions.

The page sends ``{id, method, params}``; the worker calls ``dispatch(method, params_json,
session)`` and gets back a JSON string ``{"ok": true, "result": ...}`` or
``{"ok": false, "error": {"type": ..., "message": ...}}``.

The method table is not written here: it is what the course's core and packs registered
(``hipdrop_tools.course.packs``), written into the engine wheel as ``hipdrop/_registry.py``
(``METHODS``: method name -> ``"module:function"``). Without that file (the engine run from its
source folder) the table is the core's own methods, ``CORE_METHODS``.

A handler takes the call's ``params`` and returns a JSON-able result. A handler that keeps
something from call to call is marked with ``@uses_session`` and takes ``(params, session)``:
the worker makes one ``Session`` when it starts (a worker started afresh by Retry has a new one).
"""

import importlib
import json
from collections.abc import Callable

from .quiz import api as quiz_api

CORE_METHODS = {
    "engine.ping": "hipdrop.browser:ping",
    "quiz.load": "hipdrop.browser:quiz_load",
    "quiz.grade": "hipdrop.browser:quiz_grade",
    "quiz.submit": "hipdrop.browser:quiz_submit",
    "quiz.order": "hipdrop.browser:quiz_order",
    "quiz.restore": "hipdrop.browser:quiz_restore",
    "results.code": "hipdrop.quiz.results_api:code",
    "results.read": "hipdrop.quiz.results_api:read",
    "results.csv": "hipdrop.quiz.results_api:as_csv",
    "quiz.problem": "hipdrop.browser:quiz_problem",
}


class Session:
    """What one worker keeps between calls: the quiz banks its pages loaded with ``quiz.load``."""

    def __init__(self) -> None:
        self.quiz_banks = quiz_api.LoadedBanks()


def uses_session(handler: Callable) -> Callable:
    handler.hipdrop_uses_session = True  # type: ignore[attr-defined]
    return handler


def ping(params: dict) -> dict:
    import sys

    return {"python": sys.version.split()[0], "platform": sys.platform}


@uses_session
def quiz_load(params: dict, session: Session) -> dict:
    return session.quiz_banks.load(params)


@uses_session
def quiz_grade(params: dict, session: Session) -> dict:
    return quiz_api.grade(params, session.quiz_banks)


@uses_session
def quiz_submit(params: dict, session: Session) -> dict:
    return quiz_api.submit_answers(params, session.quiz_banks)


@uses_session
def quiz_order(params: dict, session: Session) -> dict:
    return quiz_api.order(params, session.quiz_banks)


@uses_session
def quiz_restore(params: dict, session: Session) -> dict:
    return quiz_api.restore_progress(params, session.quiz_banks)


@uses_session
def quiz_problem(params: dict, session: Session) -> dict:
    return quiz_api.problem(params, session.quiz_banks)


def registered_methods() -> dict[str, str]:
    """Method name -> ``"module:function"``: the wheel's registry, else the core's methods."""
    try:
        registry = importlib.import_module("hipdrop._registry")
    except ImportError:
        return dict(CORE_METHODS)
    return dict(registry.METHODS)


def handler(method: str, methods: dict[str, str] | None = None) -> Callable:
    target = (registered_methods() if methods is None else methods).get(method)
    if target is None:
        raise LookupError(f"unknown method '{method}'")
    module_name, _, function = target.partition(":")
    return getattr(importlib.import_module(module_name), function)


def dispatch(
    method: str,
    params_json: str,
    session: Session | None = None,
    *,
    methods: dict[str, str] | None = None,
) -> str:
    """One call. ``methods``: a table to use instead of the registered one (tests, build tools).
    Without a session (tests, the command line) nothing is kept after the call."""
    try:
        function = handler(method, methods)
        params = json.loads(params_json) if params_json else {}
        if getattr(function, "hipdrop_uses_session", False):
            result = function(params, session if session is not None else Session())
        else:
            result = function(params)
        return json.dumps({"ok": True, "result": result})
    except Exception as error:  # every failure becomes an error reply, never a hang
        return json.dumps({"ok": False, "error": {"type": type(error).__name__, "message": str(error)}})
