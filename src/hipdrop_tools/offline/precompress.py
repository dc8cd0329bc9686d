"""Precompressed copies of the built site's files, so that a server sends them compressed without
compressing anything per request (``hipdrop_tools.offline.serve`` picks them by ``Accept-Encoding``).

Next to every compressible file ``<file>`` the build writes ``<file>.gz`` (gzip level 9, no
timestamp, so rebuilds give the same bytes) and ``<file>.br`` (Brotli quality 11), each only when
it is more than 5 % smaller than the file. Brotli at quality 11 is slow (about a minute for
Pyodide's WebAssembly, a second for a large page), so the copies are kept in a cache folder keyed
by the content's hash, and the next build takes every unchanged file's copies from there: after
an edit only the changed pages are compressed again. Files are compressed on a thread per core
(Brotli and zlib release the GIL). Entries no build has used for ``CACHE_DAYS`` are removed. Under
`mkdocs serve` nothing is precompressed. No MkDocs import here: the hook and ``hipdrop handouts``
call ``precompress_site``.
"""

import gzip
import hashlib
import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

COMPRESSIBLE = (
    ".html",
    ".css",
    ".js",
    ".mjs",
    ".json",
    ".wasm",
    ".svg",
    ".xml",
    ".txt",
    ".webmanifest",
    ".map",
    ".zip",
)
ENCODINGS = {"br": ".br", "gzip": ".gz"}
MIN_GAIN = 0.05  # a copy that saves 5 % or less is not written
BROTLI_QUALITY = 11
GZIP_LEVEL = 9
# Files this small compress in a few milliseconds: not worth a cache entry.
CACHE_MIN_BYTES = 2 * 1024
CACHE_DAYS = 30  # a cache entry no build has used for this long is removed
# Written by MkDocs itself (the gzipped sitemap): never a source.
_OUTPUT_SUFFIXES = tuple(ENCODINGS.values())
# Files whose name says they are archives in their own right (Moodle's QTI exports): left as they are.
_ARCHIVES = (".qti21.zip", ".qti12.zip")


@dataclass(frozen=True)
class Sizes:
    """One file's bytes raw and as each encoding sends them (an encoding left out: not worth it)."""

    path: str
    raw: int
    encoded: dict[str, int]


def is_compressible(path: Path) -> bool:
    name = path.name
    return name.endswith(COMPRESSIBLE) and not name.endswith(_OUTPUT_SUFFIXES + _ARCHIVES)


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)


def brotli_bytes(data: bytes) -> bytes:
    import brotli  # pinned in requirements.lock; the launcher, which only serves, never needs it

    return brotli.compress(data, quality=BROTLI_QUALITY)


COMPRESSORS = {"br": brotli_bytes, "gzip": gzip_bytes}


def _cached(cache_dir: Path | None, data: bytes, encoding: str) -> bytes:
    if cache_dir is None or len(data) < CACHE_MIN_BYTES:
        return COMPRESSORS[encoding](data)
    key = hashlib.sha256(data).hexdigest()
    entry = cache_dir / f"{key}.{encoding}{BROTLI_QUALITY if encoding == 'br' else GZIP_LEVEL}"
    if entry.is_file():
        os.utime(entry)  # used: kept by the clean-up
        return entry.read_bytes()
    encoded = COMPRESSORS[encoding](data)
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = entry.with_name(f"{entry.name}.{os.getpid()}.part")
    partial.write_bytes(encoded)
    partial.replace(entry)  # atomic: builds running side by side never read half an entry
    return encoded


def precompress_file(path: Path, cache_dir: Path | None = None) -> dict[str, int]:
    """Write ``<path>.br`` and ``<path>.gz`` where each saves more than 5 %; remove a stale one
    that no longer does. Returns the encoded sizes written."""
    data = path.read_bytes()
    written: dict[str, int] = {}
    # gzip first: when even gzip gains nothing (an archive), Brotli is not tried (it is slow).
    for encoding in ("gzip", "br"):
        target = path.with_name(path.name + ENCODINGS[encoding])
        encoded = _cached(cache_dir, data, encoding) if written or encoding == "gzip" else None
        if encoded is not None and len(encoded) < len(data) * (1 - MIN_GAIN):
            target.write_bytes(encoded)
            written[encoding] = len(encoded)
        else:
            target.unlink(missing_ok=True)
    return written


def precompress_site(site_dir: Path, cache_dir: Path | None = None) -> list[Sizes]:
    """Precompress every compressible file of the built site; returns each file's sizes."""
    site_dir = Path(site_dir)
    paths = [path for path in sorted(site_dir.rglob("*")) if path.is_file() and is_compressible(path)]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        encoded = list(pool.map(lambda path: precompress_file(path, cache_dir), paths))
    if cache_dir is not None:
        remove_unused(cache_dir, CACHE_DAYS)
    return [
        Sizes(path.relative_to(site_dir).as_posix(), path.stat().st_size, sizes)
        for path, sizes in zip(paths, encoded, strict=True)
    ]


def remove_unused(cache_dir: Path, days: float) -> None:
    """Remove the cache entries no build has used for ``days`` (each use touches its entry)."""
    if not cache_dir.is_dir():
        return
    oldest = time.time() - days * 86400
    for entry in cache_dir.iterdir():
        try:
            if entry.is_file() and entry.stat().st_mtime < oldest:
                entry.unlink()
        except OSError:
            continue  # another build removed or replaced it meanwhile
