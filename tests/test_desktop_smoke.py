"""The packaged plugin in the real QGIS desktop under Xvfb, with a throw-away profile."""

import json
import os
import subprocess
import zipfile
from pathlib import Path

import pytest

from helpers import ZIP
from yongji_plugin.plugin import ACTION_PREFIX, action_specs

SCRIPT = Path(__file__).with_name("desktop_smoke_script.py")


def _profile(tmp_path: Path, locale: str) -> Path:
    """A profiles root (QGIS keeps profiles in ``<root>/profiles``) with the package installed."""
    root = tmp_path / "qgis"
    profiles = root / "profiles"
    plugins = profiles / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(ZIP) as archive:
        archive.extractall(plugins)
    ini = profiles / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text(
        "[PythonPlugins]\nyongji_plugin=true\n"
        f"[locale]\noverrideFlag=true\nuserLocale={locale}\n"
        "[qgis]\ncheckVersion=false\nshowTips=false\n",
        encoding="utf-8",
    )
    return root


def _run_qgis(tmp_path: Path, locale: str) -> dict:
    profiles = _profile(tmp_path, locale)
    out = tmp_path / "out"
    out.mkdir()
    env = dict(os.environ, YONGJI_SMOKE_OUT=str(out), HOME=str(tmp_path))
    env.pop("QT_QPA_PLATFORM", None)
    # -a takes the first display number without a lock file in this /tmp; suites of two hosts side
    # by side (make test JOBS=2) have a /tmp each but one set of X sockets: start from the pid's own
    cmd = [
        "xvfb-run",
        "-a",
        "-n",
        str(100 + os.getpid() % 800),
        "-s",
        "-screen 0 1280x900x24",
        "qgis",
        "--profiles-path",
        str(profiles),
        "--noversioncheck",
        "--nologo",
        "--code",
        str(SCRIPT),
    ]
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=150)
    result_file = out / "result.json"
    assert result_file.exists(), f"QGIS did not run the script:\n{proc.stdout}\n{proc.stderr}"
    result = json.loads(result_file.read_text(encoding="utf-8"))
    result["screenshot"] = out / "screenshot.png"
    result["stderr"] = proc.stderr
    return result


@pytest.mark.timeout(300)
def test_plugin_in_real_qgis_desktop(tmp_path, locale):
    assert ZIP.exists(), "run `make package` first (make test does)"
    result = _run_qgis(tmp_path, "zh-Hans")  # the Chinese locale QGIS itself uses
    assert result["errors"] == []
    assert "Traceback" not in result["stderr"]
    assert result["loaded"]
    first = result["first"]
    assert first["toolbars"] == 1 and first["toolbar_visible"]
    expected = sorted(ACTION_PREFIX + key for key, *_ in action_specs())  # the plugin's one list
    assert first["actions"] == expected
    assert first["toolbar_actions"] == len(expected)
    assert first["toolbar_title"] == "永济一张图"
    assert "加载规划图层" in first["action_texts"]
    assert first["provider_name"] == "永济国土空间规划"
    assert {
        "yongji:inspectsource",
        "yongji:sitecompliance",
        "yongji:planqa",
        "yongji:printsheets",
        "yongji:importcoordinates",
        "yongji:exportcoordinates",
        "yongji:heightcheck",
        "yongji:lifecircle",
        "yongji:townshipguidance",
        "yongji:indicatorcheck",
        "yongji:compareversions",
    } <= set(first["algorithms"])
    locale("zh_CN")
    assert first["action_texts"] == sorted(text for _, _, text, _ in action_specs())  # every one in Chinese
    assert result["after_reloads"] == first
    assert result["screenshot"].stat().st_size > 10000
