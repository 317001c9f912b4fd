"""规划指标: pick the file and indicators, check them in the background, see layers, report and map sheet."""
from qgis.core import QgsProject, QgsSettings
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QFileDialog, QListWidgetItem

from ...core.indicators.check import run_indicator_check
from ...core.indicators.definitions import YEARS, default_indicator_path, load_indicators
from ...core.indicators.outputs import findings_layer, township_layer
from ...core.indicators.report import city_chart, write_indicator_report
from ...core.measuring.charts import draw_chart
from ...core.measuring.unit_areas import TOWNSHIPS
from ...core.plan_data.loader import describe_sources
from ...core.printing.result_sheets import result_sheet
from ...core.printing.sheets import PDF, SheetBuilder, export_layout
from ...core.shared.errors import PlanError
from ...core.shared.settings import PluginSettings
from ...i18n import tr
from ..shared.background import BackgroundTask
from ..shared.forms import load_form
from ..shared.messages import show_error, show_info
from ..shared.plan_inputs import PlanMeasureDialogMixin, area_method
from ..shared.result_group import result_group

FORM, BASE = load_form("indicators.ui")
SETTINGS_FILE = "yongji/indicators/file"
SETTINGS_FOLDER = "yongji/indicators/folder"
FILE_STEM = "indicators"


class IndicatorDialog(PlanMeasureDialogMixin, BASE, FORM):
    def __init__(self, iface=None, parent=None, open_report=True):
        super().__init__(parent)
        self.setupUi(self)
        self.iface, self.open_report = iface, open_report
        self.outputs = {}
        self.report_paths = self.sheet_path = None
        self.setup_controls(tr("Run check"), tr("Cancel check"), SETTINGS_FOLDER)
        for year in sorted(YEARS, reverse=True):
            self.yearCombo.addItem(str(year), year)
        self.fileEdit.setText(QgsSettings().value(SETTINGS_FILE, str(default_indicator_path())))
        self.fileButton.clicked.connect(self._choose_file)
        self.fileEdit.editingFinished.connect(self.load_file)
        self.load_file(quiet=True)

    def _choose_file(self):
        path, _ = QFileDialog.getOpenFileName(self, tr("Choose an indicator file"), self.fileEdit.text(),
                                              tr("Indicator files (*.yaml *.yml)"))
        if path:
            self.fileEdit.setText(path)
            self.load_file()

    def load_file(self, quiet: bool = False):
        """List the file's indicators, all ticked; a malformed file is reported and lists none."""
        self.indicatorList.clear()
        try:
            indicators = load_indicators(self.fileEdit.text().strip() or None)
        except PlanError as error:
            if not quiet:
                show_error(self, str(error), self.iface)
            self.statusLabel.setText(str(error))
            return None
        self.statusLabel.setText("")
        for indicator in indicators.indicators:
            item = QListWidgetItem(f"{indicator.code}  {indicator.name}（{indicator.unit_label}）")
            item.setData(Qt.ItemDataRole.UserRole, indicator.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.indicatorList.addItem(item)
        return indicators

    def checked_codes(self):
        return [self.indicatorList.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.indicatorList.count())
                if self.indicatorList.item(i).checkState() == Qt.CheckState.Checked]

    def build_task(self) -> BackgroundTask:
        indicators = load_indicators(self.fileEdit.text().strip() or None)
        codes = self.checked_codes()
        if not codes:
            raise PlanError(tr("Tick at least one indicator"))
        indicators = indicators.subset(codes)
        area = area_method(self)
        self._year = self.yearCombo.currentData()
        QgsSettings().setValue(SETTINGS_FILE, self.fileEdit.text().strip())
        return self.measure_task(tr("Plan indicators"), [TOWNSHIPS] + indicators.layer_codes(), "yongji_indicators_",
                                 lambda layers, feedback, backend: run_indicator_check(layers, indicators, area,
                                                                                       feedback, backend))

    def _done(self, task, ok):
        if not self.task_ended(task, ok):
            return
        result, year = task.result, self._year
        try:
            self.outputs = {"findings": findings_layer(result),
                            "townships": township_layer(result, self._plan[TOWNSHIPS], year)}
            self.report_paths = write_indicator_report(result, self._folder / f"{FILE_STEM}.html", year,
                                                       describe_sources(self._plan.values()))
            if self.sheetCheck.isChecked():
                self.sheet_path = self._print_sheet(result, year)
        except (OSError, PlanError) as error:
            show_error(self, str(error), self.iface)
            return
        group = result_group(tr("Plan indicators"))
        for layer in self.outputs.values():
            QgsProject.instance().addMapLayer(layer, False)
            group.addLayer(layer)
        short = [name for name in result.townships if result.status(name, year).achieved is False]
        city = result.status(result.city_name, year)
        text = tr("{year}: the city {city}; {count} of {total} townships miss a binding target{names}").format(
            year=year, city=tr("achieves its targets") if city.achieved is not False else tr("misses a binding target"),
            count=len(short), total=len(result.townships), names=f"（{'、'.join(short)}）" if short else "")
        if result.warnings:
            text += "\n" + "\n".join(result.warnings)
            show_error(self, text, self.iface)
        else:
            show_info(self.iface, text)
        self.statusLabel.setText(text)
        if self.open_report:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report_paths["html"])))

    def _print_sheet(self, result, year: int):
        """The indicator map sheet (PDF at the print resolution), drawn here on the GUI thread."""
        chart = draw_chart(city_chart(result, year), self._folder / f"{FILE_STEM}_sheet_chart_{year}.png")
        builder = SheetBuilder(self._plan)
        layout = result_sheet(builder, "indicators", township_layer(result, self._plan[TOWNSHIPS], year), chart,
                              year=year)
        path = self._folder / f"{FILE_STEM}_sheet_{year}.pdf"
        return export_layout(layout, path, PDF, PluginSettings.load().print_dpi)
