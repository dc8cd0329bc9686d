"""Where the motion engine's still figures live in a built site: one SVG file per catalog
exercise and trained side, its key frames side by side (``animation.keyframes_figure``), drawn for
that side (``engine.figure_side``); one file with no side when both hips work at once. Written by
the build (``hipdrop_course.figures``) and linked from the program, the exercise library and print."""

FIGURES_DIR = "assets/hipdrop/figures"


def figure_file(exercise_id: str, side: str = "") -> str:
    """The figure's path in the site, from its root (``side``: "left", "right" or "")."""
    return f"{FIGURES_DIR}/{exercise_id}{f'-{side}' if side else ''}.svg"
