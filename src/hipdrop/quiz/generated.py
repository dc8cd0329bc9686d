"""Generated numeric questions: a problem made from a seed by a generator the course registers.

The core knows no subject. A course registers generators by name (its ``Pack``'s ``generators``:
name -> ``"module:function"``); ``function(seed: int) -> Problem`` is pure (standard library only,
no I/O) and gives the same ``Problem`` for the same seed in every runtime (draw with
``hipdrop.quiz.draws.Draws``). A ``generated_numeric`` question names its generator and a range
of seeds; each seed is one version of the problem.

- In the reader's browser the generators are the engine wheel's registry (``hipdrop._registry``,
  ``GENERATORS``); at build time the shell passes the course's table (``generators=``).
- The problem a reader sees in an attempt comes from the attempt's seed (the quiz version) and a
  turn, counted up by "New numbers": ``attempt_seed``. Its response is ``{"seed", "value"}``.
- Printed worksheets and platform exports use versions 1, 2, ... N: the first N seeds of the range
  whose given values all differ (``version_seeds``), so neighbours never share numbers and
  version 2 on paper is version 2 on the platform.
"""

import hashlib
import importlib
import math
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass

from .model import Question


@dataclass(frozen=True)
class Given:
    """One value the problem gives: ``Given("BW", "Body weight", 700, "N")``."""

    symbol: str
    name: str
    value: float
    unit: str


@dataclass(frozen=True)
class Step:
    """One step of the working: what it finds, the equation, the numbers put in, the result."""

    title: str  # "Water to add"
    equation: str  # "W = 65% × F"
    numbers: str  # "0.8333 × 700 N"
    result: str  # "583.3 N"


@dataclass(frozen=True)
class Problem:
    """What a generator gives for one seed. Texts are plain text (the page escapes them)."""

    seed: int
    statement: str  # the situation, in words
    givens: tuple[Given, ...]
    question: str  # what is asked, with its symbol: "How much water goes in (W)?"
    unit: str  # the unit of the answer
    answer: float  # the right answer, as rounded as the reader is asked to give it
    tolerance: float  # answers within this distance count (bounds included)
    steps: tuple[Step, ...]
    note: str = ""  # a caveat after the working (a model's limits)

    def to_dict(self) -> dict:
        return asdict(self)

    def values(self) -> tuple[float, ...]:
        """The given values alone: two seeds with the same values are the same problem."""
        return tuple(g.value for g in self.givens)


Generator = Callable[[int], Problem]
Generators = Mapping[str, "Generator | str"]  # a function, or its "module:function"


class UnknownGenerator(LookupError):
    """A question names a generator that no course pack registered."""


def _resolve(reference: "Generator | str") -> Generator:
    if callable(reference):
        return reference
    module_name, _, function = reference.partition(":")
    return getattr(importlib.import_module(module_name), function)


def registered_generators() -> dict[str, str]:
    """Name -> ``"module:function"``: the engine wheel's registry; {} without one."""
    try:
        registry = importlib.import_module("hipdrop._registry")
    except ImportError:
        return {}
    return dict(getattr(registry, "GENERATORS", {}))


def generator(name: str, generators: Generators | None = None) -> Generator:
    table = registered_generators() if generators is None else generators
    if name not in table:
        known = ", ".join(sorted(table)) or "none"
        raise UnknownGenerator(f"no problem generator named '{name}' is registered (registered: {known})")
    return _resolve(table[name])


def check_seed(question: Question, seed: object) -> int:
    spec = question.generated
    if spec is None:
        raise ValueError(f"question '{question.id}' is not a generated question")
    if isinstance(seed, bool) or not isinstance(seed, int) or not spec.first_seed <= seed <= spec.last_seed:
        raise ValueError(
            f"question '{question.id}': seed {seed!r} is not a whole number from {spec.first_seed} to {spec.last_seed}"
        )
    return seed


def _checked(problem: object, name: str, seed: int) -> Problem:
    where = f"problem generator '{name}', seed {seed}"
    if not isinstance(problem, Problem):
        raise TypeError(f"{where}: gave a {type(problem).__name__}, not a hipdrop.quiz.generated.Problem")
    numbers = [problem.answer, problem.tolerance, *problem.values()]
    if not all(isinstance(n, int | float) and not isinstance(n, bool) and math.isfinite(n) for n in numbers):
        raise ValueError(f"{where}: its answer, tolerance and given values must be finite numbers")
    if problem.tolerance < 0:
        raise ValueError(f"{where}: a negative tolerance ({problem.tolerance})")
    if problem.seed != seed:
        raise ValueError(f"{where}: the problem says it is seed {problem.seed}")
    return problem


def problem_for(question: Question, seed: object, generators: Generators | None = None) -> Problem:
    """The problem of one seed of a generated question (the seed checked against its range)."""
    checked = check_seed(question, seed)
    assert question.generated is not None  # check_seed refuses a question without one
    name = question.generated.generator
    return _checked(generator(name, generators)(checked), name, checked)


def attempt_seed(bank_id: str, question: Question, attempt: int, turn: int = 0) -> int:
    """The seed a reader's attempt shows: from the attempt's seed (the quiz version) and the turn
    (0, then 1 after "New numbers"...), spread over the question's range by SHA-256."""
    spec = question.generated
    if spec is None:
        raise ValueError(f"question '{question.id}' is not a generated question")
    size = spec.last_seed - spec.first_seed + 1
    digest = hashlib.sha256(f"{bank_id}:{question.id}:{attempt}:{turn}".encode()).digest()
    return spec.first_seed + int.from_bytes(digest[:8], "big") % size


def next_seed(
    bank_id: str, question: Question, attempt: int, turn: int, avoid: int | None, generators: Generators | None = None
) -> int:
    """``attempt_seed``, moved on through the range past any seed whose values equal those of
    ``avoid`` (the problem on screen): "New numbers" always shows new numbers."""
    seed = attempt_seed(bank_id, question, attempt, turn)
    if avoid is None:
        return seed
    spec = question.generated
    assert spec is not None  # attempt_seed refuses a question without one
    shown = problem_for(question, avoid, generators).values()
    size = spec.last_seed - spec.first_seed + 1
    for _ in range(size):
        if seed != avoid and problem_for(question, seed, generators).values() != shown:
            return seed
        seed = spec.first_seed + (seed - spec.first_seed + 1) % size
    raise ValueError(f"question '{question.id}': every seed gives the same numbers")


def version_seeds(question: Question, count: int, generators: Generators | None = None) -> list[int]:
    """The seeds of versions 1 to ``count``: the first seeds of the range whose given values
    differ from every earlier version's."""
    spec = question.generated
    if spec is None:
        raise ValueError(f"question '{question.id}' is not a generated question")
    seeds: list[int] = []
    seen: set[tuple[float, ...]] = set()
    for seed in range(spec.first_seed, spec.last_seed + 1):
        values = problem_for(question, seed, generators).values()
        if values not in seen:
            seen.add(values)
            seeds.append(seed)
            if len(seeds) == count:
                return seeds
    raise ValueError(
        f"question '{question.id}': seeds {spec.first_seed} to {spec.last_seed} give only {len(seeds)} "
        f"different problems, fewer than the {count} versions asked for"
    )
