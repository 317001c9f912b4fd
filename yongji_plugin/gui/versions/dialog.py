"""规划版本对比: pick two versions of the plan, compare them in the background, see what changed.

The run is the core's job (``core.versions.job``) in a JobTask: the worker opens both versions
(layers belong to the thread that reads them), compares them and draws the change maps; the layers
and the report are delivered on the GUI thread (Qt's PDF writer). A cancel or an error keeps
nothing of the run.
"""

from pathlib import Path

from qgis.core import QgsProject, QgsSettings
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QListWidgetItem

from ...core.plan_data.catalogue import default_catalogue
from ...core.plan_data.source_text import SOURCE_KINDS as KINDS
from ...core.plan_data.source_text import source_kind_labels
from ...core.plan_data.sources import Source, postgis_schemas, saved_postgis_connections
from ...core.shared.areas import AreaMethod
from ...core.shared.destinations import MemoryDestination
from ...core.shared.errors import PlanError
from ...core.shared.settings import PluginSettings
from ...core.versions.job import versions_job
from ...core.versions.model import NEW, OLD, CompareParams
from ...core.versions.outputs import ATTRIBUTE_CHANGES, GAINED, LOST, REPAIRS
from ...core.versions.result_styles import style_result_layers
from ...i18n import tr
from ..shared.background import TaskDialogMixin
from ..shared.encoding_combo import choose_encoding, fill_encoding_combo
from ..shared.forms import load_form
from ..shared.job_task import JobTask
from ..shared.messages import show_info
from ..shared.output_folder import OutputFolderRow, announce_folder
from ..shared.result_group import result_group
from ..shared.source_browse import browse_source

FORM, BASE = load_form("versions.ui")
TOWNSHIP_VERSIONS = (NEW, OLD)
SETTINGS = "yongji/versions/"


class SourcePicker:
    """One version's source: type, path or connection (browse button), PostGIS schema, Shapefiles' encoding."""

    def __init__(self, dialog, prefix: str):
        self.dialog, self.prefix = dialog, prefix
        self.kind = getattr(dialog, f"{prefix}KindCombo")
        self.location = getattr(dialog, f"{prefix}LocationCombo")
        self.browse = getattr(dialog, f"{prefix}BrowseButton")
        self.schema = getattr(dialog, f"{prefix}SchemaCombo")
        self.encoding = getattr(dialog, f"{prefix}EncodingCombo")
        fill_encoding_combo(self.encoding)
        self.kind.addItems(source_kind_labels())
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.location.currentTextChanged.connect(self._location_changed)
        self.browse.clicked.connect(self._browse)

    def source(self) -> Source:
        kind = KINDS[self.kind.currentIndex()]
        schema = self.schema.currentText().strip() if kind == "postgis" else ""
        encoding = (self.encoding.currentData() or "") if kind == "folder" else ""
        return Source(kind, self.location.currentText().strip(), schema, encoding)

    def set_source(self, source: Source) -> None:
        self.kind.setCurrentIndex(KINDS.index(source.kind))
        self.location.setEditText(source.location)
        self.schema.setEditText(source.schema)
        choose_encoding(self.encoding, source.encoding)

    def _kind_changed(self, index):
        self.location.clear()
        postgis = KINDS[index] == "postgis"
        if postgis:
            self.location.addItems(saved_postgis_connections())
        self.browse.setEnabled(not postgis)
        self.schema.setEnabled(postgis)
        self.encoding.setEnabled(KINDS[index] == "folder")

    def _location_changed(self, text):
        self.schema.clear()
        if KINDS[self.kind.currentIndex()] == "postgis" and text in saved_postgis_connections():
            try:
                self.schema.addItems([""] + postgis_schemas(text))
            except PlanError:  # listed a moment ago, gone now: the run will say so
                pass

    def _browse(self):
        path = browse_source(self.dialog, KINDS[self.kind.currentIndex()])
        if path:
            self.location.setEditText(path)

    def restore(self):
        settings = QgsSettings()
        kind = settings.value(SETTINGS + self.prefix + "_kind", "gpkg")
        self.kind.setCurrentIndex(KINDS.index(kind) if kind in KINDS else 0)
        self._kind_changed(self.kind.currentIndex())
        self.location.setEditText(settings.value(SETTINGS + self.prefix + "_location", ""))
        self.schema.setEditText(settings.value(SETTINGS + self.prefix + "_schema", ""))
        choose_encoding(self.encoding, settings.value(SETTINGS + self.prefix + "_encoding", ""))

    def remember(self):
        source = self.source()
        settings = QgsSettings()
        for name, value in (
            ("kind", source.kind),
            ("location", source.location),
            ("schema", source.schema),
            ("encoding", source.encoding),
        ):
            settings.setValue(f"{SETTINGS}{self.prefix}_{name}", value)


class VersionsDialog(TaskDialogMixin, BASE, FORM):
    def __init__(self, iface=None, parent=None, open_report=True):
        super().__init__(parent)
        self.setupUi(self)
        self.iface, self.open_report = iface, open_report
        self.outputs = {}
        self.report_paths = None
        self.old, self.new = SourcePicker(self, "old"), SourcePicker(self, "new")
        self.townshipCombo.addItems([tr("Later version"), tr("Earlier version")])
        self.toleranceSpin.setValue(PluginSettings.load().tolerance)
        for spec in default_catalogue().layers:
            item = QListWidgetItem(f"{spec.code}  {spec.name}")
            item.setData(Qt.ItemDataRole.UserRole, spec.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.layerList.addItem(item)
        self.setup_task_buttons(tr("Compare"), tr("Cancel comparison"))
        self.folder_row = OutputFolderRow(self, self.layout())
        self.old.restore()
        self.new.restore()

    def checked_codes(self):
        return [
            self.layerList.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.layerList.count())
            if self.layerList.item(i).checkState() == Qt.CheckState.Checked
        ]

    def build_task(self) -> JobTask:
        old, new = self.old.source(), self.new.source()
        for source, label in ((old, tr("earlier version")), (new, tr("later version"))):
            if not source.location:
                raise PlanError(tr("Choose the source of the {version}").format(version=label))
        if old == new:
            raise PlanError(tr("The earlier and the later version are the same source"))
        codes = self.checked_codes()
        if not codes:
            raise PlanError(tr("Tick at least one layer"))
        settings = PluginSettings.load()
        params = CompareParams(
            AreaMethod.create(settings.area_crs, settings.area_method),
            self.toleranceSpin.value(),
            townships=TOWNSHIP_VERSIONS[self.townshipCombo.currentIndex()],
            backend=settings.engine_backend,
            codes=tuple(codes),
        )
        report = None
        if self.reportCheck.isChecked():
            report = self.folder_row.new_run_folder(tr("Plan version comparison")) / (tr("versions_report") + ".html")
        self.old.remember()
        self.new.remember()
        job = versions_job(old, new, params, with_maps=report is not None)
        return JobTask(job, MemoryDestination(), report, self._done)

    def run(self):
        task = super().run()
        if task is not None:
            self.statusLabel.setText(tr("Comparing…"))
        return task

    def _done(self, task, ok):
        if not self.task_ended(task, ok):
            return
        self.outputs = task.layers_out
        self.report_paths = task.report_paths
        result = task.result
        style_result_layers(self.outputs)
        project = QgsProject.instance()
        group = result_group(tr("Plan version comparison"), project)
        for name, layer in self.outputs.items():
            if name == REPAIRS and layer.featureCount() == 0:
                continue
            project.addMapLayer(layer, False)
            group.addLayer(layer)
        changed = result.changed_layers
        text = tr("{changed} of {total} layers changed").format(changed=len(changed), total=len(result.layers))
        if not changed:
            text = tr("The two versions are the same: no layer changed")
        self.statusLabel.setText(text)
        show_info(self.iface, text)
        self._zoom([self.outputs[name] for name in (GAINED, LOST, ATTRIBUTE_CHANGES)])
        if self.report_paths:
            announce_folder(self, Path(self.report_paths["html"]).parent)
        if self.report_paths and self.open_report:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report_paths["html"])))

    def _zoom(self, layers):
        layers = [layer for layer in layers if layer.featureCount()]
        if not layers or self.iface is None or self.iface.mapCanvas() is None:
            return
        extent = layers[0].extent()
        for layer in layers[1:]:
            extent.combineExtentWith(layer.extent())
        extent.grow(max(extent.width(), extent.height()) * 0.1 + 200)
        self.iface.mapCanvas().setExtent(extent)
        self.iface.mapCanvas().refresh()
