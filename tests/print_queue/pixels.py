"""Render PDF pages with ``pdftoppm -gray`` and compare them (pure Python, no numpy).

Two measures (numbers observed are in ``test_print_queue.py``):

* :func:`compare` — the pages at ``-r 50``: mean absolute grey difference per pixel,
  and the share of pixels still differing by more than :data:`THRESHOLD` after a
  3×3 box blur (the blur forgives sub-pixel shifts of anti-aliased edges);
* :func:`worst_tile` — the pages at ``-r 150`` box-averaged to 50 dpi, cut into
  6×6-pixel tiles (3 mm, about a character) overlapping by half: the largest
  difference of a tile's mean grey. A changed name or number is local, so this
  catches what a page-wide mean dilutes.
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Gray:
    width: int
    height: int
    pixels: bytes


@dataclass(frozen=True)
class Difference:
    mean: float   # mean absolute difference per pixel, 0–255
    share: float  # share of pixels differing by more than THRESHOLD after the blur


#: a pixel "differs" when its blurred grey levels are further apart than this
THRESHOLD = 64


def render(pdf: Path, dpi: int = 50) -> list[Gray]:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(pdf), f"{tmp}/p"], check=True,
                       capture_output=True, timeout=120)
        return [_read_pgm(p) for p in sorted(Path(tmp).glob("p*.pgm"))]


def _read_pgm(path: Path) -> Gray:
    data = path.read_bytes()
    fields, pos = [], 0
    while len(fields) < 4:  # magic, width, height, maxval (pdftoppm writes no comments)
        while data[pos:pos + 1].isspace():
            pos += 1
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    assert fields[0] == b"P5" and fields[3] == b"255", fields
    width, height = int(fields[1]), int(fields[2])
    return Gray(width, height, data[pos + 1:pos + 1 + width * height])


def _blur(img: Gray) -> list[float]:
    """3×3 box blur, edges clamped."""
    w, h, p = img.width, img.height, img.pixels
    rows = []
    for y in range(h):
        row = p[y * w:(y + 1) * w]
        rows.append([row[max(x - 1, 0)] + row[x] + row[min(x + 1, w - 1)] for x in range(w)])
    out: list[float] = []
    for y in range(h):
        a, b, c = rows[max(y - 1, 0)], rows[y], rows[min(y + 1, h - 1)]
        out.extend((a[x] + b[x] + c[x]) / 9.0 for x in range(w))
    return out


def _same_size(a: Gray, b: Gray) -> tuple[int, int]:
    # The app's A4 is 595.28×841.89 pt, the PPD's 595×842 pt: at most one pixel row apart.
    assert abs(a.width - b.width) <= 1 and abs(a.height - b.height) <= 1, \
        f"page sizes differ: {a.width}×{a.height} vs {b.width}×{b.height}"
    return min(a.width, b.width), min(a.height, b.height)


def _crop(img: Gray, w: int, h: int) -> Gray:
    if (img.width, img.height) == (w, h):
        return img
    return Gray(w, h, b"".join(img.pixels[y * img.width:y * img.width + w] for y in range(h)))


def compare(a: Gray, b: Gray) -> Difference:
    w, h = _same_size(a, b)
    a, b = _crop(a, w, h), _crop(b, w, h)
    n = w * h
    mean = sum(abs(x - y) for x, y in zip(a.pixels, b.pixels)) / n
    share = sum(1 for x, y in zip(_blur(a), _blur(b)) if abs(x - y) > THRESHOLD) / n
    return Difference(mean, share)


def box_down(img: Gray, k: int) -> Gray:
    """Average k×k blocks (a 150-dpi render → 50 dpi with true ink coverage)."""
    w, h, p, width = img.width // k, img.height // k, img.pixels, img.width
    out = bytearray(w * h)
    for y in range(h):
        sums = [0] * w
        for yy in range(y * k, y * k + k):
            row = p[yy * width:yy * width + w * k]
            for x in range(w):
                sums[x] += sum(row[x * k:x * k + k])
        out[y * w:(y + 1) * w] = bytes(s // (k * k) for s in sums)
    return Gray(w, h, bytes(out))


def worst_tile(a: Gray, b: Gray, tile: int = 6) -> float:
    """Largest difference of mean grey over tile×tile squares (stride tile/2)."""
    w, h = _same_size(a, b)
    worst = 0.0
    step = tile // 2
    for ty in range(0, h - tile + 1, step):
        for tx in range(0, w - tile + 1, step):
            s = 0
            for y in range(ty, ty + tile):
                s += sum(a.pixels[y * a.width + tx:y * a.width + tx + tile]) \
                    - sum(b.pixels[y * b.width + tx:y * b.width + tx + tile])
            worst = max(worst, abs(s) / (tile * tile))
    return worst


def render_fine(pdf: Path) -> list[Gray]:
    """Pages at 150 dpi box-averaged to 50 dpi (for :func:`worst_tile`)."""
    return [box_down(page, 3) for page in render(pdf, 150)]
