"""The reader's answers to the program picker, and their validation.

``answers_from_dict`` takes the answers as JSON (typed values) and ``answers_from_form`` takes them
as a form or a URL query sends them (every value a list of strings). Both check everything and
raise ``AnswersError`` listing every problem, each naming the field, never only the first.
"""

from dataclasses import asdict, dataclass

from hipdrop.problems import ProblemsError

from .limits import CLINICIAN_LIMIT_IDS, PROCEDURE_IDS
from .warning_signs import WARNING_SIGN_IDS

SIDES = ("left", "right", "both", "not-sure")
OPERATED_SIDES = ("left", "right", "both")
STANCE_ABILITY = ("yes", "no", "not-tried")
SIDE_PLANK_ABILITY = ("none", "knees", "feet")
SQUAT_ABILITY = ("no", "box", "free", "not-tried")
GOALS = ("motor-control", "strength", "endurance", "return-to-sport")
EQUIPMENT = ("step", "band", "wall", "chair", "mirror", "weight")
WEIGHT_BEARING = ("full", "partial", "none")
PRECAUTIONS = CLINICIAN_LIMIT_IDS
PROCEDURES = PROCEDURE_IDS
PAIN_ONSET = ("new", "long-standing")
WALKING_WORSE = ("no", "some", "all")

PAIN_RANGE = (0, 10)
MINUTES_RANGE = (5, 90)
DAYS_RANGE = (1, 7)
WEEKS_RANGE = (0, 520)

# Warning-sign ids; their wording, urgency and what to do live in warning_signs.py.
RED_FLAG_IDS = WARNING_SIGN_IDS

LIST_FIELDS = ("red_flags", "precautions", "equipment", "worse_exercises")
INT_FIELDS = ("pain_now", "minutes_per_day", "days_per_week", "weeks_since_surgery")
BOOL_FIELDS = ("recent_surgery_or_fracture", "clinician_guidance", "outer_hip_pain")
REQUIRED = (
    "weak_side",
    "pain_now",
    "single_leg_stance",
    "side_plank",
    "single_leg_squat",
    "goal",
    "minutes_per_day",
    "days_per_week",
)
# An exercise id as the catalog spells it (the catalog itself is checked when the program is built).
EXERCISE_ID_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")


@dataclass(frozen=True)
class Answers:
    weak_side: str
    pain_now: int
    single_leg_stance: str
    side_plank: str
    single_leg_squat: str
    goal: str
    minutes_per_day: int
    days_per_week: int
    red_flags: tuple[str, ...] = ()
    pain_onset: str = "new"  # new | long-standing; "new" is the careful default
    outer_hip_pain: bool = False  # lying on that side or standing on that leg hurts
    recent_surgery_or_fracture: bool = False
    operated_side: str | None = None
    weeks_since_surgery: int | None = None
    procedure: str | None = None
    clinician_guidance: bool = False
    weight_bearing: str = "full"
    precautions: tuple[str, ...] = ()
    walking_worse: str = "no"  # after an exercise tried: no | some | all
    worse_exercises: tuple[str, ...] = ()  # the exercises after which walking was worse
    equipment: tuple[str, ...] = ()

    @property
    def trained_sides(self) -> tuple[str, ...]:
        """The side(s) the program trains: 'both' and 'not sure' train both, left first."""
        return (self.weak_side,) if self.weak_side in ("left", "right") else ("left", "right")

    @property
    def operated_sides(self) -> tuple[str, ...]:
        if not self.recent_surgery_or_fracture or self.operated_side is None:
            return ()
        return ("left", "right") if self.operated_side == "both" else (self.operated_side,)

    def to_dict(self) -> dict:
        data = asdict(self)
        for name in LIST_FIELDS:
            data[name] = list(data[name])
        return data


FIELDS = tuple(Answers.__dataclass_fields__)


class AnswersError(ProblemsError):
    """Bad answers: carries every problem found, each a sentence that names the field."""

    subject = "with the answers"


def _choices(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


def _check_choice(data: dict, name: str, allowed: tuple[str, ...], problems: list[str]) -> None:
    value = data.get(name)
    if value is not None and value not in allowed:
        problems.append(f"field '{name}': {value!r} is not one of {_choices(allowed)}")


def _check_int(data: dict, name: str, bounds: tuple[int, int], problems: list[str]) -> None:
    value = data.get(name)
    low, high = bounds
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        problems.append(f"field '{name}': must be a whole number from {low} to {high}, got {value!r}")
    elif not low <= value <= high:
        problems.append(f"field '{name}': must be from {low} to {high}, got {value}")


def _check_list(data: dict, name: str, allowed: tuple[str, ...], problems: list[str]) -> None:
    value = data.get(name, [])
    if not isinstance(value, (list, tuple)):
        problems.append(f"field '{name}': must be a list, got {value!r}")
        return
    for item in value:
        if item not in allowed:
            problems.append(f"field '{name}': {item!r} is not one of {_choices(allowed)}")
    repeated = sorted({str(item) for item in value if list(value).count(item) > 1})
    for item in repeated:
        problems.append(f"field '{name}': {item!r} is given more than once")


def _check_ids(data: dict, name: str, problems: list[str]) -> None:
    value = data.get(name, [])
    if not isinstance(value, (list, tuple)):
        problems.append(f"field '{name}': must be a list of exercise ids, got {value!r}")
        return
    for item in value:
        if not isinstance(item, str) or not item or not set(item) <= EXERCISE_ID_CHARS:
            problems.append(f"field '{name}': {item!r} is not an exercise id")
    repeated = sorted({str(item) for item in value if list(value).count(item) > 1})
    for item in repeated:
        problems.append(f"field '{name}': {item!r} is given more than once")


def _contradictions(data: dict) -> list[str]:
    problems = []
    surgery = data.get("recent_surgery_or_fracture", False) is True
    operated = data.get("operated_side")
    limits = data.get("weight_bearing", "full") != "full" or bool(data.get("precautions"))
    if not surgery:
        if operated is not None:
            problems.append(
                "fields 'operated_side' and 'recent_surgery_or_fracture': an operated side is "
                "given, but the answers say there was no recent surgery or fracture"
            )
        if limits:
            problems.append(
                "fields 'weight_bearing'/'precautions' and 'recent_surgery_or_fracture': limits "
                "from a clinician are given, but the answers say there was no recent surgery or "
                "fracture; say yes to surgery or fracture, or remove the limits"
            )
        if data.get("clinician_guidance") is True:
            problems.append(
                "fields 'clinician_guidance' and 'recent_surgery_or_fracture': guidance after "
                "surgery or a fracture is given, but the answers say there was none"
            )
        for name in ("weeks_since_surgery", "procedure"):
            if data.get(name) is not None:
                problems.append(
                    f"fields '{name}' and 'recent_surgery_or_fracture': details of an operation "
                    "are given, but the answers say there was no recent surgery or fracture"
                )
    else:
        for name, what in (
            ("operated_side", f"one of {_choices(OPERATED_SIDES)}"),
            ("weeks_since_surgery", f"a whole number of weeks from {WEEKS_RANGE[0]} to {WEEKS_RANGE[1]}"),
            ("procedure", f"one of {_choices(PROCEDURES)}"),
        ):
            if data.get(name) is None:
                problems.append(f"field '{name}': needed when there was a recent surgery or fracture ({what})")
    worse = data.get("walking_worse", "no")
    named = data.get("worse_exercises") or []
    if worse == "some" and not named:
        problems.append(
            "fields 'walking_worse' and 'worse_exercises': you said walking was worse after some "
            "exercises; tick which ones"
        )
    if worse != "some" and named:
        problems.append(
            "fields 'walking_worse' and 'worse_exercises': exercises are ticked, but the answer to "
            "'walking worse after an exercise' is not 'after some of them'"
        )
    weak = data.get("weak_side")
    weak_sides = {weak} if weak in ("left", "right") else {"left", "right"}
    operated_sides = {"left", "right"} if operated == "both" else {operated}
    if surgery and data.get("weight_bearing") in ("partial", "none") and weak_sides & operated_sides:
        for name, label in (
            ("single_leg_stance", "stand on it alone for 30 seconds"),
            ("single_leg_squat", "do a single-leg squat on it"),
        ):
            if data.get(name) in ("yes", "box", "free"):
                problems.append(
                    f"fields 'weight_bearing' and '{name}': the answers say the operated leg may "
                    f"not take full weight yet, but also that you can {label}; check with your "
                    "clinician which is right"
                )
    return problems


def validate(data: object) -> list[str]:
    """Every problem with a dict of answers; an empty list means the answers are usable."""
    if not isinstance(data, dict):
        return [f"the answers must be an object of fields, got {type(data).__name__}"]
    problems = [f"field '{name}': unknown field" for name in data if name not in FIELDS]
    problems += [f"field '{name}': missing" for name in REQUIRED if data.get(name) is None]
    _check_choice(data, "weak_side", SIDES, problems)
    _check_choice(data, "single_leg_stance", STANCE_ABILITY, problems)
    _check_choice(data, "side_plank", SIDE_PLANK_ABILITY, problems)
    _check_choice(data, "single_leg_squat", SQUAT_ABILITY, problems)
    _check_choice(data, "goal", GOALS, problems)
    _check_choice(data, "operated_side", OPERATED_SIDES, problems)
    _check_choice(data, "weight_bearing", WEIGHT_BEARING, problems)
    _check_choice(data, "procedure", PROCEDURES, problems)
    _check_choice(data, "pain_onset", PAIN_ONSET, problems)
    _check_choice(data, "walking_worse", WALKING_WORSE, problems)
    _check_int(data, "weeks_since_surgery", WEEKS_RANGE, problems)
    _check_ids(data, "worse_exercises", problems)
    _check_int(data, "pain_now", PAIN_RANGE, problems)
    _check_int(data, "minutes_per_day", MINUTES_RANGE, problems)
    _check_int(data, "days_per_week", DAYS_RANGE, problems)
    _check_list(data, "red_flags", RED_FLAG_IDS, problems)
    _check_list(data, "precautions", PRECAUTIONS, problems)
    _check_list(data, "equipment", EQUIPMENT, problems)
    for name in BOOL_FIELDS:
        if name in data and not isinstance(data[name], bool):
            problems.append(f"field '{name}': must be true or false, got {data[name]!r}")
    if not problems:
        problems += _contradictions(data)
    return problems


def answers_from_dict(data: object) -> Answers:
    problems = validate(data)
    if problems:
        raise AnswersError(problems)
    assert isinstance(data, dict)
    values = {name: data[name] for name in FIELDS if data.get(name) is not None}
    for name in LIST_FIELDS:
        values[name] = tuple(values.get(name, ()))
    return Answers(**values)


def _form_value(name: str, raw: list[str], problems: list[str]) -> object:
    if name in LIST_FIELDS:
        return [v for v in raw if v != ""]
    if len(raw) > 1:
        problems.append(f"field '{name}': given {len(raw)} times, expected once")
    text = raw[-1].strip() if raw else ""
    if text == "":
        return None
    if name in INT_FIELDS:
        try:
            return int(text)
        except ValueError:
            problems.append(f"field '{name}': must be a whole number, got {text!r}")
            return None
    if name in BOOL_FIELDS:
        if text in ("yes", "true"):
            return True
        if text in ("no", "false"):
            return False
        problems.append(f"field '{name}': must be 'yes' or 'no', got {text!r}")
        return None
    return text


def form_to_dict(fields: dict[str, list[str]]) -> tuple[dict, list[str]]:
    """Form or URL-query fields (name -> list of strings) to typed answers, plus parse problems."""
    problems: list[str] = []
    data: dict = {}
    for name, raw in fields.items():
        values = [raw] if isinstance(raw, str) else list(raw)
        value = _form_value(name, [str(v) for v in values], problems)
        if value is not None:
            data[name] = value
    return data, problems


def answers_from_form(fields: dict[str, list[str]]) -> Answers:
    data, problems = form_to_dict(fields)
    parsed_names = {p.split("'")[1] for p in problems}
    problems += [p for p in validate(data) if not _about_missing(p, parsed_names)]
    if problems:
        raise AnswersError(problems)
    return answers_from_dict(data)


def _about_missing(problem: str, names: set[str]) -> bool:
    """A 'missing' problem for a field whose value could not be parsed is already reported."""
    return problem.endswith(": missing") and problem.split("'")[1] in names


def answers_to_form(answers: Answers) -> dict[str, list[str]]:
    """The answers as form fields, the inverse of ``answers_from_form`` (used for the URL)."""
    fields: dict[str, list[str]] = {}
    for name, value in answers.to_dict().items():
        if value is None or value == [] or (value is False and name in BOOL_FIELDS):
            continue
        if isinstance(value, list):
            fields[name] = list(value)
        elif isinstance(value, bool):
            fields[name] = ["yes" if value else "no"]
        else:
            fields[name] = [str(value)]
    return fields
