"""What a reader does in each scenario, as steps that both engine drivers run the same way
(Firefox: tests/engines/firefox.mjs over WebDriver BiDi; WebKit: tests/engines/webkit.py).

A step is one of:
  {"goto": path}                               load a page of the site and wait for its load event
  {"wait": js, "timeout": ms}                  wait until the expression is true
  {"focus": css} {"press": key} {"type": text} the keyboard (keys: Space, Enter, Tab, ArrowDown, ArrowRight)
  {"choose": [css, value]}                     focus a <select> and press ArrowDown/ArrowUp until it shows value
  {"read": [name, js]}                         record the expression's value in the report under name
  {"get": path}                                an HTTP GET by the driver, not the browser (server controls)
  {"pdf": name}                                print the page to PDF (report: the file's path)
"""

import json

from engine_expected import PICKER_FORM, mixed_responses

SETTLE_MS = 120_000  # Pyodide boots in about 5 s in Firefox and 10 s in WebKit on a quiet machine, 50 s on a loaded one


def js_string(value: str) -> str:
    return json.dumps(value)


def widget(kind: str, extra: str = "") -> str:
    return f'[data-hipdrop-widget="{kind}"]{extra}'


def state_is(css: str, state: str) -> dict:
    """Wait for the widget's state; a widget that fails while we wait for "ready" ends the wait with
    its status text as the error."""
    root = f"document.querySelector({js_string(css)})"
    give_up = "" if state == "failed" else (
        f"if ({root}?.dataset.hipdropState === 'failed') "
        f"throw new Error('the widget failed: ' + {root}.querySelector('.hd-status')?.textContent);"
    )
    # A reader reaches the widget first: Python starts only when one comes near (or is focused).
    reach = f"if ({root}?.dataset.hipdropState === 'idle') {root}.scrollIntoView({{block: 'center'}});"
    return {
        "wait": f"(() => {{ {give_up} {reach} return {root}?.dataset.hipdropState === {js_string(state)}; }})()",
        "timeout": SETTLE_MS,
    }


def text_of(css: str) -> str:
    return f"(document.querySelector({js_string(css)})?.textContent ?? '').trim()"


def all_settled(path: str) -> dict:
    """Every widget of the page at ``path`` ready or failed: asked of that page's own document (a
    driver can answer for the page it is leaving while the next one loads, whose widgets have not
    started yet)."""
    return {
        # Each widget reached in turn, as a reader scrolling down does (Python starts near one).
        "wait": f"(() => {{ if (!location.pathname.endsWith({js_string('/' + path)})) return false;"
        " const widgets = [...document.querySelectorAll('[data-hipdrop-widget]')];"
        " widgets.find((e) => e.dataset.hipdropState === 'idle')?.scrollIntoView({block: 'center'});"
        " return widgets.every((e) => /^(ready|failed)$/.test(e.dataset.hipdropState)); })()",
        "timeout": SETTLE_MS,
    }


def crawl(pages: list[str]) -> list[dict]:
    steps = []
    for path in pages:
        steps += [
            {"goto": path},
            all_settled(path),
            {"read": [f"widgets {path}", "[...document.querySelectorAll('[data-hipdrop-widget]')].map((e) => e.dataset.hipdropState)"]},
        ]
    return steps


def answer_steps(quiz: str, question: dict, response) -> list[dict]:
    box = f'{quiz} fieldset[data-question="{question["id"]}"]'
    kind = question["type"]
    if kind in ("single", "true_false", "multiple"):
        return [s for option in response for s in ({"focus": f'{box} input[value="{option}"]'}, {"press": "Space"})]
    if kind == "numeric":
        return [{"focus": f"{box} input"}, {"type": response}]
    if kind == "generated_numeric":
        return [{"focus": f"{box} input"}, {"type": response["value"]}]
    if kind == "ordering":
        return [{"choose": [f'{box} .hd-item[data-item="{item}"] select', str(place)]} for item, place in response.items()]
    if kind == "matching":
        return [{"choose": [f'{box} .hd-pair[data-left="{left}"] select', right]} for left, right in response.items()]
    raise ValueError(f"unknown question type {kind}")


def quiz(path: str, quiz_id: str, questions: list[dict], version: int | None = None) -> list[dict]:
    """Answer every other question right by keyboard, submit with Enter, read the result (the
    path names the quiz ``version`` when the quiz has generated questions)."""
    root = widget("quiz", f'[data-quiz="{quiz_id}"]')
    responses, _ = mixed_responses(questions, quiz_id, version)
    steps = [{"goto": path}, state_is(root, "ready"), {"wait": f"document.querySelector({js_string(root)}).dataset.quizReady === 'true'", "timeout": SETTLE_MS}]
    for question in questions:
        steps += answer_steps(root, question, responses[question["id"]])
    result = f"{root} .hd-result"
    steps += [
        {"focus": f"{root} .hd-submit"},
        {"press": "Enter"},
        {"wait": f"{text_of(result)}.startsWith('You scored')", "timeout": 30_000},
        {"read": ["result", text_of(result)]},
        {"read": ["verdicts", f"[...document.querySelectorAll({js_string(root + ' fieldset[data-question]')})].map((f) => f.dataset.verdict)"]},
        {"read": ["result focused", f"document.activeElement === document.querySelector({js_string(result)})"]},
    ]
    return steps


def picker() -> list[dict]:
    root = widget("picker")
    steps = [{"goto": "program/"}, state_is(root, "ready")]
    for name, values in PICKER_FORM.items():
        for value in values:
            css = f'{root} input[name="{name}"]'
            kind_is_number = name in ("pain_now", "minutes_per_day", "days_per_week")
            if kind_is_number:
                steps += [{"focus": css}, {"type": value}]
            else:
                steps += [{"focus": f'{css}[value="{value}"]'}, {"press": "Space"}]
    result = f"{root} .hd-program-result"
    steps += [
        {"focus": f'{root} button[type="submit"]'},
        {"press": "Enter"},
        {"wait": f"document.querySelectorAll({js_string(result + ' .hd-program-exercise')}).length > 0", "timeout": 30_000},
        {"read": ["exercises", f"[...document.querySelectorAll({js_string(result + ' .hd-program-exercise h4')})]"
                  ".map((h) => h.firstChild.textContent.trim())"]},
        {"read": ["query", "location.search"]},
    ]
    return steps


def lab_row(label: str) -> str:
    return (
        "([...document.querySelectorAll('[data-hipdrop-widget=\"mechanics\"] .hd-mech-numbers tr')]"
        f".find((r) => r.textContent.includes({js_string(label)}))?.querySelector('td')?.textContent ?? '').trim()"
    )


def lab(expected_force: str) -> list[dict]:
    """Ten presses of ArrowRight on the lean slider (0.5 cm each), then the Weak abductors preset."""
    root = widget("mechanics")
    description = f"{root} .hd-mech-description"
    weak = f'{root} button[data-preset="weak-abductors"]'
    steps = [{"goto": "lessons/mechanics/"}, state_is(root, "ready"), {"focus": f'{root} input[type="range"][name="lean_cm"]'}]
    steps += [{"press": "ArrowRight"}] * 10
    steps += [
        {"wait": f"{lab_row('Abductor force')}.includes({js_string(expected_force)})", "timeout": 30_000},
        {"read": ["lean force", lab_row("Abductor force")]},
        {"read": ["lean description", text_of(description)]},
        {"focus": weak},
        {"press": "Enter"},
        {"wait": f"document.querySelector({js_string(weak)}).getAttribute('aria-pressed') === 'true'", "timeout": 30_000},
        {"read": ["weak force", lab_row("Abductor force")]},
        {"read": ["weak pelvis", lab_row("Pelvis")]},
        {"read": ["weak description", text_of(description)]},
    ]
    return steps


# The page's print rules (every @media print block, and sheets linked for print) applied to the
# screen, then what they show and hide: for an engine whose driver cannot print (WebKitWebDriver
# has no Print command), this shows the engine parses and matches the print styles.
PRINT_RULES_ON_SCREEN = """(() => {
  const rules = [];
  const take = (list) => { for (const rule of list) rules.push(rule.cssText); };
  for (const sheet of document.styleSheets) {
    let list;
    try { list = sheet.cssRules; } catch { continue; }
    if (/\\bprint\\b/.test(sheet.media.mediaText)) { take(list); continue; }
    for (const rule of list) if (rule.media && /\\bprint\\b/.test(rule.media.mediaText)) take(rule.cssRules);
  }
  const style = document.createElement('style');
  style.textContent = rules.join('\\n');
  document.head.append(style);
  const shown = (css) => [...document.querySelectorAll(css)].some((e) => e.getClientRects().length > 0);
  return {
    rules: rules.length,
    title: shown('h1'),
    navigation: shown('.md-sidebar, .md-tabs, .md-header'),
    buttons: shown('.md-typeset button'),
    footer: (document.querySelector('.md-copyright__highlight')?.innerText ?? '').trim(),
    footerShown: shown('.md-copyright__highlight'),
  };
})()"""
