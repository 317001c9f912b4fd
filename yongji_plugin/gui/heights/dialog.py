"""建筑高度控制检查: choose buildings, zones and the height source; run in the background; see results."""

from qgis.core import QgsMapLayerType, QgsProject, QgsWkbTypes

from ...core.heights.check import (
    FLOORS,
    HEIGHT,
    MODES,
    HeightParams,
    check_inputs,
    mode_label,
)
from ...core.heights.job import height_job
from ...core.heights.outputs import OVER_LAYER
from ...core.shared.destinations import destination_for
from ...core.shared.errors import PlanError
from ...core.shared.outputs_guard import refuse_run
from ...core.shared.settings import PluginSettings
from ...i18n import tr
from ..shared.forms import load_form
from ..shared.job_task import JobTask
from ..shared.layer_choice import follow_project
from ..shared.measure_dialogs import (
    LayerMeasureDialogMixin,
    chosen_layer,
    fill_fields,
    fill_layers,
    plan_layer,
    report_path,
    setup_area_options,
    show_results,
    worker_copy,
)
from ..shared.plan_inputs import area_method

FORM, BASE = load_form("height_check.ui")
POLYGON = QgsWkbTypes.GeometryType.PolygonGeometry


class HeightCheckDialog(LayerMeasureDialogMixin, BASE, FORM):
    def __init__(self, iface=None, parent=None, open_report=True):
        super().__init__(parent)
        self.setupUi(self)
        self.iface, self.open_report = iface, open_report
        self.outputs = {}
        self.sourceCombo.addItems([mode_label(mode) for mode in MODES])
        self.toleranceSpin.setValue(PluginSettings.load().tolerance)
        setup_area_options(self)
        self.setup_task_buttons(tr("Run check"), tr("Cancel check"))
        self.buildingsCombo.currentIndexChanged.connect(self._building_fields)
        self.sourceCombo.currentIndexChanged.connect(self._source_changed)
        self.refresh_layers()
        follow_project(self)
        self._source_changed()

    def refresh_layers(self):
        zones = plan_layer("JZGDKZ")
        fill_layers(self.zonesCombo, POLYGON, zones, key="heights/zones")
        fill_layers(
            self.buildingsCombo, POLYGON, self._likely_buildings(zones), key="heights/buildings", iface=self.iface
        )

    @staticmethod
    def _likely_buildings(zones):
        """The first polygon layer with a height or floors field: most likely the buildings."""
        for layer in QgsProject.instance().mapLayers().values():
            if (
                layer is not zones
                and layer.type() == QgsMapLayerType.VectorLayer
                and layer.geometryType() == POLYGON
                and any(layer.fields().lookupField(name) >= 0 for name in ("JZGD", "CS"))
            ):
                return layer
        return None

    def _building_fields(self):
        layer = chosen_layer(self.buildingsCombo)
        fill_fields(self.heightFieldCombo, layer, "JZGD")
        fill_fields(self.floorsFieldCombo, layer, "CS")

    def _source_changed(self):
        mode = MODES[self.sourceCombo.currentIndex()]
        self.heightFieldCombo.setEnabled(mode != FLOORS)
        self.floorsFieldCombo.setEnabled(mode != HEIGHT)
        self.storeySpin.setEnabled(mode != HEIGHT)

    def params(self) -> HeightParams:
        return HeightParams(
            area_method(self),
            mode=MODES[self.sourceCombo.currentIndex()],
            height_field=self.heightFieldCombo.currentText() or None,
            floors_field=self.floorsFieldCombo.currentText() or None,
            storey_height=self.storeySpin.value(),
            tolerance=self.toleranceSpin.value(),
            backend=PluginSettings.load().engine_backend,
        )

    def build_task(self) -> JobTask:
        buildings, zones = chosen_layer(self.buildingsCombo), chosen_layer(self.zonesCombo)
        if buildings is None:
            raise PlanError(tr("Choose a building layer first"))
        if zones is None:
            raise PlanError(tr("Choose the height zone layer (load the plan layers first)"))
        if buildings is zones:
            raise PlanError(tr("The building layer and the height zone layer must differ"))
        params = self.params()
        check_inputs(buildings, zones, params)  # bad input stops here, before any thread
        output = self.outputEdit.text().strip() or None
        refuse_run([buildings, zones], [(output, tr("Output GeoPackage"), False)])
        job = height_job(worker_copy(buildings), worker_copy(zones), params)
        return JobTask(job, destination_for(output), report_path(self, job.title), self._done)

    def _done(self, task, ok):
        if not self.task_ended(task, ok):
            return
        self.outputs = task.layers_out
        counts = task.result.counts()
        text = tr(
            "{over} over their limit, {within} within, {no_zone} outside the zones, {no_height} without a height"
        ).format(**counts)
        show_results(self, task, tr("Building height check results"), text)
        if self.outputs[OVER_LAYER].featureCount() == 0:
            self.statusLabel.setText(text + " — " + tr("no building exceeds its limit"))
