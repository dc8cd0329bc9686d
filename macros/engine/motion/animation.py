"""An animation: placed frames, their timing, the key frames with their labels and the frame shown
before any script, ready for the SVG renderer and the player. Pure functions, stdlib only.

- ``Animation.data()``: what the page's player needs (``draw.frames_data`` plus the text read out
  under each frame, if any, and the key frames).
- ``Animation.svg(index, element_id, title)``: frame ``index`` as an SVG.
- ``Animation.keyframes_svg(element_id, title)``: the key frames side by side in one small SVG.
- ``exercise_animation(motion, works, label, mirrored=False)``: an exercise's animation from its
  description; ``mirrored``: the other side's (the scene's mirror image, ``scene.mirror_points``).
- ``keyframes_figure(motion, works, element_id, title, mirrored=False)``: its key frames in one small SVG (the
  program's and the exercise library's figure), with no label and no path between them.
- ``strip_html(animation, element_id, title)``: the key frames as list items, each labelled.
"""

from dataclasses import dataclass, replace
from html import escape

from .draw import DISPLAY_SCALE, Drawing, arrange, frame_svg, frames_data, frames_size, frames_svg
from .exercise import WORKS_LEGS, Motion, timeline
from .rig import Body, Point
from .scene import mirror_points, mirror_props, place3d, project, props

STANDING = ("standing", "standing-two-legs", "standing-on-step")
PELVIS_LINE_OFF_SQUARE = 35.0  # the dashed pelvis line is drawn for a camera this close to square on


@dataclass(frozen=True)
class Animation:
    drawing: Drawing
    frames: tuple[dict[str, Point], ...]
    durations: tuple[int, ...]  # milliseconds from each frame to the next (the last: to the first)
    keys: tuple[int, ...]  # the key frames' indices
    key_labels: tuple[str, ...]
    still: int  # the frame in the page before any script
    readouts: tuple[str, ...] = ()  # a line of text for each frame (the lab's numbers), or none

    def data(self) -> dict:
        out = frames_data(self.drawing, list(self.frames), list(self.durations))
        out["keys"] = list(self.keys)
        out["still"] = self.still
        if self.readouts:
            out["readouts"] = list(self.readouts)
        return out

    def svg(self, index: int, element_id: str, title: str) -> str:
        return frame_svg(self.drawing, self.frames[index], element_id, title)

    def keyframes_svg(self, element_id: str, title: str) -> str:
        return frames_svg(self.drawing, [self.frames[k] for k in self.keys], element_id, title)


def strip_html(animation: Animation, element_id: str, title: str) -> str:
    items = []
    for number, (index, label) in enumerate(zip(animation.keys, animation.key_labels, strict=True), start=1):
        caption = f"{number}. {label}"
        readout = animation.readouts[index] if animation.readouts else ""
        items.append(
            f'<li class="hd-motion-key">{animation.svg(index, f"{element_id}-k{number}", f"{title}: {caption}")}'
            f'<span class="hd-motion-key-label">{escape(caption)}</span>'
            + (f'<span class="hd-motion-key-readout">{escape(readout)}</span>' if readout else "")
            + "</li>"
        )
    return "".join(items)


def finished(
    drawing: Drawing,
    frames: list[dict[str, Point]],
    keys: list[int],
    still: int,
    depths: list[dict[str, float]] | None = None,
) -> Drawing:
    """The drawing arranged for its frames: the parts' order, the label's place, the frame box."""
    return arrange(drawing, frames, depths, keys, still)


def exercise_animation(
    motion: Motion, works: str, label: str, body: Body | None = None, moving: bool = True, mirrored: bool = False
) -> Animation:
    """Key frames and the path between them (``moving``; else the key frames alone, for a still
    figure); the props placed from the last key frame. ``mirrored``: the body and props are placed
    as drawn, then the whole scene is mirrored (X negated) before the camera projects it; the
    label is placed afterwards on the mirrored picture, so its text reads as usual."""
    body = body or Body()
    setting = replace(motion.setting, mirrored=mirrored)
    if moving:
        poses, durations, keys = timeline(motion)
    else:
        poses = [key.pose for key in motion.keyframes]
        durations, keys = [0] * len(poses), list(range(len(poses)))
    end = place3d(motion.keyframes[-1].pose, setting, body)
    scenery = props(setting, end, body)
    frames: list[dict[str, Point]] = []
    depths: list[dict[str, float]] = []
    for pose in poses:
        world = place3d(pose, setting, body, scenery)
        flat, depth = project(mirror_points(world) if mirrored else world, setting.camera)
        flat["press"] = (pose.press, 0.0)
        frames.append(flat)
        depths.append(depth)
    legs = WORKS_LEGS[works]
    drawing = Drawing(
        setting=setting,
        props=mirror_props(scenery) if mirrored else scenery,
        working=legs,
        label=label,
        show_pelvis=setting.position in STANDING and setting.camera.off_square <= PELVIS_LINE_OFF_SQUARE,
        pressing=("s", "f") if works == "together" else ("f",),
        press=any(pose.press > 0 for pose in poses),
        shadow=any(pose.air > 0 for pose in poses),
    )
    still = keys[-1]
    return Animation(
        drawing=finished(drawing, frames, keys, still, depths),
        frames=tuple(frames),
        durations=tuple(durations),
        keys=tuple(keys),
        key_labels=tuple(k.label for k in motion.keyframes),
        still=still,
    )


@dataclass(frozen=True)
class Still:
    """A still figure: the SVG and its size on a wide screen (CSS pixels)."""

    svg: str
    width: float
    height: float


def keyframes_figure(motion: Motion, works: str, element_id: str, title: str, mirrored: bool = False) -> Still:
    """The exercise's key frames side by side in one SVG, numbered, the working leg(s) hatched."""
    animation = exercise_animation(motion, works, "", moving=False, mirrored=mirrored)
    width, height = frames_size(animation.drawing, len(animation.keys))
    return Still(animation.keyframes_svg(element_id, title), width * DISPLAY_SCALE, height * DISPLAY_SCALE)
