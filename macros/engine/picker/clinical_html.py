"""Pure HTML of the clinical tables, for the pages that state them (rendered at build time).

- ``warning_signs_html(style, links)``: the warning signs by urgency. ``style`` is "box" (the full
  red-flag box of lesson 3 and the FAQ), "home" (the home page's short warning) or "form-note".
- ``approach_limits_html()``: after a hip replacement, each surgical approach with the movements
  the program leaves out for the first weeks (lesson 3b's table).
- ``clinical_rules_html(catalog)``: the "Clinical rules" page body: every warning sign with its
  urgency and source, every limit with the exercises it excludes, every dose rule with its
  source, every course convention marked as one, and the full references.

Links are passed in (``links`` maps "red-flags" and "program" to addresses seen from the page);
this module formats none. All text is escaped.
"""

from collections.abc import Sequence
from html import escape

from ..catalog import PRECAUTIONS_BY_ID, Catalog
from .limits import (
    APPROACH_WEEKS,
    CLINICIAN_LIMITS,
    LOW_LOAD_PAIN,
    OUTER_HIP_TAGS,
    PARTIAL_WEIGHT_TAGS,
    PROCEDURES,
    SOURCE_OUTER_HIP,
)
from .rules import DOSE_RULES, MAX_PER_PHASE, MOVING_ON, STRENGTH_DAYS
from .safety import HIGH_PAIN, PAIN_MONITORING, SOURCE_PAIN_MONITORING, STOP_RULES
from .sources import COURSE_CONVENTION, SOURCES_BY_CITE
from .warning_signs import EMERGENCY, URGENCIES, WARNING_SIGNS, signs_at


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _link(links: dict | None, key: str, text: str) -> str:
    url = (links or {}).get(key)
    return f'<a href="{_e(url)}">{_e(text)}</a>' if url else _e(text)


def _signs_list(urgency: str, with_sources: bool) -> str:
    items = []
    for sign in signs_at(urgency):
        source = f' <span class="hd-source">({_e(sign.source)})</span>' if with_sources else ""
        items.append(f"<li>{_e(sign.label)}.{source}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def warning_signs_html(style: str = "box", links: dict | None = None) -> str:
    """The warning signs, grouped by urgency, as a callout box (Material's admonition, by the adapter)."""
    if style == "home":
        shorts = [s.short for s in signs_at(EMERGENCY) if s.short]
        emergency = ", ".join(shorts[:-1]) + " or " + shorts[-1]
        return (
            '<div class="hd-callout hd-callout--note hd-warning-signs" data-style="home">'
            '<p class="hd-callout-title">Education, not medical advice</p>'
            "<p>This course explains a common walking pattern. It does not diagnose you or replace a "
            "clinician. Some signs mean you need a clinician, not exercises: for example "
            f"{_e(emergency)} needs emergency help today. See every "
            f"{_link(links, 'red-flags', 'warning sign and how soon to act')}.</p></div>"
        )
    groups = []
    for level in URGENCIES:
        groups.append(
            f'<p class="hd-urgency-heading" data-urgency="{_e(level.id)}"><strong>{_e(level.heading)}.</strong> '
            f"{_e(level.action)}</p>" + _signs_list(level.id, with_sources=False)
        )
    sources = sorted({cite for sign in WARNING_SIGNS for cite in sign.source.split("; ")})
    return (
        f'<div class="hd-callout hd-callout--danger hd-warning-signs" data-style="{_e(style)}">'
        '<p class="hd-callout-title">Warning signs: see a clinician, not an exercise program</p>'
        "<p>Each sign below counts on its own. If one applies to you, do not start the exercises "
        "in this course; get help at the urgency shown.</p>"
        + "".join(groups)
        + "<p>After recent surgery or a fracture, keep to your surgical team's limits; if no "
        "clinician has told you which movements and how much weight are safe, ask before any "
        "exercise. If walking is worse after an exercise, that is not a warning sign: stop that "
        "exercise and keep the others.</p>" + f'<p class="hd-source">Sources: {_e("; ".join(sources))}. The '
        f"{_link(links, 'clinical-rules', 'clinical rules page')} gives the full references.</p></div>"
    )


# --- the clinical rules page ---------------------------------------------------------------


def _table(head: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    """A table whose cells are already HTML."""
    return (
        '<div class="hd-table-scroll"><div class="hd-table-frame"><table><thead><tr>'
        + "".join(f"<th>{_e(h)}</th>" for h in head)
        + "</tr></thead><tbody>"
        + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        + "</tbody></table></div></div>"
    )


def _convention(text: str) -> str:
    return f' <strong class="hd-convention">Course convention:</strong> {_e(text)}' if text else ""


def _excluded(catalog: Catalog, tags) -> str:
    tags = set(tags)
    names = [e.name for e in catalog.exercises if tags & set(e.precautions)]
    return _e(", ".join(names)) if names else "none in the catalog"


def _signs_table() -> str:
    rows = []
    for sign in WARNING_SIGNS:
        level = next(u for u in URGENCIES if u.id == sign.urgency)
        rows.append(
            (
                _e(sign.label),
                f"<strong>{_e(level.label)}</strong>",
                _e(sign.whom),
                _e(sign.what_to_do),
                _e(sign.why) + _convention(sign.convention),
                _e(sign.source),
            )
        )
    return _table(("Sign", "Urgency", "Whom", "What to do", "Why", "Source"), rows)


def approach_limits_html() -> str:
    """Each hip-replacement approach, where the surgeon goes in, and the movements it limits."""
    rows = []
    for procedure in PROCEDURES:
        if not procedure.id.startswith("hip-replacement-"):
            continue
        movements = "; ".join(PRECAUTIONS_BY_ID[t].movement for t in procedure.tags)
        rows.append((_e(procedure.label), _e(procedure.definition), _e(movements)))
    return _table(
        ("Approach", "What it means", f"Movements the program leaves out for the first {APPROACH_WEEKS} weeks"), rows
    )


def _tag_rows(catalog: Catalog) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for procedure in PROCEDURES:
        words = "; ".join(PRECAUTIONS_BY_ID[t].movement for t in procedure.tags) or "no movement limits of its own"
        rows.append(
            (
                f"{_e(procedure.label)}: {_e(procedure.definition)}",
                _e(words) + (f" (first {APPROACH_WEEKS} weeks)" if procedure.tags else ""),
                _excluded(catalog, procedure.tags),
                _e(procedure.source),
            )
        )
    for limit in CLINICIAN_LIMITS:
        side = " (only exercises that put the operated side down)" if limit.operated_side_only else ""
        rows.append(
            (
                f"Clinician's limit: {_e(limit.label)}",
                _e(PRECAUTIONS_BY_ID[limit.tag].movement) + side,
                _excluded(catalog, (limit.tag,)),
                _e("the reader's own clinician"),
            )
        )
    rows.append(
        (
            "Partial weight-bearing on the operated leg",
            _e("; ".join(PRECAUTIONS_BY_ID[t].movement for t in PARTIAL_WEIGHT_TAGS)),
            _excluded(catalog, PARTIAL_WEIGHT_TAGS),
            _e(COURSE_CONVENTION),
        )
    )
    rows.append(
        (
            "No weight allowed on the operated leg, or no clinician's guidance yet",
            "everything",
            "every exercise: the reader is referred back to the surgical team",
            _e("domain brief 3.7"),
        )
    )
    rows.append(
        (
            "Pain on the outside of the hip (lying on that side or standing on that leg hurts)",
            _e("; ".join(PRECAUTIONS_BY_ID[t].movement for t in OUTER_HIP_TAGS)) + "; isometrics first",
            _excluded(catalog, OUTER_HIP_TAGS),
            _e(SOURCE_OUTER_HIP),
        )
    )
    rows.append(
        (
            f"A gentle start (cannot stand on one leg, pain {LOW_LOAD_PAIN}/10 or more, outer hip pain, "
            "or recent surgery)",
            _e(PRECAUTIONS_BY_ID["high-load"].movement) + "; the first low-load drill of a family comes first",
            _excluded(catalog, ("high-load",)),
            _e(COURSE_CONVENTION),
        )
    )
    return rows


def _dose_table(catalog: Catalog) -> str:
    rows = []
    for rule in DOSE_RULES:
        convention = COURSE_CONVENTION in rule.source
        rows.append(
            (
                _e(rule.applies_to),
                _e(f"at most {rule.max_days} days a week"),
                _e(rule.text)
                + (' <strong class="hd-convention">Includes a course convention.</strong>' if convention else ""),
                _e(rule.source),
            )
        )
    return _table(("Applies to", "Days", "Rule", "Source"), rows)


def _conventions() -> list[str]:
    """Every rule that is the course's own choice, with no published source behind it."""
    items = [
        f"A phase holds at most {MAX_PER_PHASE} exercises, and exercises are dropped when they do "
        "not fit the reader's minutes (each one listed with the reason).",
        f"Approach precautions after a hip replacement apply for the first {APPROACH_WEEKS} weeks; "
        "the mapping from approach to precautions is the usual pattern, and the surgeon's own list "
        'comes first. "Not sure" takes every approach\'s precautions.',
        "Partial weight-bearing leaves out every exercise that stands on one leg, holds a side "
        "plank, loads the hip heavily or tests balance.",
        f"A gentle start with a low-load drill, and no high-load exercise, for a reader who cannot "
        f"stand on one leg for 30 seconds, rates pain {LOW_LOAD_PAIN}/10 or more, has outer hip "
        "pain, or had recent surgery.",
        f"New pain of {HIGH_PAIN}/10 or more gives rest and review; long-standing pain of "
        f"{HIGH_PAIN}/10 or more gives low-load drills only and a clinician's review.",
        "Pain is 'new' if it began or clearly changed in the last 3 months.",
        f"A gentle start begins lying down for pain of {LOW_LOAD_PAIN}/10 or more or recent surgery, "
        "and standing on both feet otherwise.",
        "Within a phase, the versions the reader has progressed furthest along are kept first.",
        "Which exercises carry which tag is the course's judgement from each exercise's position and "
        "movement (for example, lying with the legs stacked counts as bringing the leg to the middle "
        "of the body, and the hip dip drops the standing hip inward).",
        "A reader with outer hip pain is assumed to have it on the side they train.",
        "The exercises that made walking worse are left out with every harder version of them; "
        "walking worse after every exercise tried sends the reader to a physiotherapist.",
        "The checks for moving on between phases are the course's own (the 30 seconds are "
        "borrowed from the clinical test of Hardcastle & Nade 1985, which is done by a clinician "
        "without a support).",
        "The hand on the standing leg's side holds the support in supported standing exercises, "
        "so it does not do the standing hip's job (by analogy with the clinical test, which "
        "allows a stick only in that hand).",
        "Motor-control doses (sets, repetitions, holds, days) for low-load drills: no guideline gives a number.",
        "Movement retraining is dosed for the reader's goal, on at most 3 days a week.",
    ]
    items += [f"{sign.label}: {sign.convention}" for sign in WARNING_SIGNS if sign.convention]
    items += [f"Stop rule: {rule.text}" for rule in STOP_RULES if COURSE_CONVENTION in rule.source]
    items += [
        f"Moving on ({phase}): {reason.text}"
        for phase, reasons in MOVING_ON.items()
        for reason in reasons
        if COURSE_CONVENTION in reason.source
    ]
    return items


def _references() -> str:
    items = []
    for source in SOURCES_BY_CITE.values():
        url = f' <a href="{_e(source.url)}">{_e(source.url)}</a>' if source.url else ""
        items.append(f"<li><strong>{_e(source.cite)}</strong>: {_e(source.reference)}{url}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def clinical_rules_html(catalog: Catalog) -> str:
    """The body of the clinical rules page, generated from the engine's tables and the catalog."""
    urgencies = _table(
        ("Urgency", "What to do", "Whom"),
        [(f"<strong>{_e(u.label)}</strong>", _e(u.action), _e(u.whom)) for u in URGENCIES],
    )
    return "".join(
        [
            '<section class="hd-clinical-rules">',
            '<h2 id="warning-signs">Warning signs</h2>',
            "<p>Any one sign on its own gives a referral and no exercises. The most urgent sign "
            "ticked sets the urgency.</p>",
            urgencies,
            _signs_table(),
            '<h2 id="limits">Limits and the exercises they exclude</h2>',
            "<p>Each exercise in the catalog carries the tags of the movements and loads it involves. "
            "A limit excludes every exercise with one of its tags.</p>",
            _table(("Limit", "Movements or loads excluded", "Exercises excluded", "Source"), _tag_rows(catalog)),
            '<h2 id="doses">Doses</h2>',
            f"<p>No high-load exercise, and nothing but low-load activation drills, is dosed on more "
            f"than {STRENGTH_DAYS} days a week.</p>",
            _dose_table(catalog),
            '<h2 id="pain">Pain</h2>',
            f"<p>New pain of {HIGH_PAIN}/10 or more: rest and review, no program. Long-standing pain: "
            "a gentle start, a clinician's review, and this pain-monitoring rule:</p>",
            f'<blockquote><p>{_e(PAIN_MONITORING)} <span class="hd-source">({_e(SOURCE_PAIN_MONITORING)}; '
            "its model was tested in Achilles tendinopathy and is used here by analogy)</span></p></blockquote>",
            '<h2 id="conventions">Course conventions</h2>',
            "<p>These rules are the course's own choices, with no published source behind them:</p>",
            "<ul>"
            + "".join(
                f'<li><strong class="hd-convention">Course convention:</strong> {_e(i)}</li>' for i in _conventions()
            )
            + "</ul>",
            '<h2 id="sources">Sources</h2>',
            _references(),
            "</section>",
        ]
    )
