"""Static HTML (with Markdown headings) for the exercise library, from the catalog.

Pure functions, stdlib only. Every piece of catalog text is escaped with ``html.escape``.
Addresses come from the caller through ``Links`` so this module knows nothing about MkDocs:

- ``exercise_page(catalog, family_id, links) -> str``: the body of one family page.
- ``evidence_table(catalog, links) -> str``: exercise, study and %MVIC range for every entry.
- ``exercise_index(catalog, links) -> str``: the library overview, grouped by phase.

The output mixes Markdown headings (so they reach the page's table of contents) with blocks of
raw HTML separated by blank lines, which Python-Markdown passes through untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

from .catalog import (
    GOAL_LABELS,
    GOALS,
    PHASE_LABELS,
    PHASES,
    PRECAUTIONS,
    Catalog,
    Dosing,
    EmgEntry,
    Exercise,
    evidence_rows,
)
from .picker.pain_monitoring import ALLOWED_RISE, MAX_PAIN

LEVEL_LABELS = {"easier": "Easier", "standard": "Main exercise", "harder": "Harder"}
POSITION_LABELS = {
    "lying-on-back": "lying on your back",
    "standing-two-legs": "standing on both feet",
    "standing": "standing",
    "standing-on-step": "standing on a step",
    "side-lying": "lying on your side",
    "side-plank": "side plank on the floor",
    "incline-side-plank": "leaning on a counter",
}
EQUIPMENT_LABELS = {
    "step": "a low, stable step",
    "band": "a light resistance band",
    "wall": "a clear wall",
    "support": "a counter or sturdy table to hold",
    "chair": "a sturdy chair or box",
    "mirror": "a mirror (helpful, not essential)",
    "weight": "a light weight, such as a water bottle",
}
PRECAUTION_LABELS = {tag.id: tag.label for tag in PRECAUTIONS}
NOT_A_CAUTION = ("low-load", "isometric")  # kinds of drill, not something to take care about


def _cautions(exercise: Exercise) -> tuple[str, ...]:
    return tuple(PRECAUTION_LABELS[p] for p in exercise.precautions if p not in NOT_A_CAUTION)


WORKS_LABELS = {"stance": "the standing (or bottom) leg", "moving": "the moving leg", "both": "both legs"}
EMG_STATUS_NOTE = {
    "verified": "",
    "partly-verified": "partly checked",
    "article-only": "as reported in the source article",
}


@dataclass(frozen=True)
class StillFigure:
    """An exercise's still figure as an image: its address, its words and its size (CSS px)."""

    src: str
    alt: str
    width: int
    height: int


@dataclass(frozen=True)
class Links:
    """Addresses and figures, as seen from the page being rendered.

    ``exercise(exercise_id)``: URL of the entry (its family page plus ``#id`` for a version).
    ``lessons`` maps "dosing", "red-flags" and "progression" to Markdown links relative to the
    page's source file (optional). ``motion(exercise)``: the exercise's animated figure (HTML),
    drawn by the motion engine from its movement; each version gets its own. ``still(exercise)``:
    its still figure (the key frames, a file drawn at build time), for the library's overview.
    Without them, no figure. ``session(exercise_id)``: the address of a guided session of that
    exercise (optional).
    """

    exercise: Callable[[str], str]
    lessons: dict[str, str] = field(default_factory=dict)
    motion: Callable[[Exercise], str] | None = None
    still: Callable[[Exercise], StillFigure] | None = None
    session: Callable[[str], str] | None = None  # the guided session of one exercise, by its id


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _list(items: tuple[str, ...], ordered: bool = False, css: str = "") -> str:
    tag = "ol" if ordered else "ul"
    attr = f' class="{css}"' if css else ""
    return f"<{tag}{attr}>" + "".join(f"<li>{_e(item)}</li>" for item in items) + f"</{tag}>"


def _figure(exercise: Exercise, links: Links) -> str:
    return links.motion(exercise) if links.motion is not None else ""


def _still(exercise: Exercise, links: Links) -> str:
    """The still figure as an image (lazy: the library lists every family)."""
    if links.still is None:
        return ""
    figure = links.still(exercise)
    return (
        f'<img class="hd-index-figure" src="{_e(figure.src)}" alt="{_e(figure.alt)}" '
        f'width="{figure.width}" height="{figure.height}" loading="lazy" decoding="async">'
    )


def _session_link(exercise: Exercise, links: Links) -> str:
    """ "Start this session": the guided session of this version, with the reader's own program."""
    if links.session is None:
        return ""
    return (
        '<p class="hd-session-links"><a class="hd-session-start md-button md-button--primary" '
        f'href="{_e(links.session(exercise.id))}" '
        f'aria-label="Start this session: {_e(exercise.name)}">Start this session</a></p>'
    )


def _working_leg(exercise: Exercise) -> str:
    leg = exercise.working_leg
    return (
        f'<div class="hd-callout hd-callout--tip hd-working-leg" data-works="{_e(leg.works)}">'
        '<p class="hd-callout-title">Which leg does the work?</p>'
        f'<p class="hd-working-leg-answer"><strong>{_e(leg.headline)}</strong></p>'
        f"<p>{_e(leg.text)}</p></div>"
    )


def _meta(exercise: Exercise) -> str:
    phase_step = PHASES.index(exercise.phase) + 1
    equipment = ", ".join(EQUIPMENT_LABELS[e] for e in exercise.equipment) or "nothing but the floor"
    parts = [
        f"<strong>Phase:</strong> {_e(PHASE_LABELS[exercise.phase])} (step {phase_step} of 3)",
        f"<strong>Position:</strong> {_e(POSITION_LABELS[exercise.position])}",
        f"<strong>You need:</strong> {_e(equipment)}",
    ]
    if exercise.aliases:
        parts.append(f"<strong>Also called:</strong> {_e(', '.join(exercise.aliases))}")
    return '<ul class="hd-exercise-meta">' + "".join(f"<li>{p}</li>" for p in parts) + "</ul>"


def _dose_values(dosing: Dosing) -> dict[str, str]:
    return {
        "Sets": str(dosing.sets),
        "Repetitions": str(dosing.reps),
        "Hold each repetition": f"{dosing.hold_s} s" if dosing.hold_s.high else "no hold",
        "Rest between sets": f"{dosing.rest_s} s",
        "Days a week": str(dosing.days_per_week),
    }


def _source_cell(catalog: Catalog, dosing: Dosing) -> str:
    cite = _e(catalog.source(dosing.source).cite)
    if dosing.basis == "clinical-convention":
        return f"Course convention, no guideline number (approach: {cite})"
    return cite


def _table(head: list[str], rows: list[str], name: str) -> str:
    """A plain table (Material styles tables without a class), scrollable on narrow screens."""
    return (
        '<div class="hd-table-scroll"><div class="hd-table-frame">'
        f'<table data-hd-table="{name}"><thead><tr>'
        + "".join(f'<th scope="col">{_e(h)}</th>' for h in head)
        + "</tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></div></div>"
    )


def dosing_table(catalog: Catalog, exercise: Exercise, name: str = "dosing") -> str:
    """Dosing by goal for one entry (a column per goal, a row per quantity), with sources and notes."""
    doses = [exercise.dosing[g] for g in GOALS if g in exercise.dosing]
    head = ["Quantity"] + [GOAL_LABELS[d.goal] for d in doses]
    values = [_dose_values(d) for d in doses]
    rows = []
    for label in values[0] if values else []:
        rows.append(
            f'<tr><th scope="row">{_e(label)}</th>' + "".join(f"<td>{_e(v[label])}</td>" for v in values) + "</tr>"
        )
    rows.append(
        '<tr><th scope="row">Source</th>' + "".join(f"<td>{_source_cell(catalog, d)}</td>" for d in doses) + "</tr>"
    )
    notes = [f"<li><strong>{_e(GOAL_LABELS[d.goal])}:</strong> {_e(d.note)}</li>" for d in doses if d.note]
    table = _table(head, rows, name)
    return table + ('<ul class="hd-dosing-notes">' + "".join(notes) + "</ul>" if notes else "")


def _note_text(status: str, note: str) -> str:
    """The status as a sentence ("As reported in the source article."), then the entry's note."""
    status_text = EMG_STATUS_NOTE[status]
    sentences = [status_text[:1].upper() + status_text[1:] + "."] if status_text else []
    if note:
        sentences.append(note)
    return " ".join(sentences)


def _emg_note(entry: EmgEntry) -> str:
    return _note_text(entry.status, entry.note)


def _emg_table(catalog: Catalog, members: tuple[Exercise, ...], links: Links) -> str:
    """The family's %MVIC figures; the exercise column only when more than one entry has figures."""
    measured = [m for m in members if m.emg]
    if not measured:
        return ""
    with_name = len(measured) > 1
    rows = []
    for exercise in measured:
        for entry in exercise.emg:
            source = catalog.source(entry.study)
            name = f'<td><a href="{_e(links.exercise(exercise.id))}">{_e(exercise.name)}</a></td>' if with_name else ""
            rows.append(
                "<tr>"
                + name
                + f"<td>{_e(source.cite)}</td>"
                + f"<td>{_e(entry.range_text())} ({_e(entry.measure)})</td>"
                + f"<td>{_e(_emg_note(entry))}</td>"
                + "</tr>"
            )
    head = (["Exercise"] if with_name else []) + ["Study", "Gluteus medius, %MVIC", "Note"]
    return _table(head, rows, "evidence")


def _caveat(catalog: Catalog) -> str:
    burnet = catalog.sources.get("burnet-2009")
    text = (
        "%MVIC is the muscle's electrical activity as a percentage of a maximal voluntary isometric "
        "contraction (MVIC): the strongest push the person could make and hold without moving. "
        "These figures come from small groups of healthy young adults. They show how strongly the "
        "muscle switched on, not how much stronger anyone became or whether walking changed. "
        "Figures differ a lot between studies, so read them as rough ranges."
    )
    if burnet is not None:
        text += (
            f" Strength alone is not the whole story: {burnet.cite.rsplit(' ', 1)[0]} ({burnet.year}) "
            "found that how hard the "
            "gluteus medius could push in a static test did not predict how much the pelvis "
            "dropped during running."
        )
    return f'<p class="hd-evidence-caveat">{_e(text)}</p>'


def _version_block(catalog: Catalog, exercise: Exercise, main: Exercise, links: Links) -> str:
    label = LEVEL_LABELS[exercise.level]
    equipment = ", ".join(EQUIPMENT_LABELS[e] for e in exercise.equipment) or "nothing but the floor"
    parts = [
        f"### {_e(label)}: {_e(exercise.name)} {{#{exercise.id}}}",
        "",
        f"<p>{_e(exercise.purpose)}</p>",
        "",
        f'<p class="hd-working-leg-short"><strong>Which leg does the work?</strong> '
        f"{_e(exercise.working_leg.headline)} {_e(exercise.working_leg.text)}</p>",
        "",
        *([links.motion(exercise), ""] if links.motion is not None else []),
        *([_session_link(exercise, links), ""] if links.session is not None else []),
        f"<p><strong>You need:</strong> {_e(equipment)}. "
        f"<strong>Position:</strong> {_e(POSITION_LABELS[exercise.position])}.</p>",
        "",
        "<p><strong>Set-up</strong></p>" + _list(exercise.setup),
        "",
        "<p><strong>Steps</strong></p>" + _list(exercise.steps, ordered=True),
        "",
        "<p><strong>Cues</strong></p>" + _list(exercise.cues),
        "",
        "<p><strong>Common errors</strong></p>" + _list(exercise.common_errors),
        "",
    ]
    if exercise.dosing != main.dosing:
        parts += [
            "<p><strong>Dosing for this version</strong></p>" + dosing_table(catalog, exercise, "version-dosing"),
            "",
        ]
    if _cautions(exercise):
        parts += [
            "<p><strong>Take care</strong></p>" + _list(_cautions(exercise)),
            "",
        ]
    return "\n".join(parts)


def _ladder(members: tuple[Exercise, ...], main: Exercise, links: Links) -> str:
    items = []
    for member in members:
        label = LEVEL_LABELS[member.level]
        if member.id == main.id:
            items.append(f"<li><strong>{_e(label)}: {_e(member.name)}</strong> (this page)</li>")
        else:
            items.append(f'<li>{_e(label)}: <a href="#{_e(member.id)}">{_e(member.name)}</a></li>')
    return '<ol class="hd-ladder">' + "".join(items) + "</ol>"


def _sources_used(catalog: Catalog, members: tuple[Exercise, ...]) -> list[str]:
    used: list[str] = []
    for exercise in members:
        ids = [d.source for d in exercise.dosing.values()] + [e.study for e in exercise.emg]
        for source_id in ids:
            if source_id not in used:
                used.append(source_id)
    extra = "burnet-2009"
    if extra in catalog.sources and extra not in used:
        used.append(extra)
    return sorted(used, key=lambda sid: (catalog.source(sid).cite.lower(), sid))


def _sources_list(catalog: Catalog, source_ids: list[str]) -> str:
    items = []
    for source_id in source_ids:
        source = catalog.source(source_id)
        text = _e(source.citation())
        if source.url:
            text += f' <a href="{_e(source.url)}" rel="noopener">{_e(source.url)}</a>'
        if not source.verified:
            text += " (partly checked)"
        items.append(f'<li id="source-{_e(source_id)}">{text}</li>')
    return '<ol class="hd-sources">' + "".join(items) + "</ol>"


def exercise_page(catalog: Catalog, family_id: str, links: Links) -> str:
    """The body of a family page: the main exercise in full, then its versions, dosing, evidence."""
    main = catalog.exercise(family_id)
    if not main.is_family_main:
        raise ValueError(f"'{family_id}' is a version of '{main.family}'; pages are per family")
    members = catalog.family_members(family_id)
    others = tuple(m for m in members if m.id != main.id)
    lesson = links.lessons

    out = [
        _meta(main),
        "",
        f'<p class="hd-exercise-purpose">{_e(main.purpose)}</p>',
        "",
        _working_leg(main),
        "",
        _figure(main, links),
        "",
        *([_session_link(main, links), ""] if links.session is not None else []),
    ]
    if main.note:
        out += [
            '<div class="hd-callout hd-callout--note"><p class="hd-callout-title">About the name</p>'
            f"<p>{_e(main.note)}</p></div>",
            "",
        ]
    out += [
        "## Set-up {#set-up}",
        "",
        _list(main.setup),
        "",
        "## Steps {#steps}",
        "",
        _list(main.steps, ordered=True),
        "",
        "## Cues {#cues}",
        "",
        _list(main.cues),
        "",
        "## Common errors {#common-errors}",
        "",
        _list(main.common_errors),
        "",
        "## Easier and harder versions {#versions}",
        "",
        "<p>Start with the version you can do cleanly for the whole set. Move one step up when it "
        "feels easy with good form; move one step down if form breaks or the pain goes past the "
        "pain-monitoring rule of lesson 5.</p>",
        "",
        _ladder(members, main, links),
        "",
    ]
    for member in others:
        out += [_version_block(catalog, member, main, links), ""]

    out += [
        "## How much: dosing by goal {#dosing}",
        "",
        "<p>The numbers are for each side you train. Pick one goal at a time. If a clinician has "
        "given you a plan, follow theirs.</p>",
        "",
        dosing_table(catalog, main),
        "",
    ]
    if lesson.get("dosing"):
        out += [f"How to choose a goal and when to progress: {lesson['dosing']}.", ""]

    out += ["## Evidence {#evidence}", ""]
    table = _emg_table(catalog, members, links)
    if table:
        out += [table, "", _caveat(catalog), ""]
    else:
        out += [
            "<p>We found no study that measured gluteus medius activity (%MVIC) in this exercise. "
            "It is included for its purpose in the progression, not for a measured figure.</p>",
            "",
        ]

    out += ["## Take care {#precautions}", ""]
    if _cautions(main):
        out += [_list(_cautions(main)), ""]
    out += [
        "<p>Stop an exercise at once if the pain is sharp, and stop it if walking feels worse "
        f"afterwards. Go back a step if your pain goes more than about {ALLOWED_RISE} points above "
        f"your usual level or above {MAX_PAIN} out of 10, or has not settled by the next morning (the "
        "pain-monitoring rule of "
        "lesson 5). This page is education, not medical advice.</p>",
        "",
    ]
    if lesson.get("red-flags"):
        out += [f"Some signs need a clinician before any exercise: see {lesson['red-flags']}.", ""]

    out += ["## Sources {#sources}", "", _sources_list(catalog, _sources_used(catalog, members)), ""]
    return "\n".join(out)


def evidence_table(catalog: Catalog, links: Links) -> str:
    """Exercise, study and %MVIC range for every catalog entry that has a figure."""
    rows = []
    for row in evidence_rows(catalog):
        rows.append(
            f'<tr data-exercise="{_e(row.exercise_id)}" data-study="{_e(row.study)}">'
            f'<td><a href="{_e(links.exercise(row.exercise_id))}">{_e(row.exercise_name)}</a></td>'
            f"<td>{_e(row.cite)}</td>"
            f'<td data-mvic="{_e(row.range_text)}">{_e(row.range_text)} ({_e(row.measure)})</td>'
            f"<td>{_e(_note_text(row.status, row.note))}</td>"
            "</tr>"
        )
    table = _table(["Exercise", "Study", "Gluteus medius, %MVIC", "Note"], rows, "evidence-table")
    return table + "\n\n" + _caveat(catalog)


def exercise_index(catalog: Catalog, links: Links) -> str:
    """The library overview: each family under its phase, with the leg that works and its versions."""
    out = []
    for phase in PHASES:
        families = [f for f in catalog.families() if f.phase == phase]
        if not families:
            continue
        out += [f"## {_e(PHASE_LABELS[phase])} {{#{phase}}}", ""]
        items = []
        for family in families:
            members = catalog.family_members(family.id)
            versions = ", ".join(
                f'<a href="{_e(links.exercise(m.id))}">{_e(m.name)}</a>' for m in members if m.id != family.id
            )
            items.append(
                '<li class="hd-index-entry">'
                f'<a href="{_e(links.exercise(family.id))}"><strong>{_e(family.name)}</strong></a>'
                + (_still(family, links) or "<br>")
                + f"{_e(family.purpose)}"
                f"<br><strong>Which leg does the work?</strong> {_e(family.working_leg.headline)}"
                + (f"<br><strong>Versions:</strong> {versions}" if versions else "")
                + "</li>"
            )
        out += ['<ul class="hd-index">' + "".join(items) + "</ul>", ""]
    return "\n".join(out)
