"""Pack the engine (``src/hipdrop``) into a pure-Python wheel for Pyodide.

The wheel is deterministic (fixed timestamps, sorted entries), so the same engine source
always gives the same bytes and the same content hash; the site can cache it forever.
"""

import base64
import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

_EPOCH = (2020, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Wheel:
    filename: str
    content: bytes

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "sha256=" + digest.decode()


def engine_files(package_dir: Path) -> list[tuple[str, bytes]]:
    """The engine's source files as (archive name, bytes), sorted; caches and non-Python left out."""
    root = package_dir.parent
    return [
        (path.relative_to(root).as_posix(), path.read_bytes())
        for path in sorted(package_dir.rglob("*.py"))
        if "__pycache__" not in path.parts
    ]


def build_wheel(package_dir: Path, name: str, version: str, extra: list[tuple[str, bytes]] = ()) -> Wheel:
    """``extra``: more (archive name, bytes) files, such as the engine's compiled bytecode."""
    dist_info = f"{name}-{version}.dist-info"
    metadata = (
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
        "Summary: Hip Drop engine (pure Python, standard library only)\n"
    ).encode()
    wheel_meta = (
        "Wheel-Version: 1.0\nGenerator: hipdrop_tools.wheel\nRoot-Is-Purelib: true\n"
        "Tag: py3-none-any\n"
    ).encode()
    entries = sorted(engine_files(package_dir) + list(extra))
    entries += [(f"{dist_info}/METADATA", metadata), (f"{dist_info}/WHEEL", wheel_meta)]
    record_lines = [f"{arcname},{_record_hash(data)},{len(data)}" for arcname, data in entries]
    record_lines.append(f"{dist_info}/RECORD,,")
    entries.append((f"{dist_info}/RECORD", ("\n".join(record_lines) + "\n").encode()))

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for arcname, data in entries:
            info = zipfile.ZipInfo(arcname, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return Wheel(filename=f"{name}-{version}-py3-none-any.whl", content=buffer.getvalue())
