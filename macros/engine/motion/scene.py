"""Where the figure is: its position (standing, lying, side plank...), what it stands on, what its
hands hold, and the props drawn around it. Pure functions, stdlib only; units are centimetres,
picture coordinates with the floor at y = 0.

``place(pose, setting, body, targets)`` turns a pose into placed points: the figure is turned for
its position, set on the floor by its lowest contact point, and its reaching hands are put on
their targets. ``props(setting, points, body)`` gives the shapes of the props and the hands'
targets, worked out once from one frame (the end position) so that nothing but the body moves.
"""

from dataclasses import dataclass

from .rig import Body, Point, Pose, reach, shifted, skeleton_points

FOOT = 4.5  # a foot's height above the floor (the ankle point of a stick figure)
LYING = 6.0  # the body's half-thickness when it lies on the floor
STEP_HEIGHT = 16.0
COUNTER_HEIGHT = 90.0


@dataclass(frozen=True)
class Position:
    """How a body position is drawn: its turn in the picture, the points that can touch the floor
    (the lowest one does), and the point kept at x = 0 from frame to frame."""

    turn: float
    contacts: tuple[str, ...]
    anchor: str
    clearance: float
    view: str  # what the caption says the reader sees
    floor: bool = True


POSITIONS = {
    "standing": Position(0, ("ankle_s", "ankle_f"), "ankle_s", FOOT, "seen from behind"),
    "standing-two-legs": Position(0, ("ankle_s", "ankle_f"), "ankle_s", FOOT, "seen from behind"),
    "standing-on-step": Position(0, ("ankle_s",), "ankle_s", FOOT + STEP_HEIGHT, "seen from behind"),
    "lying-on-back": Position(90, (), "mid_hip", 0, "seen from above", floor=False),
    "side-lying": Position(90, ("hip_s", "knee_s", "ankle_s", "shoulder_s"), "hip_s", LYING, "seen from the front"),
    "side-plank": Position(90, ("hip_s", "knee_s", "ankle_s"), "ankle_s", LYING, "seen from the front"),
    "incline-side-plank": Position(0, ("ankle_s", "ankle_f"), "ankle_s", FOOT, "seen from the front"),
}


@dataclass(frozen=True)
class Setting:
    """The position and the props of one animation.

    ``counter``/``wall``: the side ("stance" or "free") they stand on; ``band``: "knees" or
    "ankles"; ``weight``/``cane``: the hand side that holds it; ``box``: a box or chair seat
    behind the standing leg."""

    position: str
    counter: str = ""
    wall: str = ""
    band: str = ""
    box: bool = False
    weight: str = ""
    cane: str = ""

    @property
    def layout(self) -> Position:
        return POSITIONS[self.position]


@dataclass(frozen=True)
class Shape:
    kind: str  # "rect" | "line" | "mat"
    x: float
    y: float
    w: float = 0.0
    h: float = 0.0
    css: str = "prop"


@dataclass(frozen=True)
class Props:
    shapes: tuple[Shape, ...]
    targets: tuple[tuple[str, Point], ...]  # reach target name -> where the hand goes

    def target(self, name: str) -> Point | None:
        return dict(self.targets).get(name)


NO_PROPS = Props((), ())


def _ground(points: dict[str, Point], layout: Position) -> dict[str, Point]:
    ax, _ = points[layout.anchor]
    if layout.contacts:
        low = min(points[name][1] for name in layout.contacts)
        dy = layout.clearance - low
    else:
        dy = 40.0 - points[layout.anchor][1]
    return shifted(points, -ax, dy)


def place(pose: Pose, setting: Setting, body: Body, props: Props = NO_PROPS) -> dict[str, Point]:
    """The pose's points on the floor, hands on their targets; ``hand_*`` of an arm with no target
    found stay where the arm hangs."""
    points = _ground(skeleton_points(pose, body), setting.layout)
    if pose.air:  # in the air (a hop): the whole body above where it would rest
        points = shifted(points, 0.0, pose.air)
    for side, arm in (("s", pose.stance_arm), ("f", pose.free_arm)):
        target = _hand_target(arm.reach, side, points, props, body)
        if target is None:
            continue
        if arm.reach == "floor":  # the upper arm stands on the elbow; the forearm points at the reader
            points[f"elbow_{side}"] = points[f"hand_{side}"] = target
            continue
        elbow, hand = reach(points[f"shoulder_{side}"], target, body, points["mid_hip"])
        points[f"elbow_{side}"], points[f"hand_{side}"] = elbow, hand
    return points


def _hand_target(kind: str, side: str, points: dict[str, Point], props: Props, body: Body) -> Point | None:
    if not kind:
        return None
    if kind == "floor":  # a forearm on the floor: the elbow under the shoulder, the forearm forward
        return (points[f"shoulder_{side}"][0], LYING)
    if kind == "hip":
        hip, other = points[f"hip_{side}"], points["neck"]
        return (hip[0] + (other[0] - hip[0]) * 0.18, hip[1] + (other[1] - hip[1]) * 0.18)
    if kind == "head":  # the bottom arm along the floor past the head, as a pillow
        shoulder = points[f"shoulder_{side}"]
        return (shoulder[0] - (body.upper_arm + body.forearm) * 0.97, LYING)
    return props.target(kind)


def props(setting: Setting, points: dict[str, Point], body: Body) -> Props:
    """The props around the figure, placed from one frame's points (the end position)."""
    shapes: list[Shape] = []
    targets: list[tuple[str, Point]] = []
    layout = setting.layout
    if not layout.floor:
        xs = [p[0] for p in points.values()]
        shapes.append(Shape("mat", min(xs) - 14, 40 - 30, max(xs) - min(xs) + 28, 60, "mat"))
    if setting.position == "standing-on-step":
        ankle = points["ankle_s"]
        shapes.append(Shape("rect", ankle[0] - 32, 0, 40, STEP_HEIGHT))
    if setting.counter:
        side = "s" if setting.counter == "stance" else "f"
        shoulder = points[f"shoulder_{side}"]
        if setting.position == "incline-side-plank":  # the forearm lies on the counter top
            top = shoulder[1] - body.upper_arm
            shapes.append(Shape("rect", shoulder[0] - 40, 0, 46, top - LYING))
            targets.append(("counter", (shoulder[0], top)))
        else:
            outward = -1 if side == "s" else 1
            hand_x = shoulder[0] + outward * 30
            edge = hand_x - 4 if outward > 0 else hand_x - 36
            shapes.append(Shape("rect", edge, 0, 40, COUNTER_HEIGHT))
            targets.append(("counter", (hand_x, COUNTER_HEIGHT + 3)))
    if setting.wall:
        side = "s" if setting.wall == "stance" else "f"
        knee = points[f"knee_{side}"]
        x = knee[0] + (7 if side == "f" else -7)
        shapes.append(Shape("line", x, 0, 0, 190, "wall"))
        targets.append(("wall", (x - (4 if side == "f" else -4), points[f"shoulder_{side}"][1] - 6)))
    if setting.box:
        hip = points["hip_s"]
        shapes.append(Shape("rect", hip[0] - 24, 0, 58, max(20.0, hip[1] - 10), "box"))
    return Props(tuple(shapes), tuple(targets))
