"""What QGIS's PyQt5→PyQt6 migration script (scripts/pyqt5_to_pyqt6 in QGIS) would flag or rewrite.

The scan reads the plugin's sources and resolves names against the Qt and QGIS bindings of the
QGIS it runs on, as that script does. Its rule classes (``RULES``), each with a test in
``test_qt6_ready.py``: an enum value reached without its enum's name (``Qt.AlignLeft``), one read
through an instance (``self.buttonBox.AcceptRole``: the script misses these, Qt6 refuses them), a
scoped spelling this QGIS lacks, enums Qt6 renamed (``Qt.MidButton``), ``QVariant`` types and
``QVariant()``, ``QDateTime`` from eight numbers or from a ``QDate`` alone, ``exec_``, PyQt5 and
``qgis.PyQt.Qt`` imports, ``QRegExp``, ``QDesktopWidget`` and ``desktop()``, compiled resources,
``qApp``, ``QFontMetrics.width`` (called directly or on a variable), ``activated[str]``,
``addAction`` with four or more arguments, and a ``QAction`` import that only Qt5 finds. Run on
both test hosts, so a spelling must exist on 3.22 and on 3.40.
"""

import ast
import enum
import importlib
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

BINDINGS = (
    "qgis.core",
    "qgis.gui",
    "qgis.analysis",
    "qgis.PyQt.QtCore",
    "qgis.PyQt.QtGui",
    "qgis.PyQt.QtWidgets",
    "qgis.PyQt.QtXml",
    "qgis.PyQt.QtNetwork",
    "qgis.PyQt.QtSvg",
    "qgis.PyQt.QtPrintSupport",
)
REMOVED_IN_QT6 = {
    "QRegExp": "QRegExp is removed in Qt6: use QRegularExpression",
    "QDesktopWidget": "QDesktopWidget is removed in Qt6: use QScreen",
    "qApp": "qApp is removed in Qt6: use QApplication.instance()",
    "resources_rc": "compiled resources are removed in Qt6: load files by path",
}
COMPAT_MODULE = "qt_compat.py"  # the one file allowed to spell QVariant types
RENAMED_IN_QT6 = {
    ("Qt", "MidButton"): "Qt.MouseButton.MiddleButton",
    ("Qt", "TextColorRole"): "Qt.ItemDataRole.ForegroundRole",
    ("Qt", "BackgroundColorRole"): "Qt.ItemDataRole.BackgroundRole",
    ("QPainter", "HighQualityAntialiasing"): "QPainter.RenderHint.Antialiasing",
}
FONT_METRICS = ("QFontMetrics", "QFontMetricsF")
RULES = (
    "unscoped enum",
    "enum through an instance",
    "missing scoped spelling",
    "renamed enum",
    "QVariant type",
    "QVariant()",
    "QDateTime constructor",
    "exec_",
    "PyQt import",
    "removed class",
    "qApp",
    "desktop()",
    "QFontMetrics.width",
    "activated[str]",
    "addAction arguments",
    "QAction import",
)


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    message: str
    fix: str = ""  # replacement text for the expression, when the scan knows it
    span: tuple = ()  # (line, column, end line, end column) of the expression

    def __str__(self):
        return f"{self.path}:{self.line}: {self.message}"


def _bound_names(tree):
    """Local name -> object for every ``from <Qt or QGIS binding> import X [as Y]``."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in BINDINGS:
            module = importlib.import_module(node.module)
            for alias in node.names:
                if hasattr(module, alias.name):
                    names[alias.asname or alias.name] = getattr(module, alias.name)
    return names


def _is_enum_type(value) -> bool:
    return isinstance(value, type) and (issubclass(value, enum.Enum) or type(value).__name__ == "enumtype")


def _is_enum_member(value) -> bool:
    return not isinstance(value, type) and _is_enum_type(type(value))


@lru_cache(maxsize=1)
def _binding_enums():
    """(enum value name -> the 'Class.Enum' spellings that hold it, names of enum types) over every
    class of the bindings: what an attribute read through an instance may be."""
    members, types = defaultdict(set), set()
    for module_name in BINDINGS:
        module = importlib.import_module(module_name)
        for class_name in dir(module):
            owner = getattr(module, class_name)
            if not isinstance(owner, type):
                continue
            for name, value in vars(owner).items():
                if _is_enum_type(value):
                    types.add(name)
                elif _is_enum_member(value):
                    members[name].add(f"{class_name}.{type(value).__name__}")
    return members, types


def _assigned_names(tree, names) -> tuple:
    """Names assigned an enum type (``kinds = QgsProcessing.SourceType``) and names assigned a
    ``QFontMetrics(...)``, anywhere in the file."""
    enum_aliases, metrics = set(), set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Assign):
            continue
        targets = {t.id for t in node.targets if isinstance(t, ast.Name)}
        value = node.value
        if (
            isinstance(value, ast.Attribute)
            and isinstance(value.value, ast.Name)
            and _is_enum_type(getattr(names.get(value.value.id), value.attr, None))
        ):
            enum_aliases |= targets
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in FONT_METRICS:
            metrics |= targets
    return enum_aliases, metrics


def _imported_names(tree) -> set:
    return {
        (alias.asname or alias.name).split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, (ast.Import, ast.ImportFrom))
        for alias in node.names
    }


def _scoped(owner, owner_name: str, member: str, value) -> str:
    """The scoped spelling of ``owner.member`` that exists here, or '' when there is none."""
    enum_type = type(value)
    for attribute in sorted(dir(owner)):
        try:
            candidate = getattr(owner, attribute)
        except AttributeError:
            continue
        if candidate is enum_type and hasattr(candidate, member):
            return f"{owner_name}.{attribute}.{member}"
    return ""


class _Scanner(ast.NodeVisitor):
    def __init__(self, path: str, tree):
        self.path, self.names, self.findings = path, _bound_names(tree), []
        self._in_fallback = 0
        self._compat = Path(path).name == COMPAT_MODULE
        self._imported = _imported_names(tree)
        self._enum_aliases, self._metrics = _assigned_names(tree, self.names)
        self._called = set()  # ids of the nodes called as functions (never an enum value)

    def flag(self, node, message, fix=""):
        span = (node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)
        self.findings.append(Finding(self.path, node.lineno, message, fix, span))

    def visit_Try(self, node):
        for child in node.body + node.orelse + node.finalbody:
            self.visit(child)
        self._in_fallback += 1  # an ``except ImportError`` branch: the Qt5 fallback
        for child in node.handlers:
            self.visit(child)
        self._in_fallback -= 1

    def visit_ImportFrom(self, node):
        module = node.module or ""
        if module.startswith(("PyQt5", "PyQt6")) or module == "qgis.PyQt.Qt":
            self.flag(node, f"import from {module}: import Qt through qgis.PyQt.QtCore/QtGui/QtWidgets")
        for alias in node.names:
            if alias.name in REMOVED_IN_QT6:
                self.flag(node, REMOVED_IN_QT6[alias.name])
            if alias.name == "QAction" and module == "qgis.PyQt.QtWidgets" and not self._in_fallback:
                self.flag(
                    node,
                    "QAction lives in QtGui in Qt6: import it from qgis.PyQt.QtGui, "
                    "falling back to QtWidgets on ImportError",
                )
        self.generic_visit(node)

    def visit_Import(self, node):
        for alias in node.names:
            if alias.name.startswith(("PyQt5", "PyQt6")):
                self.flag(node, f"import {alias.name}: import Qt through qgis.PyQt")

    def visit_FunctionDef(self, node):
        if node.name == "exec_":
            self.flag(node, "def exec_: Qt6 names it exec")
        self.generic_visit(node)

    def visit_Subscript(self, node):
        if (
            isinstance(node.value, ast.Attribute)
            and node.value.attr == "activated"
            and isinstance(node.slice, ast.Name)
            and node.slice.id == "str"
        ):
            self.flag(node, "activated[str] is removed in Qt6: use textActivated")
        self.generic_visit(node)

    def visit_Call(self, node):
        func = node.func
        self._called.add(id(func))
        if isinstance(func, ast.Name) and func.id == "QVariant" and not self._compat:
            self.flag(node, "QVariant(): use NULL or a plain Python value")
        if isinstance(func, ast.Name) and func.id == "QDateTime":
            self._check_datetime(node)
        if isinstance(func, ast.Attribute):
            self._check_method(node, func)
        self.generic_visit(node)

    def _check_datetime(self, node):
        first = node.args[0] if node.args else None
        if len(node.args) == 8:
            self.flag(
                node,
                "QDateTime(y, m, d, h, min, s, ms, spec) is gone in Qt6: "
                "write QDateTime(QDate(y, m, d), QTime(h, min, s, ms), spec)",
            )
        elif (
            len(node.args) == 1
            and isinstance(first, ast.Call)
            and isinstance(first.func, ast.Name)
            and first.func.id == "QDate"
        ):
            self.flag(node, "QDateTime(QDate(...)) is gone in Qt6: write QDateTime(QDate(...), QTime(0, 0, 0))")

    def _check_method(self, node, func):
        if func.attr == "width" and self._is_font_metrics(func.value):
            self.flag(node, "QFontMetrics.width() is removed in Qt6: use horizontalAdvance()")
        if func.attr == "desktop" and not node.args:
            self.flag(
                node,
                "desktop() returns a QDesktopWidget, removed in Qt6: use QScreen "
                "(QGuiApplication.primaryScreen() or QWidget.screen())",
            )
        if func.attr == "addAction" and len(node.args) >= 4:
            self.flag(
                node,
                "addAction with four or more arguments is fragile in Qt6: create the QAction, then addAction(action)",
            )

    def _is_font_metrics(self, value) -> bool:
        if isinstance(value, ast.Name):
            return value.id in self._metrics
        if not isinstance(value, ast.Call):
            return False
        inner = value.func
        return (isinstance(inner, ast.Attribute) and inner.attr == "fontMetrics") or (
            isinstance(inner, ast.Name) and inner.id in FONT_METRICS
        )

    def visit_Attribute(self, node):
        if node.attr == "exec_":
            self.flag(node, "exec_() is removed in Qt6: call exec()")
        value = node.value
        if isinstance(value, ast.Name) and (value.id in self.names or value.id in ("QVariant", "qApp")):
            self._check_enum(node)
        elif isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name) and value.value.id in self.names:
            self._check_scoped(node)
            return  # the inner X.E is an enum type, not a value: nothing more to check there
        else:
            self._check_instance(node)
        self.generic_visit(node)

    def _check_instance(self, node):
        """``self.buttonBox.AcceptRole``: PyQt6 has no enum values on instances (nor unscoped)."""
        members, enum_types = _binding_enums()
        value = node.value
        if node.attr not in members or not node.attr[:1].isupper() or id(node) in self._called:
            return
        if isinstance(value, ast.Name) and (value.id in self._imported or value.id in self._enum_aliases):
            return  # a module, a class of our own, or a local name for a binding's enum type
        if isinstance(value, ast.Attribute) and value.attr in enum_types:
            return  # p.Flag.FlagOptional: the enum type read through an instance, then scoped
        if not isinstance(value, (ast.Name, ast.Attribute)):
            return  # a call's result (dataset.GetDriver().ShortName): too often not Qt to judge
        spellings = ", ".join(f"{s}.{node.attr}" for s in sorted(members[node.attr])[:3])
        self.flag(
            node,
            f"enum value {node.attr} read through an instance ({ast.unparse(node)}): "
            f"write it on its class, scoped ({spellings})",
        )

    def _check_enum(self, node):
        owner_name = node.value.id
        if owner_name == "QVariant" and not self._compat:
            self.flag(
                node,
                f"QVariant.{node.attr}: QVariant types are gone in Qt6; use "
                "core.shared.qt_compat.field_type / new_field",
            )
            return
        if owner_name == "qApp":
            self.flag(node, REMOVED_IN_QT6["qApp"])
            return
        if (owner_name, node.attr) in RENAMED_IN_QT6:
            replacement = RENAMED_IN_QT6[(owner_name, node.attr)]
            self.flag(node, f"{owner_name}.{node.attr} is gone in Qt6: write {replacement}", replacement)
            return
        owner = self.names.get(owner_name)
        if owner is None or not isinstance(owner, type) or _is_enum_type(owner):
            return  # not a binding's class, or an enum type itself (QgsMapLayerType.VectorLayer is scoped)
        try:
            value = getattr(owner, node.attr)
        except AttributeError:
            return
        if _is_enum_member(value):
            scoped = _scoped(owner, owner_name, node.attr, value)
            self.flag(
                node,
                f"unscoped enum {owner_name}.{node.attr}"
                + (f": write {scoped}" if scoped else ": no scoped spelling here"),
                scoped,
            )

    def _check_scoped(self, node):
        owner_name = node.value.value.id
        if (owner_name, node.attr) in RENAMED_IN_QT6:
            self.flag(
                node,
                f"{owner_name}.{node.value.attr}.{node.attr} is gone in Qt6: write "
                f"{RENAMED_IN_QT6[(owner_name, node.attr)]}",
            )
            return
        owner = self.names.get(owner_name)
        if owner is None or not isinstance(owner, type):
            return
        try:
            enum_type = getattr(owner, node.value.attr)
        except AttributeError:
            return
        if _is_enum_type(enum_type) and not hasattr(enum_type, node.attr):
            self.flag(node, f"{node.value.value.id}.{node.value.attr}.{node.attr} does not exist on this QGIS")


def scan_file(path: Path, root: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    scanner = _Scanner(str(path.relative_to(root)), tree)
    scanner.visit(tree)
    return scanner.findings


def scan(folder: Path, root: Path):
    return [finding for path in sorted(folder.rglob("*.py")) for finding in scan_file(path, root)]
