"""Which side an exercise's figure shows, in the picker's own words. Pure functions, stdlib only.

The motion engine draws each exercise with its stance leg on one of the person's sides
(``motion.scene.drawn_stance_side``) and can draw the mirror image for the other side. The picker
says which leg stands, or lies underneath, when a reader trains a side
(``picker.rules.underneath_side``) and words it (``picker.rules.side_instruction``,
``figure_words``); the figure's side is worked out from those, never from a rule of its own.

- ``figure_sides(exercise)``: the sides an exercise has a figure for (``("",)``: both hips work at
  once, and one figure fits either side).
- ``mirrored_for(exercise, trained)``: whether the figure for a reader who trains ``trained`` is
  the mirror image of the drawing as described.
- ``shown_side(exercise, mirrored)``: the side a reader trains with that drawing ("" for either).
- ``side_words(exercise, trained)``: the caption's sentence, e.g. "Drawn for the right side:
  stand on your right leg; your left leg and hip move. The right hip does the work."
"""

from .catalog import Exercise
from .motion.scene import drawn_stance_side
from .picker.rules import figure_words, side_instruction, underneath_side

SIDES = ("left", "right")


def figure_sides(exercise: Exercise) -> tuple[str, ...]:
    return ("",) if exercise.working_leg.works == "together" else SIDES


def mirrored_for(exercise: Exercise, trained: str) -> bool:
    if not trained or exercise.working_leg.works == "together":
        return False
    return underneath_side(exercise, trained) != drawn_stance_side(exercise.position)


def shown_side(exercise: Exercise, mirrored: bool = False) -> str:
    """The trained side whose underneath (stance) leg is the drawing's stance leg
    (``underneath_side`` keeps the side or swaps it, so it is its own inverse)."""
    if exercise.working_leg.works == "together":
        return ""
    return underneath_side(exercise, drawn_stance_side(exercise.position, mirrored))


def side_words(exercise: Exercise, trained: str) -> str:
    """The picker's words for the set the figure shows."""
    return figure_words(side_instruction(exercise, trained or "left"))
