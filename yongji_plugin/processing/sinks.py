"""Processing's destination for a job (``core.shared.job``): each result layer into its sink.

A job's layer names map to the algorithm's output parameters; optional outputs the user did not
ask for are skipped. Files a sink is about to create are registered for the one cleanup contract,
so a canceled or failed algorithm leaves no output behind (and then raises: ``qgis_process`` exits
non-zero).
"""

from pathlib import Path
from typing import Optional

from qgis.core import QgsProcessingException

from ..core.shared import outputs_guard
from ..core.shared.errors import PlanError
from ..core.shared.geopackage_writer import can_write, write_geopackage
from ..core.shared.job import Destination, compute, deliver
from ..core.shared.output_table import OutputTable, as_layer
from ..i18n import tr
from .base import geopackage_output


class SinkDestination(Destination):
    def __init__(self, algorithm, parameters, context, keys: dict):
        """``keys``: the job's layer name → the algorithm's output parameter."""
        self.algorithm, self.parameters, self.context, self.keys = algorithm, parameters, context, keys

    def write(self, layers: dict, written, feedback) -> dict:
        outputs = {}
        for name, key in self.keys.items():
            target = self.algorithm.parameterAsOutputLayer(self.parameters, key, self.context)
            place = _geopackage_file(target) if isinstance(layers[name], OutputTable) else None
            if place is not None and can_write(layers[name], place[1]):  # in bulk, as the dialogs write it
                outputs[key] = _write_table(key, layers[name], *place, written, feedback)
                continue
            written.will_create(target)
            destination = self.algorithm.write_output(
                self.parameters, key, self.context, as_layer(layers[name]), feedback
            )
            if destination is not None:
                outputs[key] = destination
        return outputs

    def note(self, names) -> str:
        return ""


def _geopackage_file(target) -> Optional[tuple[Path, str]]:
    """(GeoPackage, layer) of an output given as a GeoPackage file (with a layer, or new: the
    layer named after the file, as QGIS's sink names it); None for anything else."""
    if not target or str(target).startswith("ogr:"):
        return None
    found = outputs_guard.geopackage_layer(str(target))
    if found is not None:
        return found
    path = Path(str(target))
    return (path, path.stem) if path.suffix.lower() == ".gpkg" and path.is_absolute() else None


def _write_table(key: str, table: OutputTable, path: Path, name: str, written, feedback) -> str:
    existed = path.is_file()
    written.will_add_layers(path, [name])
    write_geopackage({name: table}, path)
    return geopackage_output(feedback, key, path, name, existed)


def run_job(algorithm, job, parameters, context, feedback, keys: dict, report_key: str = None, on_result=None) -> tuple:
    """Compute and deliver ``job`` as an algorithm does; returns (result, outputs by parameter).

    ``on_result(result)`` runs between the two (the log lines a result warrants, canceled or not).
    Bad input and writer errors become QgsProcessingException, and so does a cancel, after every
    output this run created was removed.
    """
    try:
        result = compute(job, feedback)
    except PlanError as error:
        raise QgsProcessingException(str(error)) from error
    if on_result is not None:
        on_result(result)
    if getattr(result, "canceled", False):  # a result that cannot be canceled part way has no flag
        raise QgsProcessingException(job.canceled_text)
    report = algorithm.parameterAsFileOutput(parameters, report_key, context) if report_key else None
    try:
        delivery = deliver(job, result, SinkDestination(algorithm, parameters, context, keys), report or None, feedback)
    except PlanError as error:
        raise QgsProcessingException(str(error)) from error
    except OSError as error:  # a report's file refused by the disk: a sentence naming it, not a traceback
        path = error.filename or report or ""
        raise QgsProcessingException(
            tr("Cannot write {path}: {error}").format(path=path, error=error.strerror or str(error))
        ) from error
    if delivery.canceled:
        raise QgsProcessingException(job.canceled_text)
    outputs = dict(delivery.layers)
    found = (delivery.report or {}).get("html", (delivery.report or {}).get("file"))
    if found:  # the report's HTML, or the one file of a job that writes a file (no report)
        outputs[report_key] = str(found)
    return result, outputs
