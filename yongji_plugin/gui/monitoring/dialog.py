"""规划实施监测预警: tick the 现状 snapshots (with their years), run in the background, see the layers
and the 年度监测预警报告."""

from qgis.core import QgsProject, QgsVectorLayer, QgsWkbTypes
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QFileDialog, QTableWidgetItem

from ...core.indicators.definitions import load_indicators
from ...core.monitoring.outputs import FINDINGS
from ...core.monitoring.patches import AFTER_FIELD, BEFORE_FIELD, PatchInput
from ...core.monitoring.rules import RED, YELLOW, load_rules
from ...core.monitoring.run import MonitorParams
from ...core.monitoring.snapshots import SnapshotInput, check_snapshots
from ...core.monitoring.trend import SURVEY_LAYER
from ...core.plan_data.loader import describe_sources
from ...core.shared.errors import PlanError
from ...core.shared.output_fields import is_result_layer
from ...core.shared.settings import PluginSettings
from ...i18n import tr
from ..shared.forms import load_form
from ..shared.messages import show_error, show_info
from ..shared.output_folder import announce_folder
from ..shared.plan_inputs import PlanMeasureDialogMixin, area_method, output_folder, project_plan, require_layers
from ..shared.result_group import result_group
from .task import monitoring_task

FORM, BASE = load_form("monitoring.ui")
SETTINGS_FOLDER = "yongji/monitoring/folder"


def file_names() -> dict:
    """The run's files in the user's language (年度监测预警报告.html, 规划实施监测预警图.pdf …)."""
    return {
        "layers": tr("monitoring_results") + ".gpkg",
        "report": tr("monitoring_report") + ".html",
        "sheet": tr("monitoring_sheet") + ".pdf",
        "atlas": tr("monitoring_atlas") + ".pdf",
    }


class MonitoringDialog(PlanMeasureDialogMixin, BASE, FORM):
    def __init__(self, iface=None, parent=None, open_report=True):
        super().__init__(parent)
        self.setupUi(self)
        self.iface, self.open_report = iface, open_report
        self.layers_out = self.report_paths = self.sheet_path = self.atlas_paths = None
        self._plan = {}
        self.setup_controls(tr("Run"), tr("Cancel"), SETTINGS_FOLDER)
        self.rulesButton.clicked.connect(lambda: self._choose(self.rulesEdit, tr("Choose a monitoring rule file")))
        self.indicatorButton.clicked.connect(lambda: self._choose(self.indicatorEdit, tr("Choose an indicator file")))
        self.snapshotTable.horizontalHeader().setStretchLastSection(True)
        self.refresh_layers()

    def _choose(self, edit, title: str) -> None:
        path, _ = QFileDialog.getOpenFileName(self, title, edit.text(), tr("YAML files (*.yaml *.yml)"))
        if path:
            edit.setText(path)

    def showEvent(self, event):
        if self.task is None:
            self.refresh_layers()
        super().showEvent(event)

    def refresh_layers(self) -> None:
        """Every polygon layer of the project that is no plan layer and no result, ticked if it was."""
        ticked = {layer.id(): year for layer, year in self._rows() if layer is not None}
        plan_ids = {layer.id() for layer in project_plan().values()}
        layers = [
            layer
            for layer in QgsProject.instance().mapLayers().values()
            if isinstance(layer, QgsVectorLayer)
            and layer.id() not in plan_ids
            and not is_result_layer(layer)
            and layer.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry
        ]
        self.snapshotTable.setRowCount(len(layers))
        for row, layer in enumerate(sorted(layers, key=lambda item: item.name())):
            item = QTableWidgetItem(layer.name())
            item.setData(Qt.ItemDataRole.UserRole, layer.id())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            item.setCheckState(Qt.CheckState.Checked if layer.id() in ticked else Qt.CheckState.Unchecked)
            self.snapshotTable.setItem(row, 0, item)
            self.snapshotTable.setItem(row, 1, QTableWidgetItem(ticked.get(layer.id(), "")))

    def _rows(self):
        for row in range(self.snapshotTable.rowCount()):
            item = self.snapshotTable.item(row, 0)
            if item is None or item.checkState() != Qt.CheckState.Checked:
                continue
            year = self.snapshotTable.item(row, 1)
            layer = QgsProject.instance().mapLayer(item.data(Qt.ItemDataRole.UserRole))
            yield layer, year.text().strip() if year else ""

    def tick(self, layer, year="") -> None:
        """Tick ``layer`` as a snapshot, with its year (the tests and the demo use it)."""
        for row in range(self.snapshotTable.rowCount()):
            if self.snapshotTable.item(row, 0).data(Qt.ItemDataRole.UserRole) == layer.id():
                self.snapshotTable.item(row, 0).setCheckState(Qt.CheckState.Checked)
                self.snapshotTable.item(row, 1).setText(str(year))

    def snapshot_inputs(self) -> tuple[list, list]:
        """(snapshots, change patches) ticked: a layer with the fields of the class before and after
        (BGQDLBM, BGHDLBM) and without the class field is read as change patches."""
        field = self.classEdit.text().strip() or "DLBM"
        inputs, patches = [], []
        for layer, year in self._rows():
            if year and not year.isdigit():
                raise PlanError(
                    tr("Snapshot layer {name}: year {year} is not a year").format(name=layer.name(), year=year)
                )
            names = layer.fields().names()
            if field not in names and BEFORE_FIELD in names and AFTER_FIELD in names:
                patches.append(PatchInput(layer, int(year) if year else None))
            else:
                inputs.append(SnapshotInput(layer, int(year) if year else None, field))
        if not inputs and not patches:
            raise PlanError(tr("Tick at least one 现状 snapshot"))
        return inputs, patches

    def build_task(self):
        rules = load_rules(self.rulesEdit.text().strip() or None)
        indicators = load_indicators(self.indicatorEdit.text().strip() or None) if self.trendCheck.isChecked() else None
        inputs, patches = self.snapshot_inputs()
        plan = project_plan()
        codes = ["XZQ_XZ", SURVEY_LAYER] + rules.layer_codes() + (indicators.layer_codes() if indicators else [])
        require_layers(plan, codes)
        area = area_method(self)
        check_snapshots(inputs, rules.base_year, area.crs, bool(patches))  # a year missing or twice: said now
        params = MonitorParams(
            area, rules, indicators, PluginSettings.load().engine_backend, describe_sources(plan.values())
        )
        self._folder = output_folder(self, tr("Plan implementation monitoring"))
        self._plan = plan
        printed, names = self.sheetCheck.isChecked(), file_names()
        return monitoring_task(
            plan,
            inputs,
            params,
            self._folder / names["layers"],
            self._folder / names["report"],
            self._done,
            patches,
            sheet=self._folder / names["sheet"] if printed else None,
            atlas=self._folder / names["atlas"] if printed else None,
            dpi=PluginSettings.load().print_dpi,
        )

    def _done(self, task, ok):
        if not self.task_ended(task, ok):
            return
        result = task.result
        self.layers_out, self.report_paths = task.layers_out, task.report_paths
        self.sheet_path = (self.report_paths or {}).get("sheet")
        atlas = (self.report_paths or {}).get("atlas")
        self.atlas_paths = [atlas] if atlas else None
        group = result_group(tr("Plan implementation monitoring"))
        for layer in self.layers_out.values():
            QgsProject.instance().addMapLayer(layer, False)
            group.addLayer(layer)
        findings = result.findings()
        text = tr(
            "{count} suspected violations ({red} 红色预警, {yellow} 黄色预警) in {years}; results in {folder}"
        ).format(
            count=len(findings),
            red=sum(1 for f in findings if f.rule.level == RED),
            yellow=sum(1 for f in findings if f.rule.level == YELLOW),
            years=", ".join(str(c.year) for c in result.years),
            folder=self._folder,
        )
        if result.problems or result.warnings:
            text += "\n" + tr("{count} input problems listed in the report").format(count=len(result.problems))
            show_error(self, "\n".join([text] + result.warnings), self.iface)
        else:
            show_info(self.iface, text)
        self.statusLabel.setText(text)
        announce_folder(self, self._folder)
        if self.open_report and self.report_paths:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report_paths["html"])))
        return self.layers_out.get(FINDINGS)
