from hipdrop_tools.course.packs import Pack

PACK = Pack(
    name="toy",
    engine_packages=("toy_pack.engine",),
    methods={"toy.shout": "toy_pack.engine:shout"},
    macros="toy_pack.macros:macros",
    assets="toy_pack",
    extra_css=("css/toy.css",),
    site_files="toy_pack.macros:site_files",
)
