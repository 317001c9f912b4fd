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
"""

import shutil
from pathlib import Path

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
