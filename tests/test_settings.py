"""设置: defaults saved in QGIS settings and used by the check dialog; a bad CRS is refused."""

from yongji_plugin.core.shared.settings import PluginSettings
from yongji_plugin.gui.shared.settings_dialog import SettingsDialog
from yongji_plugin.gui.site_check.dialog import ComplianceDialog


def test_saved_defaults_reach_the_check_dialog(qgis_iface):
    dialog = SettingsDialog(qgis_iface)
    dialog.crsEdit.setText("EPSG:4525")
    dialog.methodCombo.setCurrentIndex(1)
    dialog.toleranceSpin.setValue(2.5)
    assert dialog.save()
    assert PluginSettings.load() == PluginSettings("EPSG:4525", "ellipsoidal", 2.5, 300)
    check = ComplianceDialog(qgis_iface, open_report=False)
    assert check.crsEdit.text() == "EPSG:4525" and check.toleranceSpin.value() == 2.5
    assert check.methodCombo.currentIndex() == 1
    PluginSettings().save()


def test_engine_backend_is_a_setting(qgis_iface):
    dialog = SettingsDialog(qgis_iface)
    assert dialog.backendCombo.count() == 4 and dialog.backendCombo.currentIndex() == 0  # automatic
    dialog.backendCombo.setCurrentIndex(2)
    assert dialog.save()
    assert PluginSettings.load().engine_backend == "qgis"
    assert SettingsDialog(qgis_iface).backendCombo.currentIndex() == 2
    PluginSettings().save()
    assert PluginSettings.load().engine_backend == "auto"


def test_geographic_crs_is_refused(qgis_iface):
    dialog = SettingsDialog(qgis_iface)
    dialog.crsEdit.setText("EPSG:4326")
    assert dialog.save() is False
    assert PluginSettings.load().area_crs == "EPSG:4546"


def test_a_bare_epsg_number_is_a_crs(qgis_iface):
    """The box refused "4546"; any spelling of an EPSG code is read, and saved as EPSG:4546."""
    from yongji_plugin.core.shared.areas import AreaMethod, authid_of

    assert [authid_of(t) for t in ("4546", " epsg:4546 ", "EPSG 4546", "EPSG:4546", "ESRI:102100")] == [
        "EPSG:4546",
        "EPSG:4546",
        "EPSG:4546",
        "EPSG:4546",
        "ESRI:102100",
    ]
    assert AreaMethod.create("4525").crs.authid() == "EPSG:4525"
    dialog = SettingsDialog(qgis_iface)
    dialog.crsEdit.setText("4525")
    assert dialog.save()
    assert PluginSettings.load().area_crs == "EPSG:4525" and dialog.crsEdit.text() == "EPSG:4525"
    PluginSettings().save()


def test_the_crs_is_named_and_can_be_chosen_from_qgis_list(qgis_iface):
    """Settings' CRS was a bare text box: it now names the CRS a code stands for (read from PROJ's
    database through QgsCoordinateReferenceSystem here) and opens QGIS's CRS chooser."""
    from qgis.core import QgsCoordinateReferenceSystem
    from qgis.PyQt.QtCore import QTimer

    dialog = SettingsDialog(qgis_iface)
    dialog.crsEdit.setText("4546")
    assert dialog.crsNameLabel.text() == QgsCoordinateReferenceSystem("EPSG:4546").description()
    assert "111" in dialog.crsNameLabel.text()  # CGCS2000 / 3-degree Gauss-Kruger CM 111E
    dialog.crsEdit.setText("4326")
    assert "geographic" in dialog.crsNameLabel.text()
    dialog.crsEdit.setText("not a crs")
    assert dialog.crsNameLabel.text() == "Unknown CRS"

    def choose():
        dialog.crs_picker.setCrs(QgsCoordinateReferenceSystem("EPSG:4527"))
        dialog.crs_picker.accept()

    QTimer.singleShot(200, choose)
    dialog.crsButton.click()
    assert dialog.crsEdit.text() == "EPSG:4527"
    assert dialog.crsNameLabel.text() == QgsCoordinateReferenceSystem("EPSG:4527").description()
    assert dialog.save() and PluginSettings.load().area_crs == "EPSG:4527"
    PluginSettings().save()
