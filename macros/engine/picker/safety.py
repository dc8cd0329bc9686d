"""Safety first: warning signs, missing clearance and walking made worse give a referral; new, high
pain gives rest advice.

Nothing here looks at the exercise catalog: when ``screen`` returns an outcome, the reader gets no
exercises at all. The warning signs and their urgency live in ``warning_signs.py``.
"""

from .answers import Answers
from .program import Referral, RestAdvice, StopRule, Trigger
from .sources import COURSE_CONVENTION
from .warning_signs import SOON, URGENCY_BY_ID, URGENCY_ORDER, WARNING_SIGNS, most_urgent

SOURCE_ARTICLE_REPLIES = "the source article's author replies to readers"
SOURCE_LIMITS = "domain brief 3.7 (limits after surgery or fracture)"
SOURCE_PAIN_MONITORING = "Silbernagel et al. 2007"

# New pain now at or above this rating gives rest-and-review advice instead of a program.
HIGH_PAIN = 7

STOP_WALKING_WORSE = (
    "If walking is worse after an exercise, stop that exercise and keep the others; answer the "
    "walking question again and the program leaves it out."
)
STOP_PAIN = (
    "If pain is sharp, builds during a set, or is worse the next morning, stop the exercise. Go "
    "back to an easier version, or leave it out."
)
PAIN_MONITORING = (
    "Pain-monitoring rule for long-standing pain: pain during the exercises up to 5 out of 10 is "
    "acceptable if it has settled by the next morning and does not build up from week to week. "
    "If it does not settle, go back a step."
)

STOP_RULES: tuple[StopRule, ...] = (
    StopRule(STOP_WALKING_WORSE, SOURCE_ARTICLE_REPLIES),
    StopRule(STOP_PAIN, COURSE_CONVENTION + " (lesson 5)"),
    StopRule(
        "If a warning sign appears, stop everything and see a clinician at the urgency listed.", "domain brief 3.7"
    ),
    StopRule(
        "Limits from your own clinician always come first; this program does not replace them.", COURSE_CONVENTION
    ),
)
PAIN_MONITORING_RULE = StopRule(PAIN_MONITORING, SOURCE_PAIN_MONITORING)


def stop_rules_for(answers: Answers) -> tuple[StopRule, ...]:
    """Every program's stop rules; long-standing pain adds the pain-monitoring rule."""
    if answers.pain_onset == "long-standing":
        return (*STOP_RULES[:2], PAIN_MONITORING_RULE, *STOP_RULES[2:])
    return STOP_RULES


def referral_from_signs(answers: Answers) -> Referral | None:
    signs = [sign for sign in WARNING_SIGNS if sign.id in answers.red_flags]
    if not signs:
        return None
    urgency = most_urgent(signs)
    ordered = sorted(signs, key=lambda sign: URGENCY_ORDER.index(sign.urgency))
    triggers = tuple(
        Trigger(
            field="red_flags",
            answer=s.id,
            label=s.label,
            action=f"{s.what_to_do} {URGENCY_BY_ID[s.urgency].label}: {URGENCY_BY_ID[s.urgency].whom}.",
            whom=s.whom,
            source=s.source,
            why=s.why,
        )
        for s in ordered
    )
    level = URGENCY_BY_ID[urgency]
    what = level.action if len(triggers) == 1 else level.action + " Tell them about every answer listed here."
    return Referral(urgency=urgency, title=level.title, triggers=triggers, what_to_do=what, whom=triggers[0].whom)


def _soon(trigger: Trigger) -> Referral:
    return Referral(
        urgency=SOON, title=URGENCY_BY_ID[SOON].title, triggers=(trigger,), what_to_do=trigger.action, whom=trigger.whom
    )


def referral_from_walking(answers: Answers) -> Referral | None:
    if answers.walking_worse != "all":
        return None
    return _soon(
        Trigger(
            field="walking_worse",
            answer="all",
            label="Walking was worse after every exercise you tried",
            action="Ask a physiotherapist to look at how you walk and move before you try more exercises.",
            whom="a physiotherapist",
            source=SOURCE_ARTICLE_REPLIES,
            why="When every exercise makes walking worse, the problem needs a clinician's assessment, "
            "not a different exercise from a list.",
        )
    )


def referral_from_surgery(answers: Answers) -> Referral | None:
    if not answers.recent_surgery_or_fracture:
        return None
    if not answers.clinician_guidance:
        return _soon(
            Trigger(
                field="clinician_guidance",
                answer="no",
                label="Recent surgery or a fracture, and no clinician has yet told you which "
                "movements and how much weight are safe",
                action="Ask your surgeon or physiotherapist which movements and how much weight are "
                "safe for you, then come back and enter their limits.",
                whom="your surgeon or physiotherapist",
                source=SOURCE_LIMITS,
            )
        )
    if answers.weight_bearing == "none":
        return _soon(
            Trigger(
                field="weight_bearing",
                answer="none",
                label="Your clinician says the operated leg must not take weight yet",
                action="Follow the exercises your surgical team gave you. Come back when you are "
                "allowed to put at least some weight on the leg.",
                whom="your surgeon or physiotherapist",
                source=SOURCE_LIMITS,
            )
        )
    return None


def rest_advice(answers: Answers) -> RestAdvice | None:
    if answers.pain_now < HIGH_PAIN or answers.pain_onset == "long-standing":
        return None
    return RestAdvice(
        pain_now=answers.pain_now,
        reason=f"You rated your new pain {answers.pain_now} out of 10. Exercising through strong "
        "new pain can make the hip worse, not better.",
        advice=(
            "Rest the hip from exercise for now. Keep moving gently in daily life if you can do so comfortably.",
            "If the pain does not settle over the next few days, or keeps getting worse, see a "
            "doctor or physiotherapist.",
            "When the pain has settled, come back and answer the questions again.",
        ),
    )


def screen(answers: Answers) -> Referral | RestAdvice | None:
    """A referral or rest advice when exercise is not the right next step, else None."""
    return (
        referral_from_signs(answers)
        or referral_from_walking(answers)
        or referral_from_surgery(answers)
        or rest_advice(answers)
    )
