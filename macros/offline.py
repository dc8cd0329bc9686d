"""Macro ``offline_control()``: the "Keep this course for offline use" block, with the size of the
runtime the build ships (counted by the hook, ``hipdrop_tools.offline_control``)."""

from hipdrop_tools.offline_control import CONFIG_KEY, control_html


def register(env, project):
    @env.macro
    def offline_control() -> str:
        return control_html(int(env.conf["extra"][CONFIG_KEY]))
