"""The pack's worker methods: name -> ``"module:function"``, registered through its ``Pack``."""

METHODS = {
    "picker.build": "hipdrop_course.engine.picker:build_for_page",
    "mechanics.solve": "hipdrop_course.engine.mechanics:run",
}
