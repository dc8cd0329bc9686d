"""The guided session's next-step rules, one behaviour each, over a small catalog made for the tests.

Standard library, hipdrop and hipdrop_course.engine only (no pytest), so the same file runs inside
Pyodide. Expected values are worked out by hand from the rules (``session.rules.SESSION_RULES``,
the pain-monitoring rule, lesson 5's checks), never taken from the function under test.
"""

import datetime
import json
import re
from html import escape
from hipdrop.browser import CORE_METHODS
from hipdrop.browser import dispatch as engine_dispatch
from hipdrop_course.engine.catalog import catalog_from_dict
from hipdrop_course.engine.methods import METHODS as PACK_METHODS
from hipdrop_course.engine.picker import answers_from_form, pick
from hipdrop_course.engine.picker.clinical_html import clinical_rules_html, pain_monitoring_html
from hipdrop_course.engine.session.calendar import session_days
from hipdrop_course.engine.session.log import Log
from hipdrop_course.engine.session.plan import one_leg_offer, timeline
from hipdrop_course.engine.session.rules import SESSION_RULES

MC = {"sets": [2, 3], "reps": 10, "hold_s": [3, 5], "rest_s": [30, 60], "days_per_week": [5, 7],
      "basis": "clinical-convention", "source": "src"}
STRENGTH = {"sets": [1, 3], "reps": [8, 12], "hold_s": 0, "rest_s": [60, 120], "days_per_week": [2, 3],
            "basis": "guideline", "source": "src"}


def entry(eid, *, family, level, phase, position, works="stance", easier=None, harder=None, precautions=(),
          equipment=(), dosing=None):
    return {
        "id": eid, "name": eid.replace("-", " ").capitalize(), "family": family, "level": level,
        "easier": easier, "harder": harder, "phase": phase, "position": position, "equipment": list(equipment),
        "working_leg": {"works": works, "headline": "h", "text": "t"},
        "purpose": "p", "setup": ["s"], "steps": ["s"], "cues": ["Keep the pelvis level"], "common_errors": ["e"],
        "dosing": dosing or {"motor-control": MC, "strength": STRENGTH, "endurance": STRENGTH},
        "precautions": list(precautions),
    }


ONE_LEG = ["single-leg-weight-bearing", "abductor-loading", "outer-hip-compression"]
CATALOG_DATA = {
    "sources": {"src": {"cite": "Source 2000", "authors": "A", "year": 2000, "title": "T", "journal": "J",
                        "verified": True}},
    "exercises": [
        entry("shift", family="dip", level="easier", phase="activation", position="standing-two-legs",
              harder="dip", precautions=["abductor-loading", "low-load"], equipment=["support"]),
        entry("dip", family="dip", level="standard", phase="activation", position="standing-on-step",
              easier="shift", harder="dip-hard", precautions=[*ONE_LEG, "low-load"], equipment=["step", "support"]),
        entry("dip-hard", family="dip", level="harder", phase="activation", position="standing-on-step",
              easier="dip", precautions=[*ONE_LEG, "balance-demand"], equipment=["step"]),
        entry("side", family="side", level="standard", phase="strengthening", position="side-lying", works="moving",
              precautions=["lies-on-side", "active-abduction"]),
        entry("press", family="press", level="standard", phase="movement-retraining", position="standing",
              works="stance", precautions=ONE_LEG, equipment=["support"]),
    ],
}
CATALOG = catalog_from_dict(CATALOG_DATA)
FORM = {
    "red_flags": ["none"], "age_16_or_over": ["yes"], "pregnancy": ["no"], "falls_or_walking_aid": ["no"],
    "weak_side": ["right"], "pain_now": ["3"], "pain_onset": ["new"], "outer_hip_pain": ["no"],
    "recent_surgery_or_fracture": ["no"], "single_leg_stance": ["yes"], "side_plank": ["none"],
    "single_leg_squat": ["no"], "walking_worse": ["no"], "goal": ["strength"],
    "equipment": ["step", "chair", "mirror"], "minutes_per_day": ["30"], "days_per_week": ["3"],
}


def program(form):
    return pick(answers_from_form(form), CATALOG)


CITE = re.compile(r"[A-Z][A-Za-z-]+(?: et al\.| & [A-Z][A-Za-z-]+)? \d{4}")  # "Silbernagel et al. 2007"
URLS = {"program": "../program/", "exercises": {}, "root": "../", "warning_signs": "../lessons/causes-and-assessment/#red-flags"}


def call(method: str, params: dict) -> dict:
    """A worker method through the worker's own dispatcher (JSON in and out, as in the browser)."""
    methods = {**CORE_METHODS, **PACK_METHODS}
    reply = json.loads(engine_dispatch(method, json.dumps({"catalog": CATALOG_DATA, "urls": URLS, **params}), methods=methods))
    assert reply["ok"], reply
    return reply["result"]


def opened(form=None, on="2026-01-05", stored=None) -> dict:
    """The page opened on ``on``: with the picker's answers in its address (``form``, FORM when
    there is no stored log), or with the stored log alone."""
    form = form if form is not None else ({} if stored else FORM)
    return call("session.open", {"form": form, "stored": json.dumps(stored) if stored else None, "today": on})


def record(log: dict, on: str, action: str, data: dict) -> dict:
    result = call("session.record", {"log": log, "today": on, "action": action, "data": data})
    assert result["ok"], result.get("problems")
    return result


def logged(exercise: dict, pain: int = 3, outcome: str = "as-dosed", pelvis: str = "level", **extra) -> dict:
    """The log of one exercise as the page sends it, done as the session dosed it unless told."""
    sides = len(exercise["sides"])
    done = exercise["sets"] * exercise["reps"] * sides
    return {
        "id": exercise["id"], "family": exercise["family"], "phase": exercise["phase"], "sets": exercise["sets"],
        "reps": exercise["reps"], "hold_s": exercise["hold_s"], "rest_s": exercise["rest_s"], "sides": sides,
        "outcome": outcome, "reps_done": done if outcome == "as-dosed" else done // 2,
        "stopped_for": extra.pop("stopped_for", ""), "pain_during": pain, "pelvis": pelvis,
        "walking_worse": extra.pop("walking_worse", False),
    }


def session(log: dict, on: str, pain: int = 3, morning: int | None = 3, **how) -> dict:
    """A whole session on ``on``: no warning sign, every due exercise logged, finished; then the
    next morning's pain (None: not given). Returns the engine's last view."""
    view = call("session.open", {"form": {}, "stored": json.dumps(log), "today": on})
    view = record(view["log"], on, "start", {"red_flags": ["none"]})
    for exercise in view["exercises"]:
        view = record(view["log"], on, "exercise", {"entry": logged(exercise, pain, **how)})
    view = record(view["log"], on, "finish", {})
    if morning is not None:
        last = view["log"]["sessions"][-1]["id"]
        view = record(view["log"], on, "morning", {"session": last, "pain": morning})
    return view


def due(view: dict) -> dict:
    return {e["family"]: e for e in view["exercises"]}


DAYS = ["2026-01-05", "2026-01-07", "2026-01-09", "2026-01-12", "2026-01-14", "2026-01-16", "2026-01-19"]


def test_a_dose_starts_at_the_middle_of_each_range():
    view = opened()
    dip = due(view)["dip"]
    # 2–3 sets of 10, hold 3–5 s, rest 30–60 s: the middle, rounded up.
    assert (dip["sets"], dip["reps"], dip["hold_s"], dip["rest_s"]) == (3, 10, 4, 45)
    assert dip["dose_text"] == "3 sets of 10, hold 4 s, rest 45 s"


def test_the_timeline_paces_each_repetition_and_rests_between_sets_and_sides():
    dip = due(opened())["dip"]
    steps = dip["steps"]
    assert steps[0]["kind"] == "ready"
    holds = [s for s in steps if s["kind"] == "hold"]
    assert len(holds) == 3 * 10 and all(s["ms"] == 4000 for s in holds)
    rests = [s for s in steps if s["kind"] == "rest"]
    assert len(rests) == 2 and all(s["ms"] == 45_000 for s in rests)
    # 30 repetitions of 1.5 s in, 4 s hold, 1.5 s out; 2 rests of 45 s; 5 s to get ready.
    assert sum(s["ms"] for s in steps) == 30 * 7000 + 2 * 45_000 + 5000
    assert [s["say"] for s in steps if s["say"]][:3] == ["Get ready: 3 sets of 10.", "Set 1 of 3. 1", "Hold 4 seconds."]


def test_one_set_is_said_as_one_set():
    assert timeline(1, 1, 10, 0, 60)[0].say == "Get ready: 1 set of 10."
    assert timeline(1, 2, 10, 0, 60)[0].say == "Get ready: 2 sets of 10."


def test_pain_above_the_rule_takes_one_set_off_next_time():
    view = session(opened()["log"], DAYS[0], pain=6)  # usual 3: the rule allows up to 5
    assert due(call("session.open", {"form": {}, "stored": json.dumps(view["log"]), "today": DAYS[1]}))["dip"]["sets"] == 2
    assert "Your pain reached 6 out of 10" in view["html"] and "one set fewer" in view["html"]


def test_pain_above_five_steps_back_even_within_two_points_of_the_usual_pain():
    # Usual 4: 6 is only 2 points up, but the rule never allows more than 5 out of 10.
    view = session(opened(form={**FORM, "pain_now": ["4"]})["log"], DAYS[0], pain=6, morning=4)
    assert due(opened(stored=view["log"], on=DAYS[1]))["dip"]["sets"] == 2
    assert "above the 5 out of 10 the rule allows" in view["html"]


def test_a_usual_pain_of_five_may_not_rise_at_all():
    first = opened(form={**FORM, "pain_now": ["5"]})
    assert "it should not go up at all" in first["pain_hint"] and "up to about" not in first["pain_hint"]
    assert "should not go up at all" in first["html"]
    view = session(first["log"], DAYS[0], pain=6, morning=5)
    assert due(opened(stored=view["log"], on=DAYS[1]))["dip"]["sets"] == 2
    kept = session(opened(form={**FORM, "pain_now": ["5"]})["log"], DAYS[0], pain=5, morning=5)
    assert due(opened(stored=kept["log"], on=DAYS[1]))["dip"]["sets"] == 3


def test_pain_not_settled_by_the_next_morning_also_steps_back():
    view = session(opened()["log"], DAYS[0], pain=4, morning=5)  # within the rule during, not settled
    assert due(opened(stored=view["log"], on=DAYS[1]))["dip"]["sets"] == 2


def test_at_the_fewest_sets_the_step_back_is_the_easier_version():
    log = opened()["log"]
    for on in DAYS[:2]:  # 3 sets -> 2 sets -> the easier version (2 is the fewest of 2–3)
        log = session(log, on, pain=6)["log"]
    assert due(opened(stored=log, on=DAYS[2]))["dip"]["id"] == "shift"


def test_sharp_pain_steps_back_even_within_the_pain_rule():
    log = session(opened()["log"], DAYS[0], pain=4, outcome="stopped", stopped_for="sharp-pain")["log"]
    assert due(opened(stored=log, on=DAYS[1]))["dip"]["sets"] == 2


def strengthening() -> dict:
    """A log whose activation checks were met in two sessions in a row: phase 2 is next."""
    log = opened()["log"]
    for on in DAYS[:2]:
        log = session(log, on)["log"]
    return log


def test_two_good_sessions_and_a_week_at_the_dose_add_two_repetitions():
    log = strengthening()
    assert due(opened(stored=log, on=DAYS[2]))["side"]["reps"] == 10  # 1–3 sets of 8–12: 2 sets of 10
    log = session(log, DAYS[2])["log"]
    log = session(log, DAYS[3])["log"]  # two good sessions, but 3 days at the dose
    assert due(opened(stored=log, on=DAYS[4]))["side"]["reps"] == 10
    log = session(log, DAYS[4])["log"]
    log = session(log, DAYS[5])["log"]  # 7 days at the dose, still good
    side = due(opened(stored=log, on=DAYS[6]))["side"]
    assert (side["sets"], side["reps"]) == (2, 12)


def test_no_step_up_without_the_next_mornings_pain():
    log = strengthening()
    for on in DAYS[2:6]:
        log = session(log, on, morning=None)["log"]
    assert due(opened(stored=log, on=DAYS[6]))["side"]["reps"] == 10


def test_walking_worse_leaves_the_exercise_out_and_links_to_the_picker_with_it_ticked():
    view = session(opened()["log"], DAYS[0], walking_worse=True)
    later = opened(stored=view["log"], on=DAYS[1])
    assert "dip" not in due(later)
    assert "walking_worse=some" in later["html"] and "worse_exercises=dip" in later["html"]


def test_the_activation_checks_met_twice_in_a_row_start_the_next_phase():
    log = opened()["log"]
    log = session(log, DAYS[0])["log"]
    assert opened(stored=log, on=DAYS[1])["phase"] == "activation"
    view = record(opened(stored=log, on=DAYS[1])["log"], DAYS[1], "start", {"red_flags": ["none"]})
    view = record(view["log"], DAYS[1], "exercise", {"entry": logged(due(view)["dip"])})
    view = record(view["log"], DAYS[1], "finish", {})
    assert "from the next session you do phase 2, strengthening" in view["message"]
    assert opened(stored=view["log"], on=DAYS[2])["phase"] == "strengthening"


def test_a_rise_in_pain_or_a_dropped_pelvis_does_not_meet_the_activation_checks():
    for how in ({"pain": 4}, {"pelvis": "dropped"}):  # 4 is within the pain rule, but a rise
        log = opened()["log"]
        for on in DAYS[:3]:
            log = session(log, on, **how)["log"]
        assert opened(stored=log, on=DAYS[3])["phase"] == "activation", how


def test_a_gentle_start_stays_on_its_two_leg_drill_until_the_one_leg_check_sends_the_reader_back_to_the_picker():
    form = {**FORM, "single_leg_stance": ["no"]}
    log = opened(form)["log"]
    assert due(opened(stored=log))["dip"]["id"] == "shift"  # the gentlest version of the family
    for on in DAYS[:3]:  # the two-leg drill alone never meets "a version on one leg ... level"
        log = session(log, on)["log"]
    view = opened(stored=log, on=DAYS[3])
    assert view["phase"] == "activation" and "single_leg_stance=yes" not in view["html"]
    view = record(view["log"], DAYS[3], "start", {"red_flags": ["none"]})
    view = record(view["log"], DAYS[3], "one-leg", {"results": [{"side": "right", "seconds": 30, "pelvis": "level"}]})
    assert "single_leg_stance=yes" in opened(stored=view["log"], on=DAYS[3])["html"]


def test_after_surgery_the_start_is_capped_at_standard_but_the_session_still_steps_up_to_the_harder_version():
    """The post-op start cap is the picker's, for the start only: logged good sessions step up."""
    free = {**FORM, "single_leg_squat": ["free"]}
    assert due(opened(free))["dip"]["id"] == "dip-hard"  # without surgery: the harder version
    operated = {**free, "recent_surgery_or_fracture": ["yes"], "operated_side": ["right"], "weeks_since_surgery": ["13"],
                "procedure": ["other"], "clinician_guidance": ["yes"], "weight_bearing": ["full"],
                "single_leg_cleared": ["yes"], "precautions": ["none"]}
    log = opened(operated)["log"]
    assert due(opened(stored=log))["dip"]["id"] == "dip"  # 13 weeks after surgery: the standard version
    # A dropped pelvis keeps the phase (its check is not met) but the dose is within the pain rule:
    # 3 sets of 10 is the top of 2-3 sets of 10, so two good sessions a week apart step up the version.
    for on in (DAYS[0], DAYS[1], DAYS[3]):
        log = session(log, on, pelvis="dropped")["log"]
    assert due(opened(stored=log, on=DAYS[4]))["dip"]["id"] == "dip-hard"


def stopped_for(view: dict) -> set[str]:
    """The reasons to stop and see a physiotherapist the page shows (their rule ids)."""
    return set(re.findall(r'data-stop="([a-z-]+)"', view["html"]))


def test_the_pain_rule_broken_twice_in_a_row_at_the_easiest_version_and_fewest_sets_stops_and_refers():
    log = opened()["log"]  # usual 3: the rule allows up to 5, so 6 breaks it every time
    # 3 sets of the dip -> 2 sets -> the easier version, the shift, at 3 sets -> 2, its fewest:
    # three breaks in a row, none of them at the easiest dose, so no stop yet.
    for on in DAYS[:3]:
        log = session(log, on, pain=6)["log"]
    shift = due(opened(stored=log, on=DAYS[3]))["dip"]
    assert (shift["id"], shift["sets"]) == ("shift", 2)
    once = session(log, DAYS[3], pain=6)  # the first break at the easiest dose: the same dose
    assert "keep the same dose" in once["html"] and "pain-at-easiest" not in stopped_for(once)
    assert due(opened(stored=once["log"], on=DAYS[4]))["dip"]["sets"] == 2
    twice = opened(stored=session(once["log"], DAYS[4], pain=6)["log"], on=DAYS[5])
    assert twice["state"] == "stopped" and twice["exercises"] == []
    assert stopped_for(twice) == {"pain-at-easiest"}
    assert "2 sessions in a row of Shift, already at its easiest version and fewest sets" in twice["html"]


def test_a_session_within_the_rule_at_the_easiest_dose_starts_the_count_again():
    log = opened()["log"]
    for on in DAYS[:4]:  # down to the shift at 2 sets, then one break there
        log = session(log, on, pain=6)["log"]
    log = session(log, DAYS[4], pain=3)["log"]  # within the rule
    view = opened(stored=session(log, DAYS[5], pain=6)["log"], on=DAYS[6])
    assert view["state"] != "stopped" and due(view)["dip"]["id"] == "shift"


def test_a_pain_of_seven_during_an_exercise_or_the_next_morning_stops_and_refers():
    form = {**FORM, "pain_now": ["5"]}  # usual 5: the rule allows no rise at all
    six = session(opened(form=form)["log"], DAYS[0], pain=6, morning=5)
    assert "pain-seven" not in stopped_for(opened(stored=six["log"], on=DAYS[1]))  # 6: one set fewer only
    assert due(opened(stored=six["log"], on=DAYS[1]))["dip"]["sets"] == 2
    during = opened(stored=session(opened(form=form)["log"], DAYS[0], pain=7, morning=5)["log"], on=DAYS[1])
    assert during["state"] == "stopped" and stopped_for(during) == {"pain-seven"}
    assert "Your pain reached 7 out of 10 during Shift" in during["html"]  # usual 5 starts on the shift
    morning = opened(stored=session(opened(form=form)["log"], DAYS[0], pain=5, morning=8)["log"], on=DAYS[1])
    assert morning["state"] == "stopped" and stopped_for(morning) == {"pain-seven"}
    assert "Your pain was 8 out of 10 the morning after a session" in morning["html"]


def test_no_one_whose_usual_pain_is_seven_or_more_gets_a_program_so_the_stop_at_seven_blocks_no_one_at_the_start():
    for onset in ("new", "long-standing"):
        view = opened(form={**FORM, "pain_now": ["7"], "pain_onset": [onset]})
        assert view["state"] not in ("ready", "stopped", "rest-day") and view["exercises"] == [], onset


def test_a_pain_of_seven_during_an_exercise_says_stop_here_at_once():
    view = record(opened()["log"], DAYS[0], "start", {"red_flags": ["none"]})
    saved = record(view["log"], DAYS[0], "exercise", {"entry": logged(due(view)["dip"], pain=7)})
    assert saved["state"] == "stopped" and saved["exercises"] == []
    assert "Stop here." in saved["message"] and stopped_for(saved) == {"pain-seven"}


def test_sharp_pain_twice_in_the_same_exercise_leaves_it_out_until_a_physiotherapist_has_checked_it():
    log = opened()["log"]
    for on in DAYS[:2]:  # within the pain rule both times, stopped for sharp pain
        log = session(log, on, pain=4, outcome="stopped", stopped_for="sharp-pain")["log"]
    view = opened(stored=log, on=DAYS[2])
    assert "dip" not in due(view) and view["state"] != "stopped"
    assert "have it checked by a physiotherapist before you do it again" in view["html"]
    assert 'data-left-out="sharp-pain"' in view["html"] and 'data-action="cleared"' in view["html"]
    assert "worse_exercises" not in view["html"]  # not the picker's question on walking
    back = opened(stored=record(log, DAYS[2], "cleared", {})["log"], on=DAYS[3])
    assert due(back)["dip"]["sets"] == 2  # back at the dose it had (one set fewer after the first)


def test_one_stop_for_sharp_pain_only_takes_a_set_off():
    log = session(opened()["log"], DAYS[0], pain=4, outcome="stopped", stopped_for="sharp-pain")["log"]
    log = session(log, DAYS[1], pain=3)["log"]
    assert due(opened(stored=log, on=DAYS[2]))["dip"]["sets"] == 2


def test_a_rise_of_the_weekly_highest_pain_above_the_usual_stops_the_sessions_until_a_physiotherapist_has_seen_the_reader():
    log = opened()["log"]  # usual 3
    for on, pain in (("2026-01-05", 3), ("2026-01-12", 4)):  # 4 is within the rule, but a rise above 3
        log = session(log, on, pain=pain, morning=None)["log"]
    stopped = opened(stored=log, on="2026-01-13")
    assert stopped["state"] == "stopped" and stopped["exercises"] == []
    assert stopped_for(stopped) == {"pain-rising"} and "see a physiotherapist" in stopped["html"]
    assert "went up from 3 out of 10 one week to 4 the next, above your usual 3" in stopped["html"]
    assert "more cautious than any published one" in stopped["html"]
    refused = call("session.record", {"log": log, "today": "2026-01-13", "action": "start", "data": {"red_flags": ["none"]}})
    assert refused["ok"] is False
    cleared = record(log, "2026-01-13", "cleared", {})
    assert cleared["state"] != "stopped"
    summary = call("session.paper", {"log": log, "today": "2026-01-13", "kind": "summary"})["html"]
    assert "Told: stop the exercises and see a physiotherapist." in summary


def test_one_week_alone_or_pain_that_does_not_rise_above_the_usual_does_not_stop():
    cases = {
        "one week": (("2026-01-05", 2), ("2026-01-07", 4)),
        "the same highest": (("2026-01-05", 4), ("2026-01-12", 4)),
        "a rise up to the usual": (("2026-01-05", 1), ("2026-01-12", 3)),
        "a fall": (("2026-01-05", 4), ("2026-01-12", 2)),
    }
    for name, days in cases.items():
        log = opened()["log"]
        for on, pain in days:
            log = session(log, on, pain=pain, morning=None)["log"]
        assert opened(stored=log, on="2026-01-20")["state"] != "stopped", name


def test_weeks_without_a_session_are_skipped_and_a_clearance_starts_the_weeks_again():
    log = opened()["log"]
    for on, pain in (("2026-01-05", 3), ("2026-01-19", 4)):  # week 1, then week 3: a rise
        log = session(log, on, pain=pain, morning=None)["log"]
    assert opened(stored=log, on="2026-01-20")["state"] == "stopped"
    log = record(log, "2026-01-20", "cleared", {})["log"]
    log = session(log, "2026-01-21", pain=4, morning=None)["log"]  # one week alone after the clearance
    assert opened(stored=log, on="2026-01-22")["state"] != "stopped"


def test_after_a_clearance_the_next_session_is_the_next_day_and_counts_again():
    log = session(opened()["log"], DAYS[0], pain=7)["log"]
    cleared = record(log, DAYS[1], "cleared", {})
    assert cleared["state"] == "rest-day" and cleared["exercises"] == []
    assert "Your next session is tomorrow" in cleared["html"]
    refused = call("session.record", {"log": cleared["log"], "today": DAYS[1], "action": "start",
                                      "data": {"red_flags": ["none"]}})
    assert refused["ok"] is False and "next session is tomorrow" in refused["problems"][0]
    again = opened(stored=session(cleared["log"], DAYS[2], pain=7)["log"], on=DAYS[3])
    assert again["state"] == "stopped" and stopped_for(again) == {"pain-seven"}


def test_strength_days_are_never_next_to_each_other_and_nothing_is_done_twice_a_day():
    log = strengthening()  # Monday 5 and Wednesday 7 January
    log = session(log, "2026-01-09")["log"]  # Friday: the side-lying lift, a strength exercise
    assert opened(stored=log, on="2026-01-09")["state"] == "rest-day"  # done today
    saturday = opened(stored=log, on="2026-01-10")
    assert saturday["state"] == "rest-day" and saturday["exercises"] == []
    assert "next on Sunday 11 January" in saturday["html"]


def test_a_warning_sign_before_the_session_ends_it_with_the_pickers_urgency():
    log = opened()["log"]
    ended = record(log, DAYS[0], "start", {"red_flags": ["saddle-numbness"]})
    assert ended["ended"] is True
    assert 'data-urgency="emergency-today"' in ended["message"] and "A&amp;E" in ended["message"]
    assert ended["log"]["sessions"][-1]["red_flags"] == ["saddle-numbness"]
    assert ended["log"]["sessions"][-1]["finished"] is True


def test_a_warning_sign_in_an_exercise_log_ends_the_session():
    view = record(opened()["log"], DAYS[0], "start", {"red_flags": ["none"]})
    dip = due(view)["dip"]
    ended = record(view["log"], DAYS[0], "exercise", {"entry": logged(dip), "red_flags": ["wound-fever-after-operation"]})
    assert ended["ended"] is True and 'data-urgency="same-day"' in ended["message"]


def test_a_blank_warning_sign_answer_is_asked_again():
    result = call("session.record", {"log": opened()["log"], "today": DAYS[0], "action": "start", "data": {}})
    assert result["ok"] is False and "None of these" in result["problems"][0]


def test_the_one_leg_check_is_offered_only_when_the_limits_allow_a_supported_one_leg_stand():
    assert opened()["one_leg"]["allowed"] is True
    outer = one_leg_offer(answers_from_form({**FORM, "outer_hip_pain": ["yes"]}), Log(), DAYS[0])
    assert outer.allowed is False and "outside of the hip" in outer.why
    surgery = {**FORM, "recent_surgery_or_fracture": ["yes"], "operated_side": ["right"], "weeks_since_surgery": ["8"],
               "procedure": ["fracture-fixation"], "clinician_guidance": ["yes"], "weight_bearing": ["partial"],
               "single_leg_cleared": ["no"], "bone_healed": ["no"], "precautions": ["none"], "single_leg_stance": ["no"]}
    partial = opened(surgery)
    assert partial["state"] == "ready", partial["html"]
    assert partial["one_leg"]["allowed"] is False


def test_the_one_leg_check_and_its_result_are_kept():
    view = record(opened()["log"], DAYS[0], "start", {"red_flags": ["none"]})
    view = record(view["log"], DAYS[0], "one-leg", {"results": [{"side": "right", "seconds": 30, "pelvis": "level"}]})
    assert view["log"]["sessions"][-1]["one_leg"] == [{"side": "right", "seconds": 30, "pelvis": "level"}]
    bad = call("session.record", {"log": view["log"], "today": DAYS[0], "action": "one-leg",
                                  "data": {"results": [{"side": "right", "seconds": 31, "pelvis": "level"}]}})
    assert bad["ok"] is False and "data.results[0].seconds" in bad["problems"][0]


def test_the_morning_question_comes_the_next_day_for_the_last_session():
    log = session(opened()["log"], DAYS[0], morning=None)["log"]
    assert opened(stored=log, on=DAYS[0])["morning"] is None
    assert opened(stored=log, on=DAYS[1])["morning"]["session"] == log["sessions"][-1]["id"]


def test_the_log_file_round_trips_and_a_corrupt_or_foreign_file_is_refused_naming_the_problem():
    log = session(opened()["log"], DAYS[0])["log"]
    exported = call("session.export", {"log": log, "today": DAYS[0]})
    assert exported["filename"] == "hip-drop-log-2026-01-05.json"
    back = call("session.import", {"text": exported["text"], "name": "mine.json"})
    assert back["ok"] and back["log"] == log and back["sessions"] == 1
    cases = {
        "{not json": "is not a session log: it is not valid JSON",
        '{"format": "gpx", "version": 1}': "is not a Hip Drop session log",
        json.dumps({**log, "version": 3}): "newer than this course reads",
        json.dumps({**log, "sessions": [{**log["sessions"][0], "date": "2026-02-30"}]}): "sessions[0].date",
        "[]": "is not a Hip Drop session log",
    }
    for text, problem in cases.items():
        result = call("session.import", {"text": text, "name": "x.json"})
        assert result["ok"] is False and any(problem in p for p in result["problems"]), (text, result)


def test_the_chart_is_an_image_with_words_and_a_table_of_every_week():
    log = opened()["log"]
    for on, pain in (("2026-01-05", 2), ("2026-01-19", 3)):
        log = session(log, on, pain=pain)["log"]
    html = call("session.chart", {"log": log})["html"]
    assert html.count('role="img"') == 3 and html.count("<desc") == 3
    assert "Highest pain during the exercises: 2 out of 10 in week 1, 3 out of 10 in week 3." in html
    assert html.count('<th scope="row">') == 3  # weeks 1, 2 (none) and 3


def test_the_tracker_and_summary_come_from_the_program_and_the_log():
    log = session(opened()["log"], DAYS[0], pain=6)["log"]
    tracker = call("session.paper", {"log": log, "today": DAYS[0], "kind": "tracker"})["html"]
    assert "Week 6" in tracker and "Stop rules" in tracker and "Dip" in tracker
    assert tracker.count('class="hd-box"') == 3 * 6 * 2  # 3 days a week, 6 weeks, 2 exercises
    # Each check for moving on reads as its own sentence: none starts in lower case after a full stop.
    moving_on = re.findall(r"Move on when: (.*?)</span>", tracker)
    assert moving_on and not [text for text in moving_on if re.search(r"\. [a-z]", text)]
    summary = call("session.paper", {"log": log, "today": DAYS[0], "kind": "summary"})["html"]
    assert "Your pain reached 6 out of 10" in summary and "Which side is weak?" in summary
    # The log table is named once, by its heading: no caption repeating it under the heading.
    assert summary.count("week by week") == 1 and "<caption" not in summary.split("Log so far")[1].split("<h3")[0]


def test_strength_days_in_the_calendar_never_touch_even_from_one_week_to_the_next():
    for count in range(1, 8):
        days = session_days(count, strength=True)
        cycle = sorted(days) + [sorted(days)[0] + 7]
        assert all(b - a >= 2 for a, b in zip(cycle, cycle[1:], strict=False)) or len(days) == 1, (count, days)
        assert len(days) == min(count, 3)
    assert session_days(7, strength=False) == (0, 1, 2, 3, 4, 5, 6)
    assert session_days(5, strength=False) == (0, 1, 2, 3, 4)


def test_the_calendar_file_repeats_the_dosed_days_for_six_weeks():
    log = strengthening()
    params = {"log": log, "today": DAYS[2], "start": "2026-01-09", "time": "07:30", "stamp": "2026-01-08T20:00:00.000Z"}
    text = call("session.calendar", params)["text"]
    lines = text.split("\r\n")
    assert text.endswith("\r\n") and all(len(line.encode()) <= 75 for line in lines)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    # Friday 9 January: strength on the first, third and fifth day (Friday, Sunday, Tuesday), 6 weeks.
    assert "RRULE:FREQ=WEEKLY;BYDAY=FR,SU,TU;COUNT=18" in lines
    assert "DTSTART:20260109T073000" in lines and "DTSTAMP:20260108T200000Z" in lines
    bad = call("session.calendar", {**params, "time": "7.30"})
    assert bad["ok"] is False and "HH:MM" in bad["problems"][0]


def test_the_clinical_rules_page_lists_every_session_rule_with_its_source():
    html = clinical_rules_html(CATALOG)
    assert '<h2 id="sessions">' in html
    for rule in SESSION_RULES:
        assert escape(rule.title) in html and escape(rule.source) in html
    conventions = [rule for rule in SESSION_RULES if rule.convention]
    assert conventions and all(escape(rule.text) in html.split('<h2 id="conventions">')[1] for rule in conventions)
    # Every author and year a session rule cites has its full reference on the page.
    cited = {cite for rule in SESSION_RULES for cite in CITE.findall(rule.source)}
    assert {"Silbernagel et al. 2007", "ACSM 2009", "ACSM 2011", "Hardcastle & Nade 1985"} <= cited
    # The reasons to stop and see a physiotherapist are the course's own, and the page says so.
    for rule_id in ("pain-at-easiest", "pain-seven", "pain-rising", "sharp-twice"):
        rule = next(r for r in SESSION_RULES if r.id == rule_id)
        assert rule.convention and "more cautious than any published" in rule.text, rule_id
    missing = [cite for cite in cited if f"<li><strong>{escape(cite)}</strong>: " not in html]
    assert missing == []


# --- a physiotherapist's review of the stop rules (issue 27) ---------------------------------

POST_OP = {**FORM, "recent_surgery_or_fracture": ["yes"], "operated_side": ["right"], "weeks_since_surgery": ["13"],
           "procedure": ["other"], "clinician_guidance": ["yes"], "weight_bearing": ["full"],
           "single_leg_cleared": ["yes"], "precautions": ["none"]}
WOUND_SIGN = "After any operation: a wound that is red, hot, swelling or oozing, or a fever"


def test_after_surgery_pain_of_seven_sends_the_reader_to_their_surgical_or_fracture_team_today():
    view = opened(stored=session(opened(POST_OP)["log"], DAYS[0], pain=8)["log"], on=DAYS[1])
    assert view["state"] == "stopped" and stopped_for(view) == {"pain-seven"}
    html = view["html"]
    assert "Stop the exercises and contact your surgical or fracture team today." in html
    assert "Your team did the operation or treats the fracture" in html and "Contact them today." in html
    assert "If the pain came on suddenly, with a clunk" in html  # a dislocation or broken fixation: A&E
    assert "see a physiotherapist" not in html
    # The wound sign is the warning-sign list's own, linked to it, at its urgency.
    assert f'<a href="{URLS["warning_signs"]}">{WOUND_SIGN}' in html and "Also contact them today, whatever your log shows, if you have this warning sign" in html
    assert "My surgical or fracture team has seen me and says I may go on" in html
    summary = call("session.paper", {"log": view["log"], "today": DAYS[1], "kind": "summary"})["html"]
    assert "Told: stop the exercises and contact your surgical or fracture team." in summary


def test_after_surgery_rising_pain_sends_the_reader_to_their_team_and_says_when_it_is_today():
    log = opened(POST_OP)["log"]  # usual 3
    for on, pain in (("2026-01-05", 3), ("2026-01-12", 4)):
        log = session(log, on, pain=pain, morning=None)["log"]
    html = opened(stored=log, on="2026-01-13")["html"]
    assert "Stop the exercises and contact your surgical or fracture team." in html
    assert "Contact them soon, and today if your pain reaches 7 out of 10 or more." in html and WOUND_SIGN in html
    assert "Your surgical or fracture team can tell you the rise is fine, and then you go on." in html


def test_the_rule_texts_state_whom_the_stops_send_a_reader_to_after_surgery():
    stop_rules = " ".join(rule.text for rule in program(POST_OP).stop_rules)
    assert "Stop the exercises and contact your surgical or fracture team" in stop_rules
    assert "see a physiotherapist" not in stop_rules  # only the team for a reader after surgery (issue 23)
    lesson = pain_monitoring_html()
    assert "your surgical or fracture team (the team that did the operation or treats the fracture)" in lesson
    after = next(rule for rule in SESSION_RULES if rule.id == "after-surgery")
    assert "surgical or fracture team" in after.text and "today" in after.text
    assert "NHS: Hip replacement recovery" in after.source and after.convention
    assert escape(after.text) in clinical_rules_html(CATALOG)


def test_a_morning_rating_given_after_the_clearance_counts_even_for_a_session_before_it():
    """The reviewer's log: pain 8 on day 0, cleared on day 0, the morning of 8 given on day 1."""
    log = session(opened()["log"], DAYS[0], pain=8, morning=None)["log"]
    cleared = record(log, DAYS[0], "cleared", {})
    assert cleared["state"] != "stopped"
    morning = record(cleared["log"], "2026-01-06", "morning", {"session": f"{DAYS[0]}-1", "pain": 8})
    assert morning["log"]["sessions"][0]["pain_next_morning_on"] == "2026-01-06"
    view = opened(stored=morning["log"], on="2026-01-06")
    assert view["state"] == "stopped" and stopped_for(view) == {"pain-seven"}
    assert "Your pain was 8 out of 10 the morning after a session" in view["html"]


def test_a_morning_rating_given_before_the_clearance_is_cleared_with_it():
    log = session(opened()["log"], DAYS[0], pain=3, morning=None)["log"]
    log = record(log, "2026-01-06", "morning", {"session": f"{DAYS[0]}-1", "pain": 8})["log"]
    assert opened(stored=log, on="2026-01-06")["state"] == "stopped"
    log = record(log, "2026-01-06", "cleared", {})["log"]
    assert opened(stored=log, on="2026-01-07")["state"] == "ready"


def test_a_version_1_log_still_imports_and_its_morning_ratings_count_from_the_day_after_their_session():
    log = session(opened()["log"], DAYS[0], pain=8, morning=None)["log"]
    log = record(log, DAYS[0], "cleared", {})["log"]
    old = {**log, "version": 1, "sessions": [
        {key: value for key, value in {**s, "pain_next_morning": 8}.items() if key != "pain_next_morning_on"}
        for s in log["sessions"]]}
    back = call("session.import", {"text": json.dumps(old), "name": "old.json"})
    assert back["ok"] and back["log"]["version"] == 2
    assert back["log"]["sessions"][0]["pain_next_morning_on"] is None  # not known: not made up
    # Not known when it was given: from the day after its session, after the clearance of day 0.
    assert opened(stored=back["log"], on=DAYS[1])["state"] == "stopped"
    mixed = {**old, "sessions": [{**old["sessions"][0], "pain_next_morning_on": "2026-01-06"}]}
    refused = call("session.import", {"text": json.dumps(mixed), "name": "old.json"})
    assert refused["ok"] is False and "sessions[0].pain_next_morning_on': is not a field of this format" in refused["problems"][0]


def test_after_a_stop_a_step_up_made_in_the_session_that_stopped_is_undone():
    """Week 1 at pain 3, week 2 at pain 4: within the rule (a step up to the harder version) and a
    rise above the usual 3 (a stop), in the same session."""
    log = opened()["log"]
    for on, pain in (("2026-01-05", 3), ("2026-01-12", 4)):
        log = session(log, on, pain=pain, morning=3)["log"]
    view = opened(stored=log, on="2026-01-13")
    assert stopped_for(view) == {"pain-rising"} and "the next step is Dip hard" in view["html"]
    back = opened(stored=record(log, "2026-01-13", "cleared", {})["log"], on="2026-01-14")
    dip = due(back)["dip"]
    assert (dip["id"], dip["sets"], dip["reps"]) == ("dip", 3, 10)  # the dose before the step up
    assert "Dip hard comes back one step easier: Dip, 3 sets of 10." in back["html"]


def test_after_a_stop_an_exercise_not_just_made_harder_comes_back_one_step_easier():
    log = session(opened()["log"], DAYS[0], pain=8)["log"]  # the dip, 3 sets: pain 8 takes a set off and stops
    log = record(log, DAYS[1], "cleared", {})["log"]
    # 2 sets is the dip's fewest (2 to 3), so one step easier is the easier version at its start, 3 sets.
    shift = due(opened(stored=log, on=DAYS[2]))["dip"]
    assert (shift["id"], shift["sets"]) == ("shift", 3)
    # Without a stop, a clearance (for sharp pain) changes no dose.
    sharp = opened()["log"]
    for on in DAYS[:2]:
        sharp = session(sharp, on, pain=4, outcome="stopped", stopped_for="sharp-pain")["log"]
    back = opened(stored=record(sharp, DAYS[2], "cleared", {})["log"], on=DAYS[3])
    assert (due(back)["dip"]["id"], due(back)["dip"]["sets"]) == ("dip", 2)


def test_the_stop_for_a_small_weekly_rise_says_why_it_stops_and_that_a_physiotherapist_can_clear_it():
    log = opened(form={**FORM, "pain_now": ["0"]})["log"]  # the reviewer's log: usual 0, then 0, then 1
    for on, pain in (("2026-01-05", 0), ("2026-01-12", 1)):
        log = session(log, on, pain=pain, morning=0)["log"]
    html = opened(stored=log, on="2026-01-13")["html"]
    assert "went up from 0 out of 10 one week to 1 the next, above your usual 0" in html
    assert "Even a small rise stops the sessions: pain that builds from week to week is the pattern" in html
    assert "A physiotherapist can tell you the rise is fine, and then you go on." in html


# --- a physiotherapist's third review (issue 27) ---------------------------------------------

FEVER_SIGN = "A fever or feeling unwell, together with severe hip pain or being unable to bear weight"


def test_after_surgery_a_pain_of_seven_sends_a_fever_as_well_to_a_and_e_now_with_the_emergency_sign():
    view = opened(stored=session(opened(POST_OP)["log"], DAYS[0], pain=7)["log"], on=DAYS[1])
    assert view["state"] == "stopped" and stopped_for(view) == {"pain-seven"}
    html = view["html"]
    assert "With a fever as well, go to A&amp;E now." in html
    # The emergency sign is the warning-sign list's own label, linked to the list.
    assert f'this emergency warning sign: <a href="{URLS["warning_signs"]}">{FEVER_SIGN}</a>' in html
    # It follows the wound sign (contact today), which it overrides for a fever with this much pain.
    assert html.index(WOUND_SIGN) < html.index("With a fever as well")


def test_after_surgery_a_rising_pain_stop_below_seven_does_not_send_a_fever_to_a_and_e():
    log = opened(POST_OP)["log"]
    for on, pain in (("2026-01-05", 3), ("2026-01-12", 4)):
        log = session(log, on, pain=pain, morning=None)["log"]
    html = opened(stored=log, on="2026-01-13")["html"]
    assert stopped_for(opened(stored=log, on="2026-01-13")) == {"pain-rising"}
    assert "With a fever as well" not in html and FEVER_SIGN not in html


def test_without_surgery_a_pain_of_seven_stop_is_unchanged_by_the_post_operative_fever_line():
    html = opened(stored=session(opened()["log"], DAYS[0], pain=7)["log"], on=DAYS[1])["html"]
    assert "see a physiotherapist" in html and "With a fever as well" not in html


def days_after(start: str, days: int) -> str:
    return (datetime.date.fromisoformat(start) + datetime.timedelta(days=days)).isoformat()


def pregnant(band: str) -> dict:
    return {**FORM, "pregnancy": [band]}


def test_pregnancy_answers_four_weeks_old_stop_the_session_and_ask_the_picker_again_with_every_answer_filled():
    log = opened(pregnant("under-16-weeks"))["log"]
    assert log["answers_on"] == DAYS[0]  # the day the page got the picker's answers
    log = session(log, DAYS[0])["log"]
    assert opened(stored=log, on=days_after(DAYS[0], 27))["state"] == "ready"  # 3 weeks and 6 days
    on = days_after(DAYS[0], 28)
    view = opened(stored=log, on=on)
    assert view["state"] == "answer-again" and view["exercises"] == []
    html = view["html"]
    assert "Answer the picker's questions again before your next session." in html
    assert "On Monday 5 January you told the picker that you were pregnant, under 16 weeks." in html
    assert "That was 4 weeks ago" in html and "course convention" in html
    assert "due today" not in html  # nothing is due until the answers are given again
    # The link is the held-back phase's own: the picker with every current answer filled in.
    link = re.search(r'<a href="\.\./program/\?([^"]+)">Answer the questions again</a>', html)
    assert link is not None
    query = link.group(1).replace("&amp;", "&")
    assert "pregnancy=under-16-weeks" in query and "weak_side=right" in query and "pain_now=3" in query
    refused = call("session.record", {"log": view["log"], "today": on, "action": "start", "data": {"red_flags": ["none"]}})
    assert refused["ok"] is False and "answer the picker's questions again" in refused["problems"][0]
    # Answered again (the pregnancy moved on): the session starts, and the new answers age from today.
    again = opened(pregnant("16-to-19-weeks"), on=on, stored=log)
    assert again["state"] == "ready" and again["log"]["answers_on"] == on
    assert again["log"]["sessions"] == log["sessions"]  # the log stays


def test_pregnancy_answers_given_again_unchanged_also_count_from_the_day_they_are_given():
    on = days_after(DAYS[0], 30)
    log = session(opened(pregnant("20-weeks-or-more"))["log"], DAYS[0])["log"]
    assert opened(stored=log, on=on)["state"] == "answer-again"
    assert opened(pregnant("20-weeks-or-more"), on=on, stored=log)["state"] == "ready"


def test_the_weeks_after_a_birth_age_too_but_no_pregnancy_never_does():
    birth = session(opened(pregnant("gave-birth-last-12-weeks"))["log"], DAYS[0])["log"]
    view = opened(stored=birth, on=days_after(DAYS[0], 28))
    assert view["state"] == "answer-again" and "you had given birth in the last 12 weeks" in view["html"]
    none = session(opened()["log"], DAYS[0])["log"]
    assert opened(stored=none, on=days_after(DAYS[0], 200))["state"] == "ready"


def test_a_stop_comes_before_asking_the_pregnancy_answers_again():
    log = session(opened(pregnant("under-16-weeks"))["log"], DAYS[0], pain=7)["log"]
    view = opened(stored=log, on=days_after(DAYS[0], 28))
    assert view["state"] == "stopped" and "Answer the questions again" not in view["html"]


def test_an_older_log_without_the_answers_day_counts_from_its_first_session_or_else_from_today():
    log = session(opened(pregnant("under-16-weeks"))["log"], DAYS[0])["log"]
    old = {key: value for key, value in log.items() if key != "answers_on"}
    back = call("session.import", {"text": json.dumps(old), "name": "old.json"})
    assert back["ok"] and "answers_on" not in json.dumps(old)
    assert opened(stored=back["log"], on=days_after(DAYS[0], 27))["state"] == "ready"
    view = opened(stored=back["log"], on=days_after(DAYS[0], 28))
    assert view["state"] == "answer-again" and view["log"]["answers_on"] == DAYS[0] and view["changed"]
    # No session at all: from the day the page first sees it, which it then keeps.
    bare = {key: value for key, value in opened(pregnant("under-16-weeks"))["log"].items() if key != "answers_on"}
    first = opened(stored=bare, on="2026-03-02")
    assert first["state"] == "ready" and first["log"]["answers_on"] == "2026-03-02"
    assert opened(stored=first["log"], on="2026-03-30")["state"] == "answer-again"
    wrong = call("session.import", {"text": json.dumps({**log, "answers_on": "2026-02-30"}), "name": "bad.json"})
    assert wrong["ok"] is False and "field 'answers_on': must be a date" in wrong["problems"][0]


def test_the_pregnancy_answers_rule_is_a_course_convention_on_the_clinical_rules_page():
    rule = next(rule for rule in SESSION_RULES if rule.id == "pregnancy-answers")
    assert rule.convention and "NHS: Exercise in pregnancy" in rule.source and "ACOG 2020" in rule.source
    assert "4 weeks" in rule.text and "answer the picker's questions again" in rule.text
    html = clinical_rules_html(CATALOG)
    assert escape(rule.text) in html.split('<h2 id="conventions">')[1]


def test_the_stop_rule_after_surgery_names_the_emergency_fever_sign():
    after = next(rule for rule in SESSION_RULES if rule.id == "after-surgery")
    assert "fever with severe hip pain" in after.text and "A&E now" in after.text
