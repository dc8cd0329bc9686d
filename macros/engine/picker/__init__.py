"""The program picker: a reader's answers and the exercise catalog in, a program or a referral out.

``pick(answers, catalog)`` is the whole engine: safety first (warning signs, age, missing clearance,
a tendon repair and a high usual pain give a referral, new high pain gives rest advice), then the
selection rules. Pure and deterministic.
"""

from dataclasses import replace

from ..catalog import Catalog, catalog_from_dict
from .answers import Answers, AnswersError, answers_from_dict, answers_from_form, answers_to_form, form_query
from .program import LeftOut, Outcome, Program, Referral, RestAdvice, Trigger
from .render import render, render_problems
from .rules import build_program
from .safety import screen, stop_rules_for
from .sources import COURSE_CONVENTION
from .warning_signs import SOON

__all__ = [
    "Answers",
    "AnswersError",
    "Program",
    "Referral",
    "RestAdvice",
    "answers_from_dict",
    "answers_from_form",
    "pick",
]


def pick(answers: Answers, catalog: Catalog) -> Outcome:
    stop = screen(answers)
    if stop is not None:
        return stop
    program, why = build_program(answers, catalog)
    if program is None:
        return _nothing_fits(why)
    return replace(program, stop_rules=stop_rules_for(answers))


def _nothing_fits(why: tuple[LeftOut, ...]) -> Referral:
    details = " ".join(r.text for r in why[:3])
    trigger = Trigger(
        field="precautions",
        answer="",
        label="Your limits and equipment leave no exercise in the course's catalog that fits. " + details,
        action="Keep to the exercises your own clinician or surgical team gave you, and ask a "
        "physiotherapist for exercises that respect your limits.",
        whom="a physiotherapist or your surgical team",
        source=COURSE_CONVENTION,
    )
    return Referral(
        urgency=SOON,
        title="Ask a physiotherapist for a program that fits your limits",
        triggers=(trigger,),
        what_to_do=trigger.action,
        whom=trigger.whom,
    )


def build_for_page(params: dict) -> dict:
    """The worker method ``picker.build``: form fields in, rendered outcome (or problems) out.

    ``params``: ``catalog`` (the catalog dict), ``form`` (field name -> list of strings, as in the
    URL query), ``base_url`` (the site root seen from the page) and ``urls`` (made by the build
    from MkDocs's files: ``exercises`` id -> page address, ``figures`` id -> the still figure's
    ``{"src", "alt", "width", "height"}`` and ``session`` the guided session's page, each seen from
    the program page). Bad answers are not
    an error reply: they come back as ``kind: "invalid"`` with every problem, for the page to show.
    """

    try:
        answers = answers_from_form(params.get("form") or {})
    except AnswersError as error:
        return {"kind": "invalid", "problems": error.problems, "html": render_problems(error.problems)}
    outcome = pick(answers, catalog_from_dict(params["catalog"]))
    urls = params.get("urls") or {}
    if urls.get("session"):
        urls = {**urls, "session_query": form_query(answers_to_form(answers))}
    html = render(outcome, params.get("base_url", ""), urls)
    return {"kind": outcome.kind, "html": html, "problems": []}
