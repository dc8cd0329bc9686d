"""This course's own handout (macros/handouts.py, through PACK.handouts): the program picker's blank
form, printed from the first page that holds the picker, with the course's page-prep module from
site_assets/. The printed PDF itself is checked in tests/core/build/test_handouts.py."""

from hipdrop_course import PACK
from hipdrop_tools.course.packs import resolve
from hipdrop_tools.handouts.site_pages import SiteInfo, SitePage
from support import ROOT


def site(*widgets_by_page: tuple[str, tuple[str, ...]]) -> SiteInfo:
    pages = {path: SitePage(path=path, title=f"Page {path}", headings={}, quizzes=(), quiz_titles={}, widgets=widgets)
             for path, widgets in widgets_by_page}
    return SiteInfo(course_title="Hip Drop", language="en", disclaimer="", public_url=None, nav=tuple(pages), pages=pages)


def test_the_picker_page_gives_the_blank_program_template():
    handouts = resolve(PACK.handouts)(site(("", ("quiz",)), ("program/", ("picker",)), ("other/", ("picker",))))
    assert [(h.filename, h.page, h.group, h.mode) for h in handouts] == [
        ("program-template.pdf", "program/", "Program template", "template")]
    (template,) = handouts
    assert (ROOT / "site_assets" / template.script).is_file()
    assert "\u201cPage program/\u201d page" in template.script_args["note"]
    assert template.script_args["grid"]["columns"][2] == "Leg to stand on"


def test_a_course_without_the_picker_gets_no_template():
    assert resolve(PACK.handouts)(site(("", ("quiz",)), ("lessons/a/", ()))) == []
