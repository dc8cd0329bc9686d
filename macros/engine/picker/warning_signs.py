"""Warning signs (red flags): the one table that the picker, lesson 3, the FAQ and the home page use.

Each sign stands alone: any one of them, on its own, means a clinician and not an exercise
program, at the urgency given. Nothing here is conditional on a limp or on another sign. The
pages are rendered from this table at build time (``clinical_html``), and a test checks the quiz
explanations against it, so they cannot disagree.
"""

from dataclasses import dataclass

EMERGENCY = "emergency-today"
SAME_DAY = "same-day"
SOON = "soon"

# The order of urgency, most urgent first.
URGENCY_ORDER = (EMERGENCY, SAME_DAY, SOON)


@dataclass(frozen=True)
class Urgency:
    id: str
    label: str  # "Emergency, today"
    heading: str  # the heading of the group on the pages
    whom: str
    action: str  # what to do, for every sign of this urgency
    title: str  # the title of the referral the picker gives


URGENCIES: tuple[Urgency, ...] = (
    Urgency(
        EMERGENCY,
        "Emergency, today",
        "Emergency: get help now, today",
        "an emergency department (A&E) or emergency services",
        "Call 999 or go to an emergency department (A&E) now. Outside the UK, call your local "
        "emergency number. Do not wait to see if it passes, and do no exercises.",
        "Get emergency help now, not an exercise program",
    ),
    Urgency(
        SAME_DAY,
        "Same day",
        "Same day: see a doctor today",
        "a doctor today (your GP surgery, NHS 111 or an urgent treatment centre)",
        "Get a doctor to see the person today: call the GP surgery for a same-day appointment, or "
        "NHS 111, or go to an urgent treatment centre. Do no exercises until then.",
        "See a doctor today, not an exercise program",
    ),
    Urgency(
        SOON,
        "Soon",
        "Soon: see a clinician before you start",
        "your GP, physiotherapist or surgical team",
        "Book an appointment within the next few days, and ask them which exercises suit you "
        "before you start any from this course.",
        "See a clinician before you start",
    ),
)
URGENCY_BY_ID = {u.id: u for u in URGENCIES}


@dataclass(frozen=True)
class WarningSign:
    id: str
    label: str  # the sign in the reader's words (the checkbox text)
    urgency: str
    whom: str
    what_to_do: str
    why: str
    source: str  # short cites, "; "-separated, each in sources.CLINICAL_SOURCES
    convention: str = ""  # the part of the rule that is a course convention, if any
    short: str = ""  # a few words for the home page's warning (emergency signs)


WARNING_SIGNS: tuple[WarningSign, ...] = (
    WarningSign(
        "saddle-numbness",
        "Numbness around the back passage, genitals or inner thighs (where you sit on a saddle)",
        EMERGENCY,
        "an emergency department (A&E)",
        "Call 999 or go to A&E now.",
        "It can mean pressure on the nerves at the bottom of the spine (cauda equina syndrome), "
        "which needs treatment within hours to protect bladder, bowel and leg function.",
        "NHS: Cauda equina syndrome; NICE CKS: Sciatica; domain brief 3.7",
        short="numbness in the saddle area",
    ),
    WarningSign(
        "bladder-bowel-change",
        "A new change in bladder or bowel control (trouble starting or stopping, leaking, or not "
        "feeling when you need to go)",
        EMERGENCY,
        "an emergency department (A&E)",
        "Call 999 or go to A&E now.",
        "A new change in bladder or bowel control can be a sign of cauda equina syndrome.",
        "NHS: Cauda equina syndrome; NICE CKS: Sciatica; domain brief 3.7",
        short="a new change in bladder or bowel control",
    ),
    WarningSign(
        "progressive-weakness",
        "Leg weakness that is getting worse, weakness in both legs, or a new foot drop (the front "
        "of the foot slaps down or catches when you walk)",
        EMERGENCY,
        "an emergency department (A&E)",
        "Call 999 or go to A&E now.",
        "Weakness that grows, affects both legs, or a new foot drop can come from pressure on "
        "nerves in the spine; exercise will not fix it and delay can make it permanent.",
        "NHS: Sciatica; NICE CKS: Sciatica; domain brief 3.7",
        short="leg weakness that is getting worse or is in both legs",
    ),
    WarningSign(
        "stroke-signs",
        "Sudden weakness or numbness of the face, an arm or a leg, or sudden trouble speaking",
        EMERGENCY,
        "emergency services (999)",
        "Call 999 now.",
        "These can be signs of a stroke, where every minute counts.",
        "NHS: Stroke",
        short="sudden weakness of the face, an arm or a leg",
    ),
    WarningSign(
        "major-trauma",
        "A major injury, such as a road accident or a fall from a height",
        EMERGENCY,
        "an emergency department (A&E)",
        "Go to A&E now, before any exercise.",
        "A major injury can break bones or hurt nerves without it being obvious at first.",
        "domain brief 3.7",
    ),
    WarningSign(
        "fall-cannot-bear-weight",
        "A fall after which you cannot put weight on the leg",
        EMERGENCY,
        "an emergency department (A&E)",
        "Go to A&E now, or call 999 if you cannot get there safely.",
        "A hip fracture must be ruled out.",
        "NICE CKS: Hip pain in adults; domain brief 3.7",
    ),
    WarningSign(
        "older-fall-groin-pain",
        "An older person with new groin or hip pain after a fall, even if they can walk",
        EMERGENCY,
        "an emergency department (A&E)",
        "Go to A&E today, even if walking is possible.",
        "Some hip fractures still let a person walk; an X-ray is needed to rule one out.",
        "NICE CKS: Hip pain in adults",
    ),
    WarningSign(
        "fever-severe-hip-pain",
        "A fever or feeling unwell, together with severe hip pain or being unable to bear weight",
        EMERGENCY,
        "an emergency department (A&E)",
        "Go to A&E now.",
        "A fever with a very painful hip can be an infection of the joint (septic arthritis), "
        "which can damage the joint within days.",
        "NHS: Septic arthritis; NICE CKS: Hip pain in adults; domain brief 3.7",
    ),
    WarningSign(
        "clot-after-surgery",
        "After an operation: a swollen, painful calf, or sudden breathlessness or chest pain",
        EMERGENCY,
        "emergency services (999) or A&E",
        "Call 999 for breathlessness or chest pain; for a swollen, painful calf go to A&E today.",
        "These can be signs of a blood clot in the leg (DVT) or the lungs, a known risk after surgery.",
        "NHS: DVT",
    ),
    WarningSign(
        "child-limp-unwell",
        "A child with a new limp who has a fever, seems unwell, cannot bear weight, or is under 3",
        SAME_DAY,
        "a doctor today",
        "Get the child seen by a doctor today.",
        "In a child these can mean a joint infection or another problem that needs checking the same day.",
        "NICE CKS: Limp in children; domain brief 3.7",
    ),
    WarningSign(
        "teen-hip-knee-pain-limp",
        "A child or teenager (about 9 to 16) with hip, thigh or knee pain and a limp",
        SAME_DAY,
        "a doctor today",
        "Get them seen by a doctor today, and keep weight off the leg until then.",
        "It can be a slipped growth plate at the top of the thigh bone (slipped upper femoral "
        "epiphysis), which can show up as knee pain only.",
        "NICE CKS: Limp in children",
    ),
    WarningSign(
        "child-new-limp",
        "Any other child with a new limp",
        SOON,
        "a GP",
        "See a GP within a few days; sooner, today, if the child becomes unwell, gets a fever or "
        "stops bearing weight. This course is for adults.",
        "A new limp in a child always needs a check; the exercises here are not for children.",
        "NICE CKS: Limp in children; domain brief 3.7",
    ),
    WarningSign(
        "cancer-weight-loss-night-pain",
        "A history of cancer, weight loss you cannot explain, or pain at night that rest does not ease",
        SOON,
        "a GP",
        "See a GP within a few days and tell them about the hip or leg problem.",
        "These can point to a cause in the bone that needs tests, not exercises.",
        "NICE CKS: Hip pain in adults; NICE NG12; domain brief 3.7",
    ),
    WarningSign(
        "limp-after-hip-replacement",
        "A new limp, or a hip that feels unstable or gives way, after a hip replacement",
        SOON,
        "your surgeon or the team that did the operation",
        "Contact your surgical team within a few days, before exercising the hip.",
        "It can come from a problem with the new joint or the muscles repaired around it, such as an abductor tear.",
        "NHS: Hip replacement recovery; domain brief 3.7",
    ),
    WarningSign(
        "nerve-injury",
        "A known nerve injury or nerve damage in the back or leg",
        SOON,
        "a physiotherapist or doctor",
        "Ask a physiotherapist or doctor to plan the exercises with you.",
        "With a nerve injury, the right exercises depend on which nerve and how much it has recovered.",
        "domain brief 3.7",
        convention="Sending every known nerve injury to a clinician before a program follows the "
        "source article's replies to readers, not a guideline.",
    ),
    WarningSign(
        "pregnancy-pelvic-pain",
        "Pelvic pain that began in pregnancy or after giving birth",
        SOON,
        "a physiotherapist who works in pelvic health",
        "Ask your GP or midwife for a pelvic-health physiotherapist.",
        "Pelvic girdle pain needs its own assessment and exercises.",
        "NHS: Pelvic pain in pregnancy; domain brief 3.7",
    ),
    WarningSign(
        "runner-groin-pain",
        "A runner with groin pain that comes on with loading (running, hopping or standing on that leg)",
        SOON,
        "a doctor or sports physiotherapist",
        "Stop running until you have been seen, and see a doctor or sports physiotherapist within a few days.",
        "It can be a stress fracture of the neck of the thigh bone, which can break fully if loaded.",
        "NICE CKS: Hip pain in adults",
        convention="No running until seen is the course's own rule.",
    ),
)

WARNING_SIGNS_BY_ID = {sign.id: sign for sign in WARNING_SIGNS}
WARNING_SIGN_IDS = tuple(sign.id for sign in WARNING_SIGNS)


def signs_at(urgency: str) -> tuple[WarningSign, ...]:
    return tuple(sign for sign in WARNING_SIGNS if sign.urgency == urgency)


def most_urgent(signs) -> str:
    """The most urgent level among the signs (they must not be empty)."""
    return min((sign.urgency for sign in signs), key=URGENCY_ORDER.index)
