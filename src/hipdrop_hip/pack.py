"""The Hip Drop course pack, as the core's extension point (``hipdrop_tools.packs.Pack``) sees it."""

from hipdrop_hip.engine.methods import METHODS
from hipdrop_tools.packs import Pack

PACK = Pack(
    name="hip-drop",
    engine_packages=("hipdrop_hip.engine",),
    # Static HTML renderers, used at build time only (the macros): not in the browser's wheel.
    build_only=(
        "hipdrop_hip.engine.catalog_html",
        "hipdrop_hip.engine.picker.form",
        "hipdrop_hip.engine.picker.clinical_html",
        "hipdrop_hip.engine.mechanics.page",
    ),
    methods=METHODS,
    macros="hipdrop_hip.build:macros",
    assets="hipdrop_hip",
    extra_css=("css/picker.css", "css/mechanics.css"),
    loaders={"catalog exercises": "hipdrop_hip.build.catalog:load_exercises"},
    data_dirs=("exercises",),
    bundle_notice=(
        "Hip Drop is education, not medical advice. It does not replace an assessment by\n"
        "a physiotherapist or doctor. If you have a red flag, see a clinician first.\n"
    ),
    commands=("hipdrop_hip.build.cli.pick", "hipdrop_hip.build.cli.lab"),
)
