"""QGIS 4 / Qt6 ready: the plugin's sources pass the checks of QGIS's own PyQt5→PyQt6 migration script.

The scan (``qt6_scan.py``) resolves names against the bindings of the QGIS the suite runs on, so
running it on both test hosts proves every scoped spelling exists on 3.22 and on 3.40.
"""
import configparser
from pathlib import Path

from qt6_scan import scan, scan_file

ROOT = Path(__file__).resolve().parent.parent


def test_plugin_and_script_sources_pass_the_qt6_scan():
    findings = scan(ROOT / "yongji_plugin", ROOT) + scan(ROOT / "scripts", ROOT)
    assert [str(f) for f in findings] == []


def test_the_scan_finds_what_qt6_breaks(tmp_path):
    """The scan itself flags each kind of problem, so the test above can fail."""
    probe = tmp_path / "probe.py"
    probe.write_text(
        "from qgis.PyQt.QtCore import Qt, QVariant\n"
        "from qgis.PyQt.QtWidgets import QAction, QDialog\n"
        "from qgis.core import QgsField, QgsWkbTypes\n"
        "from PyQt5.QtCore import QRegExp\n"
        "a = Qt.AlignLeft\n"
        "b = QgsField('x', QVariant.String)\n"
        "c = QgsWkbTypes.Type.NoSuchType\n"
        "QDialog().exec_()\n"
        "ok = Qt.AlignmentFlag.AlignLeft\n", encoding="utf-8")
    messages = [f.message for f in scan_file(probe, tmp_path)]
    assert any("unscoped enum Qt.AlignLeft: write Qt.AlignmentFlag.AlignLeft" in m for m in messages)
    assert any(m.startswith("QVariant.String") for m in messages)
    assert any("QgsWkbTypes.Type.NoSuchType does not exist" in m for m in messages)
    assert any("exec_()" in m for m in messages)
    assert any("QRegExp" in m for m in messages) and any("PyQt5.QtCore" in m for m in messages)
    assert any("QAction lives in QtGui" in m for m in messages)
    assert len(messages) == 7  # and nothing about the scoped spelling on the last line


def test_metadata_admits_qgis_4():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    assert parser.get("general", "qgisMinimumVersion") == "3.22"
    assert parser.get("general", "qgisMaximumVersion") == "4.99"
