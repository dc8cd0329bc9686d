"""A class's results on the teacher's page: the result codes students showed, read and graded.

The rules:

- Each line is one code; blank lines are skipped. A code is read against the course's banks
  (``result_code.read_code``); one that cannot be read is refused with the reason, in the
  teacher's language, never dropped without a word.
- A code already in the class (the same characters) counts once: a code scanned twice, or pasted
  again, is "already in the class". Two students with the same answers still give two codes (the
  code's attempt tag differs).
- The answers a code carries are graded with the teacher's page's bank by ``grade_bank``: the
  engine that graded them on the student's page.
- For each quiz in the class, in the order the banks are given: how many students, their mean
  percentage (rounded half up), the spread of percentages in ten bands (0-9, 10-19, ... 90-100),
  and for each question how many answered it, got it fully right or partly right, the percentage
  fully right (of the students, rounded half up), and, for choice questions, the wrong option
  chosen most often (ties go to the option first in the bank) with its count and feedback.
- The rows keep the order the codes were given. A nickname is the student's own text: the page
  shows it as text, never as markup.
- CSV (RFC 4180, CRLF): one row per student, with the quiz, its version, the nickname, the
  score, the maximum, the percentage and each question's mark. A cell that starts with ``=``,
  ``+``, ``-``, ``@``, a tab or a carriage return gets a leading apostrophe, so that a
  spreadsheet shows it as text and never runs it as a formula.
"""

import csv
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from ..messages import Messages, messages
from .grading import BankResult, grade_bank
from .model import CHOICE_TYPES, Bank
from .result_code import CodeError, ResultCode, read_code

BANDS = tuple((low, low + 9 if low < 90 else 100) for low in range(0, 100, 10))
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Refusal:
    line: int  # from 1, in the text given
    text: str
    reason: str
    message: str


@dataclass(frozen=True)
class Row:
    code: str
    nickname: str
    score: float
    max_score: float
    percent: int
    marks: tuple[float, ...]


@dataclass(frozen=True)
class Band:
    label: str
    low: int
    high: int
    count: int


@dataclass(frozen=True)
class WrongChoice:
    option: str
    html: str
    feedback_html: str
    count: int


@dataclass(frozen=True)
class QuestionSummary:
    number: int
    id: str
    prompt_html: str
    answered: int
    right: int
    partial: int
    percent_right: int
    wrong: WrongChoice | None


@dataclass(frozen=True)
class QuizSummary:
    quiz: str
    title: str
    version: str
    students: int
    mean_percent: int
    bands: tuple[Band, ...]
    questions: tuple[QuestionSummary, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class ClassResults:
    accepted: tuple[str, ...]  # the codes read, grouped, in the order given
    refused: tuple[Refusal, ...]
    quizzes: tuple[QuizSummary, ...]

    def to_dict(self) -> dict:
        return asdict(self)


def _half_up(part: float, whole: float) -> int:
    return int(100 * part / whole + 0.5) if whole else 0


def _refusal(line: int, text: str, error: CodeError, texts: Messages) -> Refusal:
    return Refusal(
        line=line,
        text=text,
        reason=error.reason,
        message=texts.format(f"results.refused.{error.reason}", **error.values),
    )


def _most_chosen_wrong(bank: Bank, number: int, results: list[BankResult]) -> WrongChoice | None:
    question = bank.questions[number]
    if question.type not in CHOICE_TYPES:
        return None
    counts = Counter(c.option for r in results for c in r.questions[number].chosen if not c.correct)
    if not counts:
        return None
    order = [o.id for o in question.options]
    option_id = max(counts, key=lambda o: (counts[o], -order.index(o)))
    option = question.options[order.index(option_id)]
    return WrongChoice(option=option.id, html=option.html, feedback_html=option.feedback_html, count=counts[option_id])


def summarise(bank: Bank, codes: Sequence[ResultCode], texts: Messages) -> QuizSummary:
    """One quiz's part of the class: the codes graded with ``bank``."""
    results = [grade_bank(bank, code.responses, texts) for code in codes]
    percents = [r.percent for r in results]
    bands = tuple(
        Band(
            label=texts.format("results.band", low=low, high=high),
            low=low,
            high=high,
            count=sum(low <= p <= high for p in percents),
        )
        for low, high in BANDS
    )
    questions = []
    for n, question in enumerate(bank.questions):
        graded = [r.questions[n] for r in results]
        right = sum(q.verdict == "correct" for q in graded)
        questions.append(
            QuestionSummary(
                number=n + 1,
                id=question.id,
                prompt_html=question.prompt_html,
                answered=sum(q.answered for q in graded),
                right=right,
                partial=sum(q.verdict == "partial" for q in graded),
                percent_right=_half_up(right, len(graded)),
                wrong=_most_chosen_wrong(bank, n, results),
            )
        )
    rows = tuple(
        Row(
            code=code.text,
            nickname=code.nickname,
            score=result.score,
            max_score=result.max_score,
            percent=result.percent,
            marks=tuple(q.score for q in result.questions),
        )
        for code, result in zip(codes, results, strict=True)
    )
    return QuizSummary(
        quiz=bank.id,
        title=bank.title,
        version=codes[0].version if codes else "",
        students=len(codes),
        mean_percent=_half_up(sum(percents), 100 * len(percents)),
        bands=bands,
        questions=tuple(questions),
        rows=rows,
    )


def read_class(lines: Sequence[str], banks: Sequence[Bank], texts: Messages | None = None) -> ClassResults:
    """Every code in ``lines`` read against ``banks``; the class's table, quiz by quiz."""
    texts = messages() if texts is None else texts
    accepted: dict[str, ResultCode] = {}
    refused = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            code = read_code(line, banks)
        except CodeError as error:
            refused.append(_refusal(number, line.strip(), error, texts))
            continue
        if code.text in accepted:
            refused.append(_refusal(number, line.strip(), CodeError("duplicate", "already in the class"), texts))
            continue
        accepted[code.text] = code
    quizzes = tuple(
        summarise(bank, [c for c in accepted.values() if c.quiz == bank.id], texts)
        for bank in banks
        if any(c.quiz == bank.id for c in accepted.values())
    )
    return ClassResults(accepted=tuple(accepted), refused=tuple(refused), quizzes=quizzes)


class _Text:
    """Where ``csv.writer`` writes: the text, kept in memory (the engine does no I/O)."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)


def _cell(value: object) -> str:
    text = value if isinstance(value, str) else format(value, "g")
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def class_csv(results: ClassResults, texts: Messages | None = None) -> str:
    """The class as CSV, one row per student, each question's mark in its own column."""
    texts = messages() if texts is None else texts
    most = max((len(q.questions) for q in results.quizzes), default=0)
    out = _Text()
    writer = csv.writer(out, lineterminator="\r\n")
    head = ["quiz", "version", "nickname", "score", "max", "percent"]
    writer.writerow(
        [texts[f"results.csv.{name}"] for name in head]
        + [texts.format("results.csv.question", n=n) for n in range(1, most + 1)]
    )
    for quiz in results.quizzes:
        for row in quiz.rows:
            writer.writerow(
                [_cell(v) for v in (quiz.quiz, quiz.version, row.nickname, row.score, row.max_score, row.percent)]
                + [_cell(mark) for mark in row.marks]
            )
    return "".join(out.parts)
