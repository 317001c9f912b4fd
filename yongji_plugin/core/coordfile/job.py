"""坐标文件 and CAD red-line imports, and the export back, as jobs: the dialog and the Processing
algorithms run exactly these.

An import's layers are the imported sites and the problems table; a file none of whose parcels can
be imported is an error (the problems say why), so nothing empty is ever delivered. A canceled
import (the core raises ImportCanceled: there is no partial import worth keeping) comes back as a
result marked canceled, as the job contract wants. The export has no layers: its coordinate file is
the job's one file, written and removed again under the same contract.
"""

from pathlib import Path

from ...i18n import tr
from ..shared.errors import PlanError
from ..shared.job import Job
from .cad import import_dxf
from .crs import DETECT
from .importer import ImportCanceled, ImportResult, import_files
from .outputs import problem_layer
from .writer import sites_to_file, write_file

SITES, PROBLEMS = "sites", "problems"


def coordinates_job(paths, mode: str = DETECT, close_rings: bool = False) -> Job:
    """Coordinate exchange files to sites (``mode``: the CRS mode of core.coordfile.crs)."""
    return _import_job(
        paths,
        tr("Reading coordinate files"),
        tr("Coordinate import canceled: nothing was imported"),
        lambda feedback: import_files(paths, mode, feedback=feedback, close_rings=close_rings),
        drawing=False,
    )


def dxf_job(paths, crs: str, layers=()) -> Job:
    """The closed shapes of DXF drawings to sites in ``crs``, from the CAD ``layers`` named (all if empty)."""
    return _import_job(
        paths,
        tr("Reading DXF drawings"),
        tr("DXF import canceled: nothing was imported"),
        lambda feedback: import_dxf(paths, crs, feedback=feedback, layers=layers),
        drawing=True,
    )


def _import_job(paths, title: str, canceled_text: str, read, drawing: bool) -> Job:
    def compute(feedback):
        try:
            return read(feedback)
        except ImportCanceled:
            return ImportResult("", "", [], [], [], [], canceled=True)

    def layers(result) -> dict:
        if not result.features:
            raise PlanError(nothing_imported(paths, result, drawing))
        return {SITES: result.layer, PROBLEMS: problem_layer(result, drawing)}

    return Job(title=title, canceled_text=canceled_text, compute=compute, layers=layers)


def nothing_imported(paths, result, drawing: bool) -> str:
    names = ", ".join(Path(p).name for p in paths)
    if drawing:
        return tr("{file}: none of its {count} closed shapes can be imported (see the problems above)").format(
            file=names, count=len(result.rows)
        )
    return tr("{file}: none of its {count} parcels can be imported (see the problems above)").format(
        file=names, count=len(result.rows)
    )


def export_job(source, zone: int, prefix: bool, encoding: str, unit: str = "") -> Job:
    """Sites (a feature source) to a coordinate exchange file: the job's ``report`` is that file."""

    def compute(feedback):
        coordinates = sites_to_file(source, zone, prefix, layer_name=source.sourceName())
        if unit:
            coordinates.header["数据产生单位"] = unit
        return coordinates

    def write(coordinates, path, written, note, feedback):
        try:
            return {"file": write_file(coordinates, path, encoding)}
        except OSError as error:
            raise PlanError(tr("Cannot write {path}: {error}").format(path=path, error=error)) from error

    return Job(
        title=tr("Export sites to coordinate file"),
        canceled_text=tr("Coordinate export canceled: nothing was written"),
        compute=compute,
        layers=lambda coordinates: {},
        report=write,
        report_files=lambda path: [Path(path)],
    )
