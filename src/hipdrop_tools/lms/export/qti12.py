"""IMS QTI 1.2 of the kind Canvas imports (a ``questestinterop`` with one assessment, and a
content-package manifest), written with lxml. Text is HTML in ``mattext texttype="text/html"``.

Types, with Canvas's question type in the item metadata; scores are out of 100 (``SCORE``):

- single -> multiple_choice_question; true/false -> true_false_question: 100 for the right option;
- multiple -> multiple_answers_question: each right option ticked adds 100/C, each wrong option
  ticked takes 100/C away, bounded to 0..100 by the variable's declared range (the site's rule);
- numeric -> numerical_question: right from (answer - tolerance) to (answer + tolerance), bounds
  included; the unit is named in the prompt;
- matching -> matching_question: each left-hand item is a menu of the right-hand items, each right
  match adds 100/n;
- ordering -> matching_question, each item matched to its place (1st, 2nd...), each right place
  adds 100/n: QTI 1.2 has ordering, but Canvas does not import it, so this is the nearest
  faithful equivalent (the marks are the same).

HTML keeps only the elements and link schemes that ``xhtml.py`` allows, so no file carries script.
A whole right answer (multiple, matching, ordering) is set to exactly 100: shares such as
33.3333 would add up to a little less.

A generated question's versions are numerical questions in a section of their own that selects
one (``selection_number`` 1: a question group in Canvas), so neighbours get different numbers.

Feedback: each option's own feedback when it is chosen; right / partly right / wrong feedback for
the other types; the explanation with the lesson link as general feedback.
"""

from lxml import etree

from hipdrop.quiz.grading import number_text, ordinal
from hipdrop.quiz.model import CHOICE_TYPES, Bank, Question
from hipdrop_tools.lms.export import (
    ExportWarning,
    explanation_with_link,
    matching_prompt,
    numeric_of,
    numeric_prompt,
    version_group,
)
from hipdrop_tools.lms.export.xhtml import safe_html

NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
XSD = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
RESPONSE = "response1"
CANVAS_TYPES = {
    "single": "multiple_choice_question",
    "true_false": "true_false_question",
    "multiple": "multiple_answers_question",
    "numeric": "numerical_question",
    "matching": "matching_question",
    "ordering": "matching_question",
}
GENERAL = "general_fb"
CORRECT, PARTIAL, INCORRECT = "correct_fb", "partial_fb", "general_incorrect_fb"


def _sub(parent, tag: str, attrs: dict | None = None, text: str | None = None):
    element = etree.SubElement(parent, tag, {k: str(v) for k, v in (attrs or {}).items()})
    if text is not None:
        element.text = text
    return element


def _html(parent, html: str):
    material = _sub(parent, "material")
    return _sub(material, "mattext", {"texttype": "text/html"}, safe_html(html))


def _number(value: float) -> str:
    return number_text(value).replace(",", "")


def _points(value: float) -> str:
    return format(round(value, 4), "g")


def _metadata(item, question: Question) -> None:
    fields = _sub(_sub(item, "itemmetadata"), "qtimetadata")
    entries = [("question_type", CANVAS_TYPES[question.type]), ("points_possible", "1")]
    if question.type in CHOICE_TYPES:
        entries.append(("original_answer_ids", ",".join(o.id for o in question.options)))
    for label, entry in entries:
        field = _sub(fields, "qtimetadatafield")
        _sub(field, "fieldlabel", text=label)
        _sub(field, "fieldentry", text=entry)


def _pairs(question: Question) -> tuple[list[tuple[str, str]], list[tuple[str, str]], dict[str, str]]:
    """Matching as (left id, html), (right id, html) and the right answer per left id; ordering
    becomes matching to places."""
    if question.type == "ordering":
        places = [(f"place-{n}", ordinal(n)) for n in range(1, len(question.items) + 1)]
        return (
            [(i.id, i.html) for i in question.items],
            places,
            {i.id: f"place-{n}" for n, i in enumerate(question.items, 1)},
        )
    return (
        [(i.id, i.html) for i in question.left],
        [(r.id, r.html) for r in question.right],
        {i.id: i.match for i in question.left},
    )


def _presentation(item, question: Question) -> None:
    presentation = _sub(item, "presentation")
    if question.type in CHOICE_TYPES:
        _html(presentation, question.prompt_html)
        cardinality = "Multiple" if question.type == "multiple" else "Single"
        lid = _sub(presentation, "response_lid", {"ident": RESPONSE, "rcardinality": cardinality})
        choices = _sub(lid, "render_choice", {"shuffle": "No" if question.type == "true_false" else "Yes"})
        for option in question.options:
            _html(_sub(choices, "response_label", {"ident": option.id}), option.html)
    elif question.type == "numeric":
        _html(presentation, numeric_prompt(question))
        response = _sub(presentation, "response_str", {"ident": RESPONSE, "rcardinality": "Single"})
        _sub(response, "render_fib", {"fibtype": "Decimal"})
    else:
        _html(presentation, matching_prompt(question))
        left, right, _ = _pairs(question)
        for left_id, html in left:
            lid = _sub(presentation, "response_lid", {"ident": f"response_{left_id}"})
            _html(lid, html)
            choices = _sub(lid, "render_choice")
            for right_id, right_html in right:
                _html(_sub(choices, "response_label", {"ident": right_id}), right_html)


def _condition(processing, build, title: str, continue_: bool = True):
    condition = _sub(processing, "respcondition", {"title": title, "continue": "Yes" if continue_ else "No"})
    build(_sub(condition, "conditionvar"))
    return condition


def _set_score(condition, action: str, value: str) -> None:
    _sub(condition, "setvar", {"action": action, "varname": "SCORE"}, value)


def _show(condition, ident: str) -> None:
    _sub(condition, "displayfeedback", {"feedbacktype": "Response", "linkrefid": ident})


def _equals(parent, respident: str, value: str) -> None:
    _sub(parent, "varequal", {"respident": respident}, value)


def _processing_choice(processing, question: Question) -> None:
    share = 100 / len(question.correct_ids)
    for option in question.options:
        condition = _condition(processing, lambda c, o=option: _equals(c, RESPONSE, o.id), f"option {option.id}")
        if question.type == "multiple":
            _set_score(condition, "Add" if option.correct else "Subtract", _points(share))
        elif option.correct:
            _set_score(condition, "Set", "100")
        _show(condition, f"{option.id}_fb")
    if question.type == "multiple":  # the whole right answer: exactly 100 (shares of 33.3333 fall short)

        def all_right(c):
            every = _sub(c, "and")
            for option in question.options:
                _equals(every if option.correct else _sub(every, "not"), RESPONSE, option.id)

        _set_score(_condition(processing, all_right, "all right"), "Set", "100")


def _processing_numeric(processing, question: Question) -> None:
    n = numeric_of(question)

    def in_range(c):
        _sub(c, "vargte", {"respident": RESPONSE}, _number(n.value - n.tolerance))
        _sub(c, "varlte", {"respident": RESPONSE}, _number(n.value + n.tolerance))

    right = _condition(processing, in_range, "right", continue_=False)
    _set_score(right, "Set", "100")
    _show(right, CORRECT)
    _show(_condition(processing, lambda c: _sub(c, "other"), "wrong", continue_=False), INCORRECT)


def _processing_pairs(processing, question: Question) -> None:
    left, _, answer = _pairs(question)
    share = _points(100 / len(left))
    for left_id, _html_text in left:
        condition = _condition(
            processing, lambda c, i=left_id: _equals(c, f"response_{i}", answer[i]), f"match {left_id}"
        )
        _set_score(condition, "Add", share)

    def all_right(c):
        every = _sub(c, "and")
        for left_id, _h in left:
            _equals(every, f"response_{left_id}", answer[left_id])

    right = _condition(processing, all_right, "all right", continue_=False)
    _set_score(right, "Set", "100")  # exactly 100 (shares of 33.3333 fall short)
    _show(right, CORRECT)
    if question.feedback and question.feedback.partial_html:

        def some_right(c):
            some = _sub(c, "or")
            for left_id, _h in left:
                _equals(some, f"response_{left_id}", answer[left_id])

        _show(_condition(processing, some_right, "some right", continue_=False), PARTIAL)
    _show(_condition(processing, lambda c: _sub(c, "other"), "none right", continue_=False), INCORRECT)


def _processing(item, question: Question) -> None:
    processing = _sub(item, "resprocessing")
    outcomes = _sub(processing, "outcomes")
    _sub(outcomes, "decvar", {"varname": "SCORE", "vartype": "Decimal", "minvalue": "0", "maxvalue": "100"})
    _show(_condition(processing, lambda c: _sub(c, "other"), "explanation"), GENERAL)
    if question.type in CHOICE_TYPES:
        _processing_choice(processing, question)
    elif question.type == "numeric":
        _processing_numeric(processing, question)
    else:
        _processing_pairs(processing, question)


def _feedback(item, question: Question) -> None:
    def feedback(ident: str, html: str) -> None:
        element = _sub(item, "itemfeedback", {"ident": ident})
        _html(_sub(element, "flow_mat"), html)

    feedback(GENERAL, explanation_with_link(question))
    if question.type in CHOICE_TYPES:
        for option in question.options:
            feedback(f"{option.id}_fb", option.feedback_html)
    elif question.feedback:
        fb = question.feedback
        feedback(CORRECT, fb.correct_html)
        if fb.partial_html and question.type != "numeric":
            feedback(PARTIAL, fb.partial_html)
        feedback(INCORRECT, fb.incorrect_html)


def item_element(question: Question) -> etree._Element:
    item = etree.Element("item", {"ident": question.id, "title": question.id})
    _metadata(item, question)
    _presentation(item, question)
    _processing(item, question)
    _feedback(item, question)
    return item


def questestinterop(bank: Bank) -> tuple[etree._Element, list[ExportWarning]]:
    root = etree.Element("questestinterop", nsmap={None: NS, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{NS} {XSD}")
    assessment = _sub(root, "assessment", {"ident": bank.id, "title": bank.title})
    section = _sub(assessment, "section", {"ident": "root_section"})
    groups: dict[str, etree._Element] = {}
    for question in bank.questions:
        group = version_group(question)
        if group and group not in groups:
            groups[group] = _sub(section, "section", {"ident": f"versions-{group}", "title": group})
            selection = _sub(_sub(groups[group], "selection_ordering"), "selection")
            _sub(selection, "selection_number", text="1")
        (groups[group] if group else section).append(item_element(question))
    _qualify(root)
    return root, []


def _qualify(root) -> None:
    """Put every element into the QTI 1.2 namespace (built unqualified for brevity)."""
    for element in root.iter():
        if isinstance(element.tag, str) and not element.tag.startswith("{"):
            element.tag = f"{{{NS}}}{element.tag}"


def manifest(bank: Bank, path: str) -> etree._Element:
    def cp(tag: str) -> str:
        return f"{{{CP_NS}}}{tag}"

    root = etree.Element(cp("manifest"), {"identifier": f"MANIFEST-{bank.id}-qti12"}, nsmap={None: CP_NS})
    metadata = etree.SubElement(root, cp("metadata"))
    etree.SubElement(metadata, cp("schema")).text = "IMS Content"
    etree.SubElement(metadata, cp("schemaversion")).text = "1.1.3"
    etree.SubElement(root, cp("organizations"))
    resources = etree.SubElement(root, cp("resources"))
    resource = etree.SubElement(
        resources, cp("resource"), {"identifier": f"res-{bank.id}", "type": "imsqti_xmlv1p2", "href": path}
    )
    etree.SubElement(resource, cp("file"), {"href": path})
    return root


def to_bytes(element) -> bytes:
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def package_files(bank: Bank) -> tuple[dict[str, bytes], list[ExportWarning]]:
    root, warnings = questestinterop(bank)
    path = f"{bank.id}.xml"
    return {path: to_bytes(root), "imsmanifest.xml": to_bytes(manifest(bank, path))}, warnings
