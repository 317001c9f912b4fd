"""The ZIP QGIS installs: one plugin folder with everything the plugin reads, and no junk."""
import configparser
import os
import subprocess
import sys
import textwrap
import zipfile

from helpers import ROOT, ZIP

from yongji_plugin.paths import plugin_version

REQUIRED_METADATA = ("name", "qgisMinimumVersion", "description", "about", "version", "author",
                     "email", "homepage", "repository", "tracker", "category", "tags", "icon",
                     "hasProcessingProvider", "changelog")


def test_metadata_is_complete():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    general = parser["general"]
    assert [key for key in REQUIRED_METADATA if not general.get(key, "").strip()] == []
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["hasProcessingProvider"] == "yes"
    assert (ROOT / general["icon"]).exists()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in general["about"])  # Chinese and English


def test_zip_holds_one_plugin_folder_without_junk():
    names = zipfile.ZipFile(ZIP).namelist()
    assert {n.split("/")[0] for n in names} == {"yongji_plugin"}
    for needed in ("metadata.txt", "__init__.py", "resources/i18n/yongji_plugin_zh_CN.qm",
                   "resources/catalogue.yaml", "forms/load_layers.ui", "processing/provider.py"):
        assert f"yongji_plugin/{needed}" in names
    junk = [n for n in names if "__pycache__" in n or n.endswith((".pyc", ".ts"))
            or "/tests/" in n or n.startswith("yongji_plugin/.")]
    assert junk == []


def test_plugin_starts_from_unzipped_package(tmp_path):
    """Import and start the plugin from a temporary profile, in a fresh interpreter."""
    plugins = tmp_path / "profiles" / "default" / "python" / "plugins"
    zipfile.ZipFile(ZIP).extractall(plugins)
    script = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(plugins)!r})
        from qgis.core import QgsApplication
        app = QgsApplication([], False); app.initQgis()
        from qgis.PyQt.QtWidgets import QMainWindow, QToolBar
        import yongji_plugin, yongji_plugin.paths as paths
        assert yongji_plugin.__file__.startswith({str(plugins)!r}), yongji_plugin.__file__
        assert paths.RESOURCES == paths.PACKAGE_DIR / "resources"
        window = QMainWindow()

        class Iface:  # the few iface calls the plugin makes at start-up
            mainWindow = staticmethod(lambda: window)
            addToolBar = staticmethod(lambda name: window.addToolBar(name))
            addPluginToMenu = removePluginMenu = staticmethod(lambda *args: None)

        iface = Iface()
        plugin = yongji_plugin.classFactory(iface)
        plugin.initGui()
        provider = QgsApplication.processingRegistry().providerById("yongji")
        assert window.findChildren(QToolBar)[0].actions(), "toolbar without actions"
        assert provider.algorithms(), "provider without algorithms"
        plugin.unload()
        print("OK", paths.plugin_version())
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH="")
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert f"OK {plugin_version()}" in proc.stdout
