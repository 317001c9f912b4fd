"""What QGIS's PyQt5→PyQt6 migration script (scripts/pyqt5_to_pyqt6 in QGIS) would flag or rewrite.

The scan reads the plugin's sources and resolves names against the Qt and QGIS bindings of the
QGIS it runs on, as that script does: an enum value reached without its enum's name
(``Qt.AlignLeft``), a scoped spelling this QGIS lacks, ``QVariant`` types, ``exec_``, PyQt5
imports, ``QRegExp``, ``QDesktopWidget``, compiled resources, ``qApp``, ``QFontMetrics.width``,
``activated[str]`` and a ``QAction`` import that only Qt5 finds. Run on both test hosts, so a
spelling must exist on 3.22 and on 3.40.
"""
import ast
import enum
import importlib
from dataclasses import dataclass
from pathlib import Path

BINDINGS = ("qgis.core", "qgis.gui", "qgis.analysis", "qgis.PyQt.QtCore", "qgis.PyQt.QtGui",
            "qgis.PyQt.QtWidgets", "qgis.PyQt.QtXml", "qgis.PyQt.QtNetwork", "qgis.PyQt.QtSvg",
            "qgis.PyQt.QtPrintSupport")
REMOVED_IN_QT6 = {"QRegExp": "QRegExp is removed in Qt6: use QRegularExpression",
                  "QDesktopWidget": "QDesktopWidget is removed in Qt6: use QScreen",
                  "qApp": "qApp is removed in Qt6: use QApplication.instance()",
                  "resources_rc": "compiled resources are removed in Qt6: load files by path"}
COMPAT_MODULE = "qt_compat.py"  # the one file allowed to spell QVariant types


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

    def flag(self, node, message, fix=""):
        span = (node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)
        self.findings.append(Finding(self.path, node.lineno, message, fix, span))

    def visit_Try(self, node):  # noqa: N802
        for child in node.body + node.orelse + node.finalbody:
            self.visit(child)
        self._in_fallback += 1  # an ``except ImportError`` branch: the Qt5 fallback
        for child in node.handlers:
            self.visit(child)
        self._in_fallback -= 1

    def visit_ImportFrom(self, node):  # noqa: N802
        module = node.module or ""
        if module.startswith(("PyQt5", "PyQt6")) or module == "qgis.PyQt.Qt":
            self.flag(node, f"import from {module}: import Qt through qgis.PyQt.QtCore/QtGui/QtWidgets")
        for alias in node.names:
            if alias.name in REMOVED_IN_QT6:
                self.flag(node, REMOVED_IN_QT6[alias.name])
            if alias.name == "QAction" and module == "qgis.PyQt.QtWidgets" and not self._in_fallback:
                self.flag(node, "QAction lives in QtGui in Qt6: import it from qgis.PyQt.QtGui, "
                                "falling back to QtWidgets on ImportError")
        self.generic_visit(node)

    def visit_Import(self, node):  # noqa: N802
        for alias in node.names:
            if alias.name.startswith(("PyQt5", "PyQt6")):
                self.flag(node, f"import {alias.name}: import Qt through qgis.PyQt")

    def visit_FunctionDef(self, node):  # noqa: N802
        if node.name == "exec_":
            self.flag(node, "def exec_: Qt6 names it exec")
        self.generic_visit(node)

    def visit_Subscript(self, node):  # noqa: N802
        if isinstance(node.value, ast.Attribute) and node.value.attr == "activated" \
                and isinstance(node.slice, ast.Name) and node.slice.id == "str":
            self.flag(node, "activated[str] is removed in Qt6: use textActivated")
        self.generic_visit(node)

    def visit_Call(self, node):  # noqa: N802
        func = node.func
        if isinstance(func, ast.Name) and func.id == "QVariant" and not self._compat:
            self.flag(node, "QVariant(): use NULL or a plain Python value")
        if isinstance(func, ast.Attribute) and func.attr == "width" and isinstance(func.value, ast.Call):
            inner = func.value.func
            if (isinstance(inner, ast.Attribute) and inner.attr == "fontMetrics") or \
                    (isinstance(inner, ast.Name) and inner.id in ("QFontMetrics", "QFontMetricsF")):
                self.flag(node, "QFontMetrics.width() is removed in Qt6: use horizontalAdvance()")
        self.generic_visit(node)

    def visit_Attribute(self, node):  # noqa: N802
        if node.attr == "exec_":
            self.flag(node, "exec_() is removed in Qt6: call exec()")
        if isinstance(node.value, ast.Name):
            self._check_enum(node)
        elif isinstance(node.value, ast.Attribute) and isinstance(node.value.value, ast.Name):
            self._check_scoped(node)
            return  # the inner X.E is an enum type, not a value: nothing more to check there
        self.generic_visit(node)

    def _check_enum(self, node):
        owner_name = node.value.id
        if owner_name == "QVariant" and not self._compat:
            self.flag(node, f"QVariant.{node.attr}: QVariant types are gone in Qt6; use "
                            "core.shared.qt_compat.field_type / new_field")
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
            self.flag(node, f"unscoped enum {owner_name}.{node.attr}"
                            + (f": write {scoped}" if scoped else ": no scoped spelling here"), scoped)

    def _check_scoped(self, node):
        owner = self.names.get(node.value.value.id)
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
