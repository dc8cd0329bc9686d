"""A picture keeps its place before it loads: the build gives each local SVG or PNG with a width
and no height the height of its own proportions (without it, everything below moves when the
picture arrives, a layout shift Lighthouse counts)."""

import struct
import zlib

from hipdrop_tools.build.image_sizes import with_image_heights


def png(width: int, height: int) -> bytes:
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(header)) + chunk + struct.pack(">I", zlib.crc32(chunk))


def test_a_picture_with_a_width_gets_the_height_of_its_proportions(tmp_path):
    figures = tmp_path / "assets" / "figures"
    figures.mkdir(parents=True)
    (figures / "clam.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 440 266"></svg>')
    (figures / "wide.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"></svg>')
    (figures / "photo.png").write_bytes(png(800, 600))
    sources = {f"assets/figures/{p.name}": p for p in figures.iterdir()}
    html = (
        '<img src="../../assets/figures/clam.svg" alt="a" width="220" loading="lazy">'
        '<img src="../../assets/figures/wide.svg" alt="b" width="100">'
        '<img alt="c" width="400" src="../../assets/figures/photo.png">'
    )
    out = with_image_heights(html, "exercises/clam/index.html", sources)
    assert '<img src="../../assets/figures/clam.svg" alt="a" width="220" height="133" loading="lazy">' in out
    assert 'width="100" height="25"' in out and 'width="400" height="300"' in out


def test_pictures_it_cannot_measure_are_left_as_they_are(tmp_path):
    (tmp_path / "a.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"></svg>')
    html = (
        '<img src="a.svg" width="10">'  # the file does not say its size
        '<img src="missing.svg" width="10">'  # no such file
        '<img src="https://example.org/x.png" width="10">'  # another site
        '<img src="a.svg" width="10" height="3">'  # a height already
        '<img src="a.svg">'  # no width: the file's own size applies
    )
    assert with_image_heights(html, "index.html", {"a.svg": tmp_path / "a.svg"}) == html
