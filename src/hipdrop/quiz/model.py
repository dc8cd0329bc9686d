"""A quiz bank as the engine sees it: text already rendered to safe HTML at build time."""

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Option:
    id: str
    html: str
    correct: bool
    feedback_html: str


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    prompt_html: str
    options: tuple[Option, ...]
    explanation_html: str
    link: str  # URL of the lesson section that teaches it
    tags: dict[str, str] = field(default_factory=dict)

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


def bank_from_dict(data: dict) -> Bank:
    return Bank(
        id=data["id"],
        title=data["title"],
        mode=data.get("mode", "practice"),
        questions=tuple(
            Question(
                id=q["id"],
                type=q["type"],
                prompt_html=q["prompt_html"],
                options=tuple(Option(**o) for o in q["options"]),
                explanation_html=q["explanation_html"],
                link=q["link"],
                tags=dict(q.get("tags", {})),
            )
            for q in data["questions"]
        ),
    )


def bank_to_dict(bank: Bank) -> dict:
    return asdict(bank)
