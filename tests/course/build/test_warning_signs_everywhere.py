"""The warning signs say the same thing everywhere: quiz questions about a warning sign use the
urgency of the engine's table, and the pages that list the signs are rendered from that table.

The quiz check scans every question in every bank (new questions included): any question that
mentions a warning sign must use words of that sign's urgency, and must not give an emergency a
weaker deadline.
"""

import re

import yaml

from hipdrop_course.engine.picker.warning_signs import URGENCY_BY_ID, WARNING_SIGNS_BY_ID
from support import ROOT

# How a question names each sign (our own list, kept apart from the engine's wording).
MENTIONS = {
    "saddle-numbness": [r"saddle", r"numbness around the (back passage|genitals)"],
    "bladder-bowel-change": [r"bladder", r"bowel"],
    "progressive-weakness": [r"foot drop", r"weakness (that is |that's )?(new|getting (quickly )?worse|quickly worsening)",
                             r"\b(worsening|new) (leg )?weakness", r"weakness[^.]{0,40}\b(hours|days)\b"],
    "slow-weakness": [r"weakness[^.]{0,40}(slowly|over (several )?months)", r"(slowly|over months)[^.]{0,40}weakness"],
    "stroke-signs": [r"\bstroke\b", r"trouble speaking"],
    "major-trauma": [r"major (accident|injury|trauma)"],
    "fall-cannot-bear-weight": [r"(cannot|can't|unable to) (bear|put) weight"],
    "fever-severe-hip-pain": [r"\bfever\b", r"hot,? swollen"],
    "dislocation-after-hip-replacement": [r"\bclunk\b", r"dislocat[^.]{0,60}after a hip replacement"],
    "clot-after-surgery": [r"swollen,? painful calf", r"breathless"],
    "wound-fever-after-operation": [r"(red|hot|oozing)[^.]{0,20}wound", r"wound[^.]{0,30}\b(red|hot|oozing)\b"],
    "child-limp-unwell": [r"under (age )?3\b"],
    "teen-hip-knee-pain-limp": [r"teenager"],
    "child-new-limp": [r"child[^.]{0,40}new limp"],
    "cancer-weight-loss-night-pain": [r"cancer", r"weight loss", r"(pain|worse) at night", r"night pain"],
    "cancer-new-back-neck-pain": [r"cancer[^.]{0,40}\b(back|neck) pain"],
    "limp-after-hip-replacement": [r"(limp|unstable|gives? way).{0,40}after a hip replacement"],
    "pregnancy-pelvic-pain": [r"pelvic pain"],
    "runner-groin-pain": [r"runner.{0,60}groin", r"groin.{0,60}runn"],
    "runner-groin-pain-walking": [r"groin[^.]{0,80}\b(walking|standing)\b[^.]{0,20}hurt"],
}
URGENCY_WORDS = {
    "emergency-today": [r"emergency", r"\b999\b", r"A&E"],
    "same-day": [r"same[ -]day", r"\btoday\b"],
    "soon": [r"\bsoon\b", r"within (a few )?days", r"before (you start|starting)", r"\bGP\b"],
}
TOO_SLOW_FOR_AN_EMERGENCY = [r"within a day or two", r"\bpromptly\b", r"in a few days", r"\bsoon\b"]


def question_text(question: dict) -> str:
    parts = [question.get("prompt", ""), question.get("explanation", "")]
    for option in question.get("options") or []:
        parts += [str(option.get("text", "")), str(option.get("feedback", ""))]
    return " ".join(str(p) for p in parts)


def questions():
    for path in sorted((ROOT / "quizzes").glob("*.yml")):
        bank = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for question in bank.get("questions") or []:
            yield path.name, question


def signs_in(text: str) -> list[str]:
    return [sign for sign, patterns in MENTIONS.items()
            if any(re.search(p, text, re.IGNORECASE) for p in patterns)]


def test_the_mention_list_covers_signs_of_the_table():
    assert set(MENTIONS) <= set(WARNING_SIGNS_BY_ID)
    assert set(URGENCY_WORDS) == set(URGENCY_BY_ID)


def test_quiz_questions_about_warning_signs_use_the_tables_urgency():
    problems = []
    checked = 0
    for bank, question in questions():
        text = question_text(question)
        signs = signs_in(text)
        if not signs:
            continue
        checked += 1
        for urgency in sorted({WARNING_SIGNS_BY_ID[s].urgency for s in signs}):
            named = [s for s in signs if WARNING_SIGNS_BY_ID[s].urgency == urgency]
            if not any(re.search(w, text, re.IGNORECASE) for w in URGENCY_WORDS[urgency]):
                problems.append(f"{bank}, question '{question.get('id')}': mentions {named}, whose "
                                f"urgency is '{URGENCY_BY_ID[urgency].label}', but never says so")
        emergencies = [s for s in signs if WARNING_SIGNS_BY_ID[s].urgency == "emergency-today"]
        if emergencies and not any(WARNING_SIGNS_BY_ID[s].urgency == "soon" for s in signs):
            for slow in TOO_SLOW_FOR_AN_EMERGENCY:
                if re.search(slow, text, re.IGNORECASE):
                    problems.append(f"{bank}, question '{question.get('id')}': gives the emergency "
                                    f"sign(s) {emergencies} a slower deadline ({slow})")
    assert checked, "no quiz question mentions a warning sign: the mention list is out of date"
    assert not problems, "\n".join(problems)


def test_walking_worse_is_not_called_a_warning_sign_in_any_quiz():
    for bank, question in questions():
        text = question_text(question)
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if re.search(r"walking (is |gets |got )?worse", sentence, re.IGNORECASE):
                assert not re.search(r"(is|are) (a |an )?(red flag|warning sign)", sentence, re.IGNORECASE), \
                    f"{bank}, question '{question.get('id')}': {sentence}"


def test_lesson_faq_home_and_form_show_the_signs_from_the_one_table():
    from hipdrop_course.engine.picker.form import render_form

    for page in ("lessons/causes-and-assessment.md", "faq.md", "index.md"):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        assert "{{ warning_signs(" in text, f"docs/{page} does not render the warning signs from the table"
    form = render_form()
    for sign_id in WARNING_SIGNS_BY_ID:
        assert f'name="red_flags" value="{sign_id}"' in form
