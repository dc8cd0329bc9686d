"""Where the motion engine's still figures live in a built site: one SVG file per catalog
exercise, its key frames side by side (``animation.keyframes_figure``), written by the build
(``hipdrop_course.figures``) and linked from the program, the exercise library and print."""

FIGURES_DIR = "assets/hipdrop/figures"


def figure_file(exercise_id: str) -> str:
    """The figure's path in the site, from its root."""
    return f"{FIGURES_DIR}/{exercise_id}.svg"
