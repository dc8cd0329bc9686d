"""Visit every built page once and collect what the accessibility gates check: axe-core in the
light and the dark palette, Tab reachability and accessible names, motion under
prefers-reduced-motion, and sideways scrolling at 320 px. The tests in test_accessibility.py
assert on the findings; this module only gathers them (one page load per page, widgets live)."""

import re
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, expect

from support import ROOT, reach

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PROBE = Path(__file__).with_name("a11y_probe.js")
DESKTOP = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 640}
SETTLED = re.compile("^(ready|failed)$")
PALETTE_TOGGLE = 'form[data-md-component="palette"] label:not([hidden])'
TAB_BATCH = 10


@dataclass
class PageFindings:
    path: str
    widget_states: list[str] = field(default_factory=list)
    axe: dict[str, list[str]] = field(default_factory=dict)  # palette scheme -> violations
    axe_narrow: dict[str, list[str]] = field(default_factory=dict)  # the same at 320 px
    keyboard: dict = field(default_factory=dict)
    motion: dict = field(default_factory=dict)
    overflow: dict = field(default_factory=dict)


def prepare(context: BrowserContext) -> None:
    """Give every page of the context axe-core and our probe. Playwright evaluates init scripts
    itself, before the page's own scripts, so the site's strict Content-Security-Policy (which
    would refuse a <script> tag added to the page) stays in force and needs no bypass."""
    context.add_init_script(path=str(AXE))
    context.add_init_script(path=str(PROBE))


def settle_widgets(page: Page, timeout_ms: int) -> list[str]:
    """Wait until every widget has finished loading (ready or failed) and return their states."""
    for widget in page.locator("[data-hipdrop-widget]").all():
        expect(reach(widget)).to_have_attribute("data-hipdrop-state", SETTLED, timeout=timeout_ms)
    return page.eval_on_selector_all("[data-hipdrop-widget]", "els => els.map(e => e.dataset.hipdropState)")


def wait_for_stillness(page: Page) -> None:
    """Material fades colours when the palette changes and slides its drawer when the width
    changes; measure after two frames (so transitions have started) once all have finished."""
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    page.wait_for_function(
        "() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity)",
        timeout=5_000,
    )


def run_axe_full(page: Page) -> tuple[list[str], list[str]]:
    """axe-core over the whole page, every rule: (violations, incomplete results not cleared by
    review), one line per element, "rule (impact): help at target :: summary".

    Review of `incomplete`: axe leaves a colour contrast undecided when it cannot see a single
    background (the element is overlapped, say by Material's sticky header, or is text in an SVG).
    Each such element is measured again by the probe (__hdA11y.reviewContrast: text colour over
    the element's and its ancestors' backgrounds) and kept only if it falls short. Any other
    incomplete result is kept, for a person to look at."""
    found = page.evaluate(
        """async () => {
          const result = await axe.run(document, { resultTypes: ["violations", "incomplete"], elementRef: true });
          const line = (v, n, extra = "") =>
            `${v.id} (${v.impact ?? n.impact ?? "unknown"}): ${v.help} at ${n.target.join(" ")} :: ` +
            (n.failureSummary ?? "").replace(/\\s+/g, " ") + extra;
          const violations = result.violations.flatMap(v => v.nodes.map(n => line(v, n)));
          const incomplete = [];
          for (const v of result.incomplete) {
            for (const n of v.nodes) {
              if (v.id === "color-contrast" && n.element) {
                const [review] = __hdA11y.reviewContrast([n.element]);
                if (!review.ok) incomplete.push(line(v, n, ` (measured: ${review.why})`));
              } else {
                incomplete.push(line(v, n));
              }
            }
          }
          return { violations, incomplete };
        }"""
    )
    return found["violations"], found["incomplete"]


def run_axe(page: Page) -> list[str]:
    """Violations and the incomplete results that fall short on review (run_axe_full)."""
    violations, incomplete = run_axe_full(page)
    return violations + [f"incomplete, and short on review: {item}" for item in incomplete]


def scheme(page: Page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def axe_in_both_palettes(page: Page) -> dict[str, list[str]]:
    """Run axe in the palette the page opened with, switch with Material's toggle, run again."""
    results = {}
    for _ in range(2):
        wait_for_stillness(page)
        results[scheme(page)] = run_axe(page)
        before = scheme(page)
        page.locator(PALETTE_TOGGLE).click()
        page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') !== s", arg=before)
    return results


def tab_through(page: Page) -> dict:
    """Press Tab from the top until focus comes round again; report what was never reached."""
    page.evaluate("__hdA11y.resetFocus()")
    limit = 3 * page.evaluate("__hdA11y.controls().length") + 3 * TAB_BATCH
    pressed = 0
    while pressed < limit:
        for _ in range(TAB_BATCH):
            page.keyboard.press("Tab")
        pressed += TAB_BATCH
        if page.evaluate("__hdA11y.cycled()"):
            break
    return {**page.evaluate("__hdA11y.keyboardReport()"), "presses": pressed}


def narrow_findings(page: Page, viewport: dict) -> tuple[dict, dict[str, list[str]]]:
    """At a phone's width: (the sideways-scrolling report, axe in both palettes)."""
    page.set_viewport_size(viewport)
    page.wait_for_function(f"() => document.documentElement.clientWidth <= {viewport['width']}")
    wait_for_stillness(page)
    report = page.evaluate("__hdA11y.overflowReport()")
    axe = axe_in_both_palettes(page)
    page.set_viewport_size(DESKTOP)
    return report, axe


def audit_page(page: Page, url: str, path: str, timeout_ms: int) -> PageFindings:
    page.goto(url, wait_until="load")
    findings = PageFindings(path=path)
    findings.widget_states = settle_widgets(page, timeout_ms)
    findings.axe = axe_in_both_palettes(page)
    findings.overflow, findings.axe_narrow = narrow_findings(page, NARROW)
    findings.motion = page.evaluate("__hdA11y.motionReport()")
    # Last: Tab opens Material's search on the way through, and it stays open.
    findings.keyboard = tab_through(page)
    return findings


def audit_site(context: BrowserContext, site_url: str, pages: list[str], timeout_ms: int) -> list[PageFindings]:
    prepare(context)
    page = context.new_page()
    page.set_viewport_size(DESKTOP)
    return [audit_page(page, site_url + path, path or "/", timeout_ms) for path in pages]
