"""项目选址合规性检查: choose sites and options, run the check in the background, show results."""

import html
from pathlib import Path

from qgis.core import (
    QgsProject,
    QgsSettings,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QDialogButtonBox, QFileDialog

from ...core.plan_data.loader import describe_sources, layers_by_code
from ...core.shared.areas import ELLIPSOIDAL, PLANAR, AreaMethod
from ...core.shared.errors import PlanError
from ...core.shared.outputs_guard import refuse_run
from ...core.shared.settings import PluginSettings
from ...core.site_check.check import CheckParams, check_control_layers, counts_text
from ...core.site_check.outputs import CONFLICTS, SUMMARY
from ...core.site_check.result_styles import style_result_layers
from ...core.site_check.ruleset import default_ruleset_path, load_ruleset
from ...core.site_check.site_input import USE_FIELDS
from ...i18n import tr
from ..shared.background import TaskDialogMixin
from ..shared.forms import load_form
from ..shared.job_task import JobTask
from ..shared.layer_choice import chosen, fill_layers, follow_project
from ..shared.messages import show_error, show_info
from ..shared.output_folder import OutputFolderRow
from ..shared.result_group import result_group
from .task import SiteSnapshot, compliance_task

FORM, BASE = load_form("compliance.ui")
METHODS = (PLANAR, ELLIPSOIDAL)
SETTINGS_RULESET = "yongji/check/ruleset"


class ComplianceDialog(TaskDialogMixin, BASE, FORM):
    def __init__(self, iface=None, parent=None, open_report=True):
        super().__init__(parent)
        self.setupUi(self)
        self.iface = iface
        self.open_report = open_report
        self.outputs = {}
        self.methodCombo.addItems([tr("Planar (plan CRS)"), tr("CGCS2000 ellipsoidal")])
        defaults = PluginSettings.load()
        self.methodCombo.setCurrentIndex(METHODS.index(defaults.area_method))
        self.crsEdit.setText(defaults.area_crs)
        self.toleranceSpin.setValue(defaults.tolerance)
        self.rulesetEdit.setText(QgsSettings().value(SETTINGS_RULESET, str(default_ruleset_path())))
        self.runButton = self.buttonBox.addButton(tr("Run check"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancelButton = self.buttonBox.addButton(tr("Cancel check"), QDialogButtonBox.ButtonRole.ActionRole)
        self.cancelButton.setEnabled(False)
        self.runButton.clicked.connect(self.run)
        self.cancelButton.clicked.connect(self.cancel)
        self.buttonBox.rejected.connect(self.reject)
        self.rulesetButton.clicked.connect(self._choose_ruleset)
        self.outputButton.clicked.connect(self._choose_output)
        self.openFolderButton.clicked.connect(self.open_report_folder)
        self.report_paths = None
        self.folder_row = OutputFolderRow(self, self.layout())
        self.sitesCombo.currentIndexChanged.connect(self.refresh_use_fields)
        self.refresh_layers()
        follow_project(self)

    def refresh_layers(self):
        fill_layers(self.sitesCombo, QgsWkbTypes.GeometryType.PolygonGeometry, key="check/sites", iface=self.iface)

    def refresh_use_fields(self):
        """The site layer's text fields; the first entry reads the use from the usual field names."""
        self.useFieldCombo.clear()
        self.useFieldCombo.addItem(tr("Automatic ({fields})").format(fields=", ".join(USE_FIELDS)), None)
        layer = self.site_layer()
        for field in layer.fields() if layer is not None else []:
            self.useFieldCombo.addItem(field.name(), field.name())

    def use_field(self):
        return self.useFieldCombo.currentData() or None

    def choose_sites(self, layer):
        self.refresh_layers()
        self.sitesCombo.setCurrentIndex(self.sitesCombo.findData(layer.id()))
        chosen(self.sitesCombo, "check/sites")

    def showEvent(self, event):
        if self.task is None:
            self.refresh_layers()
        super().showEvent(event)

    def _choose_ruleset(self):
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Choose a rule set"), self.rulesetEdit.text(), tr("Rule sets (*.yaml *.yml)")
        )
        if path:
            self.rulesetEdit.setText(path)

    def _choose_output(self):
        path, _ = QFileDialog.getSaveFileName(self, tr("Output GeoPackage"), "", tr("GeoPackage (*.gpkg)"))
        if path:
            self.outputEdit.setText(path)

    def site_layer(self):
        return QgsProject.instance().mapLayer(self.sitesCombo.currentData() or "")

    def _sites(self, layer) -> SiteSnapshot:
        if not self.selectedOnlyCheck.isChecked():
            return SiteSnapshot(layer)
        if layer.selectedFeatureCount() == 0:
            raise PlanError(tr("Layer {name} has no selected features").format(name=layer.name()))
        return SiteSnapshot(layer, layer.selectedFeatureIds())

    def build_task(self) -> JobTask:
        layer = self.site_layer()
        if layer is None:
            raise PlanError(tr("Choose a project site layer first"))
        ruleset = load_ruleset(self.rulesetEdit.text().strip() or None)
        area = AreaMethod.create(self.crsEdit.text().strip(), METHODS[self.methodCombo.currentIndex()])
        controls = layers_by_code(other for other in QgsProject.instance().mapLayers().values() if other is not layer)
        try:
            check_control_layers(ruleset, controls, area.crs)
        except PlanError as error:
            raise PlanError(f"{error} — {tr('load the plan layers first')}") from error
        params = CheckParams(
            area,
            self.toleranceSpin.value(),
            data_source=describe_sources(controls.values()),
            backend=PluginSettings.load().engine_backend,
            site_origin=layer,
            use_field=self.use_field(),
        )
        output = self.outputEdit.text().strip()
        report = (
            Path(output).with_name(Path(output).stem + "_report.html")
            if output
            else self.folder_row.new_run_folder(tr("Site compliance check")) / (tr("review_report") + ".html")
        )
        refuse_run(
            [layer, *controls.values()],
            [(output, tr("Output GeoPackage"), False), (report, tr("Review report"), False)],
        )
        QgsSettings().setValue(SETTINGS_RULESET, self.rulesetEdit.text())
        return compliance_task(
            self._sites(layer), controls, ruleset, params, self.outputEdit.text().strip() or None, report, self._done
        )

    def run(self):
        self.show_report(None)
        try:
            return self.start_task(self.build_task())
        except PlanError as error:
            show_error(self, str(error), self.iface)
            return None

    def _done(self, task, ok):
        if not self.task_ended(task, ok):
            return
        self.outputs = task.layers_out
        self._show_results(task)

    def _show_results(self, task):
        style_result_layers(self.outputs, task.result.ruleset)
        group = result_group(tr("Compliance check results"))
        for layer in self.outputs.values():
            QgsProject.instance().addMapLayer(layer, False)
            group.addLayer(layer)
        text = counts_text(task.result.counts())
        self.statusLabel.setText(text)
        show_info(self.iface, text)
        conflicts = self.outputs[CONFLICTS]
        extent_layer = conflicts if conflicts.featureCount() else self.outputs[SUMMARY]
        if self.iface is not None and self.iface.mapCanvas() is not None:
            extent = extent_layer.extent()
            extent.grow(max(extent.width(), extent.height()) * 0.1 + 100)
            self.iface.mapCanvas().setExtent(extent)
            self.iface.mapCanvas().refresh()
        self.show_report(task.report_paths)
        if task.report_paths and self.open_report:
            if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(task.report_paths["html"]))):
                self.statusLabel.setText(text + " — " + tr("no viewer opened the report; its files are listed below"))
        if task.result.warnings:  # sites without or sharing an id: results are per feature, but say so
            show_error(self, "\n".join(task.result.warnings), self.iface)
        if task.error:
            show_error(self, task.error, self.iface)

    def show_report(self, paths):
        """The report's HTML and PDF as links, whether or not a viewer opened them."""
        self.report_paths = paths
        self.openFolderButton.setEnabled(bool(paths))
        if not paths:
            self.reportLabel.clear()
            return
        links = [
            f'<a href="{QUrl.fromLocalFile(str(paths[kind])).toString()}">{html.escape(str(paths[kind]))}</a> ({label})'
            for kind, label in (("html", "HTML"), ("pdf", "PDF"))
        ]
        self.reportLabel.setText(html.escape(tr("Review report:")) + "<br>" + "<br>".join(links))

    def report_folder(self):
        return Path(self.report_paths["html"]).parent if self.report_paths else None

    def open_report_folder(self):
        folder = self.report_folder()
        if folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
