"""``--format qti``: every bank as two zips, ``<bank>.qti21.zip`` (IMS QTI 2.1 content package:
for Blackboard and other QTI 2.1 platforms) and ``<bank>.qti12.zip`` (QTI 1.2 of the kind
Canvas imports). Zip entries carry a fixed date, so the same banks give the same bytes."""

import io
import zipfile

from hipdrop_tools.course.quizzes import SourceBank
from hipdrop_tools.lms.export import DEFAULT_VERSIONS, ExportWarning, export_bank_model, qti12, qti21

ZIP_DATE = (2026, 1, 1, 0, 0, 0)
PACKAGES = (("qti21", qti21.package_files), ("qti12", qti12.package_files))


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """The files as a zip, manifest first (some platforms look for it there)."""
    buffer = io.BytesIO()
    names = sorted(files, key=lambda n: (n != "imsmanifest.xml", n))
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, files[name])
    return buffer.getvalue()


def export_packages(
    banks: dict[str, SourceBank], base_url: str = "", versions: int = DEFAULT_VERSIONS
) -> tuple[dict[str, bytes], list[ExportWarning]]:
    """Every bank as both packages: ({file name: zip bytes}, warnings)."""
    out: dict[str, bytes] = {}
    warnings: list[ExportWarning] = []
    for bank_id in sorted(banks):
        bank = export_bank_model(banks[bank_id], base_url, versions)
        for suffix, package_files in PACKAGES:
            files, found = package_files(bank)
            out[f"{bank_id}.{suffix}.zip"] = zip_bytes(files)
            warnings += found
    return out, warnings
