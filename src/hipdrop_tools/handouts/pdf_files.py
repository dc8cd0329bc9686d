"""Finish a PDF with pypdf: the title and the course in the metadata, the title shown by readers
instead of the file name, the language; and read back what the Handouts page lists."""

import io
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import BooleanObject, DictionaryObject, NameObject, TextStringObject


@dataclass(frozen=True)
class PdfFacts:
    pages: int
    size: int  # bytes


def finish(pdf: bytes, title: str, course: str, language: str = "en") -> bytes:
    """The same document (structure tree and outline kept) with complete metadata."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.add_metadata({"/Title": title, "/Subject": course, "/Author": course, "/Creator": "hipdrop handouts"})
    root = writer._root_object
    prefs = root.get("/ViewerPreferences")
    prefs = prefs.get_object() if prefs is not None else DictionaryObject()
    prefs[NameObject("/DisplayDocTitle")] = BooleanObject(True)
    root[NameObject("/ViewerPreferences")] = prefs
    if "/Lang" not in root:
        root[NameObject("/Lang")] = TextStringObject(language)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def named_pages(pdf: bytes) -> dict[str, int]:
    """Named destinations (the booklet's part ids) -> 1-based page number."""
    reader = PdfReader(io.BytesIO(pdf))
    pages = {}
    for name, dest in reader.named_destinations.items():
        try:
            number = reader.get_destination_page_number(dest)
        except Exception:  # a destination pypdf cannot place: not one of ours
            continue
        if number is not None:  # None: a destination without a page, not one of ours
            pages[str(name).lstrip("/")] = number + 1
    return pages


def facts(path: Path) -> PdfFacts:
    return PdfFacts(pages=len(PdfReader(path).pages), size=path.stat().st_size)
