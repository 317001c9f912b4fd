"""Memory a long run has freed, given back to the system where the C library would keep it.

glibc keeps what GEOS frees (a chunk of a province's batch: its read features, their tree and
pieces, several hundred MB) for the process's later ``malloc`` calls; Python's own small objects
come from separate pools and do not reuse it, so without a trim a batch of many chunks grows by
what each chunk leaves behind (0.7 GB on the bench's 6,000,000 parcels). ``malloc_trim`` hands
the free pages back. Where the C library is not glibc (Windows, macOS, musl) this does nothing.
"""

import ctypes
import sys
from typing import Callable, Optional


def _malloc_trim() -> Optional[Callable]:
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None).malloc_trim  # the process's own C library
    except (OSError, AttributeError):  # not glibc
        return None
    function.argtypes = [ctypes.c_size_t]
    function.restype = ctypes.c_int
    return function


_TRIM = _malloc_trim()


def give_back() -> bool:
    """Return freed heap pages to the system (a few milliseconds); False where nothing can."""
    if _TRIM is None:
        return False
    _TRIM(0)
    return True
