"""The SCORM 1.2 package: the course as one SCO that a learning platform plays and grades.

``dist/<name>-<version>-scorm12.zip`` (``<name>`` as the classroom bundle's) holds, at its root:

- ``imsmanifest.xml``: a SCORM 1.2 manifest (IMS Content Packaging 1.1.2 with ADL's SCORM 1.2
  extension) with one organization, one item and one SCO resource that lists every file;
- ``scorm.html``: the SCO's launch page. Its adapter (``assets/hipdrop/js/scorm.js``) talks to the
  platform and frames the course;
- the course, built as for the classroom bundle (Material's offline plugin: relative links, pages
  as ``.../index.html``), with Pyodide inside, and without the service worker, which a platform's
  pages must not install. Every page loads ``scorm-page.js``, which hands each quiz result the
  engine graded to the adapter.

The build reads the plugin's ``scorm`` options in mkdocs.yml: ``mastery_score`` (the percentage of the final
self-assessment that passes, 0 to 100) and ``final_quiz`` (the bank whose result decides the
status). No MkDocs import here: the plugin calls these functions.
"""

import os
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

import hipdrop
from hipdrop.quiz.progress import STORE_PREFIX
from hipdrop_tools.course.config import course_file_stem
from hipdrop_tools.course.project import Project
from hipdrop_tools.offline.bundle import OFFLINE_ENV, bundle_name
from hipdrop_tools.templating import render

SCORM_ENV = "HIPDROP_SCORM_BUILD"  # set by `hipdrop scorm` for its build; read by the plugin
VERSION_ENV = "HIPDROP_SCORM_VERSION"  # the package's version, written into its manifest
LAUNCH_PAGE = "scorm.html"
MANIFEST = "imsmanifest.xml"
ADAPTER_SCRIPT = "js/scorm.js"  # inside the assets folder
PAGE_SCRIPT = "js/scorm-page.js"
OFFLINE_SCRIPT = "js/offline.js"  # registers the service worker: left out of the SCORM build
CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = (
    "http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd "
    "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd "
    "http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd"
)


class ScormError(Exception):
    pass


@dataclass(frozen=True)
class ScormSettings:
    mastery_score: int
    final_quiz: str


@dataclass(frozen=True)
class Package:
    path: Path
    version: str
    files: int
    size: int


def is_scorm_build(environ=None) -> bool:
    return (environ if environ is not None else os.environ).get(SCORM_ENV) == "true"


def build_version(environ=None) -> str:
    return (environ if environ is not None else os.environ).get(VERSION_ENV) or hipdrop.__version__


SETTINGS_PLACE = "mkdocs.yml: plugins.hipdrop.scorm"


def mastery_score_problem(score: object) -> str | None:
    """What is wrong with a pass mark, naming the option; None for a whole number from 0 to 100.
    (The plugin's config validation asks this too, so every build stops on a wrong one at once.)"""
    if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 100:
        return (
            f"{SETTINGS_PLACE}.mastery_score: {score!r} is not a whole number from 0 to 100 "
            "(the percentage that passes)"
        )
    return None


def settings(extra: dict, known_banks: set[str]) -> ScormSettings:
    """The plugin's ``scorm`` options (``{"scorm": {...}}``), checked; raises ScormError naming the field."""
    scorm = extra.get("scorm") or {}
    where = SETTINGS_PLACE
    if not isinstance(scorm, dict):
        raise ScormError(f"{where}: must be a mapping with mastery_score and final_quiz")
    score = scorm.get("mastery_score")
    problem = mastery_score_problem(score)
    if problem or not isinstance(score, int):
        raise ScormError(problem)
    final = scorm.get("final_quiz")
    if final not in known_banks:
        raise ScormError(f"{where}.final_quiz: {final!r} is not a quiz bank (known: {', '.join(sorted(known_banks))})")
    return ScormSettings(mastery_score=score, final_quiz=final)


def scorm_javascript(extra_javascript: list, assets_dir: str) -> list:
    """The page scripts for the SCORM build: the service worker's registration out, the page
    script in."""
    offline = f"{assets_dir}/{OFFLINE_SCRIPT}"
    kept = [s for s in extra_javascript if str(getattr(s, "path", s)) != offline]
    return [*kept, f"{assets_dir}/{PAGE_SCRIPT}"]


def launch_page(title: str, settings_: ScormSettings, assets_dir: str) -> str:
    """The SCO's launch page: the adapter and a frame that opens the course once it is ready."""
    page = render(
        "hipdrop_tools.lms",
        "scorm_launch.html",
        title=title,
        mastery_score=settings_.mastery_score,
        final_quiz=settings_.final_quiz,
        store_prefix=STORE_PREFIX,
        adapter=f"{assets_dir}/{ADAPTER_SCRIPT}",
    )
    return page + "\n"


def manifest(title: str, version: str, files: list[str]) -> bytes:
    """A SCORM 1.2 manifest: one organization, one item, one SCO that launches the course.

    No ``adlcp:masteryscore``: platforms would then judge the status from the overall score
    themselves; the adapter sets it from the final self-assessment instead."""
    root = etree.Element(
        f"{{{CP}}}manifest",
        {"identifier": "hipdrop-course", "version": version},
        nsmap={None: CP, "adlcp": ADLCP, "xsi": XSI},
    )
    root.set(f"{{{XSI}}}schemaLocation", SCHEMA_LOCATION)
    metadata = etree.SubElement(root, f"{{{CP}}}metadata")
    etree.SubElement(metadata, f"{{{CP}}}schema").text = "ADL SCORM"
    etree.SubElement(metadata, f"{{{CP}}}schemaversion").text = "1.2"
    organizations = etree.SubElement(root, f"{{{CP}}}organizations", {"default": "hipdrop-org"})
    organization = etree.SubElement(organizations, f"{{{CP}}}organization", {"identifier": "hipdrop-org"})
    etree.SubElement(organization, f"{{{CP}}}title").text = title
    item = etree.SubElement(
        organization,
        f"{{{CP}}}item",
        {"identifier": "hipdrop-item", "identifierref": "hipdrop-sco", "isvisible": "true"},
    )
    etree.SubElement(item, f"{{{CP}}}title").text = title
    resources = etree.SubElement(root, f"{{{CP}}}resources")
    resource = etree.SubElement(
        resources, f"{{{CP}}}resource", {"identifier": "hipdrop-sco", "type": "webcontent", "href": LAUNCH_PAGE}
    )
    resource.set(f"{{{ADLCP}}}scormtype", "sco")
    for path in files:
        etree.SubElement(resource, f"{{{CP}}}file", {"href": path})
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_launch_files(site_dir: Path, title: str, settings_: ScormSettings, assets_dir: str, version: str) -> None:
    """After the SCORM build: the launch page and the manifest at the site root."""
    (site_dir / LAUNCH_PAGE).write_text(launch_page(title, settings_, assets_dir), encoding="utf-8")
    files = sorted(
        p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file() and p.name != MANIFEST
    )
    (site_dir / MANIFEST).write_bytes(manifest(title, version, files))


def package_name(stem: str, version: str) -> str:
    return f"{bundle_name(stem, version)}-scorm12.zip"


def build_scorm_site(project: Project, dest: Path, version: str) -> None:
    env = {**os.environ, OFFLINE_ENV: "true", SCORM_ENV: "true", VERSION_ENV: version}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project.root / "mkdocs.yml"), "-d", str(dest)],
        cwd=project.root,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise ScormError(f"the SCORM build failed:\n{result.stdout}\n{result.stderr}".rstrip())


def write_package(project: Project, out_dir: Path, version: str | None = None) -> Package:
    version = version or hipdrop.__version__
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / package_name(course_file_stem(project.root), version)
    with tempfile.TemporaryDirectory(prefix="hipdrop-scorm-") as tmp:
        site = Path(tmp) / "site"
        build_scorm_site(project, site, version)
        if not (site / MANIFEST).is_file():
            raise ScormError("the SCORM build wrote no imsmanifest.xml (is the hipdrop plugin in mkdocs.yml?)")
        partial = target.with_suffix(".zip.part")
        count = 0
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.write(site / MANIFEST, MANIFEST)  # first: some platforms look for it there
            for path in sorted(site.rglob("*")):
                if path.is_file() and path != site / MANIFEST:
                    archive.write(path, path.relative_to(site).as_posix())
                    count += 1
        partial.replace(target)
    return Package(path=target, version=version, files=count + 1, size=target.stat().st_size)
