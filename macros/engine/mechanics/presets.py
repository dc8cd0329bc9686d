"""Default values, slider ranges and named presets for the mechanics lab, with their sources.

Sources are those checked in the course's domain brief (section 3.1). Values marked "illustrative"
are teaching choices, not measurements; the lab says so next to them.
"""

from dataclasses import dataclass

from .model import ParamSpec

ILLUSTRATIVE = "illustrative value chosen for teaching, not a measurement"

PARAMS: tuple[ParamSpec, ...] = (
    ParamSpec(
        name="body_weight_n",
        label="Body weight",
        unit="N",
        minimum=200,
        maximum=1500,
        step=10,
        default=700,
        source="worked example of the static model (700 N, about 71 kg)",
        help="Your weight in newtons: kilograms × 9.81.",
    ),
    ParamSpec(
        name="weight_share_pct",
        label="Weight above the stance hip",
        unit="% of body weight",
        minimum=75,
        maximum=90,
        step=0.01,
        default=83.33,
        source="superincumbent weight ≈ 5/6 of body weight (body weight minus the stance leg; PMC5525516)",
        help="Everything the stance hip carries: body weight minus the stance leg.",
    ),
    ParamSpec(
        name="body_weight_arm_cm",
        label="Body-weight moment arm",
        unit="cm",
        minimum=4,
        maximum=16,
        step=0.5,
        default=10,
        source="Scranton: a 4-inch (≈10 cm) body-weight arm",
        help="Sideways distance from the stance hip to the centre of mass, standing upright.",
        positive=True,
    ),
    ParamSpec(
        name="abductor_arm_cm",
        label="Abductor moment arm",
        unit="cm",
        minimum=2,
        maximum=10,
        step=0.5,
        default=5,
        source="about half the body-weight arm (Standring 2016, Gray's Anatomy; Pauwels 1935: up to 3:1)",
        help="Leverage of the hip abductors: distance from the hip centre to their line of pull.",
        positive=True,
    ),
    ParamSpec(
        name="abductor_angle_deg",
        label="Abductor line of pull",
        unit="° from horizontal",
        minimum=45,
        maximum=90,
        step=1,
        default=70,
        source="Scranton: abductor pull at 70°",
        help="Angle of the abductor muscles' pull measured from the horizontal.",
    ),
    ParamSpec(
        name="lean_cm",
        label="Trunk lean toward the stance hip",
        unit="cm",
        minimum=-5,
        maximum=12,
        step=0.5,
        default=0,
        source="brief 3.1: leaning over the stance limb shortens the body-weight arm (10 → 5 cm worked example)",
        help="How far leaning moves the centre of mass toward the stance hip (negative: away).",
    ),
    ParamSpec(
        name="cane_force_n",
        label="Cane force",
        unit="N",
        minimum=0,
        maximum=300,
        step=5,
        default=0,
        source="people rarely put more than 20% of body weight on a cane (Brand & Crowninshield, 1980)",
        help="How hard the cane pushes up on the hand. 0 means no cane.",
    ),
    ParamSpec(
        name="cane_arm_cm",
        label="Cane distance from the stance hip",
        unit="cm",
        minimum=10,
        maximum=60,
        step=1,
        default=40,
        source=ILLUSTRATIVE,
        help="Sideways distance from the stance hip to the cane.",
        positive=True,
    ),
    ParamSpec(
        name="abductor_capacity_n",
        label="Abductor capacity",
        unit="N",
        minimum=0,
        maximum=4000,
        step=10,
        default=2000,
        source=ILLUSTRATIVE,
        help="The largest force the abductors can hold. Below the demand, the pelvis drops.",
    ),
)

DEFAULT_CANE_HAND = "opposite"

SPECS = {spec.name: spec for spec in PARAMS}


@dataclass(frozen=True)
class Preset:
    name: str
    title: str
    summary: str
    values: tuple[tuple[str, object], ...]  # overrides of the defaults

    def params(self) -> dict:
        merged: dict = {spec.name: spec.default for spec in PARAMS}
        merged["cane_hand"] = DEFAULT_CANE_HAND
        merged.update(dict(self.values))
        return merged


WEAK_CAPACITY_N = 800  # illustrative: below the 1,167 N quiet-stance demand of the worked example

PRESETS: tuple[Preset, ...] = (
    Preset(
        name="quiet-stance",
        title="Quiet stance",
        summary="Standing on one leg, trunk upright, strong abductors: the worked example of the model.",
        values=(),
    ),
    Preset(
        name="weak-abductors",
        title="Weak abductors",
        summary="The same stance with abductors that can hold only 800 N (illustrative): the pelvis drops.",
        values=(("abductor_capacity_n", WEAK_CAPACITY_N),),
    ),
    Preset(
        name="compensated",
        title="Compensated (trunk lean)",
        summary="Weak abductors, trunk leaned 5 cm over the stance hip: the demand halves and the pelvis holds.",
        values=(("abductor_capacity_n", WEAK_CAPACITY_N), ("lean_cm", 5)),
    ),
    Preset(
        name="cane-opposite",
        title="Cane in the opposite hand",
        summary="Weak abductors, 70 N (10% of body weight) on a cane held on the swing side.",
        values=(
            ("abductor_capacity_n", WEAK_CAPACITY_N),
            ("cane_force_n", 70),
            ("cane_hand", "opposite"),
        ),
    ),
    Preset(
        name="cane-same",
        title="Cane in the same-side hand",
        summary="Weak abductors, the same 70 N cane held on the stance side. The rigid model adds to the "
        "abductors' load; in people a same-side cane made no measurable difference (Neumann 1998).",
        values=(
            ("abductor_capacity_n", WEAK_CAPACITY_N),
            ("cane_force_n", 70),
            ("cane_hand", "same"),
            ("cane_arm_cm", 20),
        ),
    ),
)

PRESETS_BY_NAME = {preset.name: preset for preset in PRESETS}

SOURCE_NOTES = (
    "Model: the pelvis as a first-class lever balanced on the stance hip; abductor force × abductor arm "
    "= weight above the hip × body-weight arm (Kosmahl, PT245). The weight above the hip is about five "
    "sixths of body weight, as one leg is about a sixth (Winter 2009).",
    "Typical results: abductors pull about 2–3 × the weight above the hip and the hip joint force is "
    "about 2.5–3.3 × body weight (Standring 2016; Pauwels 1935, whose about 4 × is times the weight "
    "above the hip).",
    "Measured in people with instrumented hip implants: about 2.4 × body weight when walking, lower "
    "than many models predict (Bergmann 2001).",
    "Cane: in 24 people with hip prostheses a cane in the opposite hand cut abductor activity by 31% "
    "(Neumann, 1998). This rigid model predicts that a cane in the same-side hand adds to the "
    "abductors' load, but in those people it made no measurable difference (Neumann, 1998): people "
    "push lightly, and the push also takes some weight off the leg. Static models like this one "
    "overstate the cane's effect (Brand & Crowninshield, 1980).",
    "Trunk lean over the stance hip lowers the abductor demand; at the knee it shifts load from the "
    "inner to the outer half (Simic 2012), and it adds trunk work.",
)
