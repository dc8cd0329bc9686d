"""A property of the guided session's stop rules over any log, with the real catalog: whatever else
the log holds, a pain rating of 7 out of 10 or more (during an exercise or the next morning) stops
the sessions and sends the reader to a physiotherapist (``pain-seven``, a course convention), for
every usual pain that gets a program. The 7 is written here by hand from the issue, not read from
the engine's tables."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from hipdrop_course.catalog import load_catalog
from hipdrop_course.engine.picker import Program, answers_from_form, pick
from hipdrop_course.engine.picker.answers import answers_to_form
from hipdrop_course.engine.session.log import OUTCOMES, PELVIS, STOPPED_FOR, Entry, Log, Session
from hipdrop_course.engine.session.plan import today
from hipdrop_tools.course.project import Project
from support import ROOT

CATALOG = load_catalog(Project(ROOT))
FORM = {
    "red_flags": ["none"], "age_16_or_over": ["yes"], "pregnancy": ["no"], "falls_or_walking_aid": ["no"],
    "weak_side": ["both"], "pain_onset": ["long-standing"], "outer_hip_pain": ["no"],
    "recent_surgery_or_fracture": ["no"], "single_leg_stance": ["yes"], "side_plank": ["knees"],
    "single_leg_squat": ["box"], "walking_worse": ["no"], "goal": ["strength"],
    "equipment": ["step", "wall", "chair", "band", "mirror"], "minutes_per_day": ["30"], "days_per_week": ["6"],
}
START = date(2026, 3, 2)


def entries(ids: list[str]):
    """One logged exercise of the program (any of its exercises, any outcome and pain)."""

    def make(exercise_id, outcome, stopped_for, pain, pelvis, walking_worse):
        exercise = CATALOG.exercise(exercise_id)
        return Entry(
            id=exercise.id, family=exercise.family, phase=exercise.phase, sets=2, reps=10, hold_s=0, rest_s=60,
            sides=2, outcome=outcome, reps_done=40 if outcome == "as-dosed" else 10,
            stopped_for=stopped_for if outcome == "stopped" else "", pain_during=pain, pelvis=pelvis,
            walking_worse=walking_worse,
        )

    return st.builds(
        make, st.sampled_from(ids), st.sampled_from(OUTCOMES), st.sampled_from(STOPPED_FOR[1:]),
        st.integers(0, 10), st.sampled_from(PELVIS), st.booleans(),
    )


@st.composite
def logs(draw):
    usual = draw(st.integers(0, 6))  # every usual pain that gets a program (7 or more is referred first)
    answers = answers_from_form({**FORM, "pain_now": [str(usual)]})
    program = pick(answers, CATALOG)
    assert isinstance(program, Program)
    ids = [chosen.id for phase in program.phases for chosen in phase.exercises]
    gaps = draw(st.lists(st.integers(1, 9), min_size=1, max_size=8))
    sessions = []
    on = START
    for number, gap in enumerate(gaps):
        on += timedelta(days=gap)
        sessions.append(
            Session(
                id=f"{on.isoformat()}-1", date=on.isoformat(), phase=program.phases[0].id, finished=True,
                pain_next_morning=draw(st.none() | st.integers(0, 10)),
                exercises=tuple(draw(st.lists(entries(ids), max_size=3, unique_by=lambda e: e.family))),
            )
        )
    log = Log(answers=answers_to_form(answers), sessions=tuple(sessions))
    return program, answers, log, (on + timedelta(days=1)).isoformat()


def ratings(log: Log) -> list[int]:
    found = [e.pain_during for s in log.sessions for e in s.exercises]
    return found + [s.pain_next_morning for s in log.sessions if s.pain_next_morning is not None]


@settings(max_examples=150, deadline=None)
@given(logs())
def test_any_pain_of_seven_or_more_stops_the_sessions_and_refers(drawn):
    program, answers, log, on = drawn
    plan = today(program, answers, CATALOG, log, on)
    if any(pain >= 7 for pain in ratings(log)):
        assert plan.state == "stopped"
        assert "pain-seven" in {stop.rule for stop in plan.progress.stops}
    else:
        assert "pain-seven" not in {stop.rule for stop in plan.progress.stops}
