"""Pure HTML of the clinical tables, for the pages that state them (rendered at build time).

- ``warning_signs_html(style, links)``: the warning signs by urgency. ``style`` is "box" (the full
  red-flag box of lesson 3 and the FAQ), "home" (the home page's short warning) or "form-note".
- ``approach_limits_html()``: after a hip replacement, each surgical approach with the movements
  the program leaves out for the first weeks (lesson 3b's table).
- ``clinical_rules_html(catalog)``: the "Clinical rules" page body: whom the picker is for, every
  warning sign with its urgency, its source and what that source says, every limit with the
  exercises it excludes, every dose rule with its source, the pain-monitoring rule, every course
  convention marked as one, the choices where the course differs from a reviewer's suggestion
  (``DECISIONS``) with the reason and a source, and the full references.
- ``pain_monitoring_html()``: the pain-monitoring rule with its caveat (lesson 5 and the page above).

Links are passed in (``links`` maps "red-flags" and "program" to addresses seen from the page);
this module formats none. All text is escaped.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from ..catalog import PRECAUTIONS_BY_ID, Catalog
from ..session.rules import SESSION_RULES  # the guided session's own rules (the session uses the picker's)
from . import pain_monitoring
from .answers import QUESTIONS, REQUIRED
from .limits import (
    APPROACH_WEEKS,
    CLINICIAN_LIMITS,
    EARLY_RULE,
    EARLY_TAGS,
    EARLY_WEEKS,
    FALLS_TAGS,
    FRACTURE_RULE,
    FRACTURE_TAGS,
    LOW_LOAD_PAIN,
    OUTER_HIP_TAGS,
    PARTIAL_WEIGHT_TAGS,
    PHYSIO_FIRST,
    POST_OP_START_LEVEL,
    POST_OP_START_RULE,
    POST_OP_START_TAGS,
    POSTNATAL_TAGS,
    POSTNATAL_WEEKS,
    PREGNANCY_BACK_WEEKS,
    PREGNANCY_LATE_TAGS,
    PREGNANCY_LATE_WEEKS,
    PREGNANCY_TAGS,
    PROCEDURES,
    REPAIR_REFERRAL,
    SOURCE_EARLY,
    SOURCE_FALLS,
    SOURCE_FRACTURE,
    SOURCE_OUTER_HIP,
    SOURCE_POST_OP_START,
    SOURCE_POSTNATAL,
    SOURCE_PREGNANCY,
    SOURCE_PREGNANCY_LATE,
    SOURCE_SURGERY_IMPACT,
    SURGERY_IMPACT_TAGS,
)
from .rules import DOSE_RULES, GENTLE_START_WHEN, IMPACT_GOAL, MAX_PER_PHASE, MOVING_ON, STRENGTH_DAYS
from .safety import ADULT_AGE, HIGH_PAIN, STOP_RULES
from .sources import COURSE_CONVENTION, SOURCES_BY_CITE
from .warning_signs import EMERGENCY, URGENCIES, WARNING_SIGNS, signs_at


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _link(links: dict | None, key: str, text: str) -> str:
    url = (links or {}).get(key)
    return f'<a href="{_e(url)}">{_e(text)}</a>' if url else _e(text)


def _signs_list(urgency: str, with_sources: bool) -> str:
    """The signs of one urgency; a sign with its own action (a child's) says it after the sign."""
    items = []
    for sign in signs_at(urgency):
        source = f' <span class="hd-source">({_e(sign.source)})</span>' if with_sources else ""
        action = f" <em>{_e(sign.action)}</em>" if sign.action else ""
        items.append(f"<li>{_e(sign.label)}.{action}{source}</li>")
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
    sources = sorted({cite for sign in WARNING_SIGNS for cite in sign.source.split("; ")} - {COURSE_CONVENTION})
    return (
        f'<div class="hd-callout hd-callout--danger hd-warning-signs" data-style="{_e(style)}">'
        '<p class="hd-callout-title">Warning signs: see a clinician, not an exercise program</p>'
        "<p>Each sign below counts on its own. If one applies to you, do not start the exercises "
        "in this course; get help at the urgency shown.</p>"
        + "".join(groups)
        + "<p>After recent surgery or a fracture, keep to your surgical team's limits; if no "
        "clinician has told you which movements and how much weight are safe, ask before any "
        "exercise. Some things are not warning signs on their own: walking that is worse after an "
        "exercise (stop that exercise and keep the others), a waddle in late pregnancy, and "
        "weakness from a long-standing condition that has not changed (it still needs a "
        "clinician's plan, see above).</p>" + f'<p class="hd-source">Sources: {_e("; ".join(sources))}. The '
        f"{_link(links, 'clinical-rules', 'clinical rules page')} says what each source says, where "
        "the course is more cautious, and gives the full references.</p></div>"
    )


# --- the pain-monitoring rule ----------------------------------------------------------------


def pain_monitoring_html() -> str:
    """The pain-monitoring rule as a callout, with its caveat, source and what is a convention."""
    rule = pain_monitoring.RULE
    steps = "".join(f"<li>{_e(step)}</li>" for step in rule.steps)
    return (
        '<div class="hd-callout hd-callout--note hd-pain-rule" id="pain-monitoring">'
        f'<p class="hd-callout-title">{_e(rule.title)}</p>'
        f"<ol>{steps}</ol>"
        f"<p>{_e(rule.caveat)}</p>"
        f'<p><strong class="hd-convention">Course convention:</strong> {_e(rule.convention)}</p>'
        f'<p class="hd-source">Source: {_e(rule.source)}.</p></div>'
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


def _movements(tags) -> str:
    return _e("; ".join(PRECAUTIONS_BY_ID[t].movement for t in tags))


def _signs_table() -> str:
    rows = []
    for sign in WARNING_SIGNS:
        level = next(u for u in URGENCIES if u.id == sign.urgency)
        action = sign.action or sign.what_to_do
        rows.append(
            (
                _e(sign.label),
                f"<strong>{_e(level.label)}</strong>",
                _e(sign.whom),
                _e(action),
                _e(sign.why),
                _e(sign.source),
                _e(sign.source_says) + _convention(sign.convention),
            )
        )
    return _table(("Sign", "Urgency", "Whom", "What to do", "Why", "Source", "What the source says"), rows)


def approach_limits_html() -> str:
    """Each hip-replacement approach, where the surgeon goes in, and the movements it limits."""
    rows = []
    for procedure in PROCEDURES:
        if not procedure.id.startswith("hip-replacement-"):
            continue
        rows.append((_e(procedure.label), _e(procedure.definition), _movements(procedure.tags)))
    return _table(
        ("Approach", "What it means", f"Movements the program leaves out for the first {APPROACH_WEEKS} weeks"), rows
    )


def _procedure_rows(catalog: Catalog) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for procedure in PROCEDURES:
        if procedure.refer:
            rows.append(
                (
                    f"{_e(procedure.label)}: {_e(procedure.definition)}",
                    "everything: no program",
                    "every exercise: the reader is sent back to the surgeon's protocol. " + _e(REPAIR_REFERRAL),
                    _e(procedure.source),
                )
            )
            continue
        words = _movements(procedure.tags) or "no movement limits of its own"
        window = f" (first {APPROACH_WEEKS} weeks)" if procedure.tags else ""
        if procedure.kind == "fracture":
            window = f" ({_e(FRACTURE_RULE)})"
        rows.append(
            (
                f"{_e(procedure.label)}: {_e(procedure.definition)}",
                words + window,
                _excluded(catalog, procedure.tags),
                _e(procedure.source),
            )
        )
    return rows


def _clinician_rows(catalog: Catalog) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for limit in CLINICIAN_LIMITS:
        side = " (only exercises that put the operated side down)" if limit.operated_side_only else ""
        rows.append(
            (
                f"Clinician's limit: {_e(limit.label)}",
                _movements(limit.tags) + side,
                _excluded(catalog, limit.tags),
                _e("the reader's own clinician"),
            )
        )
    return rows


def _situation_rows(catalog: Catalog) -> list[tuple[str, ...]]:
    return [
        (
            "Partial weight-bearing on the operated leg",
            _movements(PARTIAL_WEIGHT_TAGS) + "; lying on the operated side",
            _excluded(catalog, PARTIAL_WEIGHT_TAGS) + "; and every lying exercise on the operated side",
            _e(COURSE_CONVENTION),
        ),
        (
            "No weight allowed on the operated leg, not sure how much, or no clinician's guidance yet",
            "everything",
            "every exercise: the reader is referred back to the surgical team",
            _e("your surgical team's limits come first; " + COURSE_CONVENTION),
        ),
        (
            f"The early weeks: {_e(EARLY_RULE)}",
            _movements(EARLY_TAGS)
            + "; standing on the operated leg without holding a support; lying on the operated side; "
            "every family capped at its easier version; no movement-retraining phase",
            _excluded(catalog, EARLY_TAGS) + "; and the versions above the easier one",
            _e(SOURCE_EARLY) + f" (the {EARLY_WEEKS} weeks)",
        ),
        (
            "Any surgery or fracture the reader reports, however long ago",
            _movements(SURGERY_IMPACT_TAGS)
            + ": being cleared to stand on the operated leg is not being cleared to land on it",
            _excluded(catalog, SURGERY_IMPACT_TAGS),
            _e(SOURCE_SURGERY_IMPACT),
        ),
        (
            f"A fracture, fixed with metal or not: {_e(FRACTURE_RULE)} (the question: "
            f"{_e(QUESTIONS['bone_healed'])} A blank, no or not sure keeps the limits)",
            _movements(FRACTURE_TAGS)
            + f"; after {APPROACH_WEEKS} weeks without the team's word that it has healed, also a gentle "
            "start and the note: check with your fracture team (the bone may be healing slowly)"
            + _convention("the gentle start for a fracture not yet healed is the course's own rule."),
            _excluded(catalog, FRACTURE_TAGS),
            _e(SOURCE_FRACTURE),
        ),
        (
            "Any surgery or fracture the reader reports, however long ago: the start",
            f"{_movements(POST_OP_START_TAGS)}, and every version above {_e(POST_OP_START_LEVEL)}, at the "
            f"start only: {_e(POST_OP_START_RULE)}"
            + _convention("the start cap after surgery or a fracture is the course's own rule."),
            _excluded(catalog, POST_OP_START_TAGS) + "; and every harder version (at the start only)",
            _e(SOURCE_POST_OP_START),
        ),
        (
            "Pain on the outside of the hip (lying on that side or standing on that leg hurts)",
            f"everything but the isometric drills, and {_movements(OUTER_HIP_TAGS)}; "
            f"strengthening and movement retraining wait for a physiotherapist. The program's first "
            f"note: {_e(PHYSIO_FIRST)}",
            _excluded(catalog, OUTER_HIP_TAGS) + "; and every other exercise that is not isometric",
            _e(SOURCE_OUTER_HIP + " (isometrics first); " + COURSE_CONVENTION + " (isometrics only)"),
        ),
        (
            f"A gentle start, for any of: {_e('; '.join(GENTLE_START_WHEN))}",
            _e(PRECAUTIONS_BY_ID["high-load"].movement)
            + "; every family capped at its easier version; movement retraining held until its check "
            "(lesson 5) is passed; the gentlest low-load drill of a family comes first"
            + _convention("the gentle start and every reason for it are the course's own rule."),
            _excluded(catalog, ("high-load",)) + "; and the versions above the easier one",
            _e(COURSE_CONVENTION),
        ),
        (
            "A fall in the last 12 months, or a walking stick, crutches or a frame",
            _movements(FALLS_TAGS) + "; the support may be held firmly; a strength-and-balance programme is suggested",
            _excluded(catalog, FALLS_TAGS),
            _e(SOURCE_FALLS + " (strength-and-balance programmes); " + COURSE_CONVENTION + " (what is left out)"),
        ),
        (
            f"Pregnancy of {PREGNANCY_BACK_WEEKS} weeks or more",
            _movements(PREGNANCY_TAGS)
            + f" (the NHS: especially after {PREGNANCY_BACK_WEEKS} weeks; ACOG 2020: from about "
            f"{PREGNANCY_LATE_WEEKS} weeks; the course takes the earlier)",
            _excluded(catalog, PREGNANCY_TAGS),
            _e(SOURCE_PREGNANCY),
        ),
        (
            f"Pregnancy of {PREGNANCY_LATE_WEEKS} weeks or more, until the midwife or doctor has cleared "
            "them (the program does not ask, so it leaves them out)",
            _movements(PREGNANCY_LATE_TAGS)
            + _convention(
                f"no hops, balance work, high-load exercise or side plank from {PREGNANCY_LATE_WEEKS} weeks "
                "is the course's own rule; ACOG 2020 is its background."
            ),
            _excluded(catalog, PREGNANCY_LATE_TAGS),
            _e(SOURCE_PREGNANCY_LATE),
        ),
        (
            f"Gave birth in the last {POSTNATAL_WEEKS} weeks",
            _movements(POSTNATAL_TAGS)
            + "; a gentle start (every family capped at its easier version, movement retraining held); the "
            "program's note: have the 6 to 8 week postnatal check and see a pelvic-health physiotherapist "
            "before moving on"
            + _convention(
                "the gentle start, and leaving out bands, weights, high-load exercise and side planks, are "
                "the course's own rule; Goom, Donnelly & Brockwell 2019 give the graded return over the "
                "first 12 weeks."
            ),
            _excluded(catalog, POSTNATAL_TAGS) + "; and the versions above the easier one",
            _e(SOURCE_POSTNATAL),
        ),
        (
            "Any goal but a return to sport",
            _movements(("impact",)),
            _excluded(catalog, ("impact",)),
            _e(COURSE_CONVENTION),
        ),
    ]


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
        f"The course is for adults, {ADULT_AGE} and over: a reader under {ADULT_AGE} is sent to a GP or a "
        "children's physiotherapist and gets no program.",
        "A blank answer is never taken as a safe one: the picker asks the reader to answer, in the "
        "question's own words. The warning signs and the clinician's limits are answered by ticking "
        "them or by ticking None of these.",
        f"A phase holds at most {MAX_PER_PHASE} exercises, and exercises are dropped when they do "
        "not fit the reader's minutes (each one listed with the reason).",
        f"Approach precautions after a hip replacement apply for the first {APPROACH_WEEKS} weeks; the "
        "mapping from approach to precautions is the usual pattern, and the surgeon's own list comes "
        'first. "Not sure" takes every approach\'s precautions.',
        f"A fracture's own limits, fixed with metal or not (no band, weight, heavy load or side plank), "
        f"apply for {FRACTURE_RULE}: the calendar alone never lifts them, and a blank, no or not sure "
        "about healing keeps them.",
        f"A fracture the team has not yet said has healed, after {APPROACH_WEEKS} weeks, may be healing "
        "slowly: the reader starts gently until the team says it has healed, with a note to check with "
        "the fracture team.",
        f"After surgery or a fracture, however long ago, every family starts no higher than its "
        f"{POST_OP_START_LEVEL} version and with no band, weight or high-load version (so a side plank "
        "from the knees comes before a side plank with a leg lift); the guided session steps the reader "
        "up from there.",
        "Standing on one leg, shifting the weight onto one leg and a side plank load the side hip "
        "muscles of the leg that carries the body (abductor loading), so a lateral approach, a "
        "no-active-abduction limit and a tendon repair exclude them as they exclude lifting the leg "
        "out to the side (after a hip replacement, Jacobs et al. 2009 found no difference in gluteus "
        "medius activity between standing and lying abductor exercises).",
        f"The early weeks: the first {EARLY_WEEKS} weeks after surgery or a fracture, and after that "
        "until the reader's team has cleared standing on the operated leg alone.",
        "Partial weight-bearing leaves out every exercise that stands on one leg, holds a side "
        "plank, hops, loads the hip heavily or tests balance, and every lying exercise on the operated side.",
        f"A gentle start, for any of: {'; '.join(GENTLE_START_WHEN)}: every family at its easier "
        "version, no high-load exercise, no movement retraining until its check.",
        "A gentle start begins lying down for pain of "
        f"{LOW_LOAD_PAIN}/10 or more, after surgery or a fracture, or while a fracture heals, and standing on "
        "both feet otherwise.",
        "Outer hip pain gives the isometric drills only, with 'see a physiotherapist first' (after "
        "surgery or a fracture: 'ask your surgical or fracture team first'); the reader is assumed to "
        "have it on the side they train.",
        f"In the {POSTNATAL_WEEKS} weeks after a birth, new pain of {pain_monitoring.TEAM_CHECK_AT}/10 or more "
        "puts a note at the top of the program: see a GP, midwife or pelvic-health physiotherapist first.",
        f"New pain of {HIGH_PAIN}/10 or more gives rest and review; a long-standing usual pain of "
        f"{HIGH_PAIN}/10 or more gives a referral. Pain is 'new' if it began or clearly changed in the last 3 months.",
        f"After surgery or a fracture, however long ago: new pain of {HIGH_PAIN}/10 or more sends the reader "
        "to their surgical or fracture team today (with the emergency signs to watch for, quoted from the "
        f"warning-sign table), a long-standing usual pain of {HIGH_PAIN}/10 or more to the same team within "
        f"a few days, and a usual pain of {pain_monitoring.TEAM_CHECK_AT}/10 or more puts a note at the "
        "top of the program to contact the team before starting. "
        "The program's pain stop rule then names only the team.",
        "Surgery or a fracture during pregnancy gives no program: the reader asks the surgical or "
        "fracture team and the maternity team to plan the exercises together. A reader under 16 after "
        "surgery or a fracture is sent to their own surgical or fracture team.",
        "Within a phase, the versions the reader has progressed furthest along are kept first; for a "
        "return to sport, the hops and then the other exercises that need a single-leg squat come first.",
        f"Hops are only for the goal '{IMPACT_GOAL.replace('-', ' ')}', only after a free single-leg "
        "squat, never after surgery or a fracture the reader reports (the surgical team decides when "
        "to run and jump), and start in place.",
        "Which exercises carry which tag is the course's judgement from each exercise's position and "
        "movement (for example, lying with the legs stacked counts as bringing the leg to the middle "
        "of the body, and standing on one leg presses the outer hip).",
        "The exercises that made walking worse are left out with every harder version of them; "
        "walking worse after every exercise tried sends the reader to a physiotherapist.",
        "The checks for moving on between phases are the course's own (the 30 seconds are "
        "borrowed from the clinical test of Hardcastle & Nade 1985, which is done by a clinician "
        "without a support).",
        "The hand on the standing leg's side holds the support in supported standing exercises, "
        "so it does not do the standing hip's job (by analogy with the clinical test, which "
        "allows a stick only in that hand).",
        "Motor-control doses (sets, repetitions, holds, days) for low-load drills, the isometric "
        "doses and the hop doses: no guideline gives a number.",
        "Movement retraining is dosed for the reader's goal, on at most 3 days a week.",
        f"From about {PREGNANCY_LATE_WEEKS} weeks of pregnancy the program leaves out hops, balance-testing "
        "exercises, high-load exercise and side planks until the reader's midwife or doctor has cleared "
        "them (ACOG 2020, which advises against activities with a high risk of falling, is the background).",
        f"In the {POSTNATAL_WEEKS} weeks after giving birth the program starts gently (every family at its "
        "easier version, movement retraining held) and leaves out bands, weights, high-load exercise, side "
        "planks and hops, with a note to have the 6 to 8 week postnatal check and see a pelvic-health "
        "physiotherapist before moving on (Goom, Donnelly & Brockwell 2019 give a graded return over the "
        "first 12 weeks and a physiotherapist's assessment before running).",
    ]
    items += [f"Guided sessions: {rule.title.lower()}: {rule.text}" for rule in SESSION_RULES if rule.convention]
    items += [f"{sign.label}: {sign.convention}" for sign in WARNING_SIGNS if sign.convention]
    items += [f"Stop rule: {rule.text}" for rule in STOP_RULES if COURSE_CONVENTION in rule.source]
    items += [
        f"Moving on ({phase}): {reason.text}"
        for phase, reasons in MOVING_ON.items()
        for reason in reasons
        if COURSE_CONVENTION in reason.source
    ]
    return items


@dataclass(frozen=True)
class Decision:
    """A choice where the course goes its own way, or further than a suggestion it was given."""

    question: str
    answer: str
    source: str


DECISIONS: tuple[Decision, ...] = (
    Decision(
        "Should the early limits after surgery end at 6 weeks, or when the team clears standing on "
        "the operated leg alone?",
        "Both must be true before they end. A team may clear single-leg standing earlier or later "
        "than 6 weeks; the course takes the later of the two, so a blank or 'not sure' never ends them.",
        COURSE_CONVENTION + "; NHS: Hip replacement recovery",
    ),
    Decision(
        "In the early weeks, is only the operated leg kept from balance work?",
        "No: the program has no balance-testing exercise on either leg then, and no side plank, "
        "even on a counter. A fall on crutches in the first weeks risks the new joint or the fixed "
        "bone whichever leg is standing. This is more cautious than asked.",
        COURSE_CONVENTION,
    ),
    Decision(
        "After a lateral-approach hip replacement (first 12 weeks), a no-active-abduction limit or "
        "a tendon repair, which abductor work is left?",
        "None from this course. In those weeks every exercise the program could give either lifts "
        "the leg out, presses it out, or loads the side hip muscles under the body's weight (and "
        "hops are left out after any surgery), so the reader is sent "
        "back to the team's own program (after a tendon repair always, with the reason).",
        COURSE_CONVENTION + "; Jacobs et al. 2009",
    ),
    Decision(
        "Is the step hip dip a low-load daily drill?",
        "No. It stands the whole body on one leg, with 57 to 59% of a maximal contraction (mean "
        "values, reported by the source article from Bolgla & Uhl 2005), so it is dosed as strength "
        "work on 2 to 3 days a week. Only the versions with both feet down, lying, or a hand on a "
        "counter are practised on most days.",
        "Bolgla & Uhl 2005 as reported by Maghsoodi 2019; ACSM 2009",
    ),
    Decision(
        "Outer hip pain: a capped program, or isometrics only?",
        "Isometrics only, with 'see a physiotherapist first', the words of lesson 3b and the FAQ. "
        "Standing on one leg is the provocation test for gluteal tendinopathy, and the tested program "
        "began with isometrics under a physiotherapist.",
        SOURCE_OUTER_HIP,
    ),
    Decision(
        "A blood clot after surgery: urgent GP, or A&E?",
        "A&E today for a swollen, painful calf after an operation, and 999 for breathlessness or "
        "chest pain. The NHS page asks for an urgent GP appointment or NHS 111 for the calf; the "
        "course is more cautious and says so in the table.",
        "NHS: DVT",
    ),
    Decision(
        "New pain of 7 out of 10 or more: a referral?",
        "Rest and review: new, strong pain often settles, and the advice says to see a doctor or "
        "physiotherapist if it does not settle or gets worse. A long-standing usual pain of 7 or more "
        "gets a referral, because the pain-monitoring rule cannot guide it. After surgery or a fracture, "
        "new pain of 7 or more is a referral to the surgical or fracture team the same day: it can mean "
        "a problem with the new joint, the metalwork or the healing bone.",
        COURSE_CONVENTION,
    ),
    Decision(
        "In which phase is the standing wall press?",
        "Movement retraining (phase 3). It also builds strength in the standing hip, but it is done "
        "standing on one leg in a walking-like position, so it waits for phase 3's check.",
        COURSE_CONVENTION,
    ),
    Decision(
        "After a fracture, does the bone-healed answer alone lift the fracture limits?",
        f"No: they hold for {FRACTURE_RULE}. A team may say the bone has healed before 12 weeks; the "
        "course still waits for the 12 weeks, as it does for a hip replacement's precautions, so it "
        "takes the later of the two, and a blank, no or not sure never ends them.",
        SOURCE_FRACTURE,
    ),
    Decision(
        "After surgery or a fracture, does the standard-version cap also hold in the guided session?",
        "No, it caps only the start. The session makes an exercise harder one step at a time (more "
        "repetitions, then a set, then the harder version) only after two good sessions in a row, at "
        "least 7 days at the dose, within the pain rule; that graded, logged step up is what the cap "
        "waits for. Limits still hold in the session: while a fracture's limits apply, it never steps "
        "up to a version with a band, weight, heavy load or side plank.",
        SOURCE_POST_OP_START,
    ),
    Decision(
        "After surgery or a fracture, when may the program give hops?",
        "Never: the program leaves hops out for anyone who reports surgery or a fracture, however "
        "long ago and even when the team has cleared standing on the operated leg. Landing loads a "
        "healing bone or a new joint more than standing does, and the program cannot know when the "
        "team will allow it. The reader asks the surgical team when to start.",
        COURSE_CONVENTION,
    ),
    Decision(
        "From when does the program leave out exercise lying on the back in pregnancy: 16 or 20 weeks?",
        f"From {PREGNANCY_BACK_WEEKS} weeks. The NHS advises against lying flat on the back for long, "
        f"especially after {PREGNANCY_BACK_WEEKS} weeks; ACOG 2020 says from about {PREGNANCY_LATE_WEEKS}. The "
        "course takes the earlier, so the form asks whether the reader is under 16 weeks, 16 to 19 weeks, "
        "or 20 weeks or more. An answer saved before this change ('under 20 weeks') is read as 16 to 19 weeks.",
        "NHS: Exercise in pregnancy; ACOG 2020",
    ),
    Decision(
        "Where do the hops start for a return to sport?",
        "In place on one leg, even when the reader can squat freely: the program does not ask "
        "whether they can hop. The lesson 6 checklist (10 hops on each leg with soft, level landings) "
        "is the next step.",
        COURSE_CONVENTION + "; Ardern et al. 2016 (a gradual return)",
    ),
)


def _session_rules() -> str:
    rows = [
        (
            f"<strong>{_e(rule.title)}</strong>",
            _e(rule.text)
            + (' <strong class="hd-convention">Includes a course convention.</strong>' if rule.convention else ""),
            _e(rule.source),
        )
        for rule in SESSION_RULES
    ]
    return _table(("Rule", "What the session does", "Source"), rows)


def _decisions() -> str:
    rows = [(_e(d.question), _e(d.answer), _e(d.source)) for d in DECISIONS]
    return _table(("Question", "What the course does, and why", "Source"), rows)


def _required_list() -> str:
    return "<ul>" + "".join(f"<li>{_e(QUESTIONS[name])}</li>" for name in REQUIRED) + "</ul>"


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
    limits = _procedure_rows(catalog) + _clinician_rows(catalog) + _situation_rows(catalog)
    return "".join(
        [
            '<section class="hd-clinical-rules">',
            '<h2 id="whom">Whom the picker is for</h2>',
            f"<p>Adults ({ADULT_AGE} and over) without a warning sign. A reader under {ADULT_AGE} gets no "
            "program: the page sends them to a GP or a children's physiotherapist and says why. "
            "No answer that matters for safety may be left blank; these must always be answered:</p>",
            _required_list(),
            "<p>After surgery or a fracture the side, the weeks, what was done, whether a clinician "
            "has given guidance, the weight the leg may take and whether the team has cleared standing "
            "on the operated leg alone must also be answered (not sure is an answer, and gives the "
            "cautious branch), and, when a clinician has given guidance, the limits (or none); after a "
            "fracture (fixed with metal or not), whether the team has said the bone has healed (a blank is "
            "read as not healed).</p>",
            '<h2 id="warning-signs">Warning signs</h2>',
            "<p>Any one sign on its own gives a referral and no exercises. The most urgent sign "
            "ticked sets the urgency. The last column says what each source says, and where the "
            "course is more cautious than its source, or the rule is its own.</p>",
            urgencies,
            _signs_table(),
            '<h2 id="limits">Limits and the exercises they exclude</h2>',
            "<p>Each exercise in the catalog carries the tags of the movements and loads it involves. "
            "A limit excludes every exercise with one of its tags.</p>",
            _table(("Limit", "Movements or loads excluded", "Exercises excluded", "Source"), limits),
            '<h2 id="doses">Doses</h2>',
            f"<p>No high-load exercise, and nothing but low-load activation drills, is dosed on more "
            f"than {STRENGTH_DAYS} days a week.</p>",
            _dose_table(catalog),
            '<h2 id="pain">Pain</h2>',
            f"<p>New pain of {HIGH_PAIN}/10 or more: rest and review, no program. A long-standing usual "
            f"pain of {HIGH_PAIN}/10 or more: a referral, no program. After surgery or a fracture: new pain of "
            f"{HIGH_PAIN}/10 or more, the surgical or fracture team today; long-standing, the same team within a "
            f"few days; a usual pain of {pain_monitoring.TEAM_CHECK_AT}/10 or more, a program that opens "
            f'with a note to contact the team first (<strong class="hd-convention">course convention</strong>). '
            "Every program carries this rule:</p>",
            pain_monitoring_html(),
            '<h2 id="sessions">Guided sessions and the log</h2>',
            "<p>The guided session follows the program and every rule above: the warning signs, the "
            "stop rules, the pain-monitoring rule, the doses and the checks for moving on. These are the "
            "rules it adds to judge a reader's log:</p>",
            _session_rules(),
            '<h2 id="conventions">Course conventions</h2>',
            "<p>These rules are the course's own choices, with no published source behind them:</p>",
            "<ul>"
            + "".join(
                f'<li><strong class="hd-convention">Course convention:</strong> {_e(i)}</li>' for i in _conventions()
            )
            + "</ul>",
            '<h2 id="decisions">Choices the course made, and why</h2>',
            "<p>Where the course goes further than a suggestion it was given, or chose between two "
            "readings, the reason and the source:</p>",
            _decisions(),
            '<h2 id="sources">Sources</h2>',
            _references(),
            "</section>",
        ]
    )
