"""Macros ``mechanics_lab()`` (the one-leg-stance mechanics lab as static HTML, made live by the
mechanics widget) and ``gait_animation(pattern)`` (one walk from the model: "normal",
"uncompensated", "compensated" or "cane"; the lab preset it draws is named in the caption)."""

from .engine.mechanics.gait_figure import PATTERNS, PATTERNS_BY_NAME, describe_walk, gait_animation
from .engine.mechanics.lab import resolve
from .engine.mechanics.page import lab_html
from .engine.mechanics.presets import PRESETS_BY_NAME
from .engine.motion.html import FigureText, motion_figure

WALK_WORDS = {"play": "Play the walk", "pause": "Pause the walk", "strip": "Key moments of the walk"}


def walk_figure(name: str) -> str:
    pattern = PATTERNS_BY_NAME.get(name)
    if pattern is None:
        known = ", ".join(p.name for p in PATTERNS)
        raise KeyError(f"gait_animation('{name}'): no such walk (walks: {known})")
    inputs = resolve({"preset": pattern.preset})
    preset = PRESETS_BY_NAME[pattern.preset]
    caption = (
        f"{pattern.title}. {describe_walk(inputs)} Drawn from the mechanics lab's "
        f"'{preset.title}' settings; how far the pelvis drops is a course convention for the drawing."
    )
    return motion_figure(
        gait_animation(inputs, pattern.label),
        f"hd-walk-{pattern.name}",
        FigureText(pattern.title, caption, **WALK_WORDS),
    )


def macros(project) -> dict:
    def mechanics_lab(page, prefix: str = "hd-mech") -> str:
        return lab_html(prefix)

    def gait_animation_macro(page, name: str) -> str:
        return walk_figure(name)

    return {"mechanics_lab": mechanics_lab, "gait_animation": gait_animation_macro}
