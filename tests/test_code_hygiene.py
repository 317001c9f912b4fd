"""No undefined names, unused imports or syntax errors anywhere in the plugin, scripts or tests."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_pyflakes_rules_pass():
    ruff = Path(sys.executable).with_name("ruff")
    proc = subprocess.run([str(ruff), "check", "--select", "F,E9", "--line-length", "120",
                           "yongji_plugin", "scripts", "tests", "bench"], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_qt_only_through_qgis_pyqt():
    """Qt comes in through qgis.PyQt only, so a Qt6 / QGIS 4 port stays mechanical."""
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "yongji_plugin").rglob("*.py")
                 if "from PyQt5" in p.read_text(encoding="utf-8") or "import PyQt5" in p.read_text(encoding="utf-8")]
    assert offenders == []
