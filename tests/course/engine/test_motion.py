"""The animations follow the model (stdlib only: runs in Pyodide too).

Gait frames: the pelvis drop and trunk lean of each frame are the mechanics model's for the
parameters, and the numbers shown under a frame are the lab's statics for that frame's posture.
Exercise frames: the key frames are the description's joint angles, and the path between them
keeps every limb its length."""

import json
import math
from dataclasses import replace

from hipdrop_course.engine.mechanics.gait import (
    CYCLE_FRAMES,
    MID_STANCE,
    gait_frame,
    gait_frames,
    pelvic_drop_deg,
    trunk_lean_deg,
)
from hipdrop_course.engine.mechanics.gait_figure import PATTERNS, gait_animation
from hipdrop_course.engine.mechanics.lab import resolve, run
from hipdrop_course.engine.mechanics.statics import solve
from hipdrop_course.engine.mechanics.text import newtons
from hipdrop_course.engine.motion.animation import exercise_animation
from hipdrop_course.engine.motion.exercise import motion_from_dict
from hipdrop_course.engine.motion.rig import Body, Leg, Pose, skeleton
from hipdrop_course.engine.motion.scene import Setting, View, place, place3d

MID = round(MID_STANCE * CYCLE_FRAMES)


def preset(name: str, **changes):
    return resolve({"preset": name, **changes})


def angle_of(a, b) -> float:
    """The slope of the line a -> b in degrees (0 = level, positive = b higher)."""
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


def test_the_pelvis_drops_at_mid_stance_by_the_models_value():
    inputs = preset("weak-abductors")
    frame = gait_frame(inputs, MID_STANCE)
    expected = pelvic_drop_deg(solve(inputs))
    assert expected > 5  # 800 N cannot hold the 1,167 N demand: a visible drop
    assert math.isclose(frame.pelvis_drop_deg, expected)
    points = gait_animation(inputs).frames[MID]
    drawn = -angle_of(points["hip_s"], points["hip_f"])  # the right (swing) hip lower than the left
    assert math.isclose(drawn, expected, abs_tol=1e-6)


def test_strong_abductors_keep_the_pelvis_level_all_cycle():
    for frame in gait_frames(preset("quiet-stance")):
        assert frame.pelvis_drop_deg == 0


def test_the_drop_grows_as_the_abductors_weaken():
    capacities = (1100, 900, 700, 400)
    drops = [gait_frame(preset("quiet-stance", abductor_capacity_n=c), MID_STANCE).pelvis_drop_deg for c in capacities]
    assert drops == sorted(drops) and drops[0] < drops[-1]


def test_the_trunk_leans_by_the_models_lean_at_mid_stance():
    inputs = preset("compensated")
    frame = gait_frame(inputs, MID_STANCE)
    assert frame.lean_cm == inputs.lean_cm == 5
    assert math.isclose(frame.trunk_lean_deg, trunk_lean_deg(5))
    points = gait_animation(inputs).frames[MID]
    neck, hips = points["neck"], points["mid_hip"]
    drawn = math.degrees(math.atan2(hips[0] - neck[0], neck[1] - hips[1]))  # toward the left (stance) side
    assert math.isclose(drawn, frame.trunk_lean_deg, abs_tol=1e-6)
    # With the lean the pelvis holds: the demand falls within the 800 N the abductors have.
    assert frame.pelvis_drop_deg == 0 and frame.statics.holds_level


def test_every_frames_numbers_are_the_labs_statics_for_its_posture():
    for pattern in PATTERNS:
        inputs = preset(pattern.preset)
        animation = gait_animation(inputs)
        for index, frame in enumerate(gait_frames(inputs)):
            posture = replace(inputs, lean_cm=frame.lean_cm, cane_force_n=frame.cane_force_n)
            if frame.support == "left":
                assert frame.statics == solve(posture)
                assert newtons(solve(posture).abductor_force_n) in animation.readouts[index]
                assert newtons(solve(posture).joint_force_n) in animation.readouts[index]
            else:  # both feet down, or the right leg: no one-leg numbers for the left hip
                assert frame.statics is None
                assert " N " not in animation.readouts[index]


def test_single_support_shows_the_labs_result_for_the_preset():
    for pattern in PATTERNS:
        lab = run({"preset": pattern.preset})
        frame = gait_frame(preset(pattern.preset), MID_STANCE)
        assert math.isclose(frame.statics.abductor_force_n, lab["result"]["abductor_force_n"])
        assert math.isclose(frame.statics.joint_force_n, lab["result"]["joint_force_n"])


def test_the_cane_pushes_only_while_the_weak_leg_is_down():
    inputs = preset("cane-opposite")
    assert gait_frame(inputs, MID_STANCE).cane_force_n == inputs.cane_force_n == 70
    assert gait_frame(inputs, 0.8).cane_force_n == 0
    points = gait_animation(inputs).frames[MID]
    assert points["cane_tip"][0] > points["mid_hip"][0]  # opposite hand: on the right, swing side
    assert points["cane_tip"][1] < 3  # on the floor


def test_a_cycle_loops_and_its_key_frames_are_the_gait_events():
    inputs = preset("quiet-stance")
    animation = gait_animation(inputs)
    assert len(animation.frames) == len(animation.durations) == CYCLE_FRAMES
    assert animation.keys[1] == animation.still == MID
    supports = [gait_frame(inputs, k / CYCLE_FRAMES).support for k in animation.keys]
    assert supports == ["both", "left", "both", "right"]


def test_the_labs_reply_carries_the_walk_for_its_settings():
    lab = run({"preset": "weak-abductors", "abductor_capacity_n": 600})
    data = lab["walk"]["data"]
    json.dumps(data)  # the worker sends it as JSON
    assert len(data["frames"]) == CYCLE_FRAMES and data["still"] == MID
    drop = pelvic_drop_deg(solve(preset("weak-abductors", abductor_capacity_n=600)))
    assert f"pelvis drops {drop:.0f}°" in data["readouts"][MID]
    assert lab["walk"]["svg"].startswith("<svg") and 'data-p="pelvis_a pelvis_b"' in lab["walk"]["svg"]


def test_limbs_keep_their_length_in_any_pose_and_look_no_longer_in_the_picture():
    body = Body()
    poses = (
        Pose(),
        Pose(pelvis=-9, trunk=12, free_leg=Leg(abduction=40, flexion=80, knee=90)),
        Pose(turn=90, free_leg=Leg(flexion=45, knee=90, opening=40)),
    )
    for pose in poses:
        p = skeleton(pose, body)
        assert math.isclose(math.dist(p["hip_f"], p["knee_f"]), body.thigh)
        assert math.isclose(math.dist(p["knee_f"], p["ankle_f"]), body.shank)
        for view in (View(), View(azimuth=155), View(elevation=50)):
            flat = place(pose, Setting("standing", view=view), body)
            # Seen in the picture a thigh is never longer, and shorter when it points at the reader.
            assert math.dist(flat["hip_f"], flat["knee_f"]) <= body.thigh + 1e-9
    straight = place(Pose(free_leg=Leg(abduction=30)), Setting("standing"), body)
    assert math.isclose(math.dist(straight["hip_f"], straight["knee_f"]), body.thigh)


def test_the_standing_foot_is_on_the_floor_and_a_hop_leaves_it():
    body = Body()
    for air in (0, 6):
        points = place3d(Pose(stance_leg=Leg(flexion=30, knee=50), air=air), Setting("standing"), body)
        assert math.isclose(points["ankle_s"][1], 4.5 + air)  # the ankle a foot's height up, plus the hop


def test_a_clam_opens_the_knee_and_keeps_the_feet_together():
    description = {
        "keyframes": [
            {"label": "closed", "stance": {"flexion": 45, "knee": 90}, "free": {"flexion": 45, "knee": 90}},
            {"label": "open", "free": {"opening": 40}},
        ]
    }
    animation = exercise_animation(motion_from_dict("clam", "side-lying", description), "moving", "working leg")
    closed, opened = (animation.frames[k] for k in animation.keys)
    assert opened["knee_f"][1] > closed["knee_f"][1] + 10  # the top knee rises
    assert math.dist(opened["ankle_f"], closed["ankle_f"]) < 1.0  # the foot stays


def test_exercise_key_frames_are_the_descriptions_angles_and_the_loop_returns():
    description = {
        "keyframes": [
            {"label": "level", "free": {"flexion": 3}},
            {"label": "sink", "pelvis": -9, "stance": {"abduction": -9}, "free": {"abduction": 9}},
        ]
    }
    motion = motion_from_dict("hip-dip", "standing-on-step", description)
    assert motion.keyframes[1].pose.pelvis == -9 and motion.keyframes[1].pose.free_leg.flexion == 3
    animation = exercise_animation(motion, "stance", "working leg")
    sink = animation.frames[animation.keys[1]]
    assert math.isclose(-angle_of(sink["hip_s"], sink["hip_f"]), 9, abs_tol=1e-6)
    # The stance leg stays upright on the step: its adduction undoes the pelvis tilt.
    assert math.isclose(sink["knee_s"][0], sink["hip_s"][0], abs_tol=1e-6)
    assert len(animation.frames) == len(animation.durations) and animation.still == animation.keys[-1]
