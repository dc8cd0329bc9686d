"""Safety first: red flags and missing clearance give a referral, high pain gives rest advice.

Nothing here looks at the exercise catalog: when ``screen`` returns an outcome, the reader gets no
exercises at all. The wording of each red flag follows section 3.7 of the domain brief.
"""

from dataclasses import dataclass

from .answers import Answers
from .program import Referral, RestAdvice, StopRule, Trigger

EMERGENCY = "emergency"
URGENT = "urgent"
SOON = "soon"

# The order of urgency, most urgent first.
URGENCY_ORDER = (EMERGENCY, URGENT, SOON)

SOURCE_RED_FLAGS = "NHS Lothian; Sheffield; AHCPR guideline (NCBI NBK52120)"
SOURCE_ARTICLE_REPLIES = "the source article's author replies to readers"


@dataclass(frozen=True)
class RedFlag:
    id: str
    label: str  # the checkbox text, in the reader's words
    urgency: str
    whom: str
    action: str
    source: str


RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag(
        "saddle-numbness",
        "Numbness around the back passage, genitals or inner thighs (where you sit on a saddle)",
        EMERGENCY,
        "an emergency department",
        "Go to an emergency department today. This can be a sign of pressure on the nerves at "
        "the bottom of the spine, which needs treatment quickly.",
        SOURCE_RED_FLAGS,
    ),
    RedFlag(
        "bladder-bowel-change",
        "A new change in bladder or bowel control",
        EMERGENCY,
        "an emergency department",
        "Go to an emergency department today. A new change in bladder or bowel control with back "
        "or leg symptoms needs checking at once.",
        SOURCE_RED_FLAGS,
    ),
    RedFlag(
        "progressive-weakness",
        "Leg weakness that is getting worse, weakness in both legs, or a foot that drops or "
        "catches when you walk",
        URGENT,
        "a doctor",
        "See a doctor within a day or two. Weakness that spreads or grows, or foot drop, can come "
        "from a nerve problem that exercise will not fix.",
        SOURCE_RED_FLAGS,
    ),
    RedFlag(
        "cancer-weight-loss-fever-night-pain",
        "A history of cancer, weight loss you cannot explain, fever, or pain at night that rest "
        "does not ease",
        URGENT,
        "a doctor",
        "See a doctor soon, within days, and tell them about the hip or leg problem.",
        SOURCE_RED_FLAGS,
    ),
    RedFlag(
        "major-trauma",
        "A major injury, such as a road accident or a fall from a height",
        EMERGENCY,
        "an emergency department",
        "Get checked in an emergency department before any exercise.",
        SOURCE_RED_FLAGS,
    ),
    RedFlag(
        "fall-cannot-bear-weight",
        "A fall after which you cannot put weight on the leg",
        EMERGENCY,
        "an emergency department",
        "Get checked in an emergency department today: a hip fracture must be ruled out.",
        SOURCE_RED_FLAGS,
    ),
    RedFlag(
        "hot-swollen-joint",
        "A hot, swollen hip or knee, with a fever or feeling unwell",
        EMERGENCY,
        "an emergency department or your doctor today",
        "Get seen today: a hot, swollen joint with fever can be an infection.",
        SOURCE_RED_FLAGS,
    ),
    RedFlag(
        "child-new-limp",
        "The person is a child with a new limp, or new hip or knee pain",
        URGENT,
        "a doctor",
        "Take the child to a doctor promptly. A new limp in a child always needs a check; hip "
        "problems in children can show up as knee pain.",
        SOURCE_RED_FLAGS,
    ),
    RedFlag(
        "limp-after-hip-replacement",
        "A new limp, or a hip that feels unstable, after a hip replacement",
        URGENT,
        "your surgeon or the team that did the operation",
        "Contact your surgical team before exercising the hip.",
        SOURCE_RED_FLAGS,
    ),
    RedFlag(
        "nerve-injury",
        "A known nerve injury or nerve damage in the back or leg",
        SOON,
        "a physiotherapist or doctor",
        "Ask a physiotherapist or doctor to plan the exercises with you: with a nerve injury, the "
        "right exercises depend on which nerve and how much it has recovered.",
        SOURCE_RED_FLAGS,
    ),
    RedFlag(
        "walking-worse-after-exercise",
        "Your walking got worse after hip exercises you tried",
        SOON,
        "a physiotherapist",
        "Stop the exercise that made walking worse and ask a physiotherapist to look at how you "
        "walk and move.",
        SOURCE_ARTICLE_REPLIES,
    ),
    RedFlag(
        "postpartum-pelvic-pain",
        "Pelvic pain that started in pregnancy or after giving birth",
        SOON,
        "a physiotherapist who works in pelvic health",
        "See a pelvic-health physiotherapist: pelvic pain after pregnancy needs its own assessment.",
        SOURCE_RED_FLAGS,
    ),
)

RED_FLAGS_BY_ID = {flag.id: flag for flag in RED_FLAGS}

# Pain now at or above this rating gives rest-and-review advice instead of a program.
HIGH_PAIN = 7

STOP_WALKING_WORSE = "If walking is worse after an exercise, stop that exercise."

STOP_RULES: tuple[StopRule, ...] = (
    StopRule(STOP_WALKING_WORSE, SOURCE_ARTICLE_REPLIES),
    StopRule(
        "If pain is sharp, builds during a set, or is worse the next morning, stop the exercise. "
        "Go back to an easier version, or leave it out.",
        "course stop rules (lesson 5)",
    ),
    StopRule(
        "If a warning sign from the first question appears, stop everything and see a clinician.",
        SOURCE_RED_FLAGS,
    ),
    StopRule(
        "Limits from your own clinician always come first; this program does not replace them.",
        "Hip Drop safety rule",
    ),
)


def _referral_from_flags(answers: Answers) -> Referral | None:
    flags = [RED_FLAGS_BY_ID[i] for i in RED_FLAGS_BY_ID if i in answers.red_flags]
    if not flags:
        return None
    urgency = min((f.urgency for f in flags), key=URGENCY_ORDER.index)
    triggers = tuple(
        Trigger(field="red_flags", answer=f.id, label=f.label, action=f.action, whom=f.whom,
                source=f.source)
        for f in flags
    )
    return Referral(
        urgency=urgency,
        title=_REFERRAL_TITLES[urgency],
        triggers=triggers,
        what_to_do=triggers[0].action if len(triggers) == 1 else _most_urgent_action(flags),
        whom=sorted(flags, key=lambda f: URGENCY_ORDER.index(f.urgency))[0].whom,
    )


def _most_urgent_action(flags: list[RedFlag]) -> str:
    first = sorted(flags, key=lambda f: URGENCY_ORDER.index(f.urgency))[0]
    return first.action + " Tell them about every answer listed here."


_REFERRAL_TITLES = {
    EMERGENCY: "Get medical help today, not an exercise program",
    URGENT: "See a doctor first, not an exercise program",
    SOON: "See a clinician before you start",
}


def _referral_from_surgery(answers: Answers) -> Referral | None:
    if not answers.recent_surgery_or_fracture:
        return None
    trigger = None
    if not answers.clinician_guidance:
        trigger = Trigger(
            field="clinician_guidance",
            answer="no",
            label="Recent surgery or a fracture, and no clinician has yet told you which "
            "movements and how much weight are safe",
            action="Ask your surgeon or physiotherapist which movements and how much weight are "
            "safe for you, then come back and enter their limits.",
            whom="your surgeon or physiotherapist",
            source="domain brief 3.7 (limits after surgery or fracture)",
        )
    elif answers.weight_bearing == "none":
        trigger = Trigger(
            field="weight_bearing",
            answer="none",
            label="Your clinician says the operated leg must not take weight yet",
            action="Follow the exercises your surgical team gave you. Come back when you are "
            "allowed to put at least some weight on the leg.",
            whom="your surgeon or physiotherapist",
            source="domain brief 3.7 (limits after surgery or fracture)",
        )
    if trigger is None:
        return None
    return Referral(
        urgency=SOON,
        title=_REFERRAL_TITLES[SOON],
        triggers=(trigger,),
        what_to_do=trigger.action,
        whom=trigger.whom,
    )


def rest_advice(answers: Answers) -> RestAdvice | None:
    if answers.pain_now < HIGH_PAIN:
        return None
    return RestAdvice(
        pain_now=answers.pain_now,
        reason=f"You rated your pain now {answers.pain_now} out of 10. Exercising through "
        "strong pain can make the hip work worse, not better.",
        advice=(
            "Rest the hip from exercise for now. Keep moving gently in daily life if you can do "
            "so comfortably.",
            "If the pain does not settle over the next few days, or keeps getting worse, see a "
            "doctor or physiotherapist.",
            "When the pain has settled, come back and answer the questions again.",
        ),
    )


def screen(answers: Answers) -> Referral | RestAdvice | None:
    """A referral or rest advice when exercise is not the right next step, else None."""
    return _referral_from_flags(answers) or _referral_from_surgery(answers) or rest_advice(answers)
