"""Warning signs (red flags): the one table that the picker, lesson 3, the FAQ, the home page and the
clinical rules page use.

Each sign stands alone: any one of them, on its own, means a clinician and not an exercise
program, at the urgency given. Nothing here is conditional on a limp or on another sign. The
pages are rendered from this table at build time (``clinical_html``), and a test checks the quiz
explanations against it, so they cannot disagree.

For every sign the table says what its source says (``source_says``) and, where the course is more
cautious than its source or the rule is the course's own, says so (``convention``). Sources are
public (NHS, NICE, AHCPR 1994) or "course convention"; their full references are in
``sources.CLINICAL_SOURCES``. A sign with its own ``action`` (the children's signs) gives that
action instead of its urgency's general one, which speaks of exercises for adults.
"""

from dataclasses import dataclass

from .sources import COURSE_CONVENTION

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
    action: str  # what to do, for every sign of this urgency (unless the sign has its own)
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
        "Get a doctor to see you today: call the GP surgery for a same-day appointment, or "
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

CHILD_NOT_FOR = "This course and its exercises are for adults (16 and over), not for children."


@dataclass(frozen=True)
class WarningSign:
    id: str
    label: str  # the sign in the reader's words (the checkbox text)
    urgency: str
    whom: str
    what_to_do: str
    why: str
    source: str  # short cites, "; "-separated, each in sources.CLINICAL_SOURCES or COURSE_CONVENTION
    source_says: str  # what the source says, in plain words
    convention: str = ""  # where the course is more cautious than its source, or the rule is its own
    short: str = ""  # a few words for the home page's warning (emergency signs)
    action: str = ""  # the referral's "what to do" in place of the urgency's general action


WARNING_SIGNS: tuple[WarningSign, ...] = (
    # --- emergency -----------------------------------------------------------------------
    WarningSign(
        "saddle-numbness",
        "Numbness around the back passage, genitals or inner thighs (where you sit on a saddle)",
        EMERGENCY,
        "an emergency department (A&E)",
        "Call 999 or go to A&E now.",
        "It can mean pressure on the nerves at the bottom of the spine (cauda equina syndrome), "
        "which needs treatment within hours to protect bladder, bowel and leg function.",
        "NHS: Cauda equina syndrome; NICE CKS: Sciatica",
        "The NHS says to go to A&E or call 999 for these symptoms; NICE CKS asks for emergency "
        "referral when cauda equina syndrome is suspected.",
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
        "NHS: Cauda equina syndrome; NICE CKS: Sciatica",
        "The NHS says to go to A&E or call 999 for these symptoms; NICE CKS asks for emergency "
        "referral when cauda equina syndrome is suspected.",
        short="a new change in bladder or bowel control",
    ),
    WarningSign(
        "progressive-weakness",
        "Weakness in one or both legs that is new or getting quickly worse (over hours or days), "
        "or a new foot drop (the front of the foot slaps down or catches when you walk)",
        EMERGENCY,
        "an emergency department (A&E)",
        "Call 999 or go to A&E now.",
        "New or quickly worsening weakness, or a new foot drop, can come from pressure on nerves in "
        "the spine; exercise will not fix it and delay can make it permanent. A waddle in late "
        "pregnancy, or weakness from a long-standing condition that has not changed, is not this sign.",
        "NHS: Sciatica; NICE CKS: Sciatica",
        "The NHS says to call 999 or go to A&E for weakness or numbness in both legs that is severe "
        "or getting worse; NICE CKS lists a progressive neurological deficit (for example growing "
        "weakness or a foot drop) as a red flag that needs urgent assessment.",
        convention="More cautious than its sources: the course also sends new or quickly worsening "
        "weakness in one leg, and any new foot drop, to A&E the same day.",
        short="new or quickly worsening leg weakness",
    ),
    WarningSign(
        "stroke-signs",
        "Sudden weakness or numbness of the face, an arm or a leg, or sudden trouble speaking",
        EMERGENCY,
        "emergency services (999)",
        "Call 999 now.",
        "These can be signs of a stroke, where every minute counts.",
        "NHS: Stroke",
        "The NHS says to call 999 at once for these signs of a stroke.",
        short="sudden weakness of the face, an arm or a leg",
    ),
    WarningSign(
        "major-trauma",
        "A major injury in the last few days, such as a road accident or a fall from a height, "
        "that a doctor has not yet checked",
        EMERGENCY,
        "an emergency department (A&E)",
        "Go to A&E now, before any exercise.",
        "A major injury can break bones or hurt nerves without it being obvious at first. An old "
        "injury that has been treated and healed is not this sign.",
        "AHCPR 1994",
        "AHCPR 1994 lists major trauma, such as a road accident or a fall from a height, as a red "
        "flag for a possible fracture that needs prompt assessment.",
        convention="More cautious than its source: the course sends a recent major injury that no "
        "doctor has checked to A&E.",
    ),
    WarningSign(
        "fall-cannot-bear-weight",
        "You cannot put any weight on the leg after a fall, or after groin pain that came on with "
        "running, hopping or jumping",
        EMERGENCY,
        "an emergency department (A&E)",
        "Go to A&E now, or call 999 if you cannot get there safely.",
        "A hip fracture must be ruled out. In a runner, groin pain that came on with running or "
        "jumping and then leaves the leg unable to take any weight can mean a stress fracture of the "
        "neck of the thigh bone has broken right through (a completed femoral neck fracture).",
        "NICE CKS: Hip pain in adults; " + COURSE_CONVENTION,
        "NICE CKS asks for emergency assessment of a suspected hip fracture, such as hip pain and "
        "being unable to bear weight after a fall, and lists a stress fracture of the femoral neck "
        "among the causes of hip and groin pain in people who run or train hard.",
        convention="More cautious than NICE CKS for the runner: the course treats a runner's groin pain "
        "with a leg that cannot take any weight as a possible completed femoral neck fracture and sends "
        "it to A&E, even without a fall.",
    ),
    WarningSign(
        "older-fall-groin-pain",
        "An older person with new groin or hip pain after a fall, even if they can walk",
        EMERGENCY,
        "an emergency department (A&E)",
        "Go to A&E today, even if walking is possible.",
        "Some hip fractures still let a person walk; an X-ray is needed to rule one out.",
        "NICE CKS: Hip pain in adults",
        "NICE CKS notes that a hip fracture can be missed when the person can still walk, and asks "
        "for emergency assessment when one is suspected.",
    ),
    WarningSign(
        "fever-severe-hip-pain",
        "A fever or feeling unwell, together with severe hip pain or being unable to bear weight",
        EMERGENCY,
        "an emergency department (A&E)",
        "Go to A&E now.",
        "A fever with a very painful hip can be an infection of the joint (septic arthritis), "
        "which can damage the joint within days.",
        "NHS: Septic arthritis; NICE CKS: Hip pain in adults",
        "The NHS says to go to A&E with a hot, painful joint and a high temperature or feeling "
        "unwell; NICE CKS asks for emergency admission when septic arthritis is suspected.",
    ),
    WarningSign(
        "dislocation-after-hip-replacement",
        "After a hip replacement: sudden severe pain in the hip, a clunk, a leg that suddenly "
        "looks shorter or turned in or out, or you cannot take weight on it",
        EMERGENCY,
        "an emergency department (A&E)",
        "Go to A&E now, or call 999 if you cannot get there safely. Do not try to move the hip back yourself.",
        "These can mean the new joint has come out of its socket (a dislocation) or the bone "
        "around it has broken; both need hospital treatment.",
        "NHS: Hip replacement risks",
        "The NHS says about 3 in 100 replaced hips dislocate, most often in the first few months, "
        "and that a dislocation needs treatment in hospital to put the joint back.",
        convention="The NHS page gives no urgency; sending these signs to A&E is the course's "
        "reading of it, because a dislocated or broken hip cannot be put right at home.",
    ),
    WarningSign(
        "clot-after-surgery",
        "After an operation: a swollen, painful calf, or sudden breathlessness or chest pain",
        EMERGENCY,
        "emergency services (999) or A&E",
        "Call 999 for breathlessness or chest pain; for a swollen, painful calf go to A&E today.",
        "These can be signs of a blood clot in the leg (DVT) or the lungs, a known risk after surgery.",
        "NHS: DVT",
        "The NHS says to ask for an urgent GP appointment or contact NHS 111 for a swollen, painful "
        "calf, and to call 999 or go to A&E for breathlessness or chest pain.",
        convention="More cautious than its source for the calf: after an operation, when a clot is "
        "more likely, the course sends a swollen, painful calf to A&E today instead of an urgent "
        "GP appointment or NHS 111.",
    ),
    WarningSign(
        "child-limp-fever",
        "A child with a limp who has a fever, or who cannot put weight on the leg",
        EMERGENCY,
        "an emergency department (A&E), today",
        "Take the child to A&E today.",
        "A limp with a fever can be an infection of the joint or bone (septic arthritis), which "
        "can damage the joint within days; a child who cannot bear weight may have a fracture.",
        "NICE CKS: Limp in children; NHS: Septic arthritis",
        "NICE CKS asks for a same-day specialist assessment of a child with a limp and a fever, and "
        "for admission when septic arthritis is suspected; it asks for same-day assessment of a "
        "child who cannot bear weight. The NHS says to go to A&E for suspected septic arthritis.",
        convention="A&E today is the course's route to the same-day specialist assessment NICE CKS "
        "asks for; for a child who cannot bear weight but has no fever it is more cautious than "
        "NICE's same-day assessment.",
        action="Take the child to A&E today; do not wait for a GP appointment. " + CHILD_NOT_FOR,
    ),
    # --- same day ------------------------------------------------------------------------
    WarningSign(
        "wound-fever-after-operation",
        "After any operation: a wound that is red, hot, swelling or oozing, or a fever (a high "
        "temperature, or feeling hot and shivery)",
        SAME_DAY,
        "a doctor today, or your surgical team",
        "Contact your surgical team or a doctor today (your GP surgery, NHS 111 or an urgent treatment centre).",
        "These can be signs of an infection of the wound or of the new joint, which needs "
        "treatment quickly. With severe hip pain or being unable to bear weight, a fever is an "
        "emergency instead (see above).",
        "NHS: Hip replacement risks; " + COURSE_CONVENTION,
        "The NHS lists infection of the wound or the joint among the risks of a hip replacement; "
        "it gives no urgency for these signs.",
        convention="Same day is the course's choice: an infection caught early is easier to treat.",
    ),
    WarningSign(
        "cancer-new-back-neck-pain",
        "A history of cancer (now or in the past) and new pain in the back or neck",
        SAME_DAY,
        "your cancer team's acute oncology line, or a doctor today",
        "Call your acute oncology line today (the number your cancer team gave you); if you have "
        "none, get a doctor to see you today (your GP surgery or NHS 111).",
        "Cancer can spread to the bones of the spine, and new back or neck pain can be the first sign, "
        "before it presses on the spinal cord; found early, the cord can be protected. With new leg "
        "weakness, numbness, or a change in bladder or bowel control, it is an emergency instead (see above).",
        "NICE NG234",
        "NICE NG234 asks for a person with a current or past cancer and spinal pain that suggests a "
        "spread to the spine to be discussed urgently with the specialist team (acute oncology or the "
        "metastatic spinal cord compression service), and treats such pain with limb weakness, "
        "difficulty walking, numbness or a change in bladder or bowel control as an oncological emergency.",
        convention="Same day, through the acute oncology line or a GP, is the course's route to that "
        "urgent discussion; the course sends any new back or neck pain after cancer this way, without "
        "asking which kind of spinal pain it is.",
        action="Call your acute oncology line today (the number your cancer team gave you); if you have "
        "none, get a doctor to see you today: call the GP surgery for a same-day appointment, or NHS 111. "
        "Do no exercises until then. Call 999 or go to A&E if your legs become weak or numb, or your "
        "bladder or bowel control changes.",
    ),
    WarningSign(
        "runner-groin-pain-walking",
        "Groin pain when you run, hop or jump that also hurts when you walk or stand on that leg (if "
        "you cannot put any weight on the leg at all: A&E or 999 now)",
        SAME_DAY,
        "a doctor today",
        "Get a doctor to see you today, and keep weight off the leg until then.",
        "It can be a stress fracture of the neck of the thigh bone. Pain on walking or standing means "
        "the bone may already be weak, and loading it further can make it break fully.",
        "NICE CKS: Hip pain in adults; " + COURSE_CONVENTION,
        "NICE CKS lists a stress fracture of the femoral neck among the causes of hip and groin pain "
        "in people who run or train hard; it sets no same-day time frame for it.",
        convention="More cautious than NICE CKS: the course sends groin pain that hurts on walking or "
        "standing to a doctor the same day, and asks the reader to keep weight off the leg (crutches "
        "if they have them) until seen.",
        action="Get a doctor to see you today: call the GP surgery for a same-day appointment, or NHS "
        "111, or go to an urgent treatment centre. Until then keep weight off the leg (use crutches if "
        "you have them), and do not run or do any exercises. If you cannot put any weight on the leg at "
        "all, go to A&E now or call 999: the bone may have broken through.",
    ),
    WarningSign(
        "child-limp-unwell",
        "A child under 3 with a limp, or a child with a limp who seems unwell but has no fever",
        SAME_DAY,
        "a doctor today",
        "Get the child seen by a doctor today.",
        "In a child these can mean an infection or another problem that needs checking the same day.",
        "NICE CKS: Limp in children",
        "NICE CKS asks for same-day assessment of a child with a limp who is under 3 or unwell.",
        action="Get the child seen by a doctor today: call the GP surgery for a same-day "
        "appointment, or NHS 111. Go to A&E if a fever starts or the child stops bearing weight. " + CHILD_NOT_FOR,
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
        "NICE CKS asks for same-day assessment of a child of 9 or older with a limp and hip, thigh "
        "or knee pain, because of a possible slipped upper femoral epiphysis.",
        convention="Keeping weight off the leg until seen is the course's own advice.",
        action="Get them seen by a doctor today (the GP surgery for a same-day appointment, or NHS "
        "111), and keep weight off the leg until then. " + CHILD_NOT_FOR,
    ),
    # --- soon ----------------------------------------------------------------------------
    WarningSign(
        "child-new-limp",
        "Any other child with a new limp",
        SOON,
        "a GP",
        "See a GP within a few days; today if the child becomes unwell, and A&E if a fever starts "
        "or the child stops bearing weight.",
        "A new limp in a child always needs a check; the exercises here are not for children.",
        "NICE CKS: Limp in children",
        "NICE CKS asks for a child with a limp who has none of its same-day features to be "
        "assessed, with a prompt review if the limp does not settle.",
        convention="Within a few days is the course's reading of that advice.",
        action="Book an appointment with a GP within the next few days. " + CHILD_NOT_FOR,
    ),
    WarningSign(
        "slow-weakness",
        "Weakness in one or both legs that has grown slowly over months",
        SOON,
        "a GP",
        "See a GP within a few days; they may refer you to a neurologist (a nerve specialist).",
        "Weakness that grows slowly needs a diagnosis, for example of a nerve or muscle condition, "
        "before exercise. It is not an emergency unless it starts to get quickly worse.",
        "NICE CKS: Sciatica; " + COURSE_CONVENTION,
        "NICE CKS treats a progressive neurological deficit as a red flag that needs assessment; "
        "it gives a faster route for a severe or fast one.",
        convention="A GP within a few days for slowly growing weakness is the course's choice.",
    ),
    WarningSign(
        "long-standing-condition",
        "A long-standing nerve, muscle or brain condition that affects your walking, such as "
        "cerebral palsy, muscular dystrophy, multiple sclerosis or the after-effects of polio",
        SOON,
        "a physiotherapist or doctor who knows the condition",
        "Ask a physiotherapist or doctor who knows the condition to plan the exercises with you.",
        "The right exercises and doses depend on the condition; some need a different approach to "
        "strength work. Weakness that has been there a long time and has not changed is not an "
        "emergency.",
        COURSE_CONVENTION,
        "No guideline is cited: a known condition needs its own plan.",
        convention="Asking for a clinician's plan before a program is the course's own rule.",
    ),
    WarningSign(
        "cancer-weight-loss-night-pain",
        "A history of cancer and new hip pain, weight loss you cannot explain, or pain at night that "
        "rest does not ease (new back or neck pain after cancer: same day, above)",
        SOON,
        "a GP",
        "See a GP within a few days and tell them about the hip or leg problem.",
        "These can point to a cause in the bone that needs tests, not exercises.",
        "NICE CKS: Hip pain in adults; NICE NG12",
        "NICE CKS lists a history of cancer, weight loss you cannot explain and pain at night among "
        "the features of a serious cause of hip pain that needs assessment; NICE NG12 sets when a "
        "doctor refers for suspected cancer.",
        convention="Within a few days is the course's choice; a GP may act sooner.",
    ),
    WarningSign(
        "limp-after-hip-replacement",
        "A new limp, or a hip that feels unstable or gives way, after a hip replacement",
        SOON,
        "your surgeon or the team that did the operation",
        "Contact your surgical team within a few days, before exercising the hip.",
        "It can come from a problem with the new joint or the muscles repaired around it, such as an abductor tear.",
        "NHS: Hip replacement recovery",
        "The NHS says to contact the care team about new problems with the hip after a replacement.",
        convention="Within a few days is the course's choice; sudden severe pain or a clunk is an "
        "emergency instead (see above).",
    ),
    WarningSign(
        "nerve-injury",
        "A known nerve injury or nerve damage in the back or leg",
        SOON,
        "a physiotherapist or doctor",
        "Ask a physiotherapist or doctor to plan the exercises with you.",
        "With a nerve injury, the right exercises depend on which nerve and how much it has recovered.",
        COURSE_CONVENTION,
        "No guideline is cited: a clinician needs to test which muscles work.",
        convention="Sending every known nerve injury to a clinician before a program is the course's own rule.",
    ),
    WarningSign(
        "pregnancy-pelvic-pain",
        "Pelvic pain that began in pregnancy or after giving birth",
        SOON,
        "a physiotherapist who works in pelvic health",
        "Ask your GP or midwife for a pelvic-health physiotherapist.",
        "Pelvic girdle pain needs its own assessment and exercises.",
        "NHS: Pelvic pain in pregnancy",
        "The NHS says to ask your midwife or GP for a referral to a physiotherapist for pelvic girdle pain.",
    ),
    WarningSign(
        "runner-groin-pain",
        "A runner with groin pain that comes on with running or hopping, while walking and standing "
        "do not hurt (if they do: same day, above)",
        SOON,
        "a doctor or sports physiotherapist",
        "Stop running until you have been seen, and see a doctor or sports physiotherapist within a few days.",
        "It can be a stress fracture of the neck of the thigh bone, which can break fully if loaded. If "
        "walking or standing starts to hurt, see a doctor the same day and keep weight off the leg.",
        "NICE CKS: Hip pain in adults",
        "NICE CKS lists a stress fracture of the femoral neck among the causes of hip and groin "
        "pain in people who run or train hard.",
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
