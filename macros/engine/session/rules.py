"""The guided session's own rules, in one table: the numbers, what each rule says and its source.

The session reuses the picker's rules and does not restate them: the pain-monitoring rule
(``picker.pain_monitoring.judge``), the stop rules (``picker.safety.STOP_RULES``), the warning
signs and their urgency (``picker.warning_signs``), the checks for moving on between phases
(``picker.rules.MOVING_ON``, as each program gives them), the doses (``picker.rules.dosing_for``)
and which versions the reader's limits allow (``picker.rules.rule_verdict``, ``harder_version``).
What it adds is here: how a log is judged against those rules. Each rule that is the course's own
choice says so in its source; the clinical rules page lists them all (``SESSION_RULES``).
"""

from dataclasses import dataclass

from ..picker import pain_monitoring
from ..picker.answers import Answers
from ..picker.limits import (
    ANSWERS_FRESH_WEEKS,
    POSTNATAL_WEEKS,
    PREGNANCY_BACK_WEEKS,
    PREGNANCY_LATE_WEEKS,
    SOURCE_PREGNANCY,
)
from ..picker.rules import SECONDS_PER_REP, STRENGTH_DAYS
from ..picker.sources import COURSE_CONVENTION
from ..picker.warning_signs import WARNING_SIGNS_BY_ID

GOOD_IN_A_ROW = 2  # sessions in a row that change a dose, or meet a phase's checks
DAYS_AT_DOSE = 7  # the least time at a dose before it is made harder
REPS_STEP = 2  # repetitions added at a time, up to the top of the dose's range
# The reasons to stop and see a physiotherapist (``pain-at-easiest``, ``pain-seven``, ``pain-rising``)
# and to leave an exercise out until it is checked (``sharp-twice``): the pain rule's own numbers.
STOP_AT = pain_monitoring.STOP_AT  # any rating this high, during or the next morning
BROKEN_IN_A_ROW = pain_monitoring.BROKEN_IN_A_ROW  # sessions in a row at the easiest dose
SHARP_TIMES = pain_monitoring.SHARP_TIMES  # stops for sharp pain in the same exercise
CAUTIOUS = "This is the course's own rule, more cautious than any published one."
UNTIL_SEEN = (
    "the sessions stop and the page sends the reader to a physiotherapist (after surgery or a fracture, "
    "to their surgical or fracture team: below), until the reader says one has seen them and they may go on"
)
PHYSIOTHERAPIST = "a physiotherapist"


def whom(answers: Answers) -> str:
    """Whom the stops send this reader to (``after-surgery``): their surgical or fracture team after
    surgery or a fracture, otherwise a physiotherapist."""
    return pain_monitoring.TEAM if answers.recent_surgery_or_fracture else PHYSIOTHERAPIST


def see_whom(answers: Answers) -> str:
    """What the stops tell this reader to do: "see a physiotherapist", or "contact" their team."""
    return f"contact {whom(answers)}" if answers.recent_surgery_or_fracture else f"see {PHYSIOTHERAPIST}"


ONE_LEG_TARGET_S = 30  # the one-leg check's time, borrowed from the clinical test
ONE_LEG_EVERY_DAYS = 7  # the one-leg check is suggested when none was done in this many days
MOVE_MS = 1500  # moving into and out of a hold: SECONDS_PER_REP split in two
REP_MS = SECONDS_PER_REP * 1000  # one repetition without a hold
READY_MS = 5000  # the count-in before the first set
TRACKER_WEEKS = 6  # the printed tracker's columns
CALENDAR_WEEKS = 6  # the calendar file's weeks


@dataclass(frozen=True)
class SessionRule:
    id: str
    title: str
    text: str
    source: str

    @property
    def convention(self) -> bool:
        return COURSE_CONVENTION in self.source


SESSION_RULES: tuple[SessionRule, ...] = (
    SessionRule(
        "red-flag",
        "A warning sign ends the session",
        "Before each session the page asks about the warning signs, and the log after each exercise "
        "asks again. Any sign ticked ends the session at once and gives the sign's urgency and whom to "
        "see, exactly as the program picker does; the log keeps the warning given.",
        "the warning-sign table above (each sign's own source)",
    ),
    SessionRule(
        "pain",
        "The pain-monitoring rule judges every exercise",
        "Each exercise's pain during it, and the next morning's pain, are judged against the usual pain "
        "the reader gave the picker, with the pain-monitoring rule (above). The next morning's pain is "
        "asked once per session, at the next visit: it cannot be put down to one exercise.",
        pain_monitoring.RULE.source + "; " + COURSE_CONVENTION + " (one morning rating per session)",
    ),
    SessionRule(
        "step-back",
        "Going back a step",
        "When the pain rose more than the rule allows, had not settled by the next morning, or the "
        "reader stopped an exercise for sharp pain, the next session gives that exercise one set "
        "fewer; at its fewest sets, the easier version (if the reader's limits allow it); at the "
        "easiest version the reader's limits allow and its fewest sets, the same dose (and the rule "
        "below on the easiest dose).",
        pain_monitoring.RULE.source + "; " + COURSE_CONVENTION + " (fewer sets before an easier version)",
    ),
    SessionRule(
        "dose-start",
        "Where a dose starts",
        "A session starts each exercise, and each new version, at the middle of every range of its "
        "dose, rounded up (2 sets of 10 for 1 to 3 sets of 8 to 12): the numbers the program's time "
        f"estimate is made of. Each repetition is paced at {SECONDS_PER_REP} seconds plus its hold, "
        "the same estimate.",
        COURSE_CONVENTION,
    ),
    SessionRule(
        "step-up",
        "Making an exercise harder",
        f"One change at a time: {REPS_STEP} more repetitions, up to the top of the range; then one more "
        "set, up to the top of its range; then the harder version of the same phase, if the reader's "
        f"limits and answers allow it (as the program's 'next step'). A change comes after "
        f"{GOOD_IN_A_ROW} sessions in a row done as dosed within the pain rule, the next morning's pain "
        f"given, and at least {DAYS_AT_DOSE} days at the dose.",
        "ACSM 2009 (two sessions in a row, lesson 5); " + COURSE_CONVENTION + " (the order, the steps and "
        f"the {DAYS_AT_DOSE} days: lesson 5's 'keep the new level for a week or two')",
    ),
    SessionRule(
        "checks",
        "How the log judges the checks for moving on",
        "A phase's checks (lesson 5, as the program lists them) are judged in each session: 'no rise "
        "in pain' means pain during, and the next morning when given, no higher than the usual pain; "
        "'2 to 3 sets of 10' and '3 sets of 10 to 12' mean every exercise of the phase done as dosed "
        "with at least that many sets and repetitions; 'the pelvis comes back to level' means the "
        "reader logged it level (seen in a mirror) on every standing exercise of the phase; the "
        f"one-leg check means {ONE_LEG_TARGET_S} seconds with the pelvis level on every side trained, "
        f"in the last {ONE_LEG_EVERY_DAYS} days. The checks of movement retraining (the knee over the "
        "foot, walking and stairs) are the reader's own to judge.",
        COURSE_CONVENTION + " (lesson 5's checks)",
    ),
    SessionRule(
        "move-on",
        "Moving on to the next phase",
        f"When every check of the phase is met in {GOOD_IN_A_ROW} sessions in a row, on different "
        "days, the next phase of the program starts. When the next phase is one the program held back "
        "(a gentle start), the page asks the reader to answer the picker's questions again.",
        COURSE_CONVENTION + "; 'two sessions in a row' by analogy with ACSM 2009",
    ),
    SessionRule(
        "pregnancy-answers",
        f"Pregnancy answers are asked again every {ANSWERS_FRESH_WEEKS} weeks",
        "The log keeps the day the session page got the picker's answers (a log from before it did "
        "counts from its first session). When those answers say the reader is pregnant, at any stage, "
        f"or gave birth in the last {POSTNATAL_WEEKS} weeks, and {ANSWERS_FRESH_WEEKS} weeks or more have "
        "passed, the session does not start: the page asks the reader to answer the picker's questions "
        "again, with a link that fills in every answer so that only the pregnancy answer needs changing. "
        f"A pregnancy moves on: from {PREGNANCY_BACK_WEEKS} weeks the program leaves out exercise lying "
        f"on the back, from about {PREGNANCY_LATE_WEEKS} weeks also hops, balance, high-load exercise and "
        f"side planks, and the gentle start after a birth lasts {POSTNATAL_WEEKS} weeks. Asked every "
        f"{ANSWERS_FRESH_WEEKS} weeks (the width of the picker's 16 to 19 weeks band), the program is "
        f"never {ANSWERS_FRESH_WEEKS} weeks or more behind the pregnancy.",
        COURSE_CONVENTION + "; background: the picker's pregnancy rules (" + SOURCE_PREGNANCY + ")",
    ),
    SessionRule(
        "pain-at-easiest",
        "Pain over the rule at the easiest dose",
        f"When the pain rule is broken (the pain rose more than it allows, or had not settled by the "
        f"next morning) in {BROKEN_IN_A_ROW} sessions in a row of the same exercise, while it is already "
        "at its easiest version (the easiest the reader's limits allow) and its fewest sets, there is no "
        f"easier step to take: {UNTIL_SEEN}. {CAUTIOUS}",
        COURSE_CONVENTION + " (more cautious than any published rule)",
    ),
    SessionRule(
        "pain-seven",
        f"Pain of {STOP_AT} out of 10 or more",
        f"Any pain rating of {STOP_AT} out of 10 or more, during an exercise or the next morning: "
        f"{UNTIL_SEEN}. The pain rule never allows that much: only a reader whose usual pain is below "
        f"{pain_monitoring.REFER_AT} gets a program (a usual pain of {pain_monitoring.REFER_AT} or more is "
        f"sent to a clinician first), and the most it lets the pain reach is {pain_monitoring.MAX_PAIN}, or "
        f"the usual pain itself when that is higher. {CAUTIOUS}",
        COURSE_CONVENTION + " (more cautious than any published rule; the same 7 out of 10 as the "
        "referral for a usual pain that high)",
    ),
    SessionRule(
        "pain-rising",
        "Pain rising from one week to the next",
        "Weeks are counted in 7-day blocks from the first session. When the highest pain logged in a "
        "week (during an exercise or the next morning) is above the usual pain and higher than in the "
        f"week before that had a session, {UNTIL_SEEN}. One rise is enough, even of one point: pain that "
        "builds from week to week is the pattern the rule watches for, and the course does not wait for "
        "it to keep building over several weeks. The stop message says so, and that a physiotherapist "
        f"can say the rise is fine, after which the reader goes on. {CAUTIOUS}",
        pain_monitoring.RULE.source + "; " + COURSE_CONVENTION + " (more cautious than any published rule: "
        "one rise above the usual pain, not pain that keeps building)",
    ),
    SessionRule(
        "sharp-twice",
        "Sharp pain twice in the same exercise",
        "When the reader stops the same exercise (any of its versions) for sharp pain "
        f"{pain_monitoring.times_in_words(SHARP_TIMES)}, it is left out of later sessions and the page "
        "asks the reader to have it checked by a "
        "physiotherapist (after surgery or a fracture, by their surgical or fracture team) before doing it "
        "again; the other exercises go on. When the reader says a physiotherapist has seen them and they "
        "may go on, it comes back at the dose it had (one step easier when the sessions had stopped too: "
        f"below). {CAUTIOUS}",
        COURSE_CONVENTION + " (more cautious than any published rule)",
    ),
    SessionRule(
        "after-surgery",
        "Stops after surgery or a fracture",
        "When the reader's answers say they had surgery or a fracture, the four rules above send them to "
        f"{pain_monitoring.SURGICAL_TEAM}, not to any physiotherapist: pain of {STOP_AT} or more, or "
        "pain that rises, after a joint replacement or a fixation can mean an infection, a loosening "
        "or a fixation that has failed, and that team has the records and the X-rays. The stop "
        f"message says to contact them today when the pain reached {STOP_AT} out of 10 or more, and "
        "links to the warning sign of a red, hot or oozing wound or a fever (same day), which holds "
        f"whatever the log says. With pain of {STOP_AT} or more it adds that a fever as well means going "
        "to A&E now, and links to the emergency warning sign of a fever with severe hip pain (a joint "
        "infection).",
        pain_monitoring.AFTER_SURGERY_SOURCE
        + " (contact the care team about new problems with the hip); "
        + COURSE_CONVENTION
        + f" (today for pain of {STOP_AT} or more); the fever sign's own: "
        + WARNING_SIGNS_BY_ID["fever-severe-hip-pain"].source,
    ),
    SessionRule(
        "cleared",
        "After a physiotherapist has seen the reader",
        "The page asks the reader to say when a physiotherapist (or their surgical or fracture team) has "
        "seen them and says they may go on. From then on the four rules above count only the pain "
        "ratings given after that day (a next-morning rating counts from the day the reader gave it, "
        "even for a session before), and the next session is on the next day. When the sessions had "
        "stopped, every exercise the reader has done comes back one step easier than it stood: a step "
        "up made in the session that stopped them (not yet done at its new dose) is undone, back to the "
        "dose before it; any other exercise gets one set fewer, or the easier version (the same at the "
        "easiest dose). The reader does not start again at a dose raised just before the stop.",
        COURSE_CONVENTION + " (one step easier after a stop)",
    ),
    SessionRule(
        "walking-worse",
        "Walking worse after an exercise",
        "The stop rule (above): that exercise is left out of later sessions, the others go on, and the "
        "page links to the picker with the exercise ticked under question 7, so the program leaves it "
        "and its harder versions out.",
        "the source article's author replies to readers (Maghsoodi 2019)",
    ),
    SessionRule(
        "spacing",
        "Which exercises are due today",
        f"An exercise dosed on at most {STRENGTH_DAYS} days a week is not offered on the day after a "
        "session that had it (strength days are not next to each other), nor more often than its "
        "days a week in any 7 days; a low-load drill not more often than its days a week; nothing "
        "twice in a day.",
        "ACSM 2009; ACSM 2011 (about 48 hours between sessions for the same muscles)",
    ),
    SessionRule(
        "one-leg-check",
        "The one-leg check",
        f"Lesson 3's self-check, timed up to {ONE_LEG_TARGET_S} seconds on each side trained, the hand "
        "on the standing leg's side resting on a counter. It is offered only when the reader's limits "
        "allow standing on one leg holding a support (not with a weight-bearing limit, a clinician's "
        "no-abduction limit, a lateral approach in its first weeks, a tendon repair or outer hip pain), "
        f"and suggested when none was done in the last {ONE_LEG_EVERY_DAYS} days.",
        COURSE_CONVENTION + "; the 30 seconds from Hardcastle & Nade 1985 (lesson 3)",
    ),
    SessionRule(
        "calendar",
        "Calendar reminders",
        "The calendar file repeats weekly for "
        f"{CALENDAR_WEEKS} weeks from the day the reader picks: strength days with a day between them "
        "(2 days: the first and fourth day; 3 days: the first, third and fifth), low-load drills on "
        "their days in a row (every day at 7).",
        "ACSM 2009 (not on days next to each other); " + COURSE_CONVENTION + " (which days)",
    ),
)

SESSION_RULES_BY_ID = {rule.id: rule for rule in SESSION_RULES}
