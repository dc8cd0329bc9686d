"""What `hipdrop handouts` prints, decided from the course (no browser, no PDF): the plugin's
`handouts` option (its sections and the booklet, named after the course), the site's language for
every fixed word, the quizzes found on the pages, and a pack's own handouts. The printing itself
is tests/core/build/test_handouts.py's, on this course."""

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from hipdrop.messages import messages
from hipdrop_tools.course.config import course_file_stem
from hipdrop_tools.handouts.html import fill
from hipdrop_tools.handouts.listing import Listed, link_pages, list_html
from hipdrop_tools.handouts.page_script import SCRIPT, prepare_args
from hipdrop_tools.handouts.plan import Handout, HandoutOptions, make_plan
from hipdrop_tools.handouts.site_pages import SitePage, SiteInfo
from hipdrop_tools.mkdocs_plugin.config import OptionError, course_config, handout_options
from markupsafe import Markup
from support import ROOT


def page(path: str, title: str, quizzes: tuple[str, ...] = (), widgets: tuple[str, ...] = ()) -> SitePage:
    return SitePage(path=path, title=title, headings={}, quizzes=quizzes, quiz_titles={}, widgets=widgets)


def site(language: str = "en") -> SiteInfo:
    pages = [
        page("", "Home"),
        page("units/", "Units"),
        page("units/boiling/", "Boiling <point>", quizzes=("boil",)),
        page("units/freezing/", "Freezing"),
        page("tools/", "Tools", widgets=("converter",)),
        page("review/", "Review", quizzes=("boil", "final")),
    ]
    return SiteInfo(course_title="Water & ice", language=language, disclaimer="Not advice.", public_url=None,
                    nav=tuple(p.path for p in pages), pages={p.path: p for p in pages})


def course(tmp_path: Path, handouts: dict | None = None, short_name: str = "Water") -> Path:
    root = tmp_path / "course"
    (root / "docs" / "units").mkdir(parents=True)
    options = {"short_name": short_name, **({"handouts": handouts} if handouts is not None else {})}
    config = {"site_name": "Water, a tiny course", "theme": {"name": "material"},
              "plugins": ["search", {"hipdrop": options}]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config))
    return root


def options_of(root: Path) -> HandoutOptions:
    return handout_options(course_config(root), root / "docs", course_file_stem(root))


def test_each_page_of_a_section_gets_its_pdf_and_the_booklet_is_named_after_the_course(tmp_path):
    root = course(tmp_path, {"sections": [{"path": "units/", "title": "Units", "file_prefix": "unit"}]})
    plan = make_plan(site(), options_of(root), messages("en"))
    assert [(h.filename, h.kind, h.group) for h in plan] == [
        ("unit-boiling.pdf", "page", "Units"),
        ("unit-freezing.pdf", "page", "Units"),
        ("water-course-booklet.pdf", "booklet", "Course booklet"),
        ("quiz-boil-worksheet.pdf", "worksheet", "Quiz worksheets and answer keys"),
        ("quiz-boil-answer-key.pdf", "key", "Quiz worksheets and answer keys"),
        ("quiz-final-worksheet.pdf", "worksheet", "Quiz worksheets and answer keys"),
        ("quiz-final-answer-key.pdf", "key", "Quiz worksheets and answer keys"),
    ]
    booklet = plan[2]
    assert booklet.parts == ("units/boiling/", "units/freezing/")
    assert booklet.title == "Water & ice: course booklet"
    assert plan[0].title == "Boiling <point>"  # the page's own heading
    assert [h.title for h in plan[3:5]] == ["Worksheet: Boiling <point>", "Answer key: Boiling <point>"]


def test_this_course_keeps_its_file_names():
    options = options_of(ROOT)
    assert options.booklet_file == "hip-drop-course-booklet.pdf"
    assert [(s.path, s.file_prefix) for s in options.sections] == [("lessons/", "lesson"), ("exercises/", "exercise")]


def test_a_section_without_a_file_prefix_is_named_after_its_folder_and_the_booklet_can_be_left_out(tmp_path):
    root = course(tmp_path, {"sections": [{"path": "/units", "title": "Units"}], "booklet": False})
    plan = make_plan(site(), options_of(root), messages("en"))
    assert [h.filename for h in plan if h.kind in {"page", "booklet"}] == ["units-boiling.pdf", "units-freezing.pdf"]


def test_a_course_that_names_no_section_gets_its_quizzes_on_paper_only(tmp_path):
    plan = make_plan(site(), options_of(course(tmp_path)), messages("en"))
    assert {h.kind for h in plan} == {"worksheet", "key"}


def test_the_fixed_words_are_in_the_sites_language(tmp_path):
    root = course(tmp_path, {"sections": [{"path": "units/", "title": "Unités"}]})
    plan = make_plan(site("fr"), options_of(root), messages("fr"))
    by_kind = {h.kind: h for h in reversed(plan)}  # the first of each kind
    assert by_kind["booklet"].title == "Water & ice\u00a0: livret du cours"
    assert by_kind["booklet"].group == "Livret du cours"
    assert by_kind["worksheet"].title == "Questionnaire\u00a0: Boiling <point>"
    args = prepare_args(site("fr"), by_kind["worksheet"], messages("fr"))
    assert args["from"] == "Tiré de\u00a0: Boiling <point>"
    assert args["words"]["pageSection"] == "{page}, section «\u00a0{section}\u00a0»"


def test_a_packs_handout_comes_last_with_its_own_script_and_words():
    template = Handout("blank-log.pdf", "Blank log", kind="log", page="tools/", group="Logs", mode="log",
                       script="js/print/log.js", script_args={"rows": 5})
    plan = make_plan(site(), HandoutOptions(), messages("en"), [template])
    assert plan[-1] == template
    args = prepare_args(site(), template, messages("en"), "http://127.0.0.1:1/assets/hipdrop/js/print/log.js")
    assert (args["mode"], args["script"], args["scriptArgs"]) == ("log", "http://127.0.0.1:1/assets/hipdrop/js/print/log.js",
                                                                  {"rows": 5})


def test_a_section_that_is_no_folder_of_the_docs_is_an_error_naming_the_option(tmp_path):
    root = course(tmp_path, {"sections": [{"path": "units/", "title": "Units"}, {"path": "lesons/", "title": "L"}]})
    with pytest.raises(OptionError) as error:
        options_of(root)
    assert "mkdocs.yml: plugins.hipdrop.handouts.sections: section 2: path: no folder 'lesons/'" in str(error.value)


def test_a_mistyped_handouts_option_is_an_error_naming_it(tmp_path):
    with pytest.raises(OptionError) as error:
        options_of(course(tmp_path, {"sections": [{"path": "units/"}]}))
    assert "plugins.hipdrop.handouts" in str(error.value) and "title" in str(error.value)


def test_the_handouts_html_escapes_titles_and_says_it_in_the_sites_language(tmp_path):
    handout = Handout("unit-boiling.pdf", "Boiling <point>", "page", "units/boiling/", group="Units & more")
    listed = [Listed(handout, pages=3, size=5 * 1024 * 1024 // 2)]
    html = list_html(listed, site("fr"), "letter", messages("fr"))
    assert "<h3>Units &amp; more</h3>" in html
    assert '<a href="unit-boiling.pdf" type="application/pdf">Boiling &lt;point&gt; (PDF)</a>' in html
    assert '<a href="../units/boiling/">Boiling &lt;point&gt;</a></td><td>3</td><td>2,5\u00a0Mo</td>' in html
    assert "Format du papier de ces fichiers\u00a0: Lettre US." in html
    assert fill("{a} & {b}", a=Markup("<i>x</i>"), b="<y>") == "<i>x</i> &amp; &lt;y&gt;"


def test_each_page_of_a_section_links_to_its_pdf(tmp_path):
    built = tmp_path / "site" / "units" / "boiling"
    built.mkdir(parents=True)
    (built / "index.html").write_text('<article class="md-content__inner"><h1>Boiling</h1><p>Text</p></article>')
    handout = Handout("unit-boiling.pdf", "Boiling", "page", "units/boiling/", group="Units")
    assert link_pages(tmp_path / "site", [Listed(handout, pages=1, size=2048)], "a4", messages("en")) == 1
    assert (built / "index.html").read_text() == (
        '<article class="md-content__inner"><h1>Boiling</h1><!-- hipdrop:pdf-link -->'
        '<p class="hd-pdf-link"><a href="../../handouts/unit-boiling.pdf">Download this page as a PDF</a> '
        '(A4, 1 page, 2 KB). <a href="../../handouts/">All handouts</a></p><!-- /hipdrop:pdf-link --><p>Text</p></article>'
    )


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js missing (make setup installs it)")
@pytest.mark.parametrize("script", [SCRIPT, *sorted((ROOT / "site_assets" / "js" / "print").glob("*.js"))],
                         ids=lambda p: p.name)
def test_the_page_preparation_scripts_are_es_modules_that_parse(script, tmp_path):
    copy = tmp_path / (script.stem + ".mjs")  # Node reads a .mjs file as a module whatever package.json says
    shutil.copy(script, copy)
    result = subprocess.run(["node", "--check", str(copy)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "export function prepare" in script.read_text() or "export async function prepare" in script.read_text()
