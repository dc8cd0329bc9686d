"""Safety first: warning signs, age, missing clearance, a tendon repair, walking made worse and a
high usual pain give a referral; new, high pain gives rest advice.

Nothing here looks at the exercise catalog: when ``screen`` returns an outcome, the reader gets no
exercises at all. The warning signs and their urgency live in ``warning_signs.py``; the
pain-monitoring rule in ``pain_monitoring.py``. The order of the checks (``screen``): warning signs,
a high pain after surgery or a fracture (the team: today when new, soon when long-standing; with a
warning sign, both in one referral at the more urgent level), age, walking worse after every
exercise, surgery, usual pain, new high pain.
"""

from dataclasses import replace

from . import pain_monitoring
from .answers import Answers
from .limits import PROCEDURES_BY_ID, REPAIR_REFERRAL
from .program import Referral, RestAdvice, StopRule, Trigger
from .sources import COURSE_CONVENTION
from .warning_signs import (
    SAME_DAY,
    SOON,
    URGENCY_BY_ID,
    URGENCY_ORDER,
    WARNING_SIGNS,
    WARNING_SIGNS_BY_ID,
    most_urgent,
)

SOURCE_ARTICLE_REPLIES = "the source article's author replies to readers (Maghsoodi 2019)"
SOURCE_LIMITS = "your surgical team's limits come first; " + COURSE_CONVENTION
SOURCE_PAIN_MONITORING = pain_monitoring.RULE.source
SOURCE_TEAM = pain_monitoring.AFTER_SURGERY_SOURCE + " (contact the care team about new problems); " + COURSE_CONVENTION

# The emergency signs a reader with a high pain after surgery or a fracture watches for until seen.
WATCH_AFTER_HIP_REPLACEMENT = "dislocation-after-hip-replacement"
WOUND_FEVER_SIGN = "wound-fever-after-operation"
WATCH_AFTER_SURGERY = ("fever-severe-hip-pain", "fall-cannot-bear-weight")

# A usual pain at or above this rating: new pain gives rest advice, long-standing pain a referral.
HIGH_PAIN = pain_monitoring.REFER_AT
ADULT_AGE = 16
PREGNANT = ("under-16-weeks", "16-to-19-weeks", "20-weeks-or-more")

STOP_WALKING_WORSE = (
    "If walking is worse after an exercise, stop that exercise and keep the others; answer the "
    "walking question again and the program leaves it out."
)
STOP_PAIN = (
    f"Pain: during and after the exercises your pain may go up by no more than about "
    f"{pain_monitoring.ALLOWED_RISE} points above your usual level, never above {pain_monitoring.MAX_PAIN} "
    "out of 10, and it should be back to your usual level by the next morning. If it goes higher or "
    "has not settled, go back a step next time; stop an exercise at once if the pain is sharp. "
    f"{pain_monitoring.STOP_AND_SEE} {pain_monitoring.LEAVE_OUT_SHARP}"
)
# Kept for pages that quote the rule in one line; the full rule is pain_monitoring.RULE.
PAIN_MONITORING = STOP_PAIN

STOP_RULES: tuple[StopRule, ...] = (
    StopRule(STOP_WALKING_WORSE, SOURCE_ARTICLE_REPLIES),
    StopRule(STOP_PAIN, SOURCE_PAIN_MONITORING + "; " + COURSE_CONVENTION),
    StopRule(
        "If a warning sign appears, stop everything and see a clinician at the urgency listed.", COURSE_CONVENTION
    ),
    StopRule(
        "Limits from your own clinician always come first; this program does not replace them.", COURSE_CONVENTION
    ),
)

# The pain rule as every program states it (in general words; ``stop_rules_for`` adds the reader's numbers).
PAIN_MONITORING_RULE = STOP_RULES[1]


def stop_rules_for(answers: Answers) -> tuple[StopRule, ...]:
    """Every program's stop rules, the pain rule with the reader's own numbers (and, after surgery or
    a fracture, only their team as whom to contact)."""
    line = pain_monitoring.personal_line(answers.pain_now, answers.recent_surgery_or_fracture)
    pain = StopRule(line, STOP_RULES[1].source)
    return (STOP_RULES[0], pain, *STOP_RULES[2:])


def referral_from_signs(answers: Answers) -> Referral | None:
    return referral_for_signs(answers.red_flags)


def referral_for_signs(sign_ids) -> Referral | None:
    """The referral for the warning signs ticked (the picker's, and a guided session's): the most
    urgent sign sets the urgency; None when no sign is ticked."""
    signs = [sign for sign in WARNING_SIGNS if sign.id in sign_ids]
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
    first = ordered[0]
    action = first.action or level.action
    what = action if len(triggers) == 1 else action + " Tell them about every answer listed here."
    return Referral(urgency=urgency, title=level.title, triggers=triggers, what_to_do=what, whom=triggers[0].whom)


def _soon(trigger: Trigger, title: str = "") -> Referral:
    return Referral(
        urgency=SOON,
        title=title or URGENCY_BY_ID[SOON].title,
        triggers=(trigger,),
        what_to_do=trigger.action,
        whom=trigger.whom,
    )


def referral_from_age(answers: Answers) -> Referral | None:
    if answers.age_16_or_over:
        return None
    if answers.recent_surgery_or_fracture:
        referral = _soon(
            Trigger(
                field="age_16_or_over",
                answer="no",
                label=f"You are under {ADULT_AGE}, after an operation or a fracture",
                action="Ask the team that did the operation or treats the fracture (and their "
                "children's physiotherapist) which exercises suit you now. Do not start a program from "
                "this course.",
                whom="your surgical or fracture team",
                source=COURSE_CONVENTION,
                why=f"This course is for adults ({ADULT_AGE} and over), and after an operation or a "
                "fracture the team that treats you knows what your hip can take (a course convention).",
            ),
            title="Ask your surgical or fracture team: this course is for adults",
        )
        return replace(referral, watch_for=watch_for(answers))
    return _soon(
        Trigger(
            field="age_16_or_over",
            answer="no",
            label=f"You are under {ADULT_AGE}",
            action="See a GP or a physiotherapist who works with children and teenagers within the "
            "next few days. They can find the cause of the limp or weakness and choose exercises that "
            "suit a growing body. Go sooner if a warning sign for children applies: A&E today for a "
            "limp with a fever, or a leg that takes no weight; a doctor today for hip, thigh or knee "
            "pain with a limp.",
            whom="a GP or a children's physiotherapist",
            source=COURSE_CONVENTION,
            why=f"This course is for adults ({ADULT_AGE} and over). In children and teenagers a limp "
            "or hip drop has other causes to rule out first, such as Perthes disease or a slipped "
            "growth plate at the top of the thigh bone, and the clinical test itself is unreliable "
            "in young children (Hardcastle & Nade 1985).",
        ),
        title="See a clinician: this course is for adults",
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


def _surgery_trigger(field: str, answer: str, label: str, action: str, why: str = "") -> Referral:
    return _soon(
        Trigger(
            field=field,
            answer=answer,
            label=label,
            action=action,
            whom="your surgeon or physiotherapist",
            source=SOURCE_LIMITS,
            why=why,
        )
    )


def referral_from_surgery(answers: Answers) -> Referral | None:
    if not answers.recent_surgery_or_fracture:
        return None
    procedure = PROCEDURES_BY_ID.get(answers.procedure or "")
    if answers.pregnancy in PREGNANT:
        fracture = procedure is not None and procedure.kind == "fracture"
        kind = "fracture" if fracture else "surgical"
        team = f"{kind} team"
        referral = _soon(
            Trigger(
                field="procedure",
                answer=procedure.id if procedure else "",
                label=f"{procedure.label if procedure else 'Recent surgery or a fracture'}, and you are pregnant",
                action=f"Ask your {team} and your maternity team (midwife or obstetrician) to plan "
                "your exercises together. Do not start a program from this course until they have.",
                whom=f"your {team} and your maternity team together",
                source=COURSE_CONVENTION,
                why=(
                    "A broken hip or pelvis changes how the pelvis can take load"
                    if fracture
                    else "An operation on the hip or leg changes what it can take while it heals"
                )
                + ", and pregnancy changes it too. Only your teams together can say what is safe (a "
                "course convention).",
            ),
            title=f"Ask your {kind} and maternity teams before you start",
        )
        return replace(referral, watch_for=watch_for(answers))
    if procedure is not None and procedure.refer:
        return _soon(
            Trigger(
                field="procedure",
                answer=procedure.id,
                label=procedure.label,
                action="Follow your surgeon's rehabilitation protocol and your physiotherapist's plan.",
                whom="your surgeon and physiotherapist",
                source=procedure.source,
                why=REPAIR_REFERRAL,
            ),
            title="Follow your surgeon's protocol after a tendon repair",
        )
    if not answers.clinician_guidance:
        return _surgery_trigger(
            "clinician_guidance",
            "no",
            "Recent surgery or a fracture, and no clinician has yet told you which movements and how "
            "much weight are safe",
            "Ask your surgeon or physiotherapist which movements and how much weight are safe for you, "
            "then come back and enter their limits.",
        )
    if answers.weight_bearing == "none":
        return _surgery_trigger(
            "weight_bearing",
            "none",
            "Your clinician says the operated leg must not take weight yet",
            "Follow the exercises your surgical team gave you. Come back when you are allowed to put "
            "at least some weight on the leg.",
        )
    if answers.weight_bearing == "not-sure":
        return _surgery_trigger(
            "weight_bearing",
            "not-sure",
            "You are not sure how much weight the operated leg may take",
            "Ask your surgeon or physiotherapist how much weight the leg may take, then come back and answer again.",
            "Many of the exercises put your whole weight on one leg; the program cannot guess what your team allows.",
        )
    return None


def watch_for(answers: Answers) -> tuple[str, ...]:
    """The emergency signs to watch for after surgery or a fracture, quoted from the warning-sign
    table (the dislocation sign only after a hip replacement)."""
    ids: tuple[str, ...] = WATCH_AFTER_SURGERY
    if (answers.procedure or "").startswith("hip-replacement"):
        ids = (WATCH_AFTER_HIP_REPLACEMENT, *ids)
    return tuple(f"{WARNING_SIGNS_BY_ID[i].label}: {WARNING_SIGNS_BY_ID[i].what_to_do}" for i in ids)


def referral_from_surgery_pain(answers: Answers) -> Referral | None:
    """After surgery or a fracture, a usual pain of HIGH_PAIN or more: the surgical or fracture team,
    today when the pain is new, soon when long-standing (course conventions; NHS: contact the care
    team about new problems). Any other reason to contact the team joins the same referral."""
    if not answers.recent_surgery_or_fracture or not pain_monitoring.refer_first(answers.pain_now):
        return None
    new = answers.pain_onset != "long-standing"
    trigger = Trigger(
        field="pain_now",
        answer=str(answers.pain_now),
        label=f"Your {'new' if new else 'usual, long-standing'} pain is {answers.pain_now} out of 10, "
        "after an operation or a fracture",
        action=pain_monitoring.TEAM_TODAY if new else pain_monitoring.TEAM_SOON,
        whom=pain_monitoring.SURGICAL_TEAM,
        source=SOURCE_TEAM,
        why=f"Contacting them {'today' if new else 'within a few days'} is a course convention. The "
        "pain-monitoring rule cannot guide a pain this high.",
    )
    other = referral_from_surgery(answers)
    triggers = (trigger, *(other.triggers if other else ()))
    what = trigger.action + (" Tell them about every answer listed here." if len(triggers) > 1 else "")
    when = "today" if new else "soon"
    return Referral(
        urgency=SAME_DAY if new else SOON,
        title=f"Contact your surgical or fracture team {when}, not an exercise program",
        triggers=triggers,
        what_to_do=what,
        whom=pain_monitoring.SURGICAL_TEAM,
        watch_for=watch_for(answers),
    )


def with_signs(signs: Referral, team: Referral) -> Referral:
    """One referral for warning signs and a high pain after surgery: the more urgent sets the level,
    and every trigger is listed. A wound or fever sign with a pain this high adds "with a fever, A&E
    now" (the fever-with-severe-hip-pain emergency), as the program's stop rule and the session say."""
    first, second = sorted((signs, team), key=lambda r: URGENCY_ORDER.index(r.urgency))
    fever = any(t.answer == WOUND_FEVER_SIGN for t in signs.triggers)
    return Referral(
        urgency=first.urgency,
        title=first.title,
        triggers=(*first.triggers, *second.triggers),
        what_to_do=first.what_to_do.removesuffix(" Tell them about every answer listed here.")
        + (f" {pain_monitoring.FEVER_AND_HIGH_PAIN}" if fever else "")
        + " Tell them about every answer listed here.",
        whom=first.whom,
        watch_for=team.watch_for,
    )


def referral_from_pain(answers: Answers) -> Referral | None:
    """A long-standing usual pain of HIGH_PAIN or more: a clinician first (the pain rule's limit)."""
    if answers.pain_onset != "long-standing" or not pain_monitoring.refer_first(answers.pain_now):
        return None
    return _soon(
        Trigger(
            field="pain_now",
            answer=str(answers.pain_now),
            label=f"Your usual pain is {answers.pain_now} out of 10, and it is long-standing",
            action="See a physiotherapist or doctor before you start these exercises. Ask them to "
            "review the hip and to set how much pain is acceptable during exercise for you.",
            whom="a physiotherapist or doctor",
            source=SOURCE_PAIN_MONITORING + "; " + COURSE_CONVENTION,
            why=f"The course's pain-monitoring rule allows pain up to about {pain_monitoring.ALLOWED_RISE} "
            f"points above your usual level and never above {pain_monitoring.MAX_PAIN} out of 10; with a "
            "usual pain this high it cannot guide you safely. " + pain_monitoring.RULE.caveat,
        ),
        title="See a clinician before you start: your usual pain is high",
    )


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
    signs, team = referral_from_signs(answers), referral_from_surgery_pain(answers)
    if signs and team:
        return with_signs(signs, team)
    return (
        signs
        or team
        or referral_from_age(answers)
        or referral_from_walking(answers)
        or referral_from_surgery(answers)
        or referral_from_pain(answers)
        or rest_advice(answers)
    )
