"""Macros for the exercise library, all generated from ``exercises/catalog.yml``:

- ``exercise("family-id")``: the body of an exercise page (the family's main entry in full, its
  easier and harder versions, dosing by goal, evidence, precautions, sources).
- ``evidence_table()``: exercise, study and %MVIC range for every catalog entry with a figure.
- ``exercise_index()``: the library overview, grouped by phase.
"""

import posixpath

from .catalog import PAGES_DIR, load_catalog, load_motions
from .engine import catalog_html
from .engine.catalog import Exercise
from .engine.catalog_html import POSITION_LABELS, StillFigure
from .engine.figure_side import mirrored_for, shown_side, side_words
from .engine.motion.animation import exercise_animation
from .engine.motion.files import figure_file
from .engine.motion.html import FigureText, motion_figure
from .engine.motion.scene import view_words
from .engine.picker.rules import other_side
from .figures import figure_alt, still_figure

# The label beside the hatched leg(s), by the catalog's ``working_leg.works``.
WORKS_FIGURE_LABELS = {
    "stance": "working leg",
    "moving": "working leg",
    "both": "both legs work",
    "together": "both legs work",
}


def exercise_figure(exercise: Exercise, motion) -> str:
    """The exercise's animated figure: key frames from its movement, the working leg(s) hatched,
    drawn for the side its description shows; and, unless both hips work at once, the same
    figure for the other side (its mirror image) in a closed disclosure. Each figure carries
    ``data-exercise`` and ``data-side`` (the trained side; "" for either): the guided session
    copies the one for the reader's side."""
    drawn = shown_side(exercise)
    figure = _side_figure(exercise, motion, drawn, f"hd-motion-{exercise.id}")
    if not drawn:
        return figure
    other = other_side(drawn)
    mirrored = _side_figure(exercise, motion, other, f"hd-motion-{exercise.id}-{other}")
    return (
        f'{figure}<details class="hd-motion-other"><summary>The same movement for the {other} side</summary>'
        f"{mirrored}</details>"
    )


def _side_figure(exercise: Exercise, motion, side: str, element_id: str) -> str:
    works = exercise.working_leg.works
    animation = exercise_animation(motion, works, WORKS_FIGURE_LABELS[works], mirrored=mirrored_for(exercise, side))
    steps = "; ".join(f"{n}. {label}" for n, label in enumerate(animation.key_labels, start=1))
    # Which leg works, in words, is the box just above the figure ("Which leg does the work?"):
    # the caption says only what the drawing shows, so that it stays short under a phone's figure.
    hatched = "Both legs are hatched" if works in ("both", "together") else "The working leg is hatched"
    caption = (
        f"{exercise.name}, {POSITION_LABELS[exercise.position]}, {view_words(motion.setting)}. "
        f"{side_words(exercise, side)} {hatched}. Key positions: {steps}."
    )
    title = f"{exercise.name}: the movement" + (f", {side} side" if side else "")
    return motion_figure(
        animation,
        element_id,
        FigureText(title, caption),
        marks=(("exercise", exercise.id), ("side", side)),
    )


SESSION_PAGE = "session.md"  # "Start this session" under each version's figure

# Lessons the exercise pages point to (docs-relative paths of the other engineer's lessons).
LESSON_LINKS = {
    "dosing": ("lesson 5, dosing and progressing", "lessons/dosing.md"),
    "red-flags": ("lesson 3, causes and assessment", "lessons/causes-and-assessment.md"),
}


def macros(project) -> dict:
    catalog = load_catalog(project)  # raises DataError: the build stops, every problem listed
    motions = load_motions(project, catalog)  # the same: every exercise needs its movement
    figures: dict[str, str] = {}

    def motion(exercise: Exercise) -> str:
        if exercise.id not in figures:
            figures[exercise.id] = exercise_figure(exercise, motions[exercise.id])
        return figures[exercise.id]

    def links(page) -> catalog_html.Links:
        """Addresses from the build's own URL mapping, as seen from the page at hand; lesson links
        as Markdown links relative to the page's source, which MkDocs rewrites."""
        source_dir = posixpath.dirname(page.src_uri) or "."

        def still(exercise: Exercise) -> StillFigure:
            motion = motions[exercise.id]
            side = shown_side(exercise)  # the library shows each exercise as described
            figure = still_figure(exercise, motion, side)
            return StillFigure(
                page.link(figure_file(exercise.id, side)),
                figure_alt(exercise, motion, side),
                round(figure.width),
                round(figure.height),
            )

        def exercise_url(exercise_id: str) -> str:
            entry = catalog.exercise(exercise_id)
            target = page.link(f"{PAGES_DIR.as_posix()}/{entry.family}.md")
            return target + ("" if entry.is_family_main else f"#{entry.id}")

        lessons = {
            key: f"[{label}]({posixpath.relpath(docs_path, source_dir)})"
            for key, (label, docs_path) in LESSON_LINKS.items()
            if (project.docs_dir / docs_path).is_file()
        }
        session_page = page.link_or_none(SESSION_PAGE)

        def session(exercise_id: str) -> str:
            return f"{session_page}?exercise={exercise_id}"

        return catalog_html.Links(
            exercise=exercise_url,
            lessons=lessons,
            motion=motion,
            still=still,
            session=session if session_page is not None else None,
        )

    def exercise(page, family_id: str) -> str:
        try:
            entry = catalog.exercise(family_id)
        except KeyError:
            known = ", ".join(f.id for f in catalog.families())
            raise KeyError(
                f"exercise('{family_id}'): no such family in exercises/catalog.yml (families: {known})"
            ) from None
        if not entry.is_family_main:
            raise KeyError(f"exercise('{family_id}'): '{family_id}' is a version shown on the page of '{entry.family}'")
        return catalog_html.exercise_page(catalog, family_id, links(page))

    def evidence_table(page) -> str:
        return catalog_html.evidence_table(catalog, links(page))

    def exercise_index(page) -> str:
        return catalog_html.exercise_index(catalog, links(page))

    return {"exercise": exercise, "evidence_table": evidence_table, "exercise_index": exercise_index}
