"""What every algorithm of the provider shares: translation, grouping, icon, factory, sink writing,
the overlay engine's backend parameter, the explicit area method, invalid geometries let through,
and the outputs guard every ``processAlgorithm`` passes first (no output over an input, no
unwritable destination, a file error said as a sentence)."""

import functools
import math
import os
from contextlib import contextmanager
from typing import Optional

from qgis.core import (
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterVectorLayer,
    QgsProcessingUtils,
    QgsProperty,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QIcon

from ..core.plan_data.loader import layers_by_code, open_plan
from ..core.plan_data.source_text import parse_source
from ..core.shared import outputs_guard
from ..core.shared.areas import DEFAULT_AREA_CRS, ELLIPSOIDAL, PLANAR, AreaMethod
from ..core.shared.cancel import checkpoint
from ..core.shared.errors import PlanError
from ..core.shared.geopackage_writer import keep_aliases
from ..core.shared.qt_compat import field_type
from ..core.shared.settings import ENGINE_BACKENDS, PluginSettings, backend_labels
from ..i18n import tr
from ..paths import icon_path
from .interrupt import ctrl_c_cancels

BACKEND = "BACKEND"
SINK_BATCH = 2000  # rows per addFeatures call of write_sink
REPORT = "REPORT"  # every report-writing algorithm names its HTML report so (add_report_parameter)
AREA_CRS, AREA_METHOD = "AREA_CRS", "AREA_METHOD"
AREA_METHODS = (PLANAR, ELLIPSOIDAL)  # the AREA_METHOD enum's order


class PlanSourceParameter(QgsProcessingParameterFile):
    """The plan's data, optional: a GeoPackage, a .gdb folder, a Shapefile folder or
    ``postgis:<connection>[/<schema>]`` (core.plan_data.source_text reads it).

    A file parameter, so the dialog keeps its file picker and old scripts' ``PLAN_GPKG=plan.gpkg``
    holds; but a plain one refuses any text without a file extension (a Shapefile folder, a
    connection), and one with ``extension="gpkg"`` refused ``plan.gdb``: every text is accepted here,
    and read (or refused with the reason) when the algorithm runs.
    """

    def __init__(self, name: str, description: str = ""):
        super().__init__(
            name,
            description or tr("Plan data (GeoPackage, .gdb, Shapefile folder or PostGIS connection)"),
            optional=True,
        )

    def clone(self):
        return PlanSourceParameter(self.name(), self.description())

    def checkValueIsAcceptable(self, value, context=None):  # noqa: N802
        return True


def plan_source_parameter(name: str) -> PlanSourceParameter:
    return PlanSourceParameter(name)


@contextmanager
def invalid_geometries_let_through(context):
    """Processing's invalid-geometry filter off while the block runs, restored afterwards.

    The engine repairs invalid geometries on a copy and reports each repair, so Processing's own
    filter must not drop or refuse them on the way in (a dropped site would be a silent gap).
    """
    saved = context.invalidGeometryCheck()
    context.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
    try:
        yield context
    finally:
        context.setInvalidGeometryCheck(saved)


def _optional(algorithm, key: str) -> bool:
    definition = algorithm.parameterDefinition(key)
    return definition is not None and bool(definition.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional)


def _close(sink) -> None:
    """Flush and close a sink now, so what it wrote can be read back (a GeoPackage commits on close)."""
    if hasattr(sink, "finalize"):  # QGIS ≥ 3.42
        sink.finalize()


def _table_path(dest: str) -> str:
    """A table without geometry asked for as ``x.shp`` is written as ``x.dbf`` alone: point there."""
    if dest.lower().endswith(".shp") and not os.path.exists(dest):
        dbf = dest[:-4] + ".dbf"
        if os.path.exists(dbf):
            return dbf
    return dest


def _texts(layer, name: str) -> list:
    return sorted(v for v in (f[name] for f in layer.getFeatures()) if isinstance(v, str) and v)


def _too_narrow(written: QgsVectorLayer, layer) -> Optional[tuple]:
    """(field, bytes needed, width kept) for a text field the format cut short (Shapefile: 254 bytes)."""
    for field in layer.fields():
        index = written.fields().lookupField(field.name())
        if index < 0 or field.type() != field_type("string"):
            continue
        width = written.fields().at(index).length()
        if width <= 0:
            continue
        original = _texts(layer, field.name())
        need = max((len(v.encode("utf-8")) for v in original), default=0)
        # a declared width some formats only advise (GeoPackage): compare what was kept
        if need > width and _texts(written, field.name()) != original:
            return field.name(), need, width
    return None


def _verify(key: str, dest: str, context, layer, expected: int) -> Optional[str]:
    """Read ``dest`` back: every row there, no text cut short, the aliases stored. None when unreadable."""
    written = QgsProcessingUtils.mapLayerFromString(dest, context, False)
    if written is None:
        written = QgsVectorLayer(dest, "written", "ogr")
    if not written.isValid():
        return None
    count = written.featureCount()  # before the style is saved: saving reopens the file under the layer
    if count != expected:
        raise QgsProcessingException(
            tr("{output}: {dest} holds {written} of {total} rows").format(
                output=key, dest=dest, written=count, total=expected
            )
        )
    narrow = _too_narrow(written, layer)
    if narrow:
        raise QgsProcessingException(
            tr(
                "{output}: field {field} needs {need} bytes but {dest} keeps only {width}, so text would be "
                "cut short; write this output to a GeoPackage"
            ).format(output=key, field=narrow[0], need=narrow[1], dest=dest, width=narrow[2])
        )
    problem = keep_aliases(written, layer.fields())
    if problem:
        raise QgsProcessingException(
            tr("Cannot store the field titles in {dest}: {error}").format(dest=dest, error=problem)
        )
    return dest


def _refuse_lost_file(key: str, dest: str) -> None:
    """A file that cannot be read back and is missing or empty was lost (a full disk: the CSV
    writer reported success and left 0 bytes), never a warning over an exit code 0."""
    path = outputs_guard.split_source(dest)[0]
    if path and (not os.path.exists(path) or (os.path.isfile(path) and os.path.getsize(path) == 0)):
        raise QgsProcessingException(
            tr("{output}: {dest} was not written (is the disk full?)").format(output=key, dest=dest)
        )


def _add_in_batches(sink, features) -> bool:
    """Tens of thousands of rows take seconds to write: the run's cancel is checked between batches."""
    for start in range(0, len(features), SINK_BATCH):
        checkpoint()
        if not sink.addFeatures(features[start : start + SINK_BATCH], QgsFeatureSink.Flag.FastInsert):
            return False
    return True


def write_sink(algorithm, parameters, key: str, context, layer, feedback=None) -> Optional[str]:
    """Copy a finished result layer into the sink ``key``; every row must arrive.

    Returns the destination, or None when an optional output was not asked for. A refused row, a
    sink error, fewer rows read back than were written or text longer than the format keeps
    (Shapefile: 254 bytes) raise QgsProcessingException, so ``qgis_process`` exits non-zero
    instead of reporting success over a half-written file.
    """
    parameters, in_geopackage = _one_geopackage_layer(algorithm, parameters, key, context)
    sink, dest = algorithm.parameterAsSink(parameters, key, context, layer.fields(), layer.wkbType(), layer.crs())
    if sink is None:
        if _optional(algorithm, key):
            return None
        raise QgsProcessingException(algorithm.invalidSinkError(parameters, key))
    features = list(layer.getFeatures())
    added = _add_in_batches(sink, features)
    error = sink.lastError()
    _close(sink)
    del sink  # the wrapper owns the writer: deleting it closes the file (also before an error: a
    # traceback held it open, and the file could not be removed or its disk unmounted)
    if not added or error:
        raise QgsProcessingException(
            tr("{output}: not every row could be written to {dest}: {error}").format(
                output=key, dest=dest, error=error or tr("rows refused")
            )
        )
    dest = _table_path(dest)
    if _verify(key, dest, context, layer, len(features)) is None:
        _refuse_lost_file(key, dest)
        if feedback is not None:
            feedback.pushWarning(
                tr("{output}: {dest} could not be read back to count its rows").format(output=key, dest=dest)
            )
    if in_geopackage:
        return geopackage_output(feedback, key, *in_geopackage)
    return dest


def geopackage_output(feedback, key: str, path, name: str, existed: bool) -> str:
    """The output string of a layer written into a GeoPackage; into one that was there before, the
    log says its other layers were kept."""
    if feedback is not None and existed:
        feedback.pushInfo(
            tr("{output}: layer {layer} added to the existing GeoPackage {path} (its other layers kept)").format(
                output=key, layer=name, path=path
            )
        )
    return f"{path}|layername={name}"


def _one_geopackage_layer(algorithm, parameters, key: str, context) -> tuple[dict, Optional[tuple]]:
    """Parameters that write ``key`` as one layer of a GeoPackage when it names an existing one
    (or a layer): QGIS's sink given ``x.gpkg`` replaces the whole file, ``ogr:dbname=…
    table=…`` only that layer. Returns (parameters, (GeoPackage, layer, existed) or None)."""
    target = outputs_guard.geopackage_layer(algorithm.parameterAsOutputLayer(parameters, key, context))
    if target is None:
        return parameters, None
    path, name = target
    existed = path.is_file()
    if existed:
        outputs_guard.clear_geopackage_layer(path, name)
    destination = outputs_guard.ogr_destination(path, name)
    value = parameters.get(key)
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = QgsProcessingOutputLayerDefinition(value)
        value.sink = QgsProperty.fromValue(destination)
    else:
        value = destination
    return {**parameters, key: value}, (path, name, existed)


LAYER_INPUTS = (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer, QgsProcessingParameterMapLayer)
LAYER_OUTPUTS = (QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination)


def _input_places(algorithm, definition, parameters, context) -> list:
    """Where one input parameter reads: its layers' files, its file or folder, a path typed as text."""
    name, label = definition.name(), definition.description()
    if isinstance(definition, LAYER_INPUTS):
        return [outputs_guard.layer_place(algorithm.parameterAsLayer(parameters, name, context), label)]
    if isinstance(definition, QgsProcessingParameterMultipleLayers):
        return [
            outputs_guard.layer_place(layer, label)
            for layer in algorithm.parameterAsLayerList(parameters, name, context)
        ]
    if isinstance(definition, (QgsProcessingParameterFile, QgsProcessingParameterString)):
        text = algorithm.parameterAsString(parameters, name, context).strip()
        if text and os.path.exists(text.split("|")[0]):  # a source path typed as text (versions, inspect)
            return [outputs_guard.input_place(text, label)]
    return []


def _output_places(algorithm, definition, parameters, context) -> list:
    name, label = definition.name(), definition.description()
    if isinstance(definition, LAYER_OUTPUTS):
        return outputs_guard.output_places(algorithm.parameterAsOutputLayer(parameters, name, context), label)
    folder = isinstance(definition, QgsProcessingParameterFolderDestination)
    return outputs_guard.output_places(algorithm.parameterAsFileOutput(parameters, name, context), label, folder)


def run_places(algorithm, parameters, context) -> tuple[list, list]:
    """(inputs, outputs) of one run as places on disk (see :mod:`core.shared.outputs_guard`)."""
    inputs, outputs = [], []
    for definition in algorithm.parameterDefinitions():
        if parameters.get(definition.name()) in (None, ""):
            continue
        if definition.isDestination():
            outputs += _output_places(algorithm, definition, parameters, context)
        else:
            inputs += _input_places(algorithm, definition, parameters, context)
    return inputs, outputs


def refuse_no_numbers(algorithm, parameters, context) -> None:
    """A number parameter given as NaN (``STOREY_HEIGHT=nan``, a float('nan') from a script) passes
    QGIS's own range check, since NaN compares false with both ends; it is refused here by name."""
    for definition in algorithm.parameterDefinitions():
        if definition.type() not in ("number", "distance") or parameters.get(definition.name()) in (None, ""):
            continue
        value = algorithm.parameterAsDouble(parameters, definition.name(), context)
        if not math.isfinite(value):
            raise QgsProcessingException(
                tr("{parameter}: {value} is not a number").format(
                    parameter=definition.description(), value=parameters.get(definition.name())
                )
            )


def guard_outputs(algorithm, parameters, context) -> None:
    """Refuse the run before it starts when an output would write over an input or another
    output, or cannot be written at all."""
    inputs, outputs = run_places(algorithm, parameters, context)
    try:
        outputs_guard.refuse_clashes(inputs, outputs)
        outputs_guard.refuse_unwritable(outputs)
    except PlanError as error:
        raise QgsProcessingException(str(error)) from error


def _guarded(process):
    """``processAlgorithm`` after the outputs guard; a file the system refuses mid-run (disk full)
    is a sentence naming the file, never a traceback. In ``qgis_process`` a Ctrl+C cancels the
    run at once (``interrupt``)."""

    @functools.wraps(process)
    def run(self, parameters, context, feedback):
        refuse_no_numbers(self, parameters, context)
        guard_outputs(self, parameters, context)
        try:
            with ctrl_c_cancels(feedback):
                return process(self, parameters, context, feedback)
        except OSError as error:
            raise QgsProcessingException(
                tr("Cannot write {path}: {error}").format(path=error.filename or "", error=error.strerror or str(error))
            ) from error

    run.guarded = True
    return run


class YongjiAlgorithm(QgsProcessingAlgorithm):
    ALG_ID = ""
    ICON = "icon"

    def __init_subclass__(cls, **kwargs):
        """Every algorithm's ``processAlgorithm`` passes the outputs guard first: none can forget."""
        super().__init_subclass__(**kwargs)
        process = cls.__dict__.get("processAlgorithm")
        if process is not None and not getattr(process, "guarded", False):
            cls.processAlgorithm = _guarded(process)

    def name(self):
        return self.ALG_ID

    def icon(self):
        return QIcon(icon_path(self.ICON))

    def createInstance(self):
        return type(self)()

    def write_output(self, parameters, key: str, context, layer, feedback=None) -> Optional[str]:
        """See :func:`write_sink`."""
        return write_sink(self, parameters, key, context, layer, feedback)

    def add_backend_parameter(self) -> None:
        """BACKEND: the overlay engine (the Settings' choice when left empty)."""
        self.addParameter(
            QgsProcessingParameterEnum(
                BACKEND, tr("Overlay engine (the Settings' choice if empty)"), backend_labels(), optional=True
            )
        )

    def backend(self, parameters, context) -> str:
        if parameters.get(BACKEND) is None:
            return PluginSettings.load().engine_backend
        return ENGINE_BACKENDS[self.parameterAsEnum(parameters, BACKEND, context)]

    def add_report_parameter(self, label: str = None) -> None:
        """REPORT: the report's HTML file, optional (a PDF and its maps are written beside it)."""
        self.add_file_output(
            REPORT, label or tr("Report (HTML; a PDF is written beside it)"), tr("HTML files (*.html)")
        )

    def add_file_output(self, name: str, label: str, file_filter: str) -> None:
        """An optional file the run writes only when asked (a table, a sheet, a report)."""
        self.addParameter(
            QgsProcessingParameterFileDestination(name, label, file_filter, optional=True, createByDefault=False)
        )

    def add_area_parameters(self) -> None:
        """AREA_CRS and AREA_METHOD: areas are planar in a projected CRS or CGCS2000 ellipsoidal,
        always said explicitly, never taken from the project's ellipsoid."""
        self.addParameter(
            QgsProcessingParameterCrs(AREA_CRS, tr("Area CRS (EPSG:4546 if empty)"), DEFAULT_AREA_CRS, optional=True)
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                AREA_METHOD, tr("Area method"), [tr("Planar"), tr("CGCS2000 ellipsoidal")], defaultValue=0
            )
        )

    def area_method(self, parameters, context) -> AreaMethod:
        """The area method of AREA_CRS and AREA_METHOD (a PlanError for a CRS that cannot measure)."""
        crs = self.parameterAsCrs(parameters, AREA_CRS, context)
        return AreaMethod.create(
            crs.authid() or DEFAULT_AREA_CRS, AREA_METHODS[self.parameterAsEnum(parameters, AREA_METHOD, context)]
        )

    def plan_source_layers(self, parameters, context, key: str, feedback=None) -> dict:
        """The catalogue layers of the plan source ``key`` names (see plan_source_parameter), by code;
        none when it is empty. A layer found twice in the source is a warning in the log."""
        text = self.parameterAsFile(parameters, key, context)
        if not text or not text.strip():
            return {}
        return open_plan(parse_source(text), warn=feedback.pushWarning if feedback is not None else None)

    def plan_layers(self, parameters, context, layers_param: str, gpkg_param: str, feedback=None) -> dict:
        """Plan layers by catalogue code: the given layers first, then the plan source's."""
        layers = layers_by_code(self.parameterAsLayerList(parameters, layers_param, context))
        for code, layer in self.plan_source_layers(parameters, context, gpkg_param, feedback).items():
            layers.setdefault(code, layer)
        return layers
