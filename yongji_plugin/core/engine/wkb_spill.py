"""A temporary file of WKB: where a batch of millions of pieces keeps them instead of in memory.

The shapely backend writes each chunk's pieces here the moment the chunk is done, the PostGIS
backend the pieces it fetches for the outputs; both read back only what a step needs, one read
per run of adjacent pieces. The file has no name (deleted when closed, or when the process ends
on Linux) and goes with the last object that reads it. Needs numpy, never shapely.
"""

import tempfile
import threading

import numpy as np


class Spill:
    def __init__(self):
        self.file = tempfile.TemporaryFile(prefix="yongji-pieces-")
        self._lock = threading.Lock()  # threads write and read through one file position
        self._size = 0

    def write(self, wkb) -> np.ndarray:
        """Append these WKB (None for none); their (offset, length) rows, length -1 for none."""
        lengths = np.array([-1 if w is None else len(w) for w in wkb], dtype=np.int64)
        sizes = np.maximum(lengths, 0)
        data = b"".join(w for w in wkb if w is not None)
        with self._lock:
            offsets = self._size + np.cumsum(sizes) - sizes
            self.file.seek(self._size)
            self.file.write(data)
            self._size += len(data)
        return np.column_stack([offsets, lengths])

    def read(self, where: np.ndarray) -> np.ndarray:
        """The WKB at these (offset, length) rows, as bytes (None where none)."""
        out = np.full(len(where), None, dtype=object)
        present = np.flatnonzero(where[:, 1] >= 0)
        order = present[np.argsort(where[present, 0], kind="stable")]
        starts, ends = where[order, 0], where[order, 0] + where[order, 1]
        for run in np.split(np.arange(len(order)), np.flatnonzero(starts[1:] != ends[:-1]) + 1):
            if not len(run):
                continue
            first = int(starts[run[0]])
            with self._lock:
                self.file.flush()
                self.file.seek(first)
                data = self.file.read(int(ends[run[-1]]) - first)
            cuts = zip((starts[run] - first).tolist(), (ends[run] - first).tolist())
            out[order[run]] = [data[a:b] for a, b in cuts]
        return out
