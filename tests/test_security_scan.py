"""The plugin repository's upload scan finds nothing: Bandit at the level plugins.qgis.org runs it.

plugins.qgis.org runs ``bandit -r <unzipped package> -ll`` (severity medium and high, every
confidence) on each upload and reports any finding as a critical issue (QGIS-Plugins-Website,
``plugins/security_scanner.py``). The same run over the plugin's sources must come out empty.
"""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _bandit(target: Path) -> list:
    proc = subprocess.run(
        [sys.executable, "-m", "bandit", "-r", str(target), "-ll", "-f", "json", "-q"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode in (0, 1), proc.stderr  # 1: findings; anything else: bandit failed
    return [
        f"{r['filename']}:{r['line_number']} {r['test_id']} {r['issue_text']}"
        for r in json.loads(proc.stdout)["results"]
    ]


def test_bandit_finds_nothing_in_the_plugin():
    assert _bandit(ROOT / "yongji_plugin") == []


def test_bandit_flags_what_the_repository_blocks(tmp_path):
    """The run above can fail: the same command flags an unsafe YAML load and a shell call."""
    (tmp_path / "probe.py").write_text(
        textwrap.dedent("""\
        import subprocess
        import yaml

        data = yaml.load(open("x.yaml"), Loader=yaml.Loader)
        subprocess.call("ls " + data["dir"], shell=True)
        """),
        encoding="utf-8",
    )
    found = " ".join(_bandit(tmp_path))
    assert "B506" in found and "B602" in found
