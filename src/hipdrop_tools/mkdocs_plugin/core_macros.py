"""The core's macros: the quiz macros (``quiz_macros``), the class results page (``class_macros``)
and ``offline_control()``, the "Keep this course for offline use" block with the size of the
runtime the build ships (``hipdrop_tools.offline.keep_control``; the plugin counts the files in
``on_files``)."""

from hipdrop.messages import messages
from hipdrop_tools.mkdocs_plugin import class_macros, quiz_macros
from hipdrop_tools.offline.keep_control import control_html


def macros(project) -> dict:
    texts = messages(project.language)

    def offline_control(page) -> str:
        return control_html(page.runtime_bytes, texts)

    return {**quiz_macros.macros(project), **class_macros.macros(project), "offline_control": offline_control}
