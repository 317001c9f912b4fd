"""设置: the defaults the checks and printing start from (area CRS and method, tolerance, DPI,
overlay engine backend)."""

from qgis.core import QgsCoordinateReferenceSystem
from qgis.gui import QgsProjectionSelectionDialog

from ...core.shared.areas import ELLIPSOIDAL, PLANAR, AreaMethod, authid_of
from ...core.shared.errors import PlanError
from ...core.shared.settings import ENGINE_BACKENDS, PluginSettings, backend_labels
from ...i18n import tr
from .forms import load_form
from .messages import show_error

FORM, BASE = load_form("settings.ui")
METHODS = (PLANAR, ELLIPSOIDAL)


class SettingsDialog(BASE, FORM):
    def __init__(self, iface=None, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.iface = iface
        self.methodCombo.addItems([tr("Planar (plan CRS)"), tr("CGCS2000 ellipsoidal")])
        self.backendCombo.addItems(backend_labels())
        settings = PluginSettings.load()
        self.crsEdit.setText(settings.area_crs)
        self.methodCombo.setCurrentIndex(METHODS.index(settings.area_method))
        self.toleranceSpin.setValue(settings.tolerance)
        self.dpiSpin.setValue(settings.print_dpi)
        backend = settings.engine_backend if settings.engine_backend in ENGINE_BACKENDS else "auto"
        self.backendCombo.setCurrentIndex(ENGINE_BACKENDS.index(backend))
        self.buttonBox.accepted.connect(self.save)
        self.buttonBox.rejected.connect(self.reject)
        self.crsEdit.textChanged.connect(self.describe_crs)
        self.crsButton.clicked.connect(self.pick_crs)
        self.crs_picker = None
        self.describe_crs()

    def describe_crs(self) -> None:
        """The typed code's CRS by name under the box (a bare text box said nothing of what 4546 is)."""
        crs = QgsCoordinateReferenceSystem(authid_of(self.crsEdit.text().strip()))
        if not crs.isValid():
            self.crsNameLabel.setText(tr("Unknown CRS"))
        elif crs.isGeographic():
            self.crsNameLabel.setText(tr("{name}: geographic, not for areas").format(name=crs.description()))
        else:
            self.crsNameLabel.setText(crs.description())

    def pick_crs(self) -> None:
        """QGIS's CRS chooser, starting from the CRS in the box."""
        self.crs_picker = QgsProjectionSelectionDialog(self)
        self.crs_picker.setCrs(QgsCoordinateReferenceSystem(authid_of(self.crsEdit.text().strip())))
        if self.crs_picker.exec():
            self.crsEdit.setText(self.crs_picker.crs().authid())

    def save(self) -> bool:
        try:
            area = AreaMethod.create(self.crsEdit.text().strip())  # "4546" as well as "EPSG:4546"
        except PlanError as error:
            show_error(self, str(error), self.iface)
            return False
        self.crsEdit.setText(area.crs.authid())
        PluginSettings(
            area.crs.authid(),
            METHODS[self.methodCombo.currentIndex()],
            self.toleranceSpin.value(),
            self.dpiSpin.value(),
            ENGINE_BACKENDS[self.backendCombo.currentIndex()],
        ).save()
        self.accept()
        return True
