"""The reader's answers to the program picker, and their validation.

``answers_from_dict`` takes the answers as JSON (typed values) and ``answers_from_form`` takes them
as a form or a URL query sends them (every value a list of strings). Both check everything and
raise ``AnswersError`` listing every problem, each naming the field, never only the first.

Rules:

- **A blank is never a safe answer.** Every question whose blank answer could make a program less
  safe must be answered: a blank gives "please answer <the question>", in the words the form uses
  (``QUESTIONS``). That includes the warning signs and the clinician's limits: the reader ticks a
  sign or limit, or ticks "None of these" (``NONE``); in JSON an empty list ``[]`` is that explicit
  "none", while a missing key is a blank.
- After surgery or a fracture the side, the weeks, what was done, whether a clinician has given
  guidance, the weight the leg may take and whether the team has cleared standing on the operated
  leg alone must be answered ("not sure" is an answer, and a cautious one); when a clinician has
  given guidance, also the limits (or "none"); after a fracture (fixed or not), also whether the
  team has said the bone has healed. The rules read a blank there as "not healed" too.
- An answer stored before a question's options changed still reads, as the most cautious new
  option it may stand for (``PREGNANCY_OLD_IDS``); it is never refused and never crashes.
- Contradictions (an operated side without surgery, a leg that may not take full weight but can
  stand on one leg, "none" ticked with a sign) are problems too.
"""

from dataclasses import asdict, dataclass

from hipdrop.problems import ProblemsError

from .limits import CLINICIAN_LIMIT_IDS, PROCEDURE_IDS, PROCEDURES_BY_ID
from .warning_signs import WARNING_SIGN_IDS

SIDES = ("left", "right", "both", "not-sure")
OPERATED_SIDES = ("left", "right", "both")
STANCE_ABILITY = ("yes", "no", "not-tried")
SIDE_PLANK_ABILITY = ("none", "knees", "feet")
SQUAT_ABILITY = ("no", "box", "free", "not-tried")
GOALS = ("motor-control", "strength", "endurance", "return-to-sport")
EQUIPMENT = ("step", "band", "wall", "chair", "mirror", "weight")
WEIGHT_BEARING = ("full", "partial", "none", "not-sure")
CLEARED = ("yes", "no", "not-sure")
HEALED = ("yes", "no", "not-sure")
PREGNANCY = ("no", "under-16-weeks", "16-to-19-weeks", "20-weeks-or-more", "gave-birth-last-12-weeks")
# Answers stored before the 16-week option existed: each old id reads as the most cautious new one
# it may stand for ("under 20 weeks" may be 16 to 19 weeks, when lying on the back is left out).
PREGNANCY_OLD_IDS = {"under-20-weeks": "16-to-19-weeks"}
PRECAUTIONS = CLINICIAN_LIMIT_IDS
PROCEDURES = PROCEDURE_IDS
PAIN_ONSET = ("new", "long-standing")
WALKING_WORSE = ("no", "some", "all")
NONE = "none"  # "None of these": the explicit empty answer of a checkbox question

PAIN_RANGE = (0, 10)
MINUTES_RANGE = (5, 90)
DAYS_RANGE = (1, 7)
WEEKS_RANGE = (0, 520)

# Warning-sign ids; their wording, urgency and what to do live in warning_signs.py.
RED_FLAG_IDS = WARNING_SIGN_IDS

# Every question in the reader's words: the form shows these, and "please answer" quotes them.
QUESTIONS = {
    "red_flags": "Warning signs: tick any that apply to you now, or tick None of these",
    "age_16_or_over": "Are you 16 or older?",
    "pregnancy": "Are you pregnant, or did you give birth in the last 12 weeks?",
    "falls_or_walking_aid": "In the last 12 months, have you had a fall, or do you use a walking stick, "
    "crutches or a frame?",
    "weak_side": "Which side is weak?",
    "pain_now": "Your usual pain these days, from 0 (none) to 10 (worst imaginable)",
    "pain_onset": "Is the pain new or long-standing?",
    "outer_hip_pain": "Does the outside of the hip hurt when you lie on that side or stand on that leg?",
    "recent_surgery_or_fracture": "Have you had surgery or a fracture in the hip, pelvis or leg recently?",
    "operated_side": "Which side was operated on or broken?",
    "weeks_since_surgery": "How many weeks ago was the operation or fracture?",
    "procedure": "What was done?",
    "clinician_guidance": "Has your surgeon or physiotherapist told you which movements and how much weight are safe?",
    "weight_bearing": "How much weight may the operated leg take?",
    "single_leg_cleared": "Has your team said you may stand on the operated leg alone, without holding on?",
    "bone_healed": "Has your team said the bone has healed?",
    "precautions": "Limits your clinician gave you: tick every one, or tick No movement limits",
    "single_leg_stance": "Can you stand on the weak leg for 30 seconds with the pelvis level?",
    "side_plank": "Can you hold a side plank?",
    "single_leg_squat": "Can you do a single-leg squat on the weak leg?",
    "walking_worse": "Was your walking worse after any hip exercise you tried?",
    "worse_exercises": "Which exercises made your walking worse?",
    "goal": "Your goal",
    "equipment": "What you have at home",
    "minutes_per_day": "Minutes a day",
    "days_per_week": "Days a week",
}

LIST_FIELDS = ("red_flags", "precautions", "equipment", "worse_exercises")
EXPLICIT_LISTS = ("red_flags", "precautions")  # a blank is not "none": "none" must be ticked
INT_FIELDS = ("pain_now", "minutes_per_day", "days_per_week", "weeks_since_surgery")
BOOL_FIELDS = (
    "age_16_or_over",
    "falls_or_walking_aid",
    "recent_surgery_or_fracture",
    "clinician_guidance",
    "outer_hip_pain",
)
REQUIRED = (
    "red_flags",
    "age_16_or_over",
    "pregnancy",
    "falls_or_walking_aid",
    "weak_side",
    "pain_now",
    "pain_onset",
    "outer_hip_pain",
    "recent_surgery_or_fracture",
    "single_leg_stance",
    "side_plank",
    "single_leg_squat",
    "walking_worse",
    "goal",
    "minutes_per_day",
    "days_per_week",
)
# Needed after surgery or a fracture; the second group once a clinician has given guidance.
SURGERY_REQUIRED = (
    "operated_side",
    "weeks_since_surgery",
    "procedure",
    "clinician_guidance",
    "weight_bearing",
    "single_leg_cleared",
)
GUIDANCE_REQUIRED = ("precautions",)
FRACTURE_REQUIRED = ("bone_healed",)  # after a procedure of kind "fracture"
SURGERY_DETAILS = SURGERY_REQUIRED + GUIDANCE_REQUIRED + FRACTURE_REQUIRED
# An exercise id as the catalog spells it (the catalog itself is checked when the program is built).
EXERCISE_ID_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")


@dataclass(frozen=True)
class Answers:
    weak_side: str
    pain_now: int  # the reader's usual pain these days (0 to 10): the pain-monitoring rule's baseline
    pain_onset: str  # new | long-standing
    outer_hip_pain: bool  # lying on that side or standing on that leg hurts
    recent_surgery_or_fracture: bool
    single_leg_stance: str
    side_plank: str
    single_leg_squat: str
    walking_worse: str  # after an exercise tried: no | some | all
    goal: str
    minutes_per_day: int
    days_per_week: int
    age_16_or_over: bool
    pregnancy: str  # no | under-16-weeks | 16-to-19-weeks | 20-weeks-or-more | gave-birth-last-12-weeks
    falls_or_walking_aid: bool  # a fall in the last 12 months, or a stick, crutches or a frame
    red_flags: tuple[str, ...]  # () is the explicit "none of these"
    operated_side: str | None = None
    weeks_since_surgery: int | None = None
    procedure: str | None = None
    clinician_guidance: bool | None = None
    weight_bearing: str | None = None
    single_leg_cleared: str | None = None  # the team cleared standing on the operated leg alone
    bone_healed: str | None = None  # after a fracture: the team has said the bone has healed (None: not said)
    precautions: tuple[str, ...] = ()
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


def please_answer(name: str, why: str = "") -> str:
    """The problem for a blank answer: the field, and the question as the form asks it."""
    return f"field '{name}': please answer \u201c{QUESTIONS[name]}\u201d" + (f" ({why})" if why else "")


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
    if value is None:
        return
    if not isinstance(value, (list, tuple)):
        problems.append(f"field '{name}': must be a list, got {value!r}")
        return
    explicit = name in EXPLICIT_LISTS
    for item in value:
        if item not in allowed and not (explicit and item == NONE):
            problems.append(f"field '{name}': {item!r} is not one of {_choices(allowed)}")
    repeated = sorted({str(item) for item in value if list(value).count(item) > 1})
    for item in repeated:
        problems.append(f"field '{name}': {item!r} is given more than once")
    if explicit and NONE in value and len(set(value)) > 1:
        problems.append(
            f"field '{name}': 'none' (None of these) is ticked together with another answer; untick one of them"
        )


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


def _ticked(data: dict, name: str) -> list:
    """The real items of a list answer ("none" is not an item)."""
    value = data.get(name) or []
    return [item for item in value if item != NONE] if isinstance(value, (list, tuple)) else []


def _missing_after_surgery(data: dict) -> list[str]:
    why = "needed after surgery or a fracture"
    problems = [please_answer(name, why) for name in SURGERY_REQUIRED if data.get(name) is None]
    if data.get("clinician_guidance") is True:
        why = "needed when a clinician has told you what is safe"
        problems += [please_answer(name, why) for name in GUIDANCE_REQUIRED if data.get(name) is None]
    procedure = PROCEDURES_BY_ID.get(data.get("procedure") or "")
    if procedure is not None and procedure.kind == "fracture":
        why = "needed after a fracture"
        problems += [please_answer(name, why) for name in FRACTURE_REQUIRED if data.get(name) is None]
    return problems


def _details_without_surgery(data: dict) -> list[str]:
    problems = []
    if data.get("operated_side") is not None:
        problems.append(
            "fields 'operated_side' and 'recent_surgery_or_fracture': an operated side is "
            "given, but the answers say there was no recent surgery or fracture"
        )
    limited = data.get("weight_bearing") not in (None, "full") or bool(_ticked(data, "precautions"))
    if limited:
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
    for name in ("weeks_since_surgery", "procedure", "single_leg_cleared", "bone_healed"):
        if data.get(name) is not None:
            problems.append(
                f"fields '{name}' and 'recent_surgery_or_fracture': details of an operation "
                "are given, but the answers say there was no recent surgery or fracture"
            )
    return problems


def _contradictions(data: dict) -> list[str]:
    surgery = data.get("recent_surgery_or_fracture") is True
    problems = _missing_after_surgery(data) if surgery else _details_without_surgery(data)
    worse = data.get("walking_worse")
    named = data.get("worse_exercises") or []
    if worse == "some" and not named:
        problems.append(
            "fields 'walking_worse' and 'worse_exercises': you said walking was worse after some "
            "exercises; tick which ones"
        )
    if worse in ("no", "all") and named:
        problems.append(
            "fields 'walking_worse' and 'worse_exercises': exercises are ticked, but the answer to "
            "'walking worse after an exercise' is not 'after some of them'"
        )
    operated = data.get("operated_side")
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


def _current_ids(data: dict) -> dict:
    """The answers with every old option id replaced by the one it now reads as."""
    old = data.get("pregnancy")
    if isinstance(old, str) and old in PREGNANCY_OLD_IDS:
        return {**data, "pregnancy": PREGNANCY_OLD_IDS[old]}
    return data


def validate(data: object) -> list[str]:
    """Every problem with a dict of answers; an empty list means the answers are usable."""
    if not isinstance(data, dict):
        return [f"the answers must be an object of fields, got {type(data).__name__}"]
    data = _current_ids(data)
    problems = [f"field '{name}': unknown field" for name in data if name not in FIELDS]
    problems += [please_answer(name) for name in REQUIRED if data.get(name) is None]
    for name, allowed in (
        ("weak_side", SIDES),
        ("single_leg_stance", STANCE_ABILITY),
        ("side_plank", SIDE_PLANK_ABILITY),
        ("single_leg_squat", SQUAT_ABILITY),
        ("goal", GOALS),
        ("operated_side", OPERATED_SIDES),
        ("weight_bearing", WEIGHT_BEARING),
        ("single_leg_cleared", CLEARED),
        ("bone_healed", HEALED),
        ("pregnancy", PREGNANCY),
        ("procedure", PROCEDURES),
        ("pain_onset", PAIN_ONSET),
        ("walking_worse", WALKING_WORSE),
    ):
        _check_choice(data, name, allowed, problems)
    for name, bounds in (
        ("weeks_since_surgery", WEEKS_RANGE),
        ("pain_now", PAIN_RANGE),
        ("minutes_per_day", MINUTES_RANGE),
        ("days_per_week", DAYS_RANGE),
    ):
        _check_int(data, name, bounds, problems)
    _check_ids(data, "worse_exercises", problems)
    _check_list(data, "red_flags", RED_FLAG_IDS, problems)
    _check_list(data, "precautions", PRECAUTIONS, problems)
    _check_list(data, "equipment", EQUIPMENT, problems)
    for name in BOOL_FIELDS:
        if data.get(name) is not None and not isinstance(data[name], bool):
            problems.append(f"field '{name}': must be true or false, got {data[name]!r}")
    if not problems:
        problems += _contradictions(data)
    return problems


def answers_from_dict(data: object) -> Answers:
    problems = validate(data)
    if problems:
        raise AnswersError(problems)
    assert isinstance(data, dict)
    data = _current_ids(data)
    values = {name: data[name] for name in FIELDS if data.get(name) is not None}
    for name in LIST_FIELDS:
        values[name] = tuple(item for item in values.get(name, ()) if item != NONE)
    return Answers(**values)


def _form_value(name: str, raw: list[str], problems: list[str]) -> object:
    if name in LIST_FIELDS:
        return [v for v in raw if v != ""] or None
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
    """Form or URL-query fields (name -> list of strings) to typed answers, plus parse problems.

    A checkbox question sends nothing when nothing is ticked, so in a form an empty list is a
    blank; "none" is the reader's explicit "None of these"."""
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
    problems += [p for p in validate(data) if not _about_blank(p, parsed_names)]
    if problems:
        raise AnswersError(problems)
    return answers_from_dict(data)


def _about_blank(problem: str, names: set[str]) -> bool:
    """A 'please answer' problem for a field whose value could not be parsed is already reported."""
    return ": please answer " in problem and problem.split("'")[1] in names


URL_SAFE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def _quote(text: str) -> str:
    return "".join(ch if ch in URL_SAFE else "".join(f"%{b:02X}" for b in ch.encode()) for ch in text)


def form_query(fields: dict[str, list[str]]) -> str:
    """Form fields as a URL query (``name=value&...``, percent-encoded), as the picker's page reads it."""
    return "&".join(f"{_quote(name)}={_quote(value)}" for name, values in fields.items() for value in values)


def answers_to_form(answers: Answers) -> dict[str, list[str]]:
    """The answers as form fields, the inverse of ``answers_from_form`` (used for the URL)."""
    fields: dict[str, list[str]] = {}
    explicit_precautions = answers.recent_surgery_or_fracture and answers.clinician_guidance is True
    for name, value in answers.to_dict().items():
        if value is None:
            continue
        if isinstance(value, list):
            if value:
                fields[name] = list(value)
            elif name == "red_flags" or (name == "precautions" and explicit_precautions):
                fields[name] = [NONE]
        elif isinstance(value, bool):
            fields[name] = ["yes" if value else "no"]
        else:
            fields[name] = [str(value)]
    return fields
