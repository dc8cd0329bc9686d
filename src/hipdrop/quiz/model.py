"""A quiz bank as the engine sees it: text already rendered to safe HTML at build time.

Six question types share one ``Question`` shape; each type uses the fields it needs:

- ``single``, ``true_false``, ``multiple``: ``options`` (each with its own feedback);
- ``numeric``: ``numeric`` (value, tolerance, unit) and ``feedback`` (right / wrong);
- ``ordering``: ``items`` in the right order, and ``feedback``;
- ``matching``: ``left`` items (each naming its ``match``) and ``right`` items, and ``feedback``;
- ``generated_numeric``: ``generated`` (a generator the course registers and the seeds it may use)
  and ``feedback``; each seed gives one problem, its numbers, answer, tolerance and working
  (``hipdrop.quiz.generated``).
"""

from dataclasses import asdict, dataclass, field

CHOICE_TYPES = ("single", "true_false", "multiple")
QUESTION_TYPES = ("single", "multiple", "true_false", "numeric", "ordering", "matching", "generated_numeric")
GENERATED_TYPES = ("generated_numeric",)
MODES = ("practice", "exam")


@dataclass(frozen=True)
class Option:
    id: str
    html: str
    correct: bool
    feedback_html: str
    text: str = ""  # plain text, for places that cannot show HTML


@dataclass(frozen=True)
class Item:
    """An entry of an ordering list, or one side of a matching question."""

    id: str
    html: str
    text: str = ""
    match: str = ""  # matching, left side: the id of the right-hand item it goes with


@dataclass(frozen=True)
class NumericAnswer:
    value: float
    tolerance: float
    unit: str = ""


@dataclass(frozen=True)
class Generated:
    """A generated question's source: a generator the course registers (by name) and the range of
    seeds it may be given (bounds included); each seed is one version of the problem."""

    generator: str
    first_seed: int
    last_seed: int


@dataclass(frozen=True)
class Feedback:
    """Question-level feedback for the types whose answers are not options."""

    correct_html: str
    incorrect_html: str
    partial_html: str = ""


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    prompt_html: str
    options: tuple[Option, ...] = ()
    explanation_html: str = ""
    link: str = ""  # URL of the lesson section that teaches it
    tags: dict[str, str] = field(default_factory=dict)
    numeric: NumericAnswer | None = None
    items: tuple[Item, ...] = ()
    left: tuple[Item, ...] = ()
    right: tuple[Item, ...] = ()
    feedback: Feedback | None = None
    generated: Generated | None = None

    @property
    def correct_ids(self) -> frozenset[str]:
        return frozenset(o.id for o in self.options if o.correct)


@dataclass(frozen=True)
class Bank:
    id: str
    title: str
    mode: str  # "practice" or "exam"
    questions: tuple[Question, ...]

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(f"no question '{question_id}' in quiz '{self.id}'")


def _question_from_dict(q: dict) -> Question:
    numeric = q.get("numeric")
    feedback = q.get("feedback")
    generated = q.get("generated")
    return Question(
        id=q["id"],
        type=q["type"],
        prompt_html=q["prompt_html"],
        options=tuple(Option(**o) for o in q.get("options", ())),
        explanation_html=q.get("explanation_html", ""),
        link=q.get("link", ""),
        tags=dict(q.get("tags", {})),
        numeric=NumericAnswer(**numeric) if numeric else None,
        items=tuple(Item(**i) for i in q.get("items", ())),
        left=tuple(Item(**i) for i in q.get("left", ())),
        right=tuple(Item(**i) for i in q.get("right", ())),
        feedback=Feedback(**feedback) if feedback else None,
        generated=Generated(**generated) if generated else None,
    )


def bank_from_dict(data: dict) -> Bank:
    return Bank(
        id=data["id"],
        title=data["title"],
        mode=data.get("mode", "practice"),
        questions=tuple(_question_from_dict(q) for q in data["questions"]),
    )


def bank_to_dict(bank: Bank) -> dict:
    return asdict(bank)
