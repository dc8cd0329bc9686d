"""An animation: placed frames, their timing, the key frames with their labels and the frame shown
before any script, ready for the SVG renderer and the player. Pure functions, stdlib only.

- ``Animation.data()``: what the page's player needs (``draw.frames_data`` plus the text read out
  under each frame, if any, and the key frames).
- ``Animation.svg(index, element_id, title)``: frame ``index`` as an SVG.
- ``exercise_animation(motion, works, label)``: an exercise's animation from its description.
- ``strip_html(animation, element_id, title)``: the key frames as list items, each labelled.
"""

from dataclasses import dataclass, replace
from html import escape

from .draw import Drawing, bounds, frame_svg, frames_data, label_anchor
from .exercise import WORKS_LEGS, Motion, timeline
from .rig import Body, Point
from .scene import place, props


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
        anchor = label_anchor(self.drawing, self.frames[self.still])
        return frame_svg(self.drawing, self.frames[index], element_id, title, anchor)


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


def fitted(drawing: Drawing, frames: list[dict[str, Point]]) -> Drawing:
    """The drawing with a frame box that holds every frame."""
    return replace(drawing, box=bounds(drawing, frames))


def exercise_animation(motion: Motion, works: str, label: str, body: Body | None = None) -> Animation:
    """Key frames and the path between them; the props placed from the last key frame."""
    body = body or Body()
    poses, durations, keys = timeline(motion)
    end = place(motion.keyframes[-1].pose, motion.setting, body)
    scenery = props(motion.setting, end, body)
    frames = []
    for pose in poses:
        points = place(pose, motion.setting, body, scenery)
        points["press"] = (pose.press, 0.0)
        frames.append(points)
    legs = WORKS_LEGS[works]
    drawing = Drawing(
        setting=motion.setting,
        props=scenery,
        working=legs,
        label=label,
        box=(0, 0, 1, 1),
        show_pelvis=motion.setting.position in ("standing", "standing-two-legs", "standing-on-step"),
        label_leg="f" if len(legs) == 2 else legs[0],
        pressing=("s", "f") if works == "together" else ("f",),
    )
    return Animation(
        drawing=fitted(drawing, frames),
        frames=tuple(frames),
        durations=tuple(durations),
        keys=tuple(keys),
        key_labels=tuple(k.label for k in motion.keyframes),
        still=keys[-1],
    )
