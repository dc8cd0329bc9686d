"""The clinical sources the picker's rules cite, each with its full reference.

A rule names a source by its short ``cite`` ("NICE CKS: Sciatica"); the clinical rules page lists
the full reference for every cite used. ``COURSE_CONVENTION`` marks a rule that is the course's own
choice, with no published source behind it: the pages say so wherever the rule appears.
"""

from dataclasses import dataclass

COURSE_CONVENTION = "Hip Drop course convention"


@dataclass(frozen=True)
class ClinicalSource:
    cite: str
    reference: str
    url: str = ""


CLINICAL_SOURCES: tuple[ClinicalSource, ...] = (
    ClinicalSource(
        "NHS: Cauda equina syndrome",
        "NHS website (nhs.uk). Cauda equina syndrome: symptoms and when to get urgent help.",
        "https://www.nhs.uk/conditions/cauda-equina-syndrome/",
    ),
    ClinicalSource(
        "NHS: Sciatica",
        "NHS website (nhs.uk). Sciatica: when to call 999 or go to A&E (symptoms in both legs, "
        "weakness that is severe or getting worse, numbness around the genitals or anus, bladder changes).",
        "https://www.nhs.uk/conditions/sciatica/",
    ),
    ClinicalSource(
        "NICE CKS: Sciatica",
        "National Institute for Health and Care Excellence. Clinical Knowledge Summaries: Sciatica "
        "(lumbar radiculopathy). Red flags: suspected cauda equina syndrome and progressive "
        "neurological deficit.",
        "https://cks.nice.org.uk/topics/sciatica-lumbar-radiculopathy/",
    ),
    ClinicalSource(
        "NHS: Stroke",
        "NHS website (nhs.uk). Stroke: symptoms (face, arms, speech, time to call 999).",
        "https://www.nhs.uk/conditions/stroke/symptoms/",
    ),
    ClinicalSource(
        "NICE CKS: Hip pain in adults",
        "National Institute for Health and Care Excellence. Clinical Knowledge Summaries: Hip pain "
        "in adults (fracture, septic arthritis, malignancy, stress fracture).",
        "https://cks.nice.org.uk/topics/hip-pain-in-adults/",
    ),
    ClinicalSource(
        "NHS: Septic arthritis",
        "NHS website (nhs.uk). Septic arthritis: go to A&E with a hot, painful joint and a high "
        "temperature or feeling unwell.",
        "https://www.nhs.uk/conditions/septic-arthritis/",
    ),
    ClinicalSource(
        "NHS: DVT",
        "NHS website (nhs.uk). Deep vein thrombosis (DVT): ask for an urgent GP appointment or get "
        "help from NHS 111 for a swollen, painful calf; call 999 or go to A&E for breathlessness or "
        "chest pain.",
        "https://www.nhs.uk/conditions/deep-vein-thrombosis-dvt/",
    ),
    ClinicalSource(
        "NICE CKS: Limp in children",
        "National Institute for Health and Care Excellence. Clinical Knowledge Summaries: Limp - "
        "acute childhood (same-day specialist assessment for a child with a limp and a fever, and "
        "admission for suspected septic arthritis; same-day assessment for a child under 3, unwell, "
        "unable to bear weight, or 9 years and older with hip, thigh or knee pain: slipped upper "
        "femoral epiphysis).",
        "https://cks.nice.org.uk/topics/limp-acute-childhood/",
    ),
    ClinicalSource(
        "NICE NG12",
        "National Institute for Health and Care Excellence (2015, updated). Suspected cancer: "
        "recognition and referral (NG12).",
        "https://www.nice.org.uk/guidance/ng12",
    ),
    ClinicalSource(
        "NICE NG234",
        "National Institute for Health and Care Excellence (2023). Spinal metastases and metastatic "
        "spinal cord compression (NG234). Replaces CG75 (2008). Recognition and referral: urgent "
        "discussion with the specialist team for people with cancer and spinal pain suggesting spread "
        "to the spine; an oncological emergency when there are nerve symptoms such as limb weakness or "
        "a change in bladder or bowel control.",
        "https://www.nice.org.uk/guidance/ng234",
    ),
    ClinicalSource(
        "NHS: Hip replacement recovery",
        "NHS website (nhs.uk). Hip replacement: recovery (follow the care team's advice on "
        "exercise, walking aids and positions in the first weeks; contact them about new problems "
        "with the hip).",
        "https://www.nhs.uk/conditions/hip-replacement/recovery/",
    ),
    ClinicalSource(
        "NHS: Pelvic pain in pregnancy",
        "NHS website (nhs.uk). Pelvic pain in pregnancy (pelvic girdle pain): ask for a referral to a physiotherapist.",
        "https://www.nhs.uk/pregnancy/related-conditions/common-symptoms/pelvic-pain/",
    ),
    ClinicalSource(
        "NHS: Exercise in pregnancy",
        "NHS website (nhs.uk). Exercise in pregnancy: do not lie flat on your back for long periods, "
        "especially after 16 weeks, because the weight of the bump presses on the main blood vessel "
        "bringing blood back to the heart, which can make you feel faint.",
        "https://www.nhs.uk/pregnancy/keeping-well/exercise/",
    ),
    ClinicalSource(
        "NHS: Hip replacement risks",
        "NHS website (nhs.uk). Hip replacement: risks (a dislocation, in about 3 in 100, most often "
        "in the first few months, needs treatment in hospital to put the joint back; infection).",
        "https://www.nhs.uk/conditions/hip-replacement/risks/",
    ),
    ClinicalSource(
        "AHCPR 1994",
        "Acute Low Back Problems Guideline Panel, chaired by Bigos SJ (1994). Acute Low Back "
        "Problems in Adults. Clinical Practice Guideline No. 14. Rockville, MD: Agency for Health "
        "Care Policy and Research. Its red flags for a fracture include major trauma, such as a road "
        "accident or a fall from a height.",
    ),
    ClinicalSource(
        "NICE NG249",
        "National Institute for Health and Care Excellence (2025). Falls: assessment and prevention "
        "in older people and in people 50 and over at higher risk (NG249). Replaces CG161 (2013).",
        "https://www.nice.org.uk/guidance/ng249",
    ),
    ClinicalSource(
        "Montero-Odasso et al. 2022",
        "Montero-Odasso M, van der Velde N, Martin FC, Petrovic M, Tan MP, Ryg J, et al.; the Task "
        "Force on Global Guidelines for Falls in Older Adults (2022). World guidelines for falls "
        "prevention and management for older adults: a global initiative. Age and Ageing "
        "51(9):afac205. Exercise that trains balance and strength is recommended for older adults "
        "at risk of falls.",
    ),
    ClinicalSource(
        "ACOG 2020",
        "American College of Obstetricians and Gynecologists (2020). Physical activity and exercise "
        "during pregnancy and the postpartum period. ACOG Committee Opinion No. 804. Obstetrics & "
        "Gynecology 135(4):e178-e188. Advises avoiding long periods lying flat on the back during "
        "exercise from about 20 weeks of pregnancy, and activities with a high risk of falling.",
    ),
    ClinicalSource(
        "Goom, Donnelly & Brockwell 2019",
        "Goom T, Donnelly G, Brockwell E (2019). Returning to running postnatal: guidelines for "
        "medical, health and fitness professionals managing this population. Published online, March "
        "2019; endorsed by the Association of Chartered Physiotherapists in Sports and Exercise "
        "Medicine. Low-impact exercise in the first 12 weeks after birth, an assessment (pelvic floor "
        "and strength) by a physiotherapist, and a graded return to running from about 12 weeks.",
    ),
    ClinicalSource(
        "Jacobs et al. 2009",
        "Jacobs CA, Lewis M, Bolgla LA, Christensen CP, Nitz AJ, Uhl TL (2009). Electromyographic "
        "analysis of hip abductor exercises performed by a sample of total hip arthroplasty "
        "patients. Journal of Arthroplasty 24(7):1130-1136. After a hip replacement, gluteus medius "
        "activity did not differ between standing (weight-bearing) and lying (non-weight-bearing) "
        "abductor exercises.",
    ),
    ClinicalSource(
        "Grimaldi & Fearon 2015",
        "Grimaldi A, Fearon A (2015). Gluteal tendinopathy: integrating pathomechanics and clinical "
        "features in its management. Journal of Orthopaedic & Sports Physical Therapy 45(11):910-922. "
        "A clinical commentary: avoid positions that press the tendons against the bone, and start "
        "with gentle isometric abduction.",
    ),
    ClinicalSource(
        "Mellor et al. 2018",
        "Mellor R, Bennell K, Grimaldi A, Nicolson P, Kasza J, Hodges P, et al. (2018). Education "
        "plus exercise versus corticosteroid injection use versus a wait and see approach on global "
        "outcome and pain from gluteal tendinopathy: prospective, single blinded, randomised "
        "clinical trial. BMJ 361:k1662. 204 people; 14 sessions with a physiotherapist over 8 weeks, "
        "starting with isometric exercise.",
    ),
    ClinicalSource(
        "Silbernagel et al. 2007",
        "Silbernagel KG, Thomeé R, Eriksson BI, Karlsson J (2007). Continued sports activity, using "
        "a pain-monitoring model, during rehabilitation in patients with Achilles tendinopathy: a "
        "randomized controlled study. American Journal of Sports Medicine 35(6):897-906. Tested in "
        "Achilles tendinopathy; the course uses its model for the hip by analogy.",
    ),
    ClinicalSource(
        "Hardcastle & Nade 1985",
        "Hardcastle P, Nade S (1985). The significance of the Trendelenburg test. Journal of Bone "
        "and Joint Surgery (British volume) 67-B(5):741-746.",
    ),
    ClinicalSource(
        "ACSM 2009",
        "American College of Sports Medicine (2009). Position stand: progression models in "
        "resistance training for healthy adults. Medicine & Science in Sports & Exercise 41(3):687-708.",
    ),
    ClinicalSource(
        "ACSM 2011",
        "Garber CE, Blissmer B, Deschenes MR, et al.; American College of Sports Medicine (2011). "
        "Position stand: quantity and quality of exercise for developing and maintaining "
        "cardiorespiratory, musculoskeletal, and neuromotor fitness in apparently healthy adults. "
        "Medicine & Science in Sports & Exercise 43(7):1334-1359.",
    ),
    ClinicalSource(
        "Bolgla & Uhl 2005",
        "Bolgla LA, Uhl TL (2005). Electromyographic analysis of hip rehabilitation exercises in a "
        "group of healthy subjects. Journal of Orthopaedic & Sports Physical Therapy 35(8):487-494. "
        "The 57 to 59% for the hip dip is as the source article reports it.",
        "https://pubmed.ncbi.nlm.nih.gov/16187509/",
    ),
    ClinicalSource(
        "Ardern et al. 2016",
        "Ardern CL, Glasgow P, Schneiders A, Witvrouw E, Clarsen B, Cools A, et al. (2016). 2016 "
        "Consensus statement on return to sport from the First World Congress in Sports Physical "
        "Therapy, Bern. British Journal of Sports Medicine 50(14):853-864. Return to sport is a "
        "gradual path, decided together; it gives no hop doses.",
    ),
    ClinicalSource(
        "Maghsoodi 2019",
        "Maghsoodi A (2019). Blog article on Trendelenburg gait and the exercises used for it, with "
        "reader comments. The Prehab Guys (website). The course's source article: the order of the "
        "phases, the mirror, and its authors' replies to readers.",
    ),
)

SOURCES_BY_CITE = {source.cite: source for source in CLINICAL_SOURCES}
