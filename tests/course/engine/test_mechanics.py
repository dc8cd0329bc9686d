"""The mechanics lab's statics against the course's worked examples (stdlib only: runs in Pyodide too)."""

import json
import math
import xml.dom.minidom

from hipdrop.browser import CORE_METHODS
from hipdrop.browser import dispatch as engine_dispatch
from hipdrop_course.engine.methods import METHODS as PACK_METHODS
from hipdrop_course.engine.mechanics.lab import resolve, run
from hipdrop_course.engine.mechanics.model import MechanicsInputError
from hipdrop_course.engine.mechanics.presets import PARAMS, PRESETS
from hipdrop_course.engine.mechanics.statics import solve


def dispatch(method: str, params_json: str) -> str:
    """The worker's dispatcher with this course's methods (the core's and the hip-drop pack's)."""
    return engine_dispatch(method, params_json, methods={**CORE_METHODS, **PACK_METHODS})

WORKED = {  # brief 3.1: BW 700 N, W = 5/6 BW, b = 10 cm, a = 5 cm, pull at 70°
    "body_weight_n": 700,
    "weight_share_pct": 100 * 5 / 6,
    "body_weight_arm_cm": 10,
    "abductor_arm_cm": 5,
    "abductor_angle_deg": 70,
}


def worked(**changes):
    return solve(resolve({**WORKED, **changes}))


def problems_of(settings: dict) -> list:
    try:
        resolve(settings)
    except MechanicsInputError as error:
        return error.problems
    raise AssertionError(f"expected {settings} to be rejected")


def test_worked_example_matches_the_course_numbers():
    result = worked()
    assert abs(result.superincumbent_weight_n - 583.3) < 0.1
    assert abs(result.abductor_force_n - 1167) < 1  # brief: ≈1,167 N
    assert abs(result.abductor_force_bw - 1.67) < 0.01
    assert abs(result.abductor_force_w - 2.0) < 1e-9  # arm ratio 2:1 -> twice W
    assert abs(result.joint_force_n - 1726) < 1  # brief: ≈1,726 N
    assert round(result.joint_force_bw, 1) == 2.5
    assert 10 < result.joint_force_angle_deg < 16  # tilted from vertical, down and outward on the head


def test_the_quiet_stance_preset_is_the_worked_example():
    result = solve(resolve({"preset": "quiet-stance"}))
    assert round(result.abductor_force_n) == 1167
    assert round(result.joint_force_n) == 1726
    assert result.holds_level


def test_leaning_over_the_stance_hip_to_5_cm_halves_the_pull():
    result = worked(lean_cm=5)  # brief: b = 5 cm -> F ≈ 583 N, JRF ≈ 1.6 BW
    assert abs(result.abductor_force_n - 583.3) < 1
    assert round(result.joint_force_bw, 1) == 1.6


def test_centre_of_mass_over_the_hip_needs_no_abductor_force():
    result = worked(lean_cm=10)
    assert result.abductor_force_n == 0
    assert abs(result.joint_force_n - result.superincumbent_weight_n) < 1e-6


def test_more_lean_toward_the_stance_hip_always_lowers_the_abductor_force():
    for arm in (6, 10, 14):
        for abductor_arm in (3, 5, 8):
            leans = [-5 + 0.5 * k for k in range(35)]
            forces = [worked(lean_cm=lean, body_weight_arm_cm=arm, abductor_arm_cm=abductor_arm).abductor_force_n for lean in leans]
            for lean, before, after in zip(leans[1:], forces, forces[1:]):
                assert after <= before, (arm, abductor_arm, lean)
                if before > 0:
                    assert after < before, (arm, abductor_arm, lean)


def test_a_cane_in_the_opposite_hand_lowers_the_abductor_force_and_the_same_hand_does_not():
    plain = worked().abductor_force_n
    for force in (20, 70, 140):
        opposite = worked(cane_force_n=force, cane_hand="opposite").abductor_force_n
        same = worked(cane_force_n=force, cane_hand="same", cane_arm_cm=20).abductor_force_n
        assert opposite < plain
        assert same >= plain
    assert worked(cane_force_n=70, cane_hand="opposite").joint_force_n < worked().joint_force_n


def test_a_same_side_cane_is_described_as_the_model_and_as_measured_in_people():
    """The rigid model adds load for a same-side cane; Neumann 1998 measured no difference. The lab's
    description says both, and says nothing of the kind for the opposite hand."""
    same = json.loads(dispatch("mechanics.solve", json.dumps({"preset": "cane-same"})))["result"]["description"]
    assert "in this rigid model, adds to the abductors' load" in same
    assert "no measurable difference" in same and "(Neumann 1998)" in same
    opposite = json.loads(dispatch("mechanics.solve", json.dumps({"preset": "cane-opposite"})))["result"]
    assert "helps the abductors" in opposite["description"]
    assert "Neumann" not in opposite["description"]


def test_weak_abductors_let_the_pelvis_drop_and_leaning_or_a_cane_holds_it():
    results = {p.name: solve(resolve({"preset": p.name})) for p in PRESETS}
    assert results["quiet-stance"].holds_level
    weak = results["weak-abductors"]
    assert not weak.holds_level and weak.capacity_margin_n < 0
    assert results["compensated"].holds_level
    assert results["cane-opposite"].holds_level
    assert not results["cane-same"].holds_level
    # The lean the engine says is needed is enough, and a little less is not.
    needed = weak.lean_needed_cm
    assert solve(resolve({"preset": "weak-abductors", "lean_cm": needed + 0.01})).holds_level
    assert not solve(resolve({"preset": "weak-abductors", "lean_cm": needed - 0.1})).holds_level


def test_heavier_body_or_shorter_abductor_arm_raises_the_pull():
    base = worked().abductor_force_n
    assert worked(body_weight_n=900).abductor_force_n > base
    assert worked(abductor_arm_cm=4).abductor_force_n > base


def test_bad_values_are_all_listed_with_clear_messages():
    problems = problems_of({"body_weight_n": -700, "abductor_arm_cm": 0, "lean_cm": 40, "cane_hand": "left"})
    by_field = {p.field: p.message for p in problems}
    assert set(by_field) == {"body_weight_n", "abductor_arm_cm", "lean_cm", "cane_hand"}
    assert "negative" in by_field["body_weight_n"] and "-700" in by_field["body_weight_n"]
    assert "greater than 0" in by_field["abductor_arm_cm"]
    assert "between -5 and 12" in by_field["lean_cm"] and "40" in by_field["lean_cm"]
    assert "opposite, same" in by_field["cane_hand"]


def test_missing_text_and_non_finite_values_never_become_nan():
    for bad in (None, "", "heavy", float("nan"), float("inf"), True):
        problems = problems_of({"body_weight_n": bad})
        assert [p.field for p in problems] == ["body_weight_n"], bad
        assert "number" in problems[0].message and "Body weight" in problems[0].message


def test_a_cane_cannot_carry_more_than_the_weight_above_the_hip():
    problems = problems_of({"body_weight_n": 200, "cane_force_n": 250})
    assert [p.field for p in problems] == ["cane_force_n"]
    assert "lift the body" in problems[0].message


def test_unknown_settings_and_presets_are_named():
    assert [p.field for p in problems_of({"hip_width": 3})] == ["hip_width"]
    assert [p.field for p in problems_of({"preset": "sprinting"})] == ["preset"]


def test_every_result_is_finite_across_the_slider_ranges():
    for spec in PARAMS:
        for value in (spec.minimum, spec.maximum):
            for hand in ("opposite", "same"):
                settings = {spec.name: value, "cane_hand": hand, "cane_force_n": 100}
                if spec.name == "cane_force_n":
                    settings["cane_force_n"] = value
                result = solve(resolve(settings)).to_dict()
                numbers = [v for v in result.values() if isinstance(v, float)]
                assert all(math.isfinite(v) for v in numbers), (spec.name, value, hand)


def test_the_worker_method_returns_figure_numbers_and_description():
    reply = json.loads(dispatch("mechanics.solve", json.dumps({"preset": "weak-abductors", "lean_cm": 5})))
    assert reply["ok"]
    lab = reply["result"]
    assert lab["valid"] and lab["inputs"]["lean_cm"] == 5
    assert lab["result"]["holds_level"] is True
    assert "583 N" in lab["description"] and "stays level" in lab["description"]
    for key in ("figure_svg", "chart_svg"):
        svg = xml.dom.minidom.parseString(lab[key]).documentElement  # well-formed
        assert svg.tagName == "svg" and svg.getAttribute("role") == "img"
    assert "583 N" in lab["results_html"]


def test_the_worker_method_reports_bad_values_without_failing():
    reply = json.loads(dispatch("mechanics.solve", json.dumps({"abductor_arm_cm": 0, "body_weight_n": None})))
    assert reply["ok"]
    lab = reply["result"]
    assert lab["valid"] is False
    assert {p["field"] for p in lab["problems"]} == {"abductor_arm_cm", "body_weight_n"}
    assert "2 problems" in lab["message"]


def test_the_figure_shows_a_drop_only_when_the_abductors_fall_short():
    assert "pelvis drops" in run({"preset": "weak-abductors"})["figure_svg"]
    assert "pelvis drops" not in run({"preset": "compensated"})["figure_svg"]


def test_the_figure_draws_forces_to_scale():
    def arrow_length(svg: str, colour: str) -> float:
        dom = xml.dom.minidom.parseString(svg)
        for line in dom.getElementsByTagName("line"):
            if line.getAttribute("stroke") == colour and line.getAttribute("stroke-width") == "3.6":
                x1, y1, x2, y2 = (float(line.getAttribute(k)) for k in ("x1", "y1", "x2", "y2"))
                return math.hypot(x2 - x1, y2 - y1)
        raise AssertionError("no joint-force arrow")

    joint = "#5b2a86"
    upright = arrow_length(run({})["figure_svg"], joint)
    leaning = arrow_length(run({"lean_cm": 5})["figure_svg"], joint)
    assert leaning < upright  # 1.6 vs 2.5 body weights


def test_the_static_lab_works_without_python():
    from hipdrop_course.engine.mechanics.page import lab_html

    from html.parser import HTMLParser

    html = lab_html()

    class Ids(HTMLParser):
        ids: list = []
        targets: list = []

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if "id" in attrs:
                self.ids.append(attrs["id"])
            if tag == "label" and "for" in attrs:
                self.targets.append(attrs["for"])

    found = Ids()
    found.feed(html)
    assert len(found.ids) == len(set(found.ids))  # no duplicate ids
    assert set(found.targets) <= set(found.ids)  # every label points at a control
    assert 'data-hipdrop-widget="mechanics"' in html
    assert "<fieldset class=\"hd-mech-controls\" disabled>" in html  # live only with Python
    for spec in PARAMS:
        assert f'<label for="hd-mech-{spec.name}">' in html
        assert f'aria-label="{spec.label} in {spec.unit}"' in html
    for preset in PRESETS:
        assert f'data-preset="{preset.name}"' in html and f">{preset.title}</th>" in html.replace("&#x27;", "'")
    assert "1,167 N" in html and "1,726 N" in html  # the worked example, drawn and tabled
    assert "Neumann, 1998" in html and "Brand &amp; Crowninshield, 1980" in html
