"""The still figures of every catalog exercise, drawn by the motion engine from
``exercises/motion.yml`` (the same key frames as the exercise page's animation) and written into
the site at build time: the pack's ``site_files``. Each exercise has a figure for each trained
side, the mirror image where the side is not the one described (``engine.figure_side``), or one
figure when both hips work at once. The program picker, the exercise library and printed programs
show them as images.

- ``figure_alt(exercise, motion, side)``: the words that stand for a figure, its side included.
- ``still_figure(exercise, motion, side)``: the figure (``animation.Still``: the SVG and its size).
- ``site_files(project)``: ``{path in the site: SVG}`` (``engine.motion.files.figure_file``).
"""

from .catalog import load_catalog, load_motions
from .engine.catalog import Exercise
from .engine.figure_side import figure_sides, mirrored_for, side_words
from .engine.motion.animation import Still, keyframes_figure
from .engine.motion.exercise import Motion
from .engine.motion.files import figure_file


def figure_alt(exercise: Exercise, motion: Motion, side: str = "") -> str:
    """What the figure shows, in words: the exercise, its key positions, the leg that works and
    the side it is drawn for."""
    steps = "; ".join(f"{n}. {key.label}" for n, key in enumerate(motion.keyframes, start=1))
    hatched = (
        "both legs are hatched" if exercise.working_leg.works in ("both", "together") else "the working leg is hatched"
    )
    return f"{exercise.name}, key positions: {steps} ({hatched}). {side_words(exercise, side)}"


def still_figure(exercise: Exercise, motion: Motion, side: str = "") -> Still:
    element_id = f"hd-figure-{exercise.id}{f'-{side}' if side else ''}"
    return keyframes_figure(
        motion,
        exercise.working_leg.works,
        element_id,
        figure_alt(exercise, motion, side),
        mirrored_for(exercise, side),
    )


def svg_file(figure: Still) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + figure.svg + "\n").encode()


def site_files(project) -> dict[str, bytes]:
    """Every exercise's still figures, by their paths in the site. Bad data stops the build (DataError)."""
    catalog = load_catalog(project)
    motions = load_motions(project, catalog)
    return {
        figure_file(exercise.id, side): svg_file(still_figure(exercise, motions[exercise.id], side))
        for exercise in catalog.exercises
        for side in figure_sides(exercise)
    }
