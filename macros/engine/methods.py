"""The pack's worker methods: name -> ``"module:function"``, registered through its ``Pack``."""

SESSION = "hipdrop_course.engine.session.api"

METHODS = {
    "picker.build": "hipdrop_course.engine.picker:build_for_page",
    "mechanics.solve": "hipdrop_course.engine.mechanics:run",
    "session.open": f"{SESSION}:open_session",
    "session.record": f"{SESSION}:record",
    "session.chart": f"{SESSION}:chart",
    "session.export": f"{SESSION}:export",
    "session.import": f"{SESSION}:import_log",
    "session.paper": f"{SESSION}:paper",
    "session.calendar": f"{SESSION}:calendar",
}
