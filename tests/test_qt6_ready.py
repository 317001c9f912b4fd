"""QGIS 4 / Qt6 ready: the plugin's sources pass the checks of QGIS's own PyQt5→PyQt6 migration script.

The scan (``qt6_scan.py``) resolves names against the bindings of the QGIS the suite runs on, so
running it on both test hosts proves every scoped spelling exists on 3.22 and on 3.40.
"""

import configparser
from pathlib import Path

import pytest

from qt6_scan import RULES, scan, scan_file

ROOT = Path(__file__).resolve().parent.parent


def test_plugin_and_script_sources_pass_the_qt6_scan():
    findings = scan(ROOT / "yongji_plugin", ROOT) + scan(ROOT / "scripts", ROOT)
    assert [str(f) for f in findings] == []


HEADER = (
    "from qgis.PyQt.QtCore import Qt, QVariant, QDate, QDateTime, QTime\n"
    "from qgis.PyQt.QtGui import QFont, QFontMetrics, QIcon\n"
    "from qgis.PyQt.QtWidgets import QApplication, QComboBox, QDialog, QDialogButtonBox, QMenu\n"
    "from qgis.core import NULL, QgsProcessing, QgsWkbTypes\n"
)
# (rule class, a snippet the scan must flag, what it says, a snippet of the same kind it must pass)
CASES = [
    (
        "unscoped enum",
        "a = Qt.AlignLeft",
        "unscoped enum Qt.AlignLeft: write Qt.AlignmentFlag.AlignLeft",
        "a = Qt.AlignmentFlag.AlignLeft",
    ),
    (
        "enum through an instance",
        "class D(QDialog):\n    def f(self):\n        return self.buttonBox.AcceptRole",
        "AcceptRole read through an instance (self.buttonBox.AcceptRole)",
        "class D(QDialog):\n    def f(self):\n        kinds = QgsProcessing.SourceType\n"
        "        return QDialogButtonBox.ButtonRole.AcceptRole, kinds.TypeVectorPoint, self.Flag.FlagOptional",
    ),
    (
        "enum through an instance",
        "box = QDialogButtonBox()\nrole = box.RejectRole",
        "read through an instance",
        "box = QDialogButtonBox()\nbutton = box.addButton(box.tr('x'), QDialogButtonBox.ButtonRole.RejectRole)",
    ),
    (
        "missing scoped spelling",
        "t = QgsWkbTypes.Type.NoSuchType",
        "QgsWkbTypes.Type.NoSuchType does not exist on this QGIS",
        "t = QgsWkbTypes.Type.Point",
    ),
    (
        "renamed enum",
        "b = Qt.MidButton",
        "Qt.MidButton is gone in Qt6: write Qt.MouseButton.MiddleButton",
        "b = Qt.MouseButton.MiddleButton",
    ),
    ("QVariant type", "t = QVariant.String", "QVariant.String: QVariant types are gone", "t = NULL"),
    ("QVariant()", "v = QVariant()", "QVariant(): use NULL", "v = NULL"),
    (
        "QDateTime constructor",
        "d = QDateTime(2020, 1, 2, 3, 4, 5, 0, Qt.TimeSpec.UTC)",
        "QDateTime(y, m, d, h, min, s, ms, spec) is gone",
        "d = QDateTime(QDate(2020, 1, 2), QTime(3, 4, 5, 0))",
    ),
    (
        "QDateTime constructor",
        "d = QDateTime(QDate(2020, 1, 2))",
        "QDateTime(QDate(...)) is gone",
        "d = QDateTime(QDate(2020, 1, 2), QTime(0, 0, 0))",
    ),
    ("exec_", "QDialog().exec_()", "exec_() is removed in Qt6", "QDialog().exec()"),
    (
        "exec_",
        "class D(QDialog):\n    def exec_(self):\n        pass",
        "def exec_: Qt6 names it exec",
        "class D(QDialog):\n    def exec(self):\n        pass",
    ),
    (
        "PyQt import",
        "from PyQt5.QtCore import QTimer",
        "import from PyQt5.QtCore",
        "from qgis.PyQt.QtCore import QTimer",
    ),
    (
        "PyQt import",
        "import PyQt5.QtCore",
        "import PyQt5.QtCore: import Qt through qgis.PyQt",
        "import qgis.PyQt.QtCore",
    ),
    (
        "PyQt import",
        "from qgis.PyQt.Qt import Qt as Qt2",
        "import from qgis.PyQt.Qt",
        "from qgis.PyQt.QtCore import Qt as Qt2",
    ),
    (
        "removed class",
        "from qgis.PyQt.QtCore import QRegExp",
        "QRegExp is removed in Qt6",
        "from qgis.PyQt.QtCore import QRegularExpression",
    ),
    (
        "removed class",
        "from qgis.PyQt.QtWidgets import QDesktopWidget",
        "QDesktopWidget is removed",
        "from qgis.PyQt.QtGui import QScreen",
    ),
    ("removed class", "from . import resources_rc", "compiled resources are removed", "from . import resources"),
    ("qApp", "from qgis.PyQt.QtWidgets import qApp", "qApp is removed in Qt6", "app = QApplication.instance()"),
    ("qApp", "qApp.processEvents()", "qApp is removed in Qt6", "QApplication.instance().processEvents()"),
    (
        "desktop()",
        "w = QApplication.desktop().width()",
        "desktop() returns a QDesktopWidget",
        "w = QApplication.primaryScreen().size().width()",
    ),
    (
        "QFontMetrics.width",
        "w = QFontMetrics(QFont()).width('x')",
        "QFontMetrics.width() is removed",
        "w = QFontMetrics(QFont()).horizontalAdvance('x')",
    ),
    (
        "QFontMetrics.width",
        "fm = QFontMetrics(QFont())\nw = fm.width('x')",
        "QFontMetrics.width() is removed",
        "fm = QFontMetrics(QFont())\nw = fm.horizontalAdvance('x')\nsize = QApplication.primaryScreen().size().width()",
    ),
    (
        "activated[str]",
        "QComboBox().activated[str].connect(print)",
        "activated[str] is removed",
        "QComboBox().textActivated.connect(print)",
    ),
    (
        "addAction arguments",
        "QMenu().addAction(QIcon(), 'x', print, 'Ctrl+X')",
        "addAction with four or more",
        "QMenu().addAction(QIcon(), 'x')",
    ),
    (
        "QAction import",
        "from qgis.PyQt.QtWidgets import QAction",
        "QAction lives in QtGui in Qt6",
        "try:\n    from qgis.PyQt.QtGui import QAction\n"
        "except ImportError:\n    from qgis.PyQt.QtWidgets import QAction",
    ),
]


def _messages(tmp_path, snippet):
    probe = tmp_path / "probe.py"
    probe.write_text(HEADER + snippet + "\n", encoding="utf-8")
    return [f.message for f in scan_file(probe, tmp_path)]


@pytest.mark.parametrize("rule, bad, message, good", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_each_rule_class_flags_its_case_and_passes_the_right_spelling(tmp_path, rule, bad, message, good):
    """The scan flags each kind of problem (so the sources' test can fail) and nothing in its fix."""
    found = _messages(tmp_path, bad)
    assert any(message in m for m in found), found
    assert _messages(tmp_path, good) == []


def test_every_rule_class_has_a_case():
    assert sorted({case[0] for case in CASES}) == sorted(RULES)


def test_metadata_admits_qgis_4():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    assert parser.get("general", "qgisMinimumVersion") == "3.22"
    assert parser.get("general", "qgisMaximumVersion") == "4.99"
