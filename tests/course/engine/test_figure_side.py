"""Figures for either side (stdlib only: runs in Pyodide too).

The motion engine draws an exercise as described or as its mirror image; the mirror image is
made in the 3D scene, so the reader's left and right swap while the label is laid out afresh and
reads as usual. Which side a figure shows is worked out from the picker's own words for a side
(``side_instruction``), so the caption and the program's sentence always agree."""

import math
import re

from hipdrop_course.engine.catalog import Exercise, WorkingLeg
from hipdrop_course.engine.figure_side import figure_sides, mirrored_for, shown_side, side_words
from hipdrop_course.engine.motion.animation import exercise_animation, keyframes_figure
from hipdrop_course.engine.motion.draw import segments
from hipdrop_course.engine.motion.exercise import motion_from_dict
from hipdrop_course.engine.motion.label import rect_segment_distance
from hipdrop_course.engine.motion.rig import Body, cross, sub
from hipdrop_course.engine.motion.scene import drawn_stance_side, mirror_points, place3d
from hipdrop_course.engine.picker.rules import side_instruction

SIDES = ("left", "right")

# Movements of each kind the catalog has: the camera round the front, props on one side.
MOTIONS = {
    "hip-dip": (
        "standing-on-step",
        "stance",
        {
            "keyframes": [
                {"label": "Level", "free": {"flexion": 3}},
                {"label": "Sink", "pelvis": -9, "stance": {"abduction": -9}, "free": {"abduction": 9}},
            ]
        },
    ),
    "wall-press": (
        "standing",
        "stance",
        {
            "view": {"azimuth": 155},
            "wall": "free",
            "counter": "stance",
            "arms": {"stance": "counter", "free": "hip"},
            "keyframes": [
                {"label": "Stand", "free": {"flexion": 0}},
                {"label": "Press", "free": {"flexion": 70, "knee": 80}, "press": 1},
            ],
        },
    ),
    "wall-iso": (
        "standing-two-legs",
        "moving",
        {
            "view": {"azimuth": 20},
            "wall": "free",
            "arms": {"stance": "hip", "free": "hip"},
            "keyframes": [{"label": "Stand"}, {"label": "Press", "press": 1}],
        },
    ),
    "side-lift": (
        "side-lying",
        "moving",
        {
            "arms": {"stance": "head", "free": "hip"},
            "keyframes": [{"label": "Stacked"}, {"label": "Lift", "free": {"abduction": 30}}],
        },
    ),
    "plank": (
        "side-plank",
        "both",
        {
            "arms": {"stance": "floor", "free": "hip"},
            "keyframes": [{"label": "Down"}, {"label": "Up", "lift": 18, "free": {"abduction": 20}}],
        },
    ),
    "counter-plank": (
        "incline-side-plank",
        "both",
        {
            "counter": "stance",
            "arms": {"stance": "counter", "free": "hip"},
            "keyframes": [{"label": "Lean"}, {"label": "Lift", "free": {"abduction": 20}}],
        },
    ),
    "hops": (
        "standing-two-legs",
        "together",
        {"keyframes": [{"label": "Stand"}, {"label": "Up", "air": 10}]},
    ),
}
LABELS = {"stance": "working leg", "moving": "working leg", "both": "both legs work", "together": "both legs work"}


def exercise(exercise_id: str) -> Exercise:
    position, works, _ = MOTIONS[exercise_id]
    return Exercise(
        id=exercise_id,
        name=exercise_id,
        family=exercise_id,
        level="standard",
        phase="activation",
        position=position,
        working_leg=WorkingLeg(works, "", ""),
        purpose="",
        setup=(),
        steps=(),
        cues=(),
        common_errors=(),
        dosing={},
    )


def motion(exercise_id: str):
    position, _, description = MOTIONS[exercise_id]
    return motion_from_dict(exercise_id, position, description)


def animation(exercise_id: str, mirrored: bool):
    works = MOTIONS[exercise_id][1]
    return exercise_animation(motion(exercise_id), works, LABELS[works], mirrored=mirrored)


def person_side(points: dict, name: str) -> str:
    """Which of the person's sides the point is on, from the 3D body: left is up x forward (the
    feet point forward in the first, neutral key frame)."""
    up = sub(points["neck"], points["mid_hip"])
    forward = sub(points["toe_s"], points["ankle_s"])
    left = cross(up, forward)
    out = sub(points[name], points["mid_hip"])
    return "left" if sum(out[i] * left[i] for i in range(3)) > 0 else "right"


def test_the_drawn_stance_leg_is_on_the_side_the_engine_names():
    for exercise_id in ("hip-dip", "wall-press", "side-lift", "counter-plank"):
        m = motion(exercise_id)
        world = place3d(m.keyframes[0].pose, m.setting, Body())
        assert person_side(world, "hip_s") == drawn_stance_side(m.setting.position), exercise_id
        mirrored = mirror_points(world)
        assert person_side(mirrored, "hip_s") == drawn_stance_side(m.setting.position, mirrored=True), exercise_id
        assert drawn_stance_side(m.setting.position) != drawn_stance_side(m.setting.position, mirrored=True)
    # Seen from behind, the person stands on the leg on the reader's left: their left leg.
    assert drawn_stance_side("standing") == "left" and drawn_stance_side("side-lying") == "right"


def test_the_mirrored_picture_is_the_mirror_image_and_the_working_leg_changes_side():
    for exercise_id in MOTIONS:
        drawn, mirrored = animation(exercise_id, False), animation(exercise_id, True)
        for a, b in zip(drawn.frames, mirrored.frames, strict=True):
            for name, (x, y) in a.items():
                if name == "press":
                    continue
                assert math.isclose(b[name][0], -x, abs_tol=1e-6) and math.isclose(b[name][1], y, abs_tol=1e-6)
        still_a, still_b = drawn.frames[drawn.still], mirrored.frames[mirrored.still]
        # The working (or stance) leg is on the reader's other side of the body's middle.
        side_a = still_a["hip_s"][0] - still_a["mid_hip"][0]
        side_b = still_b["hip_s"][0] - still_b["mid_hip"][0]
        if abs(side_a) > 1:  # (a body seen from its side has its hips one behind the other)
            assert side_a * side_b < 0, exercise_id
        # The props follow: every box is the mirror image of one drawn.
        boxes_a = sorted((-b.high[0], -b.low[0]) for b in drawn.drawing.props.boxes)
        boxes_b = sorted((b.low[0], b.high[0]) for b in mirrored.drawing.props.boxes)
        assert boxes_a == boxes_b


def test_the_mirrored_label_is_inside_the_picture_clear_of_the_body_and_not_flipped():
    for exercise_id in MOTIONS:
        shown = animation(exercise_id, True)
        place = shown.drawing.label_place
        assert place is not None
        x, y, w, h = shown.drawing.box
        x0, y0, x1, y1 = place.rect
        assert x <= x0 < x1 <= x + w and y <= y0 < y1 <= y + h, exercise_id
        body = [s for k in shown.keys for s in segments(shown.frames[k])]
        assert all(rect_segment_distance(place.rect, a, b) >= r for a, b, r in body), exercise_id
        svg = shown.svg(shown.still, "f", "t")
        assert "scale(-1" not in svg and "transform" not in svg.split("<text", 1)[1], exercise_id
        text_x = float(re.search(r'<text x="([-\d.]+)"', svg).group(1))
        view_width = float(re.search(r'viewBox="0 0 ([\d.]+)', svg).group(1))
        assert 0 <= text_x <= view_width


def test_the_still_figures_for_both_sides_have_the_same_size():
    for exercise_id in MOTIONS:
        m, works = motion(exercise_id), MOTIONS[exercise_id][1]
        a = keyframes_figure(m, works, "a", "t")
        b = keyframes_figure(m, works, "b", "t", mirrored=True)
        assert (a.width, a.height) == (b.width, b.height) and a.svg != b.svg.replace('"b', '"a')


def test_the_figure_for_a_side_stands_on_the_leg_the_program_names():
    for exercise_id in MOTIONS:
        entry = exercise(exercise_id)
        for trained in SIDES:
            instruction = side_instruction(entry, trained)
            mirrored = mirrored_for(entry, trained)
            if entry.working_leg.works == "together":
                assert not mirrored and shown_side(entry, mirrored) == "" and figure_sides(entry) == ("",)
                assert side_words(entry, trained) == side_words(entry, "")
                continue
            assert shown_side(entry, mirrored) == trained, (exercise_id, trained)
            if instruction.stance is not None:
                assert drawn_stance_side(entry.position, mirrored) == instruction.stance, (exercise_id, trained)
            # The caption is the program's own sentence for that side.
            words = side_words(entry, shown_side(entry, mirrored))
            assert words.startswith(f"Drawn for the {trained} side: ")
            assert words.lower().endswith(instruction.text.lower())
        assert mirrored_for(entry, "left") != mirrored_for(entry, "right") or entry.working_leg.works == "together"


def test_the_caption_names_the_leg_the_figure_stands_on():
    entry = exercise("hip-dip")
    assert "stand on your left leg" in side_words(entry, shown_side(entry, False))
    assert "stand on your right leg" in side_words(entry, shown_side(entry, True))
    lift = exercise("side-lift")  # the top leg works: lying on the right side trains the left hip
    assert side_words(lift, shown_side(lift, False)).startswith("Drawn for the left side: lie on your right side")
