"""Grading: a reader's responses in, a scored result with feedback out."""

from dataclasses import asdict, dataclass

from .model import Bank, Question


@dataclass(frozen=True)
class ChosenFeedback:
    option: str
    correct: bool
    feedback_html: str


@dataclass(frozen=True)
class QuestionResult:
    id: str
    answered: bool
    correct: bool
    score: float
    max_score: float
    chosen: tuple[ChosenFeedback, ...]
    correct_options: tuple[str, ...]
    explanation_html: str
    link: str


@dataclass(frozen=True)
class BankResult:
    bank: str
    score: float
    max_score: float
    questions: tuple[QuestionResult, ...]

    def to_dict(self) -> dict:
        return asdict(self)


def grade_question(question: Question, chosen_ids: list[str]) -> QuestionResult:
    """Grade one single-answer question (single choice or true/false)."""
    known = {o.id: o for o in question.options}
    unknown = [c for c in chosen_ids if c not in known]
    if unknown:
        raise ValueError(f"question '{question.id}': unknown option(s) {', '.join(unknown)}")
    chosen = tuple(
        ChosenFeedback(option=o, correct=known[o].correct, feedback_html=known[o].feedback_html)
        for o in chosen_ids
    )
    is_correct = bool(chosen_ids) and set(chosen_ids) == question.correct_ids
    return QuestionResult(
        id=question.id,
        answered=bool(chosen_ids),
        correct=is_correct,
        score=1.0 if is_correct else 0.0,
        max_score=1.0,
        chosen=chosen,
        correct_options=tuple(o.id for o in question.options if o.correct),
        explanation_html=question.explanation_html,
        link=question.link,
    )


def grade_bank(bank: Bank, responses: dict[str, list[str]]) -> BankResult:
    """Grade every question of a bank; a question with no response scores zero."""
    results = tuple(grade_question(q, list(responses.get(q.id, []))) for q in bank.questions)
    return BankResult(
        bank=bank.id,
        score=sum(r.score for r in results),
        max_score=sum(r.max_score for r in results),
        questions=results,
    )
