"""What a quiz bank or the catalog may say (the JSON schemas' enums, which `hipdrop check`
applies) is what the engine knows: a value the schema let through but the engine lacked would
break a page; one the engine has but the schema refused could never be written. One test per pair."""

import pytest

from hipdrop_course.engine import catalog
from hipdrop.quiz import model as quiz_model
from hipdrop_tools.course.data_files import schema

EXERCISE = "$defs/exercise/properties"
# Where each schema lives: the core's quiz schema, the hip-drop pack's catalog schema.
SCHEMA_PACKAGE = {"quiz": "hipdrop_tools", "catalog": "hipdrop_course"}

# (schema, path to the list inside it, the engine's constant, its name for the failure message)
PAIRS = [
    ("quiz", "$defs/question/properties/type/enum", quiz_model.QUESTION_TYPES, "quiz.model.QUESTION_TYPES"),
    ("quiz", "$defs/question/allOf/0/if/properties/type/enum", quiz_model.CHOICE_TYPES, "quiz.model.CHOICE_TYPES"),
    ("quiz", "properties/mode/enum", quiz_model.MODES, "quiz.model.MODES"),
    ("catalog", f"{EXERCISE}/phase/enum", catalog.PHASES, "catalog.PHASES"),
    ("catalog", f"{EXERCISE}/level/enum", catalog.LEVELS, "catalog.LEVELS"),
    ("catalog", f"{EXERCISE}/position/enum", catalog.POSITIONS, "catalog.POSITIONS"),
    ("catalog", f"{EXERCISE}/equipment/items/enum", catalog.EQUIPMENT, "catalog.EQUIPMENT"),
    ("catalog", f"{EXERCISE}/precautions/items/enum", catalog.PRECAUTION_TAGS, "catalog.PRECAUTION_TAGS"),
    ("catalog", f"{EXERCISE}/requires/items/enum", catalog.ABILITIES, "catalog.ABILITIES"),
    ("catalog", f"{EXERCISE}/working_leg/properties/works/enum", catalog.WORKS, "catalog.WORKS"),
    ("catalog", f"{EXERCISE}/dosing/required", catalog.GOALS, "catalog.GOALS"),
    ("catalog", "$defs/dosing/properties/basis/enum", catalog.BASES, "catalog.BASES"),
    ("catalog", "$defs/emg/properties/status/enum", catalog.EMG_STATUSES, "catalog.EMG_STATUSES"),
]


def at(document: dict, path: str) -> list:
    node = document
    for key in path.split("/"):
        node = node[int(key)] if isinstance(node, list) else node[key]
    return node


@pytest.mark.parametrize(("schema_name", "path", "constant", "name"), PAIRS, ids=[pair[3] for pair in PAIRS])
def test_the_schema_allows_what_the_engine_knows(schema_name, path, constant, name):
    allowed = at(schema(schema_name, SCHEMA_PACKAGE[schema_name]), path)
    assert len(allowed) == len(set(allowed)), f"{schema_name}.schema.json {path} lists a value twice"
    assert set(allowed) == set(constant), (
        f"{schema_name}.schema.json {path} and hipdrop.{name} differ: "
        f"only in the schema {sorted(set(allowed) - set(constant))}, only in the engine {sorted(set(constant) - set(allowed))}"
    )


def test_the_dosing_goals_have_one_entry_each():
    dosing = at(schema("catalog", SCHEMA_PACKAGE["catalog"]), f"{EXERCISE}/dosing/properties")
    assert set(dosing) == set(catalog.GOALS)
