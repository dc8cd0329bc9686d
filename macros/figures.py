"""The still figure of every catalog exercise, drawn by the motion engine from
``exercises/motion.yml`` (the same key frames as the exercise page's animation) and written into
the site at build time: the pack's ``site_files``. The program picker, the exercise library and
printed programs show it as an image.

- ``figure_alt(exercise, motion)``: the words that stand for a figure.
- ``still_figure(exercise, motion)``: the figure (``animation.Still``: the SVG and its size).
- ``site_files(project)``: ``{path in the site: SVG}``, one file per exercise
  (``engine.motion.files.figure_file``).
"""

from .catalog import load_catalog, load_motions
from .engine.catalog import Exercise
from .engine.motion.animation import Still, keyframes_figure
from .engine.motion.exercise import Motion
from .engine.motion.files import figure_file


def figure_alt(exercise: Exercise, motion: Motion) -> str:
    """What the figure shows, in words: the exercise, its key positions and the leg that works."""
    steps = "; ".join(f"{n}. {key.label}" for n, key in enumerate(motion.keyframes, start=1))
    hatched = (
        "both legs are hatched" if exercise.working_leg.works in ("both", "together") else "the working leg is hatched"
    )
    return f"{exercise.name}, key positions: {steps} ({hatched})."


def still_figure(exercise: Exercise, motion: Motion) -> Still:
    return keyframes_figure(
        motion, exercise.working_leg.works, f"hd-figure-{exercise.id}", figure_alt(exercise, motion)
    )


def svg_file(figure: Still) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + figure.svg + "\n").encode()


def site_files(project) -> dict[str, bytes]:
    """Every exercise's still figure, by its path in the site. Bad data stops the build (DataError)."""
    catalog = load_catalog(project)
    motions = load_motions(project, catalog)
    return {
        figure_file(exercise.id): svg_file(still_figure(exercise, motions[exercise.id]))
        for exercise in catalog.exercises
    }
