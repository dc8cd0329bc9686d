"""The reader's log of guided sessions: its format (version 2), read and written as plain JSON.

The log lives in the reader's browser only (the widget keeps the JSON this module writes) and
leaves it only as a file the reader exports. ``log_from_dict`` checks everything and raises
``LogError`` listing every problem, each naming its field (``sessions[2].exercises[0].pain_during``);
``log_from_text`` adds the checks of a file (JSON at all, this format, a version it can read). A
log that fails changes nothing: the caller keeps the log it had. The JSON Schema of the same
format is ``macros/schemas/session-log.schema.json`` (the build tests hold the two together).

The format::

    {"format": "hip-drop-session-log", "version": 2,
     "answers": {field: [text, ...]},          # the picker's answers the sessions follow
     "answers_on": YYYY-MM-DD | null,          # the day the session page got those answers
     "sessions": [{"id", "date" (YYYY-MM-DD), "phase", "finished", "red_flags": [sign id],
                   "pain_next_morning": 0-10 | null,
                   "pain_next_morning_on": YYYY-MM-DD | null,   # the day the reader gave it

                   "one_leg": [{"side", "seconds": 0-30, "pelvis"}],
                   "exercises": [{"id", "family", "phase", "sets", "reps", "hold_s", "rest_s",
                                  "sides": n, "outcome", "reps_done", "stopped_for",
                                  "pain_during": 0-10, "pelvis", "walking_worse"}]}],
     "events": [{"date", "kind": "clinician-cleared"}]}

Version 1 is version 2 without ``pain_next_morning_on``: a version 1 file is still read, each
session's ``pain_next_morning_on`` then null (not known), and written back as version 2. The stop
rules count a rating from the day it was given; when that day is not known, from the day after
its session (``progress.morning_given_on``).

``answers_on`` came later within version 2 and may be missing: a log without it counts its
answers from its first session's date, or, with no session, from today (``answers_given_on``);
the session page then writes that date into the log. A pregnancy answer ages with it
(``plan.answers_out_of_date``).
"""

import json
from dataclasses import asdict, dataclass, field

from hipdrop.problems import ProblemsError

from ..picker.warning_signs import WARNING_SIGN_IDS

FORMAT = "hip-drop-session-log"
VERSION = 2
READS = (1, 2)  # the versions this course reads (1: no pain_next_morning_on)

OUTCOMES = ("as-dosed", "fewer", "stopped")
STOPPED_FOR = ("", "sharp-pain", "tired", "other")
PELVIS = ("level", "dropped", "leaned", "not-checked")
SIDES = ("left", "right")
PHASES = ("activation", "strengthening", "movement-retraining")
EVENT_KINDS = ("clinician-cleared",)
PAIN = (0, 10)
ONE_LEG_SECONDS = (0, 30)
DOSE_BOUNDS = {"sets": (1, 10), "reps": (1, 100), "hold_s": (0, 120), "rest_s": (0, 600), "sides": (1, 2)}
MAX_REPS_DONE = 2000
MAX_SESSIONS = 5000
ID_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")


class LogError(ProblemsError):
    subject = "with the session log"


@dataclass(frozen=True)
class Entry:
    """One exercise as the reader did it: the dose the session gave, and what they logged."""

    id: str
    family: str
    phase: str
    sets: int
    reps: int
    hold_s: int
    rest_s: int
    sides: int
    outcome: str  # OUTCOMES
    reps_done: int  # every repetition of every set, all sides
    stopped_for: str  # STOPPED_FOR ("" unless stopped)
    pain_during: int
    pelvis: str  # PELVIS
    walking_worse: bool


@dataclass(frozen=True)
class OneLeg:
    side: str
    seconds: int
    pelvis: str


@dataclass(frozen=True)
class Session:
    id: str
    date: str
    phase: str
    finished: bool = False
    red_flags: tuple[str, ...] = ()
    pain_next_morning: int | None = None
    one_leg: tuple[OneLeg, ...] = ()
    exercises: tuple[Entry, ...] = ()
    pain_next_morning_on: str | None = None  # the day the reader gave the next morning's pain


@dataclass(frozen=True)
class Event:
    date: str
    kind: str


@dataclass(frozen=True)
class Log:
    answers: dict[str, list[str]] = field(default_factory=dict)
    sessions: tuple[Session, ...] = ()
    events: tuple[Event, ...] = ()
    answers_on: str | None = None  # the day the session page got the picker's answers (None: not known)

    def to_dict(self) -> dict:
        """The log as JSON data (lists, not tuples: the same whether it went through JSON or not)."""
        return _plain({"format": FORMAT, "version": VERSION, **asdict(self)})


def _plain(value):
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def answers_given_on(log: Log, on: str) -> str:
    """The day the log's answers were given: ``answers_on``; in a log written before it was kept,
    its first session's date, or ``on`` (today) when it has no session."""
    if log.answers_on:
        return log.answers_on
    return log.sessions[0].date if log.sessions else on


def log_to_dict(log: Log) -> dict:
    return log.to_dict()


def log_to_text(log: Log) -> str:
    """The log as the file the reader exports (stable key order, UTF-8 text)."""
    return json.dumps(log.to_dict(), ensure_ascii=False, indent=1) + "\n"


# --- checking ------------------------------------------------------------------------------


def is_date(text: object) -> bool:
    """YYYY-MM-DD with a real month and day (leap years counted)."""
    if not isinstance(text, str) or len(text) != 10 or text[4] != "-" or text[7] != "-":
        return False
    year, month, day = text[:4], text[5:7], text[8:]
    if not (year.isdigit() and month.isdigit() and day.isdigit()):
        return False
    y, m, d = int(year), int(month), int(day)
    if not 1 <= m <= 12 or y < 1900:
        return False
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    days = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[m - 1]
    return 1 <= d <= days


class Checker:
    """Collects every problem, each with the path of its field."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def add(self, where: str, text: str) -> None:
        self.problems.append(f"field '{where.lstrip('.')}': {text}")

    def obj(self, data: object, where: str, keys: tuple[str, ...], optional: tuple[str, ...] = ()) -> dict | None:
        if not isinstance(data, dict):
            self.add(where, f"must be an object, got {type(data).__name__}")
            return None
        for key in keys:
            if key not in data:
                self.add(f"{where}.{key}" if where else key, "is missing")
        for key in sorted(set(data) - set(keys) - set(optional)):
            self.add(f"{where}.{key}" if where else key, "is not a field of this format")
        return data

    def integer(self, data: dict, key: str, where: str, bounds: tuple[int, int], nullable: bool = False):
        value = data.get(key)
        if value is None and nullable and key in data:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not bounds[0] <= value <= bounds[1]:
            if key in data:
                self.add(f"{where}.{key}", f"must be a whole number from {bounds[0]} to {bounds[1]}, got {value!r}")
            return None
        return value

    def choice(self, data: dict, key: str, where: str, allowed: tuple[str, ...]):
        value = data.get(key)
        if value not in allowed:
            if key in data:
                shown = ", ".join(repr(a) for a in allowed)
                self.add(f"{where}.{key}", f"must be one of {shown}, got {value!r}")
            return None
        return value

    def ident(self, data: dict, key: str, where: str):
        value = data.get(key)
        if not isinstance(value, str) or not value or not set(value) <= ID_CHARS or len(value) > 80:
            if key in data:
                self.add(f"{where}.{key}", f"must be an id of lower-case letters, digits and '-', got {value!r}")
            return None
        return value

    def date(self, data: dict, key: str, where: str):
        value = data.get(key)
        if not is_date(value):
            if key in data:
                self.add(f"{where}.{key}", f"must be a date written YYYY-MM-DD, got {value!r}")
            return None
        return value

    def flag(self, data: dict, key: str, where: str):
        value = data.get(key)
        if not isinstance(value, bool):
            if key in data:
                self.add(f"{where}.{key}", f"must be true or false, got {value!r}")
            return None
        return value

    def items(self, data: dict, key: str, where: str, most: int) -> list:
        value = data.get(key)
        if not isinstance(value, list):
            if key in data:
                self.add(f"{where}.{key}", f"must be a list, got {type(value).__name__}")
            return []
        if len(value) > most:
            self.add(f"{where}.{key}", f"holds {len(value)} items, more than {most}")
            return []
        return value


ENTRY_KEYS = (
    "id",
    "family",
    "phase",
    "sets",
    "reps",
    "hold_s",
    "rest_s",
    "sides",
    "outcome",
    "reps_done",
    "stopped_for",
    "pain_during",
    "pelvis",
    "walking_worse",
)


# Questions of the log form a reader may leave blank by mistake: asked again in their own words.
BLANK_QUESTIONS = {"outcome": "The exercise", "pain_during": "Your worst pain in the hip during the exercise"}


def entry_from_dict(check: Checker, data: object, where: str) -> Entry | None:
    before = len(check.problems)
    found = check.obj(data, where, ENTRY_KEYS)
    if found is None:
        return None
    blank = {key for key in BLANK_QUESTIONS if key in found and found[key] is None}
    for key in sorted(blank):
        check.add(f"{where}.{key}", f"please answer “{BLANK_QUESTIONS[key]}”")
    values = {
        "id": check.ident(found, "id", where),
        "family": check.ident(found, "family", where),
        "phase": check.choice(found, "phase", where, PHASES),
        **{key: check.integer(found, key, where, bounds) for key, bounds in DOSE_BOUNDS.items()},
        "outcome": None if "outcome" in blank else check.choice(found, "outcome", where, OUTCOMES),
        "reps_done": check.integer(found, "reps_done", where, (0, MAX_REPS_DONE)),
        "stopped_for": check.choice(found, "stopped_for", where, STOPPED_FOR),
        "pain_during": None if "pain_during" in blank else check.integer(found, "pain_during", where, PAIN),
        "pelvis": check.choice(found, "pelvis", where, PELVIS),
        "walking_worse": check.flag(found, "walking_worse", where),
    }
    outcome, reason = values["outcome"], values["stopped_for"]
    if outcome == "stopped" and reason == "":
        check.add(f"{where}.stopped_for", "please answer “Why did you stop?”")
    elif outcome is not None and outcome != "stopped" and reason:
        check.add(f"{where}.stopped_for", "a reason to stop is given only for an exercise that was stopped")
    if len(check.problems) > before:
        return None
    return Entry(**values)


def one_leg_from_dict(check: Checker, data: object, where: str) -> OneLeg | None:
    found = check.obj(data, where, ("side", "seconds", "pelvis"))
    if found is None:
        return None
    side = check.choice(found, "side", where, SIDES)
    seconds = check.integer(found, "seconds", where, ONE_LEG_SECONDS)
    pelvis = check.choice(found, "pelvis", where, PELVIS)
    if side is None or seconds is None or pelvis is None:
        return None
    return OneLeg(side, seconds, pelvis)


SESSION_KEYS_V1 = ("id", "date", "phase", "finished", "red_flags", "pain_next_morning", "one_leg", "exercises")
SESSION_KEYS = (*SESSION_KEYS_V1, "pain_next_morning_on")


def _session(check: Checker, data: object, where: str, version: int = VERSION) -> Session | None:
    before = len(check.problems)
    found = check.obj(data, where, SESSION_KEYS if version >= 2 else SESSION_KEYS_V1)
    if found is None:
        return None
    ident = check.ident(found, "id", where)
    date = check.date(found, "date", where)
    phase = check.choice(found, "phase", where, PHASES)
    finished = check.flag(found, "finished", where)
    morning = check.integer(found, "pain_next_morning", where, PAIN, nullable=True)
    morning_on = None if found.get("pain_next_morning_on") is None else check.date(found, "pain_next_morning_on", where)
    flags = check.items(found, "red_flags", where, len(WARNING_SIGN_IDS))
    for index, sign in enumerate(flags):
        if sign not in WARNING_SIGN_IDS:
            check.add(f"{where}.red_flags[{index}]", f"is not a warning sign of the course: {sign!r}")
    legs = [
        one_leg_from_dict(check, item, f"{where}.one_leg[{i}]")
        for i, item in enumerate(check.items(found, "one_leg", where, 2))
    ]
    entries = [
        entry_from_dict(check, item, f"{where}.exercises[{i}]")
        for i, item in enumerate(check.items(found, "exercises", where, 30))
    ]
    if len(check.problems) > before:
        return None
    return Session(
        id=ident,
        date=date,
        phase=phase,
        finished=finished,
        red_flags=tuple(flags),
        pain_next_morning=morning,
        pain_next_morning_on=morning_on,
        one_leg=tuple(leg for leg in legs if leg is not None),
        exercises=tuple(e for e in entries if e is not None),
    )


def _answers(check: Checker, data: object) -> dict[str, list[str]]:
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(x, str) for x in v) for k, v in data.items()
    ):
        check.add("answers", "must be an object of answer fields, each a list of texts (the picker's answers)")
        return {}
    return {key: list(values) for key, values in data.items()}


def log_from_dict(data: object) -> Log:
    """A log from its JSON form; ``LogError`` lists every problem, each with its field."""
    check = Checker()
    found = check.obj(data, "", ("format", "version", "answers", "sessions", "events"), ("answers_on",))
    if found is None:
        raise LogError(check.problems)
    if found.get("format") != FORMAT:
        raise LogError([f"this is not a Hip Drop session log (its 'format' is {found.get('format')!r})"])
    version = found.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version not in READS:
        if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
            raise LogError([f"the log is version {version}, newer than this course reads ({VERSION})"])
        raise LogError([f"field 'version': must be {' or '.join(map(str, READS))}, got {version!r}"])
    answers = _answers(check, found.get("answers"))
    answers_on = None if found.get("answers_on") is None else check.date(found, "answers_on", "")
    items = check.items(found, "sessions", "", MAX_SESSIONS)
    sessions = [_session(check, s, f"sessions[{i}]", version) for i, s in enumerate(items)]
    events = []
    for index, item in enumerate(check.items(found, "events", "", MAX_SESSIONS)):
        where = f"events[{index}]"
        event = check.obj(item, where, ("date", "kind"))
        if event is not None:
            date, kind = check.date(event, "date", where), check.choice(event, "kind", where, EVENT_KINDS)
            if date and kind:
                events.append(Event(date, kind))
    ids = [s.id for s in sessions if s is not None]
    for ident in sorted({i for i in ids if ids.count(i) > 1}):
        check.add("sessions", f"the id {ident!r} is used by more than one session")
    dates = [s.date for s in sessions if s is not None]
    if dates != sorted(dates):
        check.add("sessions", "must be in the order of their dates")
    if check.problems:
        raise LogError(check.problems)
    return Log(
        answers=answers,
        sessions=tuple(s for s in sessions if s is not None),
        events=tuple(events),
        answers_on=answers_on,
    )


def log_from_text(text: object, name: str = "the file") -> Log:
    """A log from the text of an exported file, with a clear error for anything else."""
    if not isinstance(text, str):
        raise LogError([f"{name} is not text"])
    if not text.strip():
        raise LogError([f"{name} is empty"])
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise LogError(
            [
                f"{name} is not a session log: it is not valid JSON "
                f"(line {error.lineno}, column {error.colno}: {error.msg})"
            ]
        ) from None
    if not isinstance(data, dict) or "format" not in data:
        raise LogError([f"{name} is not a Hip Drop session log (it has no 'format' field)"])
    try:
        return log_from_dict(data)
    except LogError as error:
        raise LogError([f"{name}: {problem}" for problem in error.problems]) from None
