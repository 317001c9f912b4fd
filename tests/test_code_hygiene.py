"""The plugin, scripts, tests and benchmarks pass ruff with the project's configuration
(``pyproject.toml``: pyflakes, pycodestyle, import order, bugbear, pyupgrade for Python 3.9,
pep8-naming, no stale noqa) and are formatted by ``ruff format``, and Qt comes in only through
qgis.PyQt."""

import subprocess
import sys
from pathlib import Path

import tomllib  # both test hosts run Python 3.11 or newer

ROOT = Path(__file__).resolve().parent.parent
TREES = ("yongji_plugin", "scripts", "tests", "bench")


def test_ruff_check_passes_with_the_project_configuration():
    ruff = Path(sys.executable).with_name("ruff")
    proc = subprocess.run([str(ruff), "check", "--no-cache", *TREES], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ruff_format_leaves_the_code_as_it_is():
    """One layout for everyone: ``ruff format yongji_plugin scripts tests bench`` before committing."""
    ruff = Path(sys.executable).with_name("ruff")
    proc = subprocess.run(
        [str(ruff), "format", "--check", "--no-cache", *TREES], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_ruff_configuration_keeps_its_rule_families():
    """The check above is only as strict as the configuration: it may not lose a rule family."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["ruff"]
    assert config["line-length"] == 120 and config["target-version"] == "py39"
    assert {"F", "E", "W", "I", "B", "UP", "N", "RUF100"} <= set(config["lint"]["select"])
    assert "format" in config


def test_qt_only_through_qgis_pyqt():
    """Qt comes in through qgis.PyQt only, so a Qt6 / QGIS 4 port stays mechanical."""
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "yongji_plugin").rglob("*.py")
        if "from PyQt5" in p.read_text(encoding="utf-8") or "import PyQt5" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []
