"""Static HTML of an animation: the still frame for the screen, the key frames as a labelled strip
(for reduced motion and paper), a play/pause button, the player's data and the text description.
Build time only. Readable with no script; ``site_assets/js/motion.js`` makes it move.

``motion_figure(animation, element_id, text)`` -> ``<figure class="hd-motion">``. Its
``data-hd-motion`` attribute holds the player's data (JSON); ``data-autoplay`` says whether the
movement starts by itself when the figure is on screen (never under reduced motion). The course
leaves it off: a figure moves when the reader presses Play, so a page costs no main-thread work
until then (a moving drawing measured about 5 s of main-thread time in Lighthouse's mobile run).
"""

import json
from dataclasses import dataclass
from html import escape

from .animation import Animation, strip_html


@dataclass(frozen=True)
class FigureText:
    title: str  # names the figure (the still frame's SVG title)
    caption: str  # what the animation shows, in sentences
    play: str = "Play the movement"
    pause: str = "Pause the movement"
    strip: str = "Key positions"


def motion_figure(
    animation: Animation,
    element_id: str,
    text: FigureText,
    autoplay: bool = False,
    marks: tuple[tuple[str, str], ...] = (),
) -> str:
    """``marks``: more ``data-`` attributes (name without the prefix, value), e.g. the side drawn."""
    data = escape(json.dumps(animation.data(), separators=(",", ":")), quote=True)
    extra = "".join(f' data-{name}="{escape(value, quote=True)}"' for name, value in marks)
    readout = ""
    if animation.readouts:
        readout = f'<p class="hd-motion-readout">{escape(animation.readouts[animation.still])}</p>'
    return (
        f'<figure class="hd-motion" id="{element_id}" data-hd-motion="{data}" '
        f'data-autoplay="{"true" if autoplay else "false"}"{extra}>'
        f'<div class="hd-motion-stage" id="{element_id}-stage">'
        f"{animation.svg(animation.still, f'{element_id}-still', text.title)}</div>"
        f'<ol class="hd-motion-strip" aria-label="{escape(text.strip)}">'
        f"{strip_html(animation, element_id, text.title)}</ol>"
        f"{readout}"
        f'<div class="hd-motion-controls"><button type="button" class="hd-action hd-motion-toggle" '
        f'aria-controls="{element_id}-stage" data-play="{escape(text.play)}" data-pause="{escape(text.pause)}">'
        f"{escape(text.play)}</button></div>"
        f"<figcaption>{escape(text.caption)}</figcaption></figure>"
    )
