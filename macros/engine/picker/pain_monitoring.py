"""The pain-monitoring rule: how much pain during and after the exercises is acceptable, judged
against the reader's usual pain. It lives here once: the picker's stop rules, the clinical rules
page and lesson 5 (the ``pain_monitoring_rule()`` macro) show ``RULE``, and anything that judges a
logged session (a later session log) calls ``judge`` with the same numbers.

The rule (``judge``):

- Pain is rated from 0 (none) to 10 (worst imaginable). The reader's **usual** pain is the
  baseline: the pain on most days at the moment, before exercising.
- During the exercises, and afterwards, pain may rise **at most ``ALLOWED_RISE`` points above the
  usual level, and never above ``MAX_PAIN``** out of 10 (a usual pain of ``MAX_PAIN`` or more may
  not rise at all), and it must be **back to the usual level by the next morning**.
- If it rises more, or has not settled by the next morning, the next session goes back a step (an
  easier version, or fewer sets). Stop the exercises and see a physiotherapist when it happens in
  ``BROKEN_IN_A_ROW`` sessions in a row at the easiest version and fewest sets, when any rating
  reaches ``STOP_AT``, or when the highest pain of a week is above the usual pain and higher than
  the week before. An exercise stopped for sharp pain ``SHARP_TIMES`` times is left out until a
  physiotherapist has checked it. These four are course conventions, more cautious than any
  published rule; the guided session applies them to its log (``session.rules``).
- After surgery or a fracture the same four send the reader to their surgical or fracture team,
  not to any physiotherapist (``AFTER_SURGERY``): today when the pain reaches ``STOP_AT``, or with
  the warning sign of a red, hot or oozing wound or a fever (its urgency is the warning-sign
  table's). Pain that high, or rising, after a joint replacement or a fixation can mean an
  infection, a loosening or a fixation that has failed: the team that did the operation or treats
  the fracture has the records and the X-rays (NHS: Hip replacement recovery: contact the care team
  about new problems with the hip).
- A usual pain of ``REFER_AT`` or more is too high a baseline for this rule: the reader sees a
  physiotherapist or doctor first (``refer_first``). After surgery or a fracture the reader contacts
  their surgical or fracture team instead: today when the pain is new, soon when it is long-standing
  (``TEAM_TODAY``, ``TEAM_SOON``). A usual pain of ``TEAM_CHECK_AT`` to ``REFER_AT`` - 1 after surgery
  or a fracture gets a program with ``TEAM_CHECK`` at its top. These urgencies and ``TEAM_CHECK_AT``
  are course conventions; whom to contact is the NHS's (contact the care team about new problems).
- A program's pain stop rule (``personal_line``) names the team, and only the team, for a reader
  after surgery or a fracture (``STOP_AND_SEE_TEAM``, ``SHARP_OUT_TEAM``).

Source: the pain-monitoring model of Silbernagel et al. 2007, tested in Achilles tendinopathy (pain
during activity up to 5 out of 10, settled by the next morning, not building from week to week).
The course uses it by analogy for the hip, keeps its ceiling of 5 out of 10, and makes it relative
to the usual pain, so that a reader whose usual pain is low does not take 5 as a target; the
relative form, the 2 points, "no rise" from a usual pain of 5 or more and the referral at 7 are
course conventions.
"""

from dataclasses import dataclass

from .sources import COURSE_CONVENTION

ALLOWED_RISE = 2  # points above the usual pain, during the exercises and after
MAX_PAIN = 5  # never above this during or after (Silbernagel et al. 2007's ceiling)
REFER_AT = 7  # a usual pain at or above this sends the reader to a clinician first
TEAM_CHECK_AT = 4  # after surgery or a fracture, a usual pain this high: the team checks it first
STOP_AT = REFER_AT  # any rating this high stops the exercises (no program has a usual pain this high)
BROKEN_IN_A_ROW = 2  # the rule broken in this many sessions in a row at the easiest dose: stop
SHARP_TIMES = 2  # stopped for sharp pain this many times: the exercise is left out until checked
SCALE = (0, 10)

OK = "ok"
TOO_MUCH = "too-much"  # rose more than ALLOWED_RISE above the usual pain
NOT_SETTLED = "not-settled"  # still above the usual pain the next morning
REFER = "refer"  # the usual pain itself is REFER_AT or more


def times_in_words(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


# Sudden severe pain after an operation can be a dislocation or a broken bone or fixation: the
# emergency warning signs, not a call to the team.
SUDDEN_AFTER_SURGERY = (
    "If the pain came on suddenly, with a clunk, a leg that looks shorter or turned, or you cannot "
    "take weight on it, go to A&E now (a warning sign)."
)

# Whom the four stops send a reader to after surgery or a fracture, and the source for it.
TEAM = "your surgical or fracture team"
SURGICAL_TEAM = f"{TEAM} (the team that did the operation or treats the fracture)"
AFTER_SURGERY_SOURCE = "NHS: Hip replacement recovery"
AFTER_SURGERY = (
    f"After surgery or a fracture, these stops send you to {SURGICAL_TEAM}, not to any physiotherapist: "
    f"contact them, and do it today if your pain reaches {STOP_AT} out of 10 or more, or if the wound is "
    f"red, hot or oozing or you have a fever (a warning sign); with a fever and pain of {STOP_AT} or more, "
    f"go to A&E now. {SUDDEN_AFTER_SURGERY}"
)

# A fever with a pain this high after an operation is the fever-with-severe-hip-pain emergency.
FEVER_AND_HIGH_PAIN = "If you have a fever as well as this pain, go to A&E now."

# After surgery or a fracture, a high usual pain sends the reader to the team (course conventions).
TEAM_TODAY = (
    f"Contact {SURGICAL_TEAM} today. Do no exercises until they have checked the hip. Strong new pain "
    "after an operation or a fracture can mean a problem with the new joint, the metalwork or the "
    "healing bone. They have your records and X-rays."
)
TEAM_SOON = (
    f"Contact {SURGICAL_TEAM} within the next few days, before you start these exercises. Ask them to "
    "check the hip and to say how much pain during exercise is all right for you."
)
TEAM_CHECK = (
    f"Contact {TEAM} before you start: pain at this level after an operation or fracture should be "
    "checked by them (a course convention)."
)

# The four stops, in the words every page and every program's stop rules use.
STOP_AND_SEE = (
    f"Stop the exercises and see a physiotherapist if your pain reaches {STOP_AT} out of 10 or more, "
    "if your highest pain in a week is above your usual level and higher than the week before, or if "
    f"your pain breaks this rule {times_in_words(BROKEN_IN_A_ROW)} in a row when you are already at the easiest "
    "version and the fewest sets."
)
SHARP_OUT = (
    f"If an exercise gives you sharp pain {times_in_words(SHARP_TIMES)}, leave it out until a "
    "physiotherapist has checked it."
)
# The same four stops for a reader after surgery or a fracture: the team, not any physiotherapist.
STOP_AND_SEE_TEAM = (
    f"Stop the exercises and contact {SURGICAL_TEAM} if your pain reaches {STOP_AT} out of 10 or more "
    "(contact them today), if your highest pain in a week is above your usual level and higher than "
    f"the week before, or if your pain breaks this rule {times_in_words(BROKEN_IN_A_ROW)} in a row when "
    "you are already at the easiest version and the fewest sets. Contact them today, too, if the wound "
    "is red, hot or oozing or you have a fever (a warning sign); with a fever and pain of "
    f"{STOP_AT} or more, go to A&E now. {SUDDEN_AFTER_SURGERY}"
)
SHARP_OUT_TEAM = (
    f"If an exercise gives you sharp pain {times_in_words(SHARP_TIMES)}, leave it out until {TEAM} has checked it."
)
# The same four stops one by one, for a page that lists them (the session page's ``pain_stop_rules()``).
SEE = "stop the exercises and see a physiotherapist"
STOP_LIST = (
    f"Pain of {STOP_AT} out of 10 or more, during an exercise or the next morning: {SEE}.",
    f"Your highest pain in a week above your usual level and higher than in the week before, even by one point: {SEE}.",
    f"Pain that breaks the pain-monitoring rule {times_in_words(BROKEN_IN_A_ROW)} in a row when you are at the "
    f"easiest version and the fewest sets: {SEE}.",
    f"Sharp pain {times_in_words(SHARP_TIMES)} in the same exercise: leave that exercise out until a "
    "physiotherapist has checked it, and keep the others.",
)
# The words that close every program's pain stop rule (after ``STOP_AND_SEE``): the sharp-pain
# rule, then whom all four send a reader to after surgery or a fracture.
LEAVE_OUT_SHARP = f"{SHARP_OUT} {AFTER_SURGERY}"


@dataclass(frozen=True)
class PainRule:
    """The rule as the reader reads it, with its source and what in it is a course convention."""

    title: str
    steps: tuple[str, ...]
    caveat: str
    source: str
    convention: str


RULE = PainRule(
    title="The pain-monitoring rule",
    steps=(
        "Before you start, rate your usual pain, the pain you have on most days at the moment, "
        "from 0 (none) to 10 (worst imaginable).",
        f"During the exercises and afterwards, your pain may go up by no more than about "
        f"{ALLOWED_RISE} points above your usual level, and never above {MAX_PAIN} out of 10. If your "
        f"usual pain is already {MAX_PAIN} or more, it should not go up at all.",
        "By the next morning it should be back to your usual level.",
        "If it goes up more, or has not settled by the next morning, go back a step next time: an "
        "easier version, or fewer sets. Stop an exercise at once if the pain is sharp.",
        STOP_AND_SEE,
        SHARP_OUT,
        AFTER_SURGERY,
        f"If your usual pain is {REFER_AT} out of 10 or more, see a physiotherapist or doctor before "
        "you use this rule. After surgery or a fracture, contact your surgical or fracture team "
        "instead: today if the pain is new, within a few days if it is long-standing.",
        f"After surgery or a fracture, a usual pain of {TEAM_CHECK_AT} out of 10 or more should be "
        "checked by your surgical or fracture team before you start.",
    ),
    caveat="This way of judging pain was tested in people with Achilles tendinopathy (a sore heel "
    "tendon), where pain during exercise up to 5 out of 10 was allowed if it settled by the next "
    "morning (Silbernagel et al. 2007). The course uses it for the hip by analogy: it has not been "
    "tested for hip drop.",
    source="Silbernagel et al. 2007 (tested in Achilles tendinopathy; used here by analogy)",
    convention=f"Judging pain against your usual level, the {ALLOWED_RISE} points, no rise from a usual "
    f"pain of {MAX_PAIN} and the referral at {REFER_AT} out of 10 are the course's convention "
    f"({COURSE_CONVENTION}); the ceiling of {MAX_PAIN} out of 10 is Silbernagel et al. 2007's. The four "
    "reasons to stop and see a physiotherapist, or to leave an exercise out, are the course's own "
    "choice too, more cautious than any published rule. After surgery or a fracture they send you to "
    f"the team that treats you ({AFTER_SURGERY_SOURCE}: contact the care team about new problems); "
    f"'today' for pain of {STOP_AT} or more is the course's convention, and the wound or fever sign is "
    "a warning sign of the course's list. So are the urgencies for a high usual pain after surgery "
    f"(today when new, within a few days when long-standing) and the team's check from {TEAM_CHECK_AT} out of 10.",
)


@dataclass(frozen=True)
class PainVerdict:
    verdict: str  # OK | TOO_MUCH | NOT_SETTLED | REFER
    ceiling: int  # the highest acceptable pain for this reader
    text: str


def ceiling(usual: int) -> int:
    """The highest pain acceptable during and after the exercises for a reader's usual pain: up to
    ``ALLOWED_RISE`` above it, never above ``MAX_PAIN``, and no rise from a usual pain that high."""
    return max(usual, min(usual + ALLOWED_RISE, MAX_PAIN))


def refer_first(usual: int) -> bool:
    """A usual pain this high is a reason to see a clinician before using the rule."""
    return usual >= REFER_AT


def _check(name: str, value: int | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not SCALE[0] <= value <= SCALE[1]:
        raise ValueError(f"{name} must be a whole number from {SCALE[0]} to {SCALE[1]}, got {value!r}")


def judge(usual: int, during: int, next_morning: int | None = None) -> PainVerdict:
    """Judge one session: the usual pain, the worst pain during or after it, and the pain the next
    morning (None when not known yet)."""
    for name, value in (("usual", usual), ("during", during), ("next_morning", next_morning)):
        _check(name, value)
    top = ceiling(usual)
    if refer_first(usual):
        return PainVerdict(
            REFER,
            top,
            f"Your usual pain is {usual} out of 10: see a physiotherapist or doctor before you use this rule.",
        )
    if during > top:
        return PainVerdict(
            TOO_MUCH,
            top,
            f"Your pain reached {during} out of 10, above the {top} out of 10 the rule allows with your "
            f"usual {usual}: go back a step next time.",
        )
    if next_morning is not None and next_morning > usual:
        return PainVerdict(
            NOT_SETTLED,
            top,
            f"The next morning your pain was {next_morning} out of 10, above your usual {usual}: go "
            "back a step next time.",
        )
    return PainVerdict(OK, top, f"Within the rule: up to {top} out of 10, settled by the next morning.")


def allowance(usual: int) -> str:
    """What the rule lets the pain do during and after the exercises, in the reader's numbers:
    go up to the ``ceiling``, or not go up at all when the ceiling is the usual pain itself."""
    top = ceiling(usual)
    return f"it may go up to about {top} out of 10" if top > usual else "it should not go up at all"


def personal_line(usual: int, after_surgery: bool = False) -> str:
    """The rule with the reader's own numbers (for a program's stop rules). After surgery or a
    fracture the stops name only the reader's team (``STOP_AND_SEE_TEAM``, ``SHARP_OUT_TEAM``)."""
    stops = f"{STOP_AND_SEE_TEAM} {SHARP_OUT_TEAM}" if after_surgery else f"{STOP_AND_SEE} {LEAVE_OUT_SHARP}"
    return (
        f"Pain: your usual pain is {usual} out of 10, so during and after the exercises {allowance(usual)}, "
        f"and it should be back to {usual} by the next morning. "
        f"If it goes higher, or has not settled, go back a step next time; stop an exercise at once "
        f"if the pain is sharp. {stops}"
    )
