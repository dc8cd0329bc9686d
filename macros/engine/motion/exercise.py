"""An exercise's movement from its description (``exercises/motion.yml``): key frames of joint
angles, and the path between them, in the figure's frames. Pure functions, stdlib only.

A description (one catalog exercise, the dict of its YAML entry)::

    band: knees            # props the catalog's equipment asks for: band (knees | ankles),
    counter: stance        # counter (stance | free: the side of the hand that holds it),
    arms: {stance: head}   # wall (stance | free), weight (stance | free: the hand), box (true)
    view: {azimuth: 35}    # the camera, when not the position's own (degrees)
    keyframes:             # two or more; each changes the one before it (the first: a neutral pose)
      - label: Legs stacked
        free: {abduction: 0}
      - label: Lift the top leg
        free: {abduction: 30}
        hold: 1            # seconds held there (default 0.6)

Key-frame fields: ``label``, ``hold``, ``pelvis``, ``trunk``, ``trunk_forward``, ``turn`` (the
body's turn in the picture on top of its position's), ``lift`` (a side plank's rise, degrees),
``press`` (0 to 1), ``air`` (a hop: the body this far above the floor, figure units),
``stance``/``free`` (legs: ``abduction``, ``flexion``, ``knee``, ``opening``) and ``arms``
(``stance``/``free``: ``abduction``, ``flexion``, ``elbow``, ``reach``). Angles are in degrees as ``rig`` defines them.

The animation goes through the key frames and back to the first, easing in and out, with every
pose on the way blended angle by angle (``rig.blend``).
"""

from dataclasses import dataclass, replace
from itertools import pairwise

from .rig import Arm, Leg, Pose, blend, ease
from .scene import POSITIONS, Setting, View

MOVE_S = 1.2  # seconds from one key frame to the next
HOLD_S = 0.6
STEPS_PER_MOVE = 8  # frames computed between two key frames (the player blends between them)
WORKS_LEGS = {"stance": ("s",), "moving": ("f",), "both": ("s", "f"), "together": ("s", "f")}


@dataclass(frozen=True)
class KeyFrame:
    label: str
    pose: Pose
    hold_s: float


@dataclass(frozen=True)
class Motion:
    exercise_id: str
    setting: Setting
    keyframes: tuple[KeyFrame, ...]


def _leg(base: Leg, data: dict | None) -> Leg:
    return replace(base, **{k: float(v) for k, v in (data or {}).items()})


def _arm(base: Arm, data: dict | str | None) -> Arm:
    if data is None:
        return base
    if isinstance(data, str):  # a reach target alone
        return replace(base, reach=data)
    return Arm(
        abduction=float(data.get("abduction", base.abduction)),
        elbow=float(data.get("elbow", base.elbow)),
        reach=str(data.get("reach", base.reach)),
        flexion=float(data.get("flexion", base.flexion)),
    )


def _pose(base: Pose, data: dict, position_turn: float) -> Pose:
    arms = data.get("arms") or {}
    turn = base.turn
    if "turn" in data:
        turn = position_turn + float(data["turn"])
    if "lift" in data:  # a side plank rises about the feet (or knees): the body turns back up
        turn = position_turn - float(data["lift"])
    return replace(
        base,
        pelvis=float(data.get("pelvis", base.pelvis)),
        trunk=float(data.get("trunk", base.trunk)),
        trunk_forward=float(data.get("trunk_forward", base.trunk_forward)),
        turn=turn,
        press=float(data.get("press", base.press)),
        air=float(data.get("air", base.air)),
        stance_leg=_leg(base.stance_leg, data.get("stance")),
        free_leg=_leg(base.free_leg, data.get("free")),
        stance_arm=_arm(base.stance_arm, arms.get("stance")),
        free_arm=_arm(base.free_arm, arms.get("free")),
    )


def _view(data: dict | None) -> View | None:
    if not data:
        return None
    return View(azimuth=float(data.get("azimuth", 0.0)), elevation=float(data.get("elevation", 0.0)))


def motion_from_dict(exercise_id: str, position: str, data: dict) -> Motion:
    """The description as engine objects (the data is already checked by the schema)."""
    setting = Setting(
        position=position,
        counter=str(data.get("counter", "")),
        wall=str(data.get("wall", "")),
        band=str(data.get("band", "")),
        box=bool(data.get("box", False)),
        weight=str(data.get("weight", "")),
        view=_view(data.get("view")),
    )
    position_turn = POSITIONS[position].turn
    arms = data.get("arms") or {}
    pose = Pose(turn=position_turn, stance_arm=_arm(Arm(), arms.get("stance")), free_arm=_arm(Arm(), arms.get("free")))
    keyframes = []
    for entry in data["keyframes"]:
        pose = _pose(pose, entry, position_turn)
        keyframes.append(KeyFrame(str(entry["label"]), pose, float(entry.get("hold", HOLD_S))))
    return Motion(exercise_id, setting, tuple(keyframes))


def timeline(motion: Motion) -> tuple[list[Pose], list[int], list[int]]:
    """Poses of one loop (key frames, the eased path between them, and back to the first), the
    milliseconds from each pose to the next, and the index of each key frame in the list."""
    poses: list[Pose] = []
    durations: list[int] = []
    keys: list[int] = []
    loop = [*motion.keyframes, motion.keyframes[0]]
    step_ms = round(MOVE_S * 1000 / STEPS_PER_MOVE)
    for here, there in pairwise(loop):
        keys.append(len(poses))
        poses.append(here.pose)  # hold: the same pose twice, the time between them
        durations.append(round(here.hold_s * 1000))
        for step in range(STEPS_PER_MOVE):
            poses.append(blend(here.pose, there.pose, ease(step / STEPS_PER_MOVE)))
            durations.append(step_ms)
    return poses, durations, keys
