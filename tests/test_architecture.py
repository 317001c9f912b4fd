"""The tree is the architecture: each package says what it may import, and this test holds it to that.

Every ``__init__.py`` under ``yongji_plugin`` opens with what the package holds and a line
``May import: …``; a module may import its own package (and below), ``i18n`` and ``paths``, and
what the innermost package's line names before any ``;``. So core never reaches gui or
processing, capabilities use only plan_data, engine and shared, and gui and processing call the
core only.
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "yongji_plugin"
ALWAYS = ("i18n", "paths")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _known_modules():
    return {_module_name(p) for p in PACKAGE.rglob("*.py")} - {""}


def _package_of(path: Path) -> Path:
    return path.parent


def allowed_imports(package_dir: Path):
    """The names before the first ';' of the package's ``May import:`` line that are real modules."""
    doc = ast.get_docstring(ast.parse((package_dir / "__init__.py").read_text(encoding="utf-8"))) or ""
    lines = [line for line in doc.splitlines() if line.startswith("May import:")]
    assert lines, f"{package_dir.relative_to(ROOT)}/__init__.py lacks its 'May import:' line"
    names = re.findall(r"[a-z_]+(?:\.[a-z_]+)*", lines[0][len("May import:") :].split(";")[0])
    return {name for name in names if name in _known_modules()}


def imported_modules(path: Path):
    """Plugin-internal modules a file imports, as names relative to the plugin package."""
    here = _module_name(path).split(".") if path.name != "__init__.py" else _module_name(path).split(".") + ["x"]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - node.level]
                target = ".".join(base + ([node.module] if node.module else []))
                names = [target] if node.module else [".".join(base + [a.name]) for a in node.names]
            elif (node.module or "").startswith("yongji_plugin"):
                names = [node.module[len("yongji_plugin.") :]]
            else:
                continue
            found += [(node.lineno, name.strip(".")) for name in names]
        elif isinstance(node, ast.Import):
            found += [
                (node.lineno, a.name[len("yongji_plugin.") :])
                for a in node.names
                if a.name.startswith("yongji_plugin.")
            ]
    return found


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def violations():
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        package_dir = _package_of(path)
        if package_dir == PACKAGE:
            continue  # the plugin object and infrastructure wire everything together
        own = _module_name(package_dir / "__init__.py")
        allowed = allowed_imports(package_dir) | set(ALWAYS) | {own}
        for line, name in imported_modules(path):
            if not any(_within(name, prefix) for prefix in allowed):
                problems.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    return problems


def test_every_package_says_what_it_holds_and_may_import():
    for init in PACKAGE.rglob("__init__.py"):
        if init.parent == PACKAGE:
            continue
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        lines = [line for line in doc.splitlines() if line.strip()]
        assert len(lines) >= 2 and lines[1].startswith("May import:"), init.relative_to(ROOT)


def test_imports_follow_the_declared_direction():
    assert violations() == []


@pytest.mark.parametrize(
    "package, forbidden",
    [
        ("core", ("gui", "processing")),
        ("core/site_check", ("core.plan_qa", "core.printing", "core.coordfile", "core.heights", "core.indicators")),
        ("core/printing", ("core.site_check", "core.heights", "core.life_circle", "core.plan_qa")),
        ("processing", ("gui",)),
        ("gui", ("processing",)),
    ],
)
def test_declared_lines_forbid_what_the_architecture_forbids(package, forbidden):
    """The 'May import' lines themselves: a package cannot simply declare its way out."""
    allowed = allowed_imports(PACKAGE / package)
    assert not any(_within(name, prefix) or _within(prefix, name) for name in allowed for prefix in forbidden)


def test_the_checker_catches_a_wrong_import(tmp_path, monkeypatch):
    """A capability importing another is reported (so the test above can fail). The probe goes into a
    copy of the package: suites of two hosts share the repository at the same time."""
    import shutil
    import sys

    copy = tmp_path / "yongji_plugin"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", copy)
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    (copy / "core" / "printing" / "_probe_for_test.py").write_text(
        "from ..site_check.check import run_compliance\n", encoding="utf-8"
    )
    assert any("_probe_for_test.py:1 imports core.site_check.check" in v for v in violations())


def _external_imports(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and not node.level and node.module:
            yield node.module
            yield from (f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            yield from (a.name for a in node.names)


def test_core_has_no_widgets_and_processing_no_gui():
    widget_modules = ("qgis.gui", "qgis.PyQt.QtWidgets", "qgis.PyQt.uic")
    for folder in ("core", "processing"):
        offenders = [
            f"{p.relative_to(ROOT)}: {name}"
            for p in (PACKAGE / folder).rglob("*.py")
            for name in _external_imports(p)
            if any(_within(name, w) for w in widget_modules)
        ]
        assert offenders == [], folder
