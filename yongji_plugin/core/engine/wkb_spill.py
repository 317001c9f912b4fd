"""A temporary file of WKB: where a batch of millions of pieces keeps them instead of in memory.

The shapely backend writes each chunk's pieces here the moment the chunk is done, the PostGIS
backend the pieces it fetches for the outputs; both read back only what a step needs, one read
per run of adjacent pieces. The file has no name (deleted when closed, or when the process ends
on Linux) and goes with the last object that reads it. Needs numpy, never shapely.
"""

import tempfile
import threading

import numpy as np

from ...i18n import tr
from ..shared.errors import PlanError

BOX = 32  # bytes of a box: four little-endian doubles


class Spill:
    def __init__(self):
        try:
            self.file = tempfile.TemporaryFile(prefix="yongji-pieces-")
        except OSError as error:
            raise _no_room(error) from error
        self._lock = threading.Lock()  # threads write and read through one file position
        self._size = 0

    def write(self, wkb, boxes: np.ndarray = None) -> np.ndarray:
        """Append these WKB (None for none) and their boxes (n × 4) where given; their rows
        (offset, length, box offset): length -1 for none, box offset -1 without a box."""
        lengths = np.array([-1 if w is None else len(w) for w in wkb], dtype=np.int64)
        sizes = np.maximum(lengths, 0)
        data = b"".join(w for w in wkb if w is not None)
        box_data = b"" if boxes is None else np.ascontiguousarray(boxes, dtype="<f8").tobytes()
        with self._lock:
            offsets = self._size + np.cumsum(sizes) - sizes
            box_offsets = np.full(len(lengths), -1, dtype=np.int64)
            if boxes is not None:
                box_offsets = self._size + len(data) + BOX * np.arange(len(lengths), dtype=np.int64)
            try:
                self.file.seek(self._size)
                self.file.write(data + box_data)
                self.file.flush()  # a full disk is said here, not when the pieces are read
            except OSError as error:
                self._discard()
                raise _no_room(error) from error
            self._size += len(data) + len(box_data)
        return np.column_stack([offsets, lengths, box_offsets])

    def _discard(self) -> None:
        """Close the file now (a failed batch must not keep it open, nor its folder busy)."""
        try:
            self.file.close()
        except OSError:  # closing flushes: what a full disk refused is dropped with the file
            pass

    def read(self, where: np.ndarray) -> np.ndarray:
        """The WKB at these rows, as bytes (None where none)."""
        return self._read(where[:, 0], where[:, 1])

    def read_boxes(self, where: np.ndarray) -> np.ndarray:
        """The boxes written with these rows (n × 4, NaN where none was written)."""
        found = self._read(where[:, 2], np.where(where[:, 2] >= 0, BOX, -1))
        boxes = np.full((len(where), 4), np.nan)
        present = np.flatnonzero(where[:, 2] >= 0)
        if len(present):
            boxes[present] = np.frombuffer(b"".join(found[present]), dtype="<f8").reshape(-1, 4)
        return boxes

    def _read(self, offsets: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Bytes at these offsets and lengths (None where the length is -1): one read per run of
        adjacent pieces."""
        out = np.full(len(offsets), None, dtype=object)
        present = np.flatnonzero(lengths >= 0)
        order = present[np.argsort(offsets[present], kind="stable")]
        starts, ends = offsets[order], offsets[order] + lengths[order]
        for run in np.split(np.arange(len(order)), np.flatnonzero(starts[1:] != ends[:-1]) + 1):
            if not len(run):
                continue
            first = int(starts[run[0]])
            with self._lock:
                self.file.seek(first)
                data = self.file.read(int(ends[run[-1]]) - first)
            cuts = zip((starts[run] - first).tolist(), (ends[run] - first).tolist())
            out[order[run]] = [data[a:b] for a, b in cuts]
        return out


def _no_room(error: OSError) -> PlanError:
    return PlanError(
        tr(
            "The temporary folder {folder} has no room for this batch's conflict pieces ({error}): free "
            "space there, or point TMPDIR (TEMP on Windows) at a larger disk"
        ).format(folder=tempfile.gettempdir(), error=error.strerror or error)
    )
