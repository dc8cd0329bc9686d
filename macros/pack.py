"""This course, as the generator's extension point (``hipdrop_tools.course.packs.Pack``) sees it.

Its assets are the course's ``site_assets/`` folder (the plugin sets them)."""

from hipdrop_tools.course.packs import Pack

from .engine.mechanics.problems import GENERATORS
from .engine.methods import METHODS

PACK = Pack(
    name="hip-drop",
    engine_packages=("hipdrop_course.engine",),
    # Static HTML renderers, used at build time only (the macros): not in the browser's wheel.
    build_only=(
        "hipdrop_course.engine.catalog_html",
        "hipdrop_course.engine.picker.form",
        "hipdrop_course.engine.picker.clinical_html",
        "hipdrop_course.engine.mechanics.page",
        "hipdrop_course.engine.motion.html",
        "hipdrop_course.engine.session.page",
    ),
    methods=METHODS,
    # Numeric problems from the mechanics model, for generated_numeric quiz questions.
    generators=GENERATORS,
    macros="hipdrop_course:macros",
    extra_css=("css/picker.css", "css/mechanics.css", "css/motion.css", "css/session.css"),
    # The animations' player: every page, a module; it does nothing on a page without one.
    extra_javascript=("js/motion.js",),
    module_javascript=("js/motion.js",),
    loaders={
        "catalog exercises": "hipdrop_course.catalog:load_exercises",
        "exercise movements": "hipdrop_course.catalog:load_movements",
    },
    data_dirs=("exercises",),
    bundle_notice=(
        "Hip Drop is education, not medical advice. It does not replace an assessment by\n"
        "a physiotherapist or doctor. If you have a red flag, see a clinician first.\n"
    ),
    commands=("hipdrop_course.cli.pick", "hipdrop_course.cli.lab"),
    # `hipdrop handouts`: the blank program template, besides the core's handouts.
    handouts="hipdrop_course.handouts:handouts",
    # Every exercise's still figure (its key frames, from the motion engine), drawn at build time.
    site_files="hipdrop_course.figures:site_files",
)
