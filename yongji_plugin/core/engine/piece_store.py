"""Where the shapely backend keeps an overlay's pieces: GEOS geometries, or WKB in a spill file.

A batch read in one go keeps its pieces as geometries: every later step (areas counted once,
outside parts, output layers) reads them at once, and a county's 300,000 pieces fit. A batch cut
into chunks (a province: millions of pieces) writes each chunk's pieces as 2D little-endian WKB
to a temporary file the moment the chunk is done, and reads back and decodes what a step needs,
a block at a time: 3.1 million pieces of five vertices take 1.0 GB as GEOS geometries, 0.4 GB as
WKB objects, 50 MB as positions in the file (``wkb_spill``). WKB holds the same doubles, so every
area computed from a decoded piece is the one computed from the geometry.

Import only where shapely ≥ 2 works (as ``shapely_backend``).
"""

import numpy as np
import shapely

from ..shared.output_table import multipolygon_wkb
from .wkb_spill import Spill

BLOCK = 200_000  # pieces decoded at once, at most, where a step walks a compact store


def pack(geometries: np.ndarray) -> np.ndarray:
    """Geometries as the WKB a compact store keeps (2D, little-endian, None for none)."""
    return shapely.to_wkb(geometries, output_dimension=2, byte_order=1)


def piece_files(geometries: np.ndarray) -> tuple[list, np.ndarray]:
    """Pieces as 2D little-endian multipolygon WKB and their boxes, in vectorized calls."""
    return _multipolygons(pack(geometries)), shapely.bounds(geometries)


def _multipolygons(wkb: np.ndarray) -> list:
    return [multipolygon_wkb(w) for w in wkb]


class GeometryPieces:
    """Pieces as GEOS geometries (a batch read in one go)."""

    compact = False

    def __init__(self, geometries: np.ndarray):
        self._geometries = geometries

    def __len__(self) -> int:
        return len(self._geometries)

    def take(self, indices) -> np.ndarray:
        """The geometries of these pieces (the kept objects themselves: they may be prepared)."""
        return self._geometries[indices]

    def subset(self, indices) -> "GeometryPieces":
        return GeometryPieces(self._geometries[indices])

    def files(self) -> tuple[list, np.ndarray]:
        """Every piece as multipolygon WKB, and its box (what a file written in bulk takes)."""
        return piece_files(self._geometries)


class WkbPieces:
    """Pieces as WKB in a spill file (a batch cut into chunks); read and decoded on demand."""

    compact = True

    def __init__(self, spill: Spill, where: np.ndarray):
        self._spill, self._where = spill, where

    def __len__(self) -> int:
        return len(self._where)

    def take(self, indices) -> np.ndarray:
        """Fresh geometries of these pieces (never prepared, owned by the caller)."""
        return shapely.from_wkb(self._spill.read(self._where[indices]))

    def subset(self, indices) -> "WkbPieces":
        return WkbPieces(self._spill, self._where[indices])

    def files(self) -> tuple[list, np.ndarray]:
        """Every piece as multipolygon WKB, and its box, as written (read a block at a time)."""
        wkb = []
        for start in range(0, len(self._where), BLOCK):
            wkb += _multipolygons(self._spill.read(self._where[start : start + BLOCK]))
        return wkb, self._spill.read_boxes(self._where)


def spill_pieces(spill: Spill, geometries: np.ndarray) -> np.ndarray:
    """Write these pieces to the spill file; their rows in it."""
    return spill.write(pack(geometries), shapely.bounds(geometries))


def store(pieces: np.ndarray, spill: "Spill | None"):
    """The store for pieces as ``_region_pairs`` gives them (file rows where a spill is given)."""
    return GeometryPieces(pieces) if spill is None else WkbPieces(spill, pieces.reshape(-1, 3))


def blocks(groups: np.ndarray, size: int = 0) -> list[slice]:
    """Slices of a sorted array of group ids, about ``size`` long (default ``BLOCK``), never
    splitting a group (one group larger than that is a block of its own)."""
    size = size or BLOCK
    if not len(groups):
        return []
    starts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]])
    out, begin = [], 0
    for start in starts[1:]:
        if start - begin >= size:
            out.append(slice(begin, start))
            begin = start
    out.append(slice(begin, len(groups)))
    return out
