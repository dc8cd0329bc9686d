"""IMS QTI 2.1: one ``assessmentItem`` per question, an ``assessmentTest`` per bank, and the
content package's ``imsmanifest.xml`` (IMS Content Packaging 1.1), written with lxml.

Every question is worth 1 (``MAXSCORE``), and the response processing gives the site's marks:

- single, true/false: ``choiceInteraction`` (one choice): 1 for the right option;
- multiple: ``choiceInteraction`` (any number) with a ``mapping``: each right option +1/C, each
  wrong option -1/C, bounded to 0..1 (the site's partial-credit rule, with C right options);
- numeric: ``textEntryInteraction`` (a float), right within the tolerance, bounds included; the
  unit is named in the prompt and after the box;
- ordering: ``orderInteraction``; each item in its right place earns an equal share;
- matching: ``matchInteraction`` (directed pairs, left to right) with a ``mapping``: each right
  pair earns an equal share.

A generated question's versions are numeric items in a section of their own that selects one
(``<selection select="1"/>``): each candidate meets one version, neighbours different numbers.

Identifiers are the bank's ids; one that starts with a digit gets a leading "_" (QTI requires a
letter or "_" first). A matching question whose two sides share an id is left out, with a warning.

Feedback is ``modalFeedback`` driven by the ``FEEDBACK`` outcome: the chosen options' own
feedback (choice types) or the question's right / partly right / wrong feedback (the others),
and always the explanation with the lesson link.
"""

from lxml import etree

from hipdrop.quiz.grading import number_text
from hipdrop.quiz.model import CHOICE_TYPES, Bank, Question
from hipdrop_tools.lms.export import ExportWarning, explanation_with_link, numeric_of, numeric_prompt, version_group
from hipdrop_tools.lms.export.xhtml import append_html

NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
RESPONSE = "RESPONSE"
# FEEDBACK values of our own: a bank's ids never start with "_", so these never meet an option id.
EXPLANATION = "_explanation"  # shows the explanation (always set)
VERDICTS = {"correct": "_correct", "partial": "_partial", "incorrect": "_incorrect"}


def q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _sub(parent, tag: str, attrs: dict | None = None, text: str | None = None):
    element = etree.SubElement(parent, q(tag), {k: str(v) for k, v in (attrs or {}).items()})
    if text is not None:
        element.text = text
    return element


def _number(value: float) -> str:
    return number_text(value).replace(",", "")


def _share(count: int) -> str:
    return format(1 / count, ".6g")


def qti_id(bank_id: str) -> str:
    """A bank id (``[a-z0-9-]+``) as a QTI identifier, which must not start with a digit or '-':
    such an id gets a leading '_' ('1st' -> '_1st'); every other id is kept as it is."""
    return bank_id if bank_id[:1].isalpha() else "_" + bank_id


def identifier_problem(question: Question) -> str | None:
    """Why QTI 2.1 cannot carry the question's ids, else None."""
    if question.type == "matching" and {i.id for i in question.left} & {i.id for i in question.right}:
        shared = sorted({i.id for i in question.left} & {i.id for i in question.right})
        return (
            f"skipped: left-hand and right-hand items share the id(s) {', '.join(shared)}, "
            "which a QTI match cannot tell apart"
        )
    return None


# ---------------------------------------------------------------- declarations


def _declarations(item, question: Question) -> None:
    kind = question.type
    if kind in CHOICE_TYPES:
        cardinality, base = ("multiple" if kind == "multiple" else "single"), "identifier"
        right = [qti_id(o.id) for o in question.options if o.correct]
    elif kind == "numeric":
        cardinality, base, right = "single", "float", [_number(numeric_of(question).value)]
    elif kind == "ordering":
        cardinality, base, right = "ordered", "identifier", [qti_id(i.id) for i in question.items]
    else:
        cardinality, base = "multiple", "directedPair"
        right = [f"{qti_id(i.id)} {qti_id(i.match)}" for i in question.left]
    decl = _sub(item, "responseDeclaration", {"identifier": RESPONSE, "cardinality": cardinality, "baseType": base})
    correct = _sub(decl, "correctResponse")
    for value in right:
        _sub(correct, "value", text=value)
    if kind == "multiple":
        share = 1 / len(right)
        mapping = _sub(decl, "mapping", {"lowerBound": "0", "upperBound": "1", "defaultValue": "0"})
        for option in question.options:
            _sub(
                mapping,
                "mapEntry",
                {"mapKey": qti_id(option.id), "mappedValue": format(share if option.correct else -share, ".6g")},
            )
    if kind == "matching":
        mapping = _sub(decl, "mapping", {"lowerBound": "0", "upperBound": "1", "defaultValue": "0"})
        for value in right:
            _sub(mapping, "mapEntry", {"mapKey": value, "mappedValue": _share(len(right))})
    for name, card, base_type, default in (
        ("SCORE", "single", "float", "0"),
        ("MAXSCORE", "single", "float", "1"),
        ("FEEDBACK", "multiple", "identifier", None),
    ):
        outcome = _sub(item, "outcomeDeclaration", {"identifier": name, "cardinality": card, "baseType": base_type})
        if default is not None:
            _sub(_sub(outcome, "defaultValue"), "value", text=default)


# ---------------------------------------------------------------- the item body


def _block(parent, html: str):
    return append_html(_sub(parent, "div"), html, NS)


def _interaction(body, question: Question) -> None:
    kind = question.type
    if kind in CHOICE_TYPES:
        interaction = _sub(
            body,
            "choiceInteraction",
            {
                "responseIdentifier": RESPONSE,
                "shuffle": "false" if kind == "true_false" else "true",
                "maxChoices": "0" if kind == "multiple" else "1",
            },
        )
        for option in question.options:
            append_html(_sub(interaction, "simpleChoice", {"identifier": qti_id(option.id)}), option.html, NS)
    elif kind == "numeric":
        unit = numeric_of(question).unit
        line = _sub(body, "p", text="Your answer: ")
        box = _sub(line, "textEntryInteraction", {"responseIdentifier": RESPONSE, "expectedLength": "12"})
        if unit:
            box.tail = f" {unit}"
    elif kind == "ordering":
        interaction = _sub(body, "orderInteraction", {"responseIdentifier": RESPONSE, "shuffle": "true"})
        _sub(interaction, "prompt", text="Put these in the right order, first at the top.")
        for entry in question.items:
            append_html(_sub(interaction, "simpleChoice", {"identifier": qti_id(entry.id)}), entry.html, NS)
    else:
        count = len(question.left)
        interaction = _sub(
            body, "matchInteraction", {"responseIdentifier": RESPONSE, "shuffle": "true", "maxAssociations": str(count)}
        )
        for side in (question.left, question.right):
            match_set = _sub(interaction, "simpleMatchSet")
            for entry in side:
                choice = _sub(match_set, "simpleAssociableChoice", {"identifier": qti_id(entry.id), "matchMax": "1"})
                append_html(choice, entry.html, NS)


# ---------------------------------------------------------------- response processing


def _set(parent, identifier: str, expression_builder) -> None:
    expression_builder(_sub(parent, "setOutcomeValue", {"identifier": identifier}))


def _float(parent, value: str):
    return _sub(parent, "baseValue", {"baseType": "float"}, value)


def _exactly_right_scores_one(rp) -> None:
    """The whole right answer scores exactly 1 (shares such as 0.333333 would add up to less)."""
    condition = _sub(rp, "responseCondition")
    when = _sub(condition, "responseIf")
    match = _sub(when, "match")
    _sub(match, "variable", {"identifier": RESPONSE})
    _sub(match, "correct", {"identifier": RESPONSE})
    _set(when, "SCORE", lambda s: _float(s, "1"))


def _score_choice(rp, question: Question) -> None:
    if question.type == "multiple":
        _set(rp, "SCORE", lambda s: _sub(s, "mapResponse", {"identifier": RESPONSE}))
    _exactly_right_scores_one(rp)


def _score_numeric(rp, question: Question) -> None:
    tolerance = _number(numeric_of(question).tolerance)
    condition = _sub(rp, "responseCondition")
    when = _sub(condition, "responseIf")
    equal = _sub(
        when,
        "equal",
        {
            "toleranceMode": "absolute",
            "tolerance": f"{tolerance} {tolerance}",
            "includeLowerBound": "true",
            "includeUpperBound": "true",
        },
    )
    _sub(equal, "variable", {"identifier": RESPONSE})
    _sub(equal, "correct", {"identifier": RESPONSE})
    _set(when, "SCORE", lambda s: _float(s, "1"))


def _score_ordering(rp, question: Question) -> None:
    """Each item in its right place earns 1/n: one condition per place."""
    share = _share(len(question.items))
    for place, entry in enumerate(question.items, 1):
        condition = _sub(rp, "responseCondition")
        when = _sub(condition, "responseIf")
        match = _sub(when, "match")
        _sub(_sub(match, "index", {"n": str(place)}), "variable", {"identifier": RESPONSE})
        _sub(match, "baseValue", {"baseType": "identifier"}, qti_id(entry.id))

        def add(s):
            total = _sub(s, "sum")
            _sub(total, "variable", {"identifier": "SCORE"})
            _float(total, share)

        _set(when, "SCORE", add)
    _exactly_right_scores_one(rp)


def _feedback_by_score(rp, question: Question) -> None:
    """FEEDBACK: the explanation, and 'correct' / 'partial' / 'incorrect' by the score."""
    has_partial = bool(question.feedback and question.feedback.partial_html)
    condition = _sub(rp, "responseCondition")
    steps = [("responseIf", "correct"), ("responseElseIf", "partial")] if has_partial else [("responseIf", "correct")]
    for tag, verdict in steps:
        branch = _sub(condition, tag)
        test = _sub(branch, "gte" if verdict == "correct" else "gt")
        _sub(test, "variable", {"identifier": "SCORE"})
        _float(test, "1" if verdict == "correct" else "0")
        _feedback_values(branch, [VERDICTS[verdict]])
    _feedback_values(_sub(condition, "responseElse"), [VERDICTS["incorrect"]])


def _feedback_values(parent, values: list[str], with_response: bool = False) -> None:
    def build(s):
        container = _sub(s, "multiple")
        if with_response:
            _sub(container, "variable", {"identifier": RESPONSE})
        for value in [*values, EXPLANATION]:
            _sub(container, "baseValue", {"baseType": "identifier"}, value)

    _set(parent, "FEEDBACK", build)


def _processing(item, question: Question) -> None:
    rp = _sub(item, "responseProcessing")
    if question.type in CHOICE_TYPES:
        _score_choice(rp, question)
        _feedback_values(rp, [], with_response=True)  # the chosen options' feedback
    else:
        {"numeric": _score_numeric, "ordering": _score_ordering}.get(question.type, _score_matching)(rp, question)
        _feedback_by_score(rp, question)


def _score_matching(rp, question: Question) -> None:
    _set(rp, "SCORE", lambda s: _sub(s, "mapResponse", {"identifier": RESPONSE}))
    _exactly_right_scores_one(rp)


def _modal_feedback(item, question: Question) -> None:
    def feedback(identifier: str, html: str) -> None:
        element = _sub(
            item, "modalFeedback", {"outcomeIdentifier": "FEEDBACK", "identifier": identifier, "showHide": "show"}
        )
        append_html(element, html, NS)

    if question.type in CHOICE_TYPES:
        for option in question.options:
            feedback(qti_id(option.id), option.feedback_html)
    elif question.feedback:
        fb = question.feedback
        for verdict, html in (
            ("correct", fb.correct_html),
            ("partial", fb.partial_html),
            ("incorrect", fb.incorrect_html),
        ):
            if html:
                feedback(VERDICTS[verdict], html)
    feedback(EXPLANATION, explanation_with_link(question))


def _root(tag: str, ns: str, xsd: str, attrs: dict):
    element = etree.Element(f"{{{ns}}}{tag}", nsmap={None: ns, "xsi": XSI})
    element.set(f"{{{XSI}}}schemaLocation", f"{ns} {xsd}")
    for key, value in attrs.items():
        element.set(key, value)
    return element


def item_element(question: Question) -> etree._Element:
    item = _root(
        "assessmentItem",
        NS,
        XSD,
        {"identifier": qti_id(question.id), "title": question.id, "adaptive": "false", "timeDependent": "false"},
    )
    _declarations(item, question)
    body = _sub(item, "itemBody")
    _block(body, numeric_prompt(question) if question.type == "numeric" else question.prompt_html)
    _interaction(body, question)
    _processing(item, question)
    _modal_feedback(item, question)
    return item


def test_element(bank: Bank, item_paths: dict[str, str]) -> etree._Element:
    """The test: one section with every item; a generated question's versions in a section of
    their own, inside it, from which one is selected."""
    test = _root("assessmentTest", NS, XSD, {"identifier": qti_id(bank.id), "title": bank.title})
    outcome = _sub(test, "outcomeDeclaration", {"identifier": "SCORE", "cardinality": "single", "baseType": "float"})
    _sub(_sub(outcome, "defaultValue"), "value", text="0")
    part = _sub(
        test, "testPart", {"identifier": "part-1", "navigationMode": "nonlinear", "submissionMode": "simultaneous"}
    )
    section = _sub(part, "assessmentSection", {"identifier": "section-1", "title": bank.title, "visible": "true"})
    groups = {q.id: version_group(q) for q in bank.questions}
    versions: dict[str, etree._Element] = {}
    for question_id, path in item_paths.items():
        group = groups.get(question_id)
        parent = section
        if group:
            if group not in versions:
                versions[group] = _sub(
                    section,
                    "assessmentSection",
                    {"identifier": f"versions-{group}", "title": group, "visible": "false"},
                )
                _sub(versions[group], "selection", {"select": "1"})
            parent = versions[group]
        _sub(parent, "assessmentItemRef", {"identifier": qti_id(question_id), "href": path})
    processing = _sub(test, "outcomeProcessing")
    _set(processing, "SCORE", lambda s: _sub(_sub(s, "sum"), "testVariables", {"variableIdentifier": "SCORE"}))
    return test


def manifest_element(bank: Bank, test_path: str, item_paths: dict[str, str]) -> etree._Element:
    def cp(tag: str) -> str:
        return f"{{{CP_NS}}}{tag}"

    manifest = _root("manifest", CP_NS, CP_XSD, {"identifier": f"MANIFEST-{bank.id}"})
    metadata = etree.SubElement(manifest, cp("metadata"))
    etree.SubElement(metadata, cp("schema")).text = "QTIv2.1 Package"
    etree.SubElement(metadata, cp("schemaversion")).text = "1.0.0"
    etree.SubElement(manifest, cp("organizations"))
    resources = etree.SubElement(manifest, cp("resources"))
    test = etree.SubElement(
        resources, cp("resource"), {"identifier": f"test-{bank.id}", "type": "imsqti_test_xmlv2p1", "href": test_path}
    )
    etree.SubElement(test, cp("file"), {"href": test_path})
    for question_id in item_paths:
        etree.SubElement(test, cp("dependency"), {"identifierref": f"item-{question_id}"})
    for question_id, path in item_paths.items():
        resource = etree.SubElement(
            resources,
            cp("resource"),
            {"identifier": f"item-{question_id}", "type": "imsqti_item_xmlv2p1", "href": path},
        )
        etree.SubElement(resource, cp("file"), {"href": path})
    return manifest


def to_bytes(element: etree._Element) -> bytes:
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def package_files(bank: Bank) -> tuple[dict[str, bytes], list[ExportWarning]]:
    """The package's files ({path in the zip: bytes}) and a warning per question left out."""
    warnings, files, paths = [], {}, {}
    for question in bank.questions:
        problem = identifier_problem(question)
        if problem:
            warnings.append(ExportWarning(bank.id, question.id, f"QTI 2.1: {problem}"))
            continue
        path = f"items/{question.id}.xml"
        files[path] = to_bytes(item_element(question))
        paths[question.id] = path
    test_path = f"{bank.id}.xml"
    files[test_path] = to_bytes(test_element(bank, paths))
    files["imsmanifest.xml"] = to_bytes(manifest_element(bank, test_path, paths))
    return files, warnings
