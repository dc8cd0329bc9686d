"""The pack's worker methods: name -> ``"module:function"``, registered through its ``Pack``."""

METHODS = {
    "picker.build": "hipdrop_hip.engine.picker:build_for_page",
    "mechanics.solve": "hipdrop_hip.engine.mechanics:run",
}
