"""Grading: a reader's responses in, a scored result with feedback out.

Each question is worth 1 mark. The rules, also stated in the authoring guide and on the page:

- single choice, true/false: 1 for the right option, else 0.
- multiple select: with C right options, each right option ticked earns 1/C and each wrong option
  ticked takes 1/C away; the mark never goes below 0 (Moodle's rule, so exports grade the same).
- numeric: 1 if the number is within the tolerance of the answer (bounds included), else 0.
- generated numeric: the same, against the answer and tolerance of the problem the reader was
  shown (its seed travels with the answer); after an answer the feedback shows the working.
- ordering: each item in its right place earns an equal share.
- matching: each left-hand item matched to its right partner earns an equal share.

The score sentence gives the percentage rounded half up to a whole number, as a reader expects
(1 of 8 marks is 13 %, not Python's round-half-to-even 12 %).

Responses, by type: a list of option ids (choice types), the text typed (numeric), ``{item id:
position}`` with positions from 1 (ordering), ``{left id: right id}`` (matching), ``{"seed": n,
"value": text}`` (generated numeric). An empty or
missing response is unanswered and scores 0; a response naming an unknown option is an error.

Every sentence a reader sees comes from a message catalog (``hipdrop.messages``), passed as
``texts``; without one it is English.
"""

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from html import escape

from ..messages import Messages, messages
from .generated import check_seed, problem_for
from .model import CHOICE_TYPES, GENERATED_TYPES, Bank, NumericAnswer, Question

_TOLERANCE_SLACK = 1e-9  # floating-point noise: 2.6 - 2.5 is 0.10000000000000009


@dataclass(frozen=True)
class ChosenFeedback:
    option: str
    correct: bool
    feedback_html: str


@dataclass(frozen=True)
class PartResult:
    """One item of an ordering question or one left-hand item of a matching question."""

    id: str
    answered: bool
    correct: bool
    feedback_html: str


@dataclass(frozen=True)
class QuestionResult:
    id: str
    type: str
    answered: bool  # the reader gave something
    complete: bool  # the reader gave every part the question asks for
    correct: bool
    verdict: str  # "correct", "partial", "incorrect" or "unanswered"
    verdict_text: str  # the verdict in words: "Right.", "Partly right."...
    score_text: str  # after a partial verdict, " 0.5 of 1 mark."; else ""
    score: float
    max_score: float
    chosen: tuple[ChosenFeedback, ...]
    parts: tuple[PartResult, ...]
    feedback_html: str
    correct_options: tuple[str, ...]
    answer_html: str
    explanation_html: str
    link: str


@dataclass(frozen=True)
class BankResult:
    bank: str
    mode: str
    score: float
    max_score: float
    percent: int
    summary: str
    complete: bool
    unanswered: tuple[str, ...]
    questions: tuple[QuestionResult, ...]

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Submission:
    accepted: bool
    message: str
    unanswered: tuple[str, ...]
    result: BankResult | None

    def to_dict(self) -> dict:
        return asdict(self)


# ---------------------------------------------------------------- small helpers


def ordinal(n: int) -> str:
    """In English (the exports' words): 1 -> '1st'. A page uses its catalog's ``ordinal``."""
    return messages().ordinal(n)


def number_text(value: float) -> str:
    """1167.0 -> '1,167'; 2.5 -> '2.5'."""
    return format(round(value, 6), ",g") if abs(value) < 1e15 else format(value, "g")


def _mark(value: float) -> float:
    return round(value, 4)


def _mark_text(value: float) -> str:
    return format(round(value, 2), "g")


def _texts(texts: Messages | None) -> Messages:
    return messages() if texts is None else texts


def _half_up(value: float) -> str:
    """A mark to two decimals, rounded half up as the reader expects (0.125 -> '0.13')."""
    return format(int(value * 100 + 0.5 + 1e-9) / 100, "g")


_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def parse_number(text: object, unit: str = "") -> float | None:
    """What a reader typed as a number: '1,167', '1 167', '2,5' (decimal comma), '583 N'.

    Returns None when it is not a number.
    """
    if isinstance(text, bool):
        return None
    if isinstance(text, (int, float)):
        return float(text)
    if not isinstance(text, str):
        return None
    s = text.strip().replace("\u2212", "-")
    if unit and s.lower().endswith(unit.lower()):
        s = s[: -len(unit)].strip()
    s = re.sub(r"[\s\u00a0\u202f_]", "", s)
    if ("," in s and "." in s) or _THOUSANDS.match(s):
        s = s.replace(",", "")
    else:
        s = s.replace(",", ".")
    if not _NUMBER.match(s):
        return None
    return float(s)


# ---------------------------------------------------------------- the right answer, as HTML


def numeric_answer_html(n: NumericAnswer, texts: Messages | None = None) -> str:
    """A number's right answer and the range that counts."""
    texts = _texts(texts)
    unit = f" {escape(n.unit)}" if n.unit else ""
    low, high = (texts.number(number_text(v)) for v in (n.value - n.tolerance, n.value + n.tolerance))
    value = texts.number(number_text(n.value))
    counts = texts.format("grade.answer.range", low=low, high=high, unit=unit)
    return f"<p><strong>{escape(texts['grade.answer.right'])}</strong> {value}{unit} {counts}</p>"


def answer_html(question: Question, texts: Messages | None = None) -> str:
    """The right answer, for the answer key and for "Show answers"."""
    texts = _texts(texts)
    if question.type in CHOICE_TYPES:
        right = [o.html for o in question.options if o.correct]
        label = texts["grade.answer.rights" if len(right) > 1 else "grade.answer.right"]
        return f"<p><strong>{escape(label)}</strong> " + "; ".join(right) + "</p>"
    if question.type == "numeric" and question.numeric:
        return numeric_answer_html(question.numeric, texts)
    if question.type == "ordering":
        items = "".join(f"<li>{i.html}</li>" for i in question.items)
        return f"<p><strong>{escape(texts['grade.answer.order'])}</strong></p><ol>{items}</ol>"
    if question.type == "matching":
        partners = {r.id: r.html for r in question.right}
        pairs = "".join(f"<li>{item.html} → {partners.get(item.match, '')}</li>" for item in question.left)
        return f"<p><strong>{escape(texts['grade.answer.matches'])}</strong></p><ul>{pairs}</ul>"
    return ""


# ---------------------------------------------------------------- responses, checked


def normalise_response(question: Question, response: object):
    """The response in its canonical shape for the type; raises ValueError if it cannot be one."""
    where = f"question '{question.id}'"
    if question.type in CHOICE_TYPES:
        if response is None or response == "":
            return []
        chosen = [response] if isinstance(response, str) else response
        if not isinstance(chosen, list) or not all(isinstance(c, str) for c in chosen):
            raise ValueError(f"{where}: expected a list of option ids")
        known = {o.id for o in question.options}
        unknown = [c for c in chosen if c not in known]
        if unknown:
            raise ValueError(f"{where}: unknown option(s) {', '.join(unknown)}")
        if question.type != "multiple" and len(set(chosen)) > 1:
            raise ValueError(f"{where}: only one option can be chosen")
        return [o.id for o in question.options if o.id in chosen]
    if question.type == "numeric":
        if response is None:
            return ""
        if isinstance(response, bool) or not isinstance(response, (str, int, float)):
            raise ValueError(f"{where}: expected the number as text")
        return response.strip() if isinstance(response, str) else response
    if question.type in GENERATED_TYPES:
        if response is None or response == "":
            return {}
        if not isinstance(response, dict) or set(response) - {"seed", "value"}:
            raise ValueError(f"{where}: expected {{seed, value}}")
        value = response.get("value", "")
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise ValueError(f"{where}: expected the number as text")
        value = value.strip() if isinstance(value, str) else value
        return {"seed": check_seed(question, response.get("seed")), "value": value}
    if question.type in ("ordering", "matching"):
        if response is None or response == "":
            return {}
        if not isinstance(response, dict):
            raise ValueError(f"{where}: expected a mapping")
        keys = question.items if question.type == "ordering" else question.left
        known = {k.id for k in keys}
        unknown = [k for k in response if k not in known]
        if unknown:
            raise ValueError(f"{where}: unknown item(s) {', '.join(map(str, unknown))}")
        out = {}
        for key, value in response.items():
            if value in (None, ""):
                continue
            if question.type == "ordering":
                position = int(value) if isinstance(value, str) and value.isdigit() else value
                if isinstance(position, bool) or not isinstance(position, int) or not 1 <= position <= len(keys):
                    raise ValueError(f"{where}: item '{key}' has no place {value!r} (1 to {len(keys)})")
                out[key] = position
            else:
                if value not in {r.id for r in question.right}:
                    raise ValueError(f"{where}: item '{key}' is matched to unknown '{value}'")
                out[key] = value
        return out
    raise ValueError(f"{where}: unknown question type '{question.type}'")


# ---------------------------------------------------------------- grading by type


def _verdict(score: float, answered: bool) -> str:
    if not answered:
        return "unanswered"
    if score >= 1.0 - 1e-9:
        return "correct"
    return "partial" if score > 0 else "incorrect"


def _grade_choice(question: Question, chosen_ids: list[str]) -> dict:
    known = {o.id: o for o in question.options}
    chosen = tuple(
        ChosenFeedback(option=o, correct=known[o].correct, feedback_html=known[o].feedback_html) for o in chosen_ids
    )
    right = question.correct_ids
    if question.type == "multiple":
        share = 1.0 / len(right) if right else 0.0
        raw = sum(share if known[o].correct else -share for o in chosen_ids)
        score = min(1.0, max(0.0, raw))
    else:
        score = 1.0 if chosen_ids and set(chosen_ids) == right else 0.0
    return {"score": score, "answered": bool(chosen_ids), "complete": bool(chosen_ids), "chosen": chosen}


def _question_feedback(question: Question, verdict: str) -> str:
    fb = question.feedback
    if fb is None or verdict == "unanswered":
        return ""
    if verdict == "correct":
        return fb.correct_html
    if verdict == "partial" and fb.partial_html:
        return fb.partial_html
    return fb.incorrect_html


def _grade_numeric(n: NumericAnswer | None, given, texts: Messages) -> dict:
    if given == "" or n is None:
        return {"score": 0.0, "answered": False, "complete": False}
    value = parse_number(given, n.unit)
    if value is None:
        note = f"<p>{texts.format('grade.numeric.unreadable', given=escape(str(given)))}</p>"
        return {"score": 0.0, "answered": True, "complete": True, "note": note}
    slack = _TOLERANCE_SLACK * max(1.0, abs(n.value))
    score = 1.0 if abs(value - n.value) <= n.tolerance + slack else 0.0
    return {"score": score, "answered": True, "complete": True}


def _grade_parts(question: Question, given: dict, texts: Messages) -> dict:
    if question.type == "ordering":
        keys = question.items
        expected: dict[str, int | str] = {item.id: place for place, item in enumerate(question.items, 1)}
    else:
        keys = question.left
        expected = {item.id: item.match for item in question.left}
    parts = []
    for key in keys:
        answered = key.id in given
        correct = answered and given[key.id] == expected[key.id]
        if not answered:
            text = texts["grade.part.unanswered"]
        elif question.type == "ordering":
            text = texts["grade.part.right_place" if correct else "grade.part.wrong_place"]
        else:
            text = texts["grade.part.right_match" if correct else "grade.part.wrong_match"]
        parts.append(
            PartResult(id=key.id, answered=answered, correct=correct, feedback_html=f"<strong>{escape(text)}</strong>")
        )
    share = 1.0 / len(keys) if keys else 0.0
    return {
        "score": sum(share for p in parts if p.correct),
        "answered": bool(given),
        "complete": len(given) == len(keys),
        "parts": tuple(parts),
    }


def _grade_generated(question: Question, given: dict, texts: Messages, generators) -> dict:
    """Against the problem of the seed the reader was shown; the working once they answered."""
    from .generated_html import working_html  # imported here: it uses this module's number_text

    if "seed" not in given:
        return {"score": 0.0, "answered": False, "complete": False}
    problem = problem_for(question, given["seed"], generators)
    numeric = NumericAnswer(value=problem.answer, tolerance=problem.tolerance, unit=problem.unit)
    graded = _grade_numeric(numeric, given.get("value", ""), texts)
    graded["answer_html"] = numeric_answer_html(numeric, texts)
    if graded["answered"]:
        graded["working"] = working_html(problem, texts)
    return graded


def grade_question(
    question: Question, response: object, texts: Messages | None = None, generators: Mapping | None = None
) -> QuestionResult:
    """Grade one question of any type. ``generators``: the course's problem generators by name
    (``hipdrop.quiz.generated``); without them, the ones the engine wheel registers."""
    texts = _texts(texts)
    given = normalise_response(question, response)
    if question.type in CHOICE_TYPES:
        graded = _grade_choice(question, given)
    elif question.type == "numeric":
        graded = _grade_numeric(question.numeric, given, texts)
    elif question.type in GENERATED_TYPES:
        graded = _grade_generated(question, given, texts, generators)
    else:
        graded = _grade_parts(question, given, texts)
    score = _mark(graded["score"])
    verdict = _verdict(score, graded["answered"])
    score_text = (
        texts.format("grade.partial_mark", mark=texts.number(_half_up(score)), max=texts.number(_mark_text(1.0)))
        if verdict == "partial"
        else ""
    )
    return QuestionResult(
        id=question.id,
        type=question.type,
        answered=graded["answered"],
        complete=graded["complete"],
        correct=verdict == "correct",
        verdict=verdict,
        verdict_text=texts[f"grade.verdict.{verdict}"],
        score_text=score_text,
        score=score,
        max_score=1.0,
        chosen=graded.get("chosen", ()),
        parts=graded.get("parts", ()),
        feedback_html=graded.get("note", "") + _question_feedback(question, verdict) + graded.get("working", ""),
        correct_options=tuple(o.id for o in question.options if o.correct),
        answer_html=graded.get("answer_html", answer_html(question, texts)),
        explanation_html=question.explanation_html,
        link=question.link,
    )


def grade_bank(
    bank: Bank, responses: dict, texts: Messages | None = None, generators: Mapping | None = None
) -> BankResult:
    """Grade every question of a bank; a question with no response scores zero."""
    texts = _texts(texts)
    if not isinstance(responses, dict):
        raise ValueError("responses must be a mapping from question id to answer")
    unknown = [qid for qid in responses if qid not in {q.id for q in bank.questions}]
    if unknown:
        raise ValueError(f"no question(s) {', '.join(unknown)} in quiz '{bank.id}'")
    results = tuple(grade_question(q, responses.get(q.id), texts, generators) for q in bank.questions)
    score = _mark(sum(r.score for r in results))
    max_score = sum(r.max_score for r in results)
    percent = int(100 * score / max_score + 0.5) if max_score else 0  # half up (see the docstring)
    return BankResult(
        bank=bank.id,
        mode=bank.mode,
        score=score,
        max_score=max_score,
        percent=percent,
        summary=texts.format(
            "grade.summary",
            score=texts.number(_mark_text(score)),
            max=texts.number(_mark_text(max_score)),
            percent=percent,
        ),
        complete=all(r.complete for r in results),
        unanswered=tuple(r.id for r in results if not r.complete),
        questions=results,
    )


def submit(bank: Bank, responses: dict, texts: Messages | None = None, generators: Mapping | None = None) -> Submission:
    """A reader presses the submit button. In exam mode every question must be fully answered
    first; nothing is graded until it is. In practice mode any answers are graded."""
    texts = _texts(texts)
    result = grade_bank(bank, responses, texts, generators)
    if bank.mode == "exam" and not result.complete:
        numbers = [str(n) for n, q in enumerate(bank.questions, 1) if q.id in result.unanswered]
        key = "grade.exam.unanswered_one" if len(numbers) == 1 else "grade.exam.unanswered_many"
        message = texts.format(key, numbers=texts.series(numbers))
        return Submission(accepted=False, message=message, unanswered=result.unanswered, result=None)
    return Submission(accepted=True, message=result.summary, unanswered=result.unanswered, result=result)
