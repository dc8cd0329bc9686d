"""The guided session's files, checked by independent readers: the exported log by its JSON Schema
(macros/schemas/session-log.schema.json, jsonschema) and the calendar by a calendar library's
parser (icalendar, its recurrences expanded with dateutil). Made with the real catalog, through
the worker methods the page calls."""

import json
from datetime import date, timedelta
from pathlib import Path

import icalendar
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from hipdrop_course.catalog import load_catalog_data
from hipdrop_course.engine.session import api
from hipdrop_course.engine.session.log import LogError, log_from_dict
from hipdrop_tools.course.project import Project
from support import ROOT

SCHEMA = json.loads((ROOT / "macros" / "schemas" / "session-log.schema.json").read_text())
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
CATALOG = load_catalog_data(Project(ROOT))
FORM = {
    "red_flags": ["none"], "age_16_or_over": ["yes"], "pregnancy": ["no"], "falls_or_walking_aid": ["no"],
    "weak_side": ["both"], "pain_now": ["2"], "pain_onset": ["long-standing"], "outer_hip_pain": ["no"],
    "recent_surgery_or_fracture": ["no"], "single_leg_stance": ["yes"], "side_plank": ["knees"],
    "single_leg_squat": ["box"], "walking_worse": ["no"], "goal": ["strength"],
    "equipment": ["step", "wall", "chair", "band", "mirror"], "minutes_per_day": ["30"], "days_per_week": ["6"],
}
URLS = {"program": "../program/", "exercises": {}, "root": "../"}


def step(log: dict, on: str, action: str, data: dict) -> dict:
    result = api.record({"catalog": CATALOG, "urls": URLS, "log": log, "today": on, "action": action, "data": data})
    assert result["ok"], result.get("problems")
    return json.loads(json.dumps(result))  # as the page holds it: JSON


def a_log(days: int = 3) -> dict:
    """Sessions on ``days`` days two days apart, every due exercise logged, a one-leg check each time."""
    view = json.loads(json.dumps(api.open_session({"catalog": CATALOG, "urls": URLS, "form": FORM, "today": "2026-03-02"})))
    log = view["log"]
    for n in range(days):
        on = (date(2026, 3, 2) + timedelta(days=2 * n)).isoformat()
        view = step(log, on, "start", {"red_flags": ["none"]})
        results = [{"side": side, "seconds": 20 + 5 * n, "pelvis": "dropped"} for side in ("left", "right")]
        view = step(view["log"], on, "one-leg", {"results": results})
        for exercise in view["exercises"]:
            sides = len(exercise["sides"])
            entry = {key: exercise[key] for key in ("id", "family", "phase", "sets", "reps", "hold_s", "rest_s")}
            entry |= {"sides": sides, "outcome": "fewer", "reps_done": exercise["sets"] * exercise["reps"] * sides - 2,
                      "stopped_for": "", "pain_during": 2 + n, "pelvis": "leaned", "walking_worse": False}
            view = step(view["log"], on, "exercise", {"entry": entry})
        view = step(view["log"], on, "finish", {})
        view = step(view["log"], on, "morning", {"session": view["log"]["sessions"][-1]["id"], "pain": 2})
        log = view["log"]
    return log


LOG = a_log()


def test_an_exported_log_is_valid_by_its_json_schema():
    exported = api.export({"log": LOG, "today": "2026-03-08"})
    data = json.loads(exported["text"])
    assert len(data["sessions"]) == 3 and all(s["exercises"] for s in data["sessions"])
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(data)]
    assert errors == []


# What the schema cannot say and the engine checks on top: a real date, ids used once, date order.
ENGINE_ONLY = ("must be a date written", "is used by more than one session", "in the order of their dates")
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 40) | st.sampled_from(["", "left", "level", "as-dosed", "2026-02-30", "x"]),
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(st.sampled_from(["id", "side", "kind"]), inner, max_size=2),
    max_leaves=4,
)


def paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths(item, (*prefix, index))


ALL_PATHS = [p for p in paths(LOG) if p]


def changed(data, path, value):
    copy = json.loads(json.dumps(data))
    target = copy
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return copy


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(ALL_PATHS), JSON_VALUES)
def test_the_engine_and_the_schema_agree_on_a_changed_log(path, value):
    data = changed(LOG, path, value)
    schema_ok = VALIDATOR.is_valid(data)
    try:
        log_from_dict(data)
        engine_ok, problems = True, []
    except LogError as error:
        engine_ok, problems = False, error.problems
    if engine_ok:
        assert schema_ok, f"the engine took a log its schema refuses: {path} = {value!r}"
    elif schema_ok:
        assert all(any(reason in p for reason in ENGINE_ONLY) for p in problems), problems


def events(text: str) -> list:
    calendar = icalendar.Calendar.from_ical(text)
    return [c for c in calendar.walk() if c.name == "VEVENT"]


def dates_of(event) -> list[date]:
    start = event.decoded("DTSTART")
    rule = event["RRULE"].to_ical().decode()
    return [d.date() for d in rrulestr(rule, dtstart=start)]


def test_the_calendar_file_is_valid_and_follows_the_dosing_rules():
    log = a_log(days=1)
    result = api.calendar({"catalog": CATALOG, "log": log, "today": "2026-03-02", "start": "2026-03-04",
                           "time": "18:15", "stamp": "2026-03-02T09:00:00.000Z"})
    assert result["ok"] and result["filename"] == "hip-drop-sessions-2026-03-04.ics"
    found = events(result["text"])
    assert found, "no event in the calendar"
    end = date(2026, 3, 4) + timedelta(weeks=6)
    for event in found:
        assert event.get("UID") and event.decoded("DTSTAMP") and event.walk("VALARM")
        days = dates_of(event)
        assert days[0] == date(2026, 3, 4) and all(d < end for d in days)
        per_week = {}
        for d in days:
            per_week[(d - days[0]).days // 7] = per_week.get((d - days[0]).days // 7, 0) + 1
        assert len(per_week) == 6
        if "strength" in str(event["SUMMARY"]):
            assert all((b - a).days >= 2 for a, b in zip(days, days[1:], strict=False)), days
            assert set(per_week.values()) <= {2, 3}


def test_a_drills_only_program_is_daily_in_the_calendar_when_the_reader_gives_seven_days():
    form = {**FORM, "weak_side": ["right"], "single_leg_stance": ["no"], "pain_now": ["5"], "days_per_week": ["7"],
            "minutes_per_day": ["10"], "side_plank": ["none"], "single_leg_squat": ["no"]}
    view = api.open_session({"catalog": CATALOG, "urls": URLS, "form": form, "today": "2026-03-02"})
    assert view["state"] == "ready" and all(not e["strength"] for e in view["exercises"]), view["html"]
    result = api.calendar({"catalog": CATALOG, "log": view["log"], "today": "2026-03-02", "start": "2026-03-02",
                           "time": "08:00", "stamp": "2026-03-02T07:00:00.000Z"})
    (event,) = events(result["text"])
    days = dates_of(event)
    assert len(days) == 42 and all((b - a).days == 1 for a, b in zip(days, days[1:], strict=False))


def test_the_schema_file_names_the_engines_format_and_version():
    from hipdrop_course.engine.session.log import FORMAT, VERSION

    assert SCHEMA["properties"]["format"]["const"] == FORMAT and SCHEMA["properties"]["version"]["const"] == VERSION
    assert Path(ROOT / "macros" / "schemas" / "session-log.schema.json").is_file()


def test_the_schema_file_allows_exactly_the_values_the_engine_writes():
    """A warning sign, an outcome or a pelvis the engine writes but the schema refused would make a
    reader's own exported log fail its published schema (two new signs once did)."""
    from hipdrop_course.engine.picker.warning_signs import WARNING_SIGN_IDS
    from hipdrop_course.engine.session.log import OUTCOMES, PELVIS, STOPPED_FOR

    session = SCHEMA["properties"]["sessions"]["items"]["properties"]
    flags = session["red_flags"]
    assert flags["items"]["enum"] == list(WARNING_SIGN_IDS) and flags["maxItems"] == len(WARNING_SIGN_IDS)
    entry = session["exercises"]["items"]["properties"]
    assert entry["outcome"]["enum"] == list(OUTCOMES)
    assert entry["stopped_for"]["enum"] == list(STOPPED_FOR)
    assert entry["pelvis"]["enum"] == list(PELVIS)


def test_the_day_the_answers_were_given_is_in_the_exported_log_and_optional_in_schema_and_engine_alike():
    """``answers_on`` came later within version 2: a log written before it is valid for both."""
    assert LOG["answers_on"] == "2026-03-02"  # the day the page got the picker's answers
    older = {key: value for key, value in LOG.items() if key != "answers_on"}
    assert VALIDATOR.is_valid(older) and log_from_dict(older).answers_on is None
    assert "answers_on" not in SCHEMA["required"]
    for value in ("2026-3-2", 20260302, ""):
        bad = {**LOG, "answers_on": value}
        assert not VALIDATOR.is_valid(bad)
        try:
            log_from_dict(bad)
        except LogError as error:
            assert "field 'answers_on'" in error.problems[0]
        else:
            raise AssertionError(f"the engine took answers_on = {value!r}")
