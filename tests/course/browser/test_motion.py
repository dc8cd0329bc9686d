"""The animated figures as readers meet them: moving on screen with a button that pauses them by
keyboard, the key frames side by side under reduced motion and on paper, and the lab's walk
following the sliders."""

from playwright.sync_api import expect

from support import PYODIDE_TIMEOUT_MS, reach

EXERCISE = "exercises/side-lying-abduction/"
LESSON = "lessons/what-is-trendelenburg/"
LAB = "lessons/mechanics/"

NEXT_FRAMES = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(done))))"

# Set the capacity to 500 N as typing does, and press Play on the first frame of the glide that follows
# (the player, from motion.js itself: the page's own module instance).
PLAY_WHILE_GLIDING = """async (capacity) => {
  const { playerFor } = await import(document.querySelector('script[src*="js/motion.js"]').src);
  const walk = document.querySelector('#hd-mech-walk');
  capacity.value = '500';
  capacity.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((done) => {
    const look = () => (playerFor(walk)?.tween ? done() : requestAnimationFrame(look));
    look();
  });
  walk.querySelector('.hd-motion-toggle').click();
}"""


def leg_points(figure) -> str:
    return figure.locator('.hd-motion-stage [data-p="hip_f knee_f ankle_f toe_f"]').first.get_attribute("points")


def test_the_still_frame_and_the_words_are_there_before_any_script(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + EXERCISE)
    figure = page.locator("#hd-motion-side-lying-abduction")
    expect(figure.locator(".hd-motion-stage svg")).to_be_visible()
    expect(figure.get_by_role("img", name="Side-lying hip abduction: the movement")).to_be_visible()
    expect(figure.locator("figcaption")).to_contain_text("The working leg is hatched")
    expect(figure.locator(".hd-motion-stage text")).to_have_text("working leg")
    expect(figure.locator(".hd-motion-strip")).to_be_hidden()
    context.close()


def test_the_movement_plays_and_pauses_by_keyboard(page, site_url):
    page.goto(site_url + EXERCISE)
    figure = page.locator("#hd-motion-side-lying-abduction")
    figure.scroll_into_view_if_needed()
    expect(figure).to_have_attribute("data-playing", "false")  # still until the reader asks
    start = leg_points(figure)
    page.evaluate(NEXT_FRAMES)
    assert leg_points(figure) == start
    button = figure.get_by_role("button", name="Play the movement")
    button.focus()
    page.keyboard.press("Enter")
    expect(figure.get_by_role("button", name="Pause the movement")).to_be_focused()
    page.wait_for_function(
        "(start) => document.querySelector('#hd-motion-side-lying-abduction .hd-motion-stage "
        "[data-p=\"hip_f knee_f ankle_f toe_f\"]').getAttribute('points') !== start",
        arg=start,
    )
    page.keyboard.press("Enter")
    play = figure.get_by_role("button", name="Play the movement")
    expect(play).to_be_focused()
    expect(figure).to_have_attribute("data-playing", "false")
    paused = leg_points(figure)
    page.evaluate(NEXT_FRAMES)
    assert leg_points(figure) == paused  # nothing moves while paused
    page.keyboard.press("Space")
    expect(figure).to_have_attribute("data-playing", "true")
    page.wait_for_function(
        "(paused) => document.querySelector('#hd-motion-side-lying-abduction .hd-motion-stage "
        "[data-p=\"hip_f knee_f ankle_f toe_f\"]').getAttribute('points') !== paused",
        arg=paused,
    )


def test_the_walk_reads_out_the_labs_numbers_as_it_goes(page, site_url):
    page.goto(site_url + LESSON)
    figure = page.locator("#hd-walk-uncompensated")
    figure.scroll_into_view_if_needed()
    readout = figure.locator(".hd-motion-readout")
    expect(readout).to_contain_text("abductors 1,167 N")  # mid-stance, before the walk goes on
    figure.get_by_role("button", name="Play the walk").click()
    expect(readout).to_contain_text("Both feet on the ground", timeout=PYODIDE_TIMEOUT_MS)
    expect(readout).to_contain_text("pelvis drops 8°", timeout=PYODIDE_TIMEOUT_MS)


def test_reduced_motion_shows_the_key_frames_side_by_side(browser, site_url):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(site_url + LESSON)
    figure = page.locator("#hd-walk-compensated")
    expect(figure).to_have_attribute("data-live", "true")
    expect(figure.locator(".hd-motion-stage")).to_be_hidden()
    expect(figure.get_by_role("button")).to_be_hidden()
    expect(figure).to_have_attribute("data-playing", "false")
    strip = figure.get_by_role("list", name="Key moments of the walk")
    expect(strip).to_be_visible()
    expect(strip.get_by_role("listitem")).to_have_count(4)
    expect(strip.get_by_role("listitem").nth(1)).to_contain_text("2. Standing on the left leg")
    expect(strip.get_by_role("listitem").nth(1)).to_contain_text("abductors 583 N")
    boxes = [strip.get_by_role("listitem").nth(i).bounding_box() for i in range(2)]
    assert boxes[0]["y"] == boxes[1]["y"] and boxes[0]["x"] < boxes[1]["x"]  # side by side
    context.close()


def test_paper_shows_the_labelled_key_frames(page, site_url):
    page.goto(site_url + EXERCISE)
    page.emulate_media(media="print")
    figure = page.locator("#hd-motion-side-lying-abduction")
    expect(figure.locator(".hd-motion-stage")).to_be_hidden()
    strip = figure.get_by_role("list", name="Key positions")
    expect(strip.get_by_role("listitem")).to_have_count(2)
    expect(strip).to_contain_text("2. Lift the top leg, heel first")
    expect(strip.get_by_role("img", name="Side-lying hip abduction: the movement, left side: 1. Top leg straight, in line with the body")).to_be_visible()


def test_every_version_on_an_exercise_page_has_its_own_figure(page, site_url):
    page.goto(site_url + "exercises/hip-dip-and-raise/")
    for exercise_id in ("lying-isometric-abduction", "hip-dip-and-raise", "hip-dip-weighted"):
        expect(page.locator(f"#hd-motion-{exercise_id} .hd-motion-stage svg")).to_have_count(1)


def test_the_labs_walk_follows_the_sliders(page, site_url):
    page.goto(site_url + LAB)
    lab = page.locator('[data-hipdrop-widget="mechanics"]')
    expect(reach(lab)).to_have_attribute("data-hipdrop-state", "ready", timeout=PYODIDE_TIMEOUT_MS)
    walk = lab.locator("#hd-mech-walk")
    readout = walk.locator(".hd-motion-readout")
    expect(readout).to_contain_text("pelvis level")
    capacity = lab.get_by_label("Abductor capacity in N")
    capacity.fill("600")
    expect(readout).to_contain_text("pelvis drops 12°")
    pelvis = walk.locator('.hd-motion-stage [data-p="pelvis_a pelvis_b"]')
    # The figure glides to the new posture: the pelvis line ends lower on the right than the left.
    page.wait_for_function(
        """() => {
          const [left, right] = document.querySelector('#hd-mech-walk .hd-motion-stage [data-p="pelvis_a pelvis_b"]')
            .getAttribute('points').split(' ').map((p) => p.split(',').map(Number));
          return right[1] - left[1] > 3;
        }"""
    )
    assert pelvis.count() == 1
    expect(walk.locator("figcaption")).to_contain_text("the pelvis drops 12° on the right")
    # Play pressed while the figure glides to the next posture plays: it did nothing when the glide
    # was running (the glide is drawn by the same loop as the walk).
    page.evaluate(PLAY_WHILE_GLIDING, capacity.element_handle())
    expect(walk).to_have_attribute("data-playing", "true")
    expect(walk.get_by_role("button", name="Pause the walk")).to_be_visible()
    expect(readout).to_contain_text("Both feet on the ground", timeout=PYODIDE_TIMEOUT_MS)
