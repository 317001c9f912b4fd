"""Cancel: how core work stops when the user cancels, and how it says so.

The rules every run follows (plan QA, the compliance check, printing, and any engine that
replaces their loops):

* A run checks its ``QgsFeedback`` between steps; deep loops call :func:`raise_if_canceled`,
  which raises :class:`Canceled`, and the run catches it at its top.
* A run never raises because of a cancel: it returns its result object with ``canceled=True``.
  The step it was in leaves nothing in that result (no "passed" for a rule cut short, no site
  half-checked); what finished before may stay, so a caller can say how far it got.
* A run whose feedback was canceled at any moment before it returned is canceled, even if the
  cancel came after its last step: a cancel is never silently ignored.
* Writers (output layers, reports) refuse a canceled result with a :class:`PlanError`, so no
  caller can turn a canceled run into a report of "0 errors" by accident.
* A step that writes files and is canceled midway deletes what it wrote.
* A cancel takes effect within a second or two at any stage: code far below a job that has no
  feedback parameter (building output rows, writing a GeoPackage, rendering a map) reaches the
  run's feedback through :func:`watching` — :func:`checkpoint` every few hundred rows, and
  :func:`stopping` for one long C++ call (a map render), which the cancel interrupts from the
  thread that cancels.
"""

import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

from qgis.PyQt.QtCore import Qt

from ...i18n import tr
from .errors import PlanError

SIDECARS = ("-wal", "-shm", "-journal")  # a GeoPackage's SQLite companions
SHAPEFILE_PARTS = (".shx", ".dbf", ".prj", ".cpg", ".qix", ".qmd")


class Canceled(PlanError):
    """The user canceled. A PlanError, so a caller that only knows PlanError still shows a
    sentence, never a traceback; callers that know better report it as a cancel, not an error."""

    def __init__(self, message: str = None):
        super().__init__(message or tr("Canceled"))


def is_canceled(feedback) -> bool:
    return feedback is not None and feedback.isCanceled()


def raise_if_canceled(feedback) -> None:
    if is_canceled(feedback):
        raise Canceled()


_run = threading.local()  # the feedback of the run in this thread (a worker's, or Processing's)
ROWS_PER_CHECK = 256  # a checkpoint every so many rows: well under 0.1 s of row building


@contextmanager
def watching(feedback):
    """While the block runs, :func:`checkpoint` and :func:`stopping` in this thread answer to
    ``feedback``: a job's delivery runs inside it (``core.shared.job.deliver``; the compute has its
    feedback wherever it loops, and returns a canceled result rather than raising)."""
    before = getattr(_run, "feedback", None)
    _run.feedback = feedback if feedback is not None else before
    try:
        yield
    finally:
        _run.feedback = before


def watched_feedback():
    """The feedback of the run in this thread, or None outside a run."""
    return getattr(_run, "feedback", None)


def checkpoint() -> None:
    """Raise :class:`Canceled` once the run in this thread is canceled (no run: nothing)."""
    raise_if_canceled(watched_feedback())


def checked_rows(rows, every: int = ROWS_PER_CHECK):
    """``rows`` as they come, with a :func:`checkpoint` every ``every`` of them."""
    for number, row in enumerate(rows):
        if number % every == 0:
            checkpoint()
        yield row


@contextmanager
def stopping(stop, feedback=None):
    """Call ``stop()`` (e.g. a render job's ``cancelWithoutBlocking``) the moment ``feedback`` (by
    default the watched one) is canceled while the block runs, from the thread that cancels; a
    call that blocks this thread is interrupted so. Raises Canceled after the block if it was."""
    feedback = feedback if feedback is not None else watched_feedback()
    if feedback is None:
        yield
        return
    feedback.canceled.connect(stop, Qt.ConnectionType.DirectConnection)
    try:
        raise_if_canceled(feedback)  # after connecting: a cancel in between is not missed
        yield
    finally:
        feedback.canceled.disconnect(stop)
    raise_if_canceled(feedback)


def refuse_canceled(result) -> None:
    """Writers call this first: a canceled result is incomplete and must not look like a result."""
    if getattr(result, "canceled", False):
        raise PlanError(tr("The run was canceled: its result is incomplete and is not written"))


def remove_outputs(paths) -> None:
    """Delete the files (with their SQLite companions) and folders a canceled step created."""
    for path in map(Path, paths):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        candidates = [path] + [path.with_name(path.name + s) for s in SIDECARS]
        if path.suffix.lower() == ".shp":
            candidates += [path.with_suffix(part) for part in SHAPEFILE_PARTS]
        for candidate in candidates:
            if candidate.is_file():
                candidate.unlink()


def remove_geopackage_layers(path, names) -> None:
    """Drop the layers a canceled step wrote into a GeoPackage that was there before it."""
    from osgeo import ogr

    source = ogr.Open(str(path), 1)
    if source is None:
        return
    for name in names:
        found = [i for i in range(source.GetLayerCount()) if source.GetLayerByIndex(i).GetName() == name]
        if found:
            source.DeleteLayer(found[0])
    source = None  # closes the file
