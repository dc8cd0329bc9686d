"""The teachers' page "What the picker does": each example's answers, rendered through the engine,
give the outcome written under them (kind, urgency, exercises with their days, exercises left out)."""

import json
import re

from hipdrop_course.engine.picker import Program, Referral, answers_from_dict, pick
from hipdrop_course.engine.picker.warning_signs import URGENCY_BY_ID
from hipdrop_course.catalog import load_catalog
from hipdrop_tools.course.project import Project
from support import ROOT

PAGE = ROOT / "docs" / "teachers" / "picker.md"
CATALOG = load_catalog(Project(ROOT))
URGENCY_BY_LABEL = {u.label.lower().replace(",", ""): u.id for u in URGENCY_BY_ID.values()}


def examples():
    text = PAGE.read_text(encoding="utf-8")
    for section in re.split(r"(?m)^### ", text)[1:]:
        title = section.splitlines()[0]
        answers = json.loads(re.search(r"```json\n(.*?)```", section, re.S).group(1))
        fields = dict(re.findall(r"(?m)^\*\*(Outcome|Includes|Leaves out):\*\* (.+)$", section))
        yield title, answers, fields


def test_the_page_has_examples_of_each_outcome():
    kinds = {fields["Outcome"].split(",")[0].rstrip(".") for _, _, fields in examples()}
    assert kinds == {"program", "referral", "rest"}


def test_every_example_gives_the_outcome_the_page_states():
    for title, data, fields in examples():
        outcome = pick(answers_from_dict(data), CATALOG)
        stated = fields["Outcome"].rstrip(".")
        kind, _, urgency = stated.partition(", ")
        assert outcome.kind == kind, title
        if isinstance(outcome, Referral):
            assert outcome.urgency == URGENCY_BY_LABEL[urgency], title
        if not isinstance(outcome, Program):
            continue
        chosen = {e.name: e for p in outcome.phases for e in p.exercises}
        for item in filter(None, fields.get("Includes", "").rstrip(".").split("; ")):
            name, days = re.fullmatch(r"(.+) \((\d) days a week\)", item).groups()
            assert name in chosen, (title, name, sorted(chosen))
            assert chosen[name].dose.days_per_week == int(days), (title, name)
        left = {x.name for x in outcome.left_out}
        for name in filter(None, fields.get("Leaves out", "").rstrip(".").split("; ")):
            assert name in left and name not in chosen, (title, name)
