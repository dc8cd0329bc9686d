"""The mechanics lab on the mechanics lesson: keyboard changes reach the engine in Pyodide and the
figure, numbers, chart and spoken description follow."""

from playwright.sync_api import expect

from support import PYODIDE_TIMEOUT_MS, reach

LESSON = "lessons/mechanics/"


def open_lab(page, site_url):
    page.goto(site_url + LESSON)
    lab = page.locator('[data-hipdrop-widget="mechanics"]')
    expect(reach(lab)).to_have_attribute("data-hipdrop-state", "ready", timeout=PYODIDE_TIMEOUT_MS)
    expect(lab).to_have_attribute("data-live", "true")
    return lab


def row(lab, label):
    return lab.locator(".hd-mech-numbers tr", has_text=label).locator("td")


def test_static_lab_shows_the_worked_example_before_python(page, site_url):
    page.context.route("**/assets/pyodide/**", lambda route: route.abort())  # the service worker's fetches too
    page.goto(site_url + LESSON)
    lab = page.locator('[data-hipdrop-widget="mechanics"]')
    expect(row(lab, "Abductor force")).to_contain_text("1,167 N")
    expect(row(lab, "Hip joint force")).to_contain_text("1,726 N")
    expect(lab.locator(".hd-mech-presets tbody tr")).to_have_count(5)
    expect(lab.get_by_role("slider", name="Trunk lean toward the stance hip")).to_be_disabled()
    reach(lab)  # Python starts when the reader gets there, and cannot
    expect(lab.get_by_role("status")).to_contain_text("Python could not start")


def test_moving_the_lean_slider_by_keyboard_updates_numbers_figure_and_description(page, site_url):
    lab = open_lab(page, site_url)
    figure_before = lab.locator(".hd-mech-figure-svg").inner_html()
    expect(row(lab, "Abductor force")).to_contain_text("1,167 N")

    slider = lab.get_by_role("slider", name="Trunk lean toward the stance hip")
    slider.focus()
    for _ in range(10):  # 10 steps of 0.5 cm
        page.keyboard.press("ArrowRight")

    expect(lab.get_by_label("Trunk lean toward the stance hip in cm")).to_have_value("5")
    expect(row(lab, "Abductor force")).to_contain_text("583 N")
    expect(row(lab, "Hip joint force")).to_contain_text("1.6 × body weight")
    description = lab.locator(".hd-mech-description")
    expect(description).to_have_attribute("aria-live", "polite")
    expect(description).to_contain_text("leans 5 cm toward the stance hip")
    expect(lab.locator(".hd-mech-figure-svg svg")).to_contain_text("b 5 cm")
    expect(lab.locator(".hd-mech-chart-svg svg")).to_contain_text("now 583 N")
    assert lab.locator(".hd-mech-figure-svg").inner_html() != figure_before


def test_presets_by_keyboard_show_the_drop_and_the_cane(page, site_url):
    lab = open_lab(page, site_url)
    weak = lab.get_by_role("button", name="Weak abductors")
    weak.focus()
    page.keyboard.press("Enter")
    expect(weak).to_have_attribute("aria-pressed", "true")
    expect(lab.get_by_label("Abductor capacity in N")).to_have_value("800")
    expect(row(lab, "Pelvis")).to_have_text("drops on the swing side")
    expect(lab.locator(".hd-mech-figure-svg svg")).to_contain_text("pelvis drops")

    lab.get_by_role("button", name="Cane in the opposite hand").press("Enter")
    expect(row(lab, "Pelvis")).to_have_text("stays level")
    expect(lab.locator(".hd-mech-figure-svg svg")).not_to_contain_text("pelvis drops")
    expect(lab.locator(".hd-mech-description")).to_contain_text("cane in the opposite")


def test_a_bad_value_is_explained_and_the_last_good_figure_stays(page, site_url):
    lab = open_lab(page, site_url)
    arm = lab.get_by_label("Abductor moment arm in cm")
    arm.fill("0")
    alert = lab.get_by_role("alert")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("must be greater than 0 cm")
    expect(arm).to_have_attribute("aria-invalid", "true")
    expect(row(lab, "Abductor force")).to_contain_text("1,167 N")
    arm.fill("4")
    expect(alert).to_be_hidden()
    expect(row(lab, "Abductor force")).to_contain_text("1,458 N")
