"""Where the figure is and who looks at it: its position (standing, lying, side plank...), what it
stands on, what its hands hold, the props around it, and the camera. Pure functions, stdlib only;
units are centimetres.

World frame: X to the reader's right, Y up (the floor is Y = 0), Z toward the reader. A position
says how the body frame (``rig``) sits in it: facing away from the reader (seen from behind) or
toward them (seen from the front), turned in its frontal plane, and for lying on the back tipped
so that the front faces up. The camera (``View``) then turns about the vertical (``azimuth``) and
looks down (``elevation``); the picture is the orthographic projection, x to the right and y up.

- ``place3d(pose, setting, body, props)``: the pose's points in the world, on the floor, the hands
  on their targets.
- ``props(setting, points, body)``: the props (boxes, a wall, a mat) placed from one frame (the
  end position) so that nothing but the body moves, and the hands' targets.
- ``project(points, view)``: picture points and each point's depth (toward the reader).
- ``mirror_points(points)``, ``mirror_props(props)``: the scene's mirror image (X negated), for
  the figure of the other side: the body and props are placed as for the drawn side, then
  mirrored, then the camera (``Setting.camera``, its azimuth negated too) projects them, so the
  picture is the mirror image of the drawn side's and labels are laid out afresh on it.
- ``drawn_stance_side(position, mirrored)``: the person's side ("left" or "right") the stance leg
  is on in the drawing, from the position's orientation (its handedness), not from a table.
"""

import math
from dataclasses import dataclass

from .rig import Body, Point, Pose, Vec, add, cross, reach, rot_x, rot_y, rot_z, skeleton, sub

FOOT = 4.5  # the ankle's height above the floor when the foot is flat
HIP_SIDE = 10.0  # lying on the side: the bottom hip's centre above the floor
SHOULDER_SIDE = 9.0
KNEE_SIDE = 5.5
BACK = 9.0  # lying on the back: the hips' and shoulders' centres above the floor
STEP_HEIGHT = 16.0
COUNTER_HEIGHT = 92.0
COUNTER_REACH = 24.0  # the hand on the counter, out from the shoulder


@dataclass(frozen=True)
class View:
    """The camera: turned ``azimuth`` degrees about the vertical (positive: toward the figure's
    right as the reader sees it) and looking down ``elevation`` degrees."""

    azimuth: float = 0.0
    elevation: float = 0.0

    @property
    def off_square(self) -> float:
        """How far the camera is from square behind or in front: 0 to 90 degrees."""
        turned = (self.azimuth + 180) % 360 - 180
        return 90 - abs(abs(turned) - 90)

    def words(self, facing: str, on_back: bool = False) -> str:
        """What the caption says the reader sees (``facing``: the position's, before the camera
        turns; an azimuth near 180 goes round to the other side). A body on its back is seen
        from its side when the camera is square on."""
        above = " and above" if self.elevation >= 15 else ""
        if on_back:
            return ("seen from the side" if self.off_square < 30 else "seen from the feet") + above
        turned = (self.azimuth + 180) % 360 - 180  # -180 to 180
        back = (facing == "away") == (abs(turned) < 90)
        off = self.off_square
        side = "behind" if back else "the front"
        if off >= 60:
            where = "the side"
        elif off >= 15:
            where = f"{side}, a little from the side"
        else:
            where = side
        return f"seen from {where}{above}"


@dataclass(frozen=True)
class Position:
    """How a body position is drawn: which way the body faces the reader, its turn in the picture,
    whether it is tipped onto its back, the points that can touch the floor with their heights
    (the lowest one does), the point kept in place from frame to frame, and the default camera."""

    facing: str  # "away": the reader sees the back; "toward": the front
    turn: float
    contacts: tuple[tuple[str, float], ...]
    anchor: str
    view: View
    on_back: bool = False
    lying: bool = False  # drawn on a mat


STANDING_CONTACTS = (("ankle_s", FOOT), ("ankle_f", FOOT))
SIDE_CONTACTS = (("hip_s", HIP_SIDE), ("knee_s", KNEE_SIDE), ("ankle_s", FOOT), ("shoulder_s", SHOULDER_SIDE))
POSITIONS = {
    "standing": Position("away", 0, (("ankle_s", FOOT),), "ankle_s", View()),
    "standing-two-legs": Position("away", 0, STANDING_CONTACTS, "ankle_s", View()),
    "standing-on-step": Position("away", 0, (("ankle_s", FOOT + STEP_HEIGHT),), "ankle_s", View()),
    "lying-on-back": Position(
        "toward",
        90,
        (("hip_s", BACK), ("shoulder_s", BACK), ("ankle_s", FOOT), ("ankle_f", FOOT)),
        "mid_hip",
        View(elevation=40),
        on_back=True,
        lying=True,
    ),
    "side-lying": Position("toward", 90, SIDE_CONTACTS, "hip_s", View(elevation=30), lying=True),
    "side-plank": Position(
        "toward",
        90,
        (("hip_s", HIP_SIDE), ("knee_s", KNEE_SIDE), ("ankle_s", FOOT)),
        "ankle_s",
        View(elevation=18),
        lying=True,
    ),
    "incline-side-plank": Position("toward", 0, STANDING_CONTACTS, "ankle_s", View()),
}


@dataclass(frozen=True)
class Setting:
    """The position, the camera and the props of one animation.

    ``counter``/``wall``: the side ("stance" or "free") they stand on; ``band``: "knees" or
    "ankles"; ``weight``: the hand side that holds it ("stance", "free" or "both"); ``box``: a box
    or chair seat behind the standing leg; ``view``: the camera, when not the position's own;
    ``mirrored``: the figure of the other side (the scene's mirror image, ``mirror_points``)."""

    position: str
    counter: str = ""
    wall: str = ""
    band: str = ""
    box: bool = False
    weight: str = ""
    cane: str = ""
    view: View | None = None
    mirrored: bool = False

    @property
    def layout(self) -> Position:
        return POSITIONS[self.position]

    @property
    def camera(self) -> View:
        """The camera; for the mirrored scene, turned the other way round, so that the picture is
        the mirror image of the drawn side's (a mirror in X turns a turn about the vertical back)."""
        view = self.view or self.layout.view
        return View(-view.azimuth, view.elevation) if self.mirrored else view


@dataclass(frozen=True)
class Box:
    """A box in the world (a counter, a step, a seat, a wall's slab), drawn by its visible faces."""

    low: Vec
    high: Vec
    css: str = "prop"


@dataclass(frozen=True)
class Props:
    boxes: tuple[Box, ...]
    targets: tuple[tuple[str, Vec], ...]  # reach target name -> where the hand goes
    mat: tuple[Vec, Vec] | None = None  # the mat's corners on the floor (low, high)

    def target(self, name: str) -> Vec | None:
        return dict(self.targets).get(name)


NO_PROPS = Props((), ())


def orient(points: dict[str, Vec], layout: Position, turn: float) -> dict[str, Vec]:
    """Body frame -> world frame, the pelvis still at the origin."""

    def one(v: Vec) -> Vec:
        x, y, z = v
        w = rot_z((x, y, z if layout.facing == "toward" else -z), turn)
        return rot_x(w, 90) if layout.on_back else w

    return {name: one(v) for name, v in points.items()}


def _ground(points: dict[str, Vec], layout: Position) -> dict[str, Vec]:
    """On the floor by the contact that needs the body highest; the anchor at X = 0."""
    ax = points[layout.anchor][0]
    az = points[layout.anchor][2]
    dy = max(height - points[name][1] for name, height in layout.contacts)
    return {name: (x - ax, y + dy, z - az) for name, (x, y, z) in points.items()}


def place3d(pose: Pose, setting: Setting, body: Body, props: Props = NO_PROPS) -> dict[str, Vec]:
    """The pose's points in the world, on the floor, hands on their targets; the hand of an arm
    whose target is not drawn stays where the arm hangs."""
    layout = setting.layout
    points = _ground(orient(skeleton(pose, body), layout, pose.turn), layout)
    if pose.air:  # in the air (a hop): the whole body above where it would rest
        points = {name: (x, y + pose.air, z) for name, (x, y, z) in points.items()}
    for side, arm in (("s", pose.stance_arm), ("f", pose.free_arm)):
        target = _hand_target(arm.reach, side, points, props, body)
        if target is None:
            continue
        shoulder = points[f"shoulder_{side}"]
        if arm.reach == "floor":  # a forearm on the floor: the elbow under the shoulder, pointing forward
            elbow = (shoulder[0], SHOULDER_SIDE - 3, shoulder[2])
            # Forward, and a little toward the head, so that the reader sees it lie on the floor.
            ahead = _flat_unit(sub(points["toe_s"], points["ankle_s"]))
            headward = _flat_unit(sub(points["neck"], points["mid_hip"]))
            forward = add(ahead, (headward[0] * 0.5, 0.0, headward[2] * 0.5))
            length = math.hypot(forward[0], forward[2]) or 1.0
            points[f"elbow_{side}"] = elbow
            points[f"hand_{side}"] = (
                elbow[0] + forward[0] / length * body.forearm,
                elbow[1],
                elbow[2] + forward[2] / length * body.forearm,
            )
            continue
        pole = _pole(arm.reach, side, points)
        points[f"elbow_{side}"], points[f"hand_{side}"] = reach(shoulder, target, body, pole)
    return points


def _flat_unit(v: Vec) -> Vec:
    """The horizontal part of ``v``, of length 1."""
    length = math.hypot(v[0], v[2]) or 1.0
    return (v[0] / length, 0.0, v[2] / length)


def _pole(kind: str, side: str, points: dict[str, Vec]) -> Vec:
    """Where the elbow points: out to the arm's own side (hands on hips), else backward and out."""
    outward = sub(points[f"shoulder_{side}"], points["neck"])
    back = sub(points["neck"], points["head"])  # toward the feet: the elbow drops
    if kind == "hip":
        return add(outward, (0.0, 0.0, 0.0))
    return add(outward, back)


def _hand_target(kind: str, side: str, points: dict[str, Vec], props: Props, body: Body) -> Vec | None:
    if not kind:
        return None
    if kind == "floor":
        return points[f"shoulder_{side}"]
    if kind == "hip":  # the hand on the hip, a little above the joint and to its side
        hip, neck, mid = points[f"hip_{side}"], points["neck"], points["mid_hip"]
        out = sub(hip, mid)
        return (
            hip[0] + (neck[0] - hip[0]) * 0.2 + out[0] * 0.4,
            hip[1] + (neck[1] - hip[1]) * 0.2 + out[1] * 0.4,
            hip[2] + (neck[2] - hip[2]) * 0.2 + out[2] * 0.4,
        )
    if kind == "head":  # the bottom arm along the floor past the head, as a pillow
        shoulder, head = points[f"shoulder_{side}"], points["head"]
        direction = sub(head, shoulder)
        length = math.hypot(direction[0], direction[2]) or 1.0
        reach_cm = (body.upper_arm + body.forearm) * 0.95
        return (shoulder[0] + direction[0] / length * reach_cm, 4.0, shoulder[2] + direction[2] / length * reach_cm)
    return props.target(kind)


def props(setting: Setting, points: dict[str, Vec], body: Body) -> Props:
    """The props around the figure, placed from one frame's points (the end position)."""
    boxes: list[Box] = []
    targets: list[tuple[str, Vec]] = []
    layout = setting.layout
    mat = None
    if layout.lying:
        xs = [p[0] for p in points.values()]
        zs = [p[2] for p in points.values()]
        mat = ((min(xs) - 10, 0.0, min(zs) - 12), (max(xs) + 10, 0.0, max(zs) + 12))
    if setting.position == "standing-on-step":
        ankle = points["ankle_s"]
        boxes.append(Box((ankle[0] - 26, 0.0, ankle[2] - 26), (ankle[0] + 14, STEP_HEIGHT, ankle[2] + 14)))
    if setting.counter:
        side = "s" if setting.counter == "stance" else "f"
        shoulder = points[f"shoulder_{side}"]
        if setting.position == "incline-side-plank":  # the forearm lies on the counter top
            top = shoulder[1] - body.upper_arm - 4
            boxes.append(Box((shoulder[0] - 42, 0.0, shoulder[2] - 30), (shoulder[0] + 6, top, shoulder[2] + 30)))
            targets.append(("counter", (shoulder[0], top + 3, shoulder[2] + 10)))
        else:
            outward = -1 if side == "s" else 1
            hand_x = shoulder[0] + outward * COUNTER_REACH
            near = hand_x - 6 if outward > 0 else hand_x - 38
            boxes.append(Box((near, 0.0, shoulder[2] - 25), (near + 44, COUNTER_HEIGHT, shoulder[2] + 25)))
            targets.append(("counter", (hand_x, COUNTER_HEIGHT + 3, shoulder[2])))
    if setting.wall:
        side = "s" if setting.wall == "stance" else "f"
        knee = points[f"knee_{side}"]
        outward = 1 if side == "f" else -1
        x = knee[0] + outward * 7
        low, high = (x, 0.0, knee[2] - 45), (x + outward * 5, 190.0, knee[2] + 45)
        boxes.append(Box(tuple(map(min, low, high)), tuple(map(max, low, high)), "wall"))  # type: ignore[arg-type]
        shoulder = points[f"shoulder_{side}"]
        targets.append(("wall", (x - outward * 4, shoulder[1] - 6, shoulder[2])))
    if setting.box:
        hip = points["hip_s"]
        behind = 1 if layout.facing == "away" else -1  # the seat is behind the person
        z0 = hip[2] + behind * 8
        boxes.append(
            Box(
                (hip[0] - 24, 0.0, min(z0, z0 + behind * 40)),
                (hip[0] + 34, max(20.0, hip[1] - 12), max(z0, z0 + behind * 40)),
                "box",
            )
        )
    return Props(tuple(boxes), tuple(targets), mat)


def mirror_points(points: dict[str, Vec]) -> dict[str, Vec]:
    """The points' mirror image in the plane X = 0 (the reader's left and right swap)."""
    return {name: (-x, y, z) for name, (x, y, z) in points.items()}


def mirror_props(scenery: Props) -> Props:
    """The props' mirror image in the plane X = 0 (a box keeps its low and high corners)."""
    boxes = tuple(
        Box((-box.high[0], box.low[1], box.low[2]), (-box.low[0], box.high[1], box.high[2]), box.css)
        for box in scenery.boxes
    )
    targets = tuple((name, (-x, y, z)) for name, (x, y, z) in scenery.targets)
    mat = None
    if scenery.mat is not None:
        (x0, y0, z0), (x1, y1, z1) = scenery.mat
        mat = ((-x1, y0, z0), (-x0, y1, z1))
    return Props(boxes, targets, mat)


def drawn_stance_side(position: str, mirrored: bool = False) -> str:
    """The person's side ("left" or "right") of the stance leg (``_s``) as drawn in ``position``.

    In the body frame (``rig``) x points to the free side, y up and z forward; a person's left is
    up x forward. A position that faces away mirrors z (``orient``), which swaps the sides; so
    does the mirrored scene."""
    layout = POSITIONS[position]
    axes = orient({"x": (1.0, 0.0, 0.0), "y": (0.0, 1.0, 0.0), "z": (0.0, 0.0, 1.0)}, layout, layout.turn)
    left = cross(axes["y"], axes["z"])
    free_is_left = sum(axes["x"][i] * left[i] for i in range(3)) > 0
    return "right" if free_is_left != mirrored else "left"


def project_point(p: Vec, view: View) -> tuple[float, float, float]:
    """Picture x, y and the depth toward the reader of one world point."""
    x, y, z = rot_y(p, view.azimuth)
    c, s = math.cos(math.radians(view.elevation)), math.sin(math.radians(view.elevation))
    return x, y * c - z * s, y * s + z * c


def project(points: dict[str, Vec], view: View) -> tuple[dict[str, Point], dict[str, float]]:
    """Picture points (x right, y up) and each point's depth (larger: nearer the reader)."""
    flat: dict[str, Point] = {}
    depth: dict[str, float] = {}
    for name, p in points.items():
        x, y, d = project_point(p, view)
        flat[name], depth[name] = (x, y), d
    return flat, depth


def toward_reader(view: View) -> Vec:
    """The world direction that points at the reader."""
    # The inverse of project_point's rotations applied to (0, 0, 1).
    c, s = math.cos(math.radians(view.elevation)), math.sin(math.radians(view.elevation))
    return rot_y((0.0, s, c), -view.azimuth)


def place(pose: Pose, setting: Setting, body: Body, props: Props = NO_PROPS) -> dict[str, Point]:
    """The pose's points in the picture (the camera of the setting)."""
    world = place3d(pose, setting, body, props)
    return project(mirror_points(world) if setting.mirrored else world, setting.camera)[0]


def view_words(setting: Setting) -> str:
    """What the reader sees, for a caption: "seen from behind", "seen from the front and above"..."""
    return setting.camera.words(setting.layout.facing, setting.layout.on_back)
