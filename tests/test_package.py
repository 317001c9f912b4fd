"""The ZIP QGIS installs: one plugin folder with everything the plugin reads, and no junk.

The ZIP is held to what plugins.qgis.org's upload validator checks (QGIS-Django,
``qgis-app/plugins/validator.py``): size, no path tricks, no ``.pyc``, ``__MACOSX``, ``.git`` or
``__pycache__``, a sound archive, one top folder named as the validator allows, ``__init__.py`` and
``metadata.txt`` in it, metadata parsed as the validator parses it with its required fields, the
icon, boolean flags, an author without slashes, http(s) addresses that are not the placeholders it
refuses, and a ``LICENSE``. What it checks online (that the addresses answer) cannot be checked here.
"""

import configparser
import os
import re
import subprocess
import sys
import textwrap
import zipfile
from io import StringIO
from urllib.parse import urlparse

from helpers import ROOT, ZIP
from yongji_plugin.paths import plugin_version

REQUIRED_METADATA = (
    "name",
    "qgisMinimumVersion",
    "description",
    "about",
    "version",
    "author",
    "email",
    "homepage",
    "repository",
    "tracker",
    "category",
    "tags",
    "icon",
    "hasProcessingProvider",
    "changelog",
)
UPLOAD_REQUIRED = (
    "name",
    "description",
    "version",
    "qgisMinimumVersion",
    "author",
    "email",
    "about",
    "tracker",
    "repository",
)  # the validator's PLUGIN_REQUIRED_METADATA
UPLOAD_MAX_BYTES = 25_000_000
FORBIDDEN_DIRS = ("__MACOSX", ".git", "__pycache__")
PLACEHOLDER_URLS = {"tracker": "http://bugs", "repository": "http://repo", "homepage": "http://homepage"}


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
    for needed in (
        "metadata.txt",
        "__init__.py",
        "resources/i18n/yongji_plugin_zh_CN.qm",
        "resources/catalogue.yaml",
        "forms/load_layers.ui",
        "processing/provider.py",
    ):
        assert f"yongji_plugin/{needed}" in names
    junk = [
        n
        for n in names
        if "__pycache__" in n or n.endswith((".pyc", ".ts")) or "/tests/" in n or n.startswith("yongji_plugin/.")
    ]
    assert junk == []


def _zip_metadata(archive: zipfile.ZipFile, folder: str) -> dict:
    """metadata.txt read from the ZIP as the validator reads it (default interpolation, keys as written)."""
    parser = configparser.ConfigParser()
    parser.optionxform = str
    parser.read_file(StringIO(archive.read(f"{folder}/metadata.txt").decode("utf8")))
    return dict(parser.items("general"))


def test_zip_passes_the_upload_validators_structure_checks():
    assert ZIP.stat().st_size <= UPLOAD_MAX_BYTES
    with zipfile.ZipFile(ZIP) as archive:
        names = archive.namelist()
        assert [n for n in names if ".." in n or n.startswith(os.path.sep) or ".pyc" in n] == []
        assert [n for n in names if set(n.split("/")) & set(FORBIDDEN_DIRS)] == []
        assert archive.testzip() is None
        folder = names[0][: names[0].index("/")]
        assert {n.split("/")[0] for n in names} == {folder} == {"yongji_plugin"}
        assert re.match(r"^[A-Za-z][A-Za-z0-9-_]+$", folder)
        for needed in ("__init__.py", "metadata.txt", "LICENSE"):
            assert f"{folder}/{needed}" in names
        assert "GNU GENERAL PUBLIC LICENSE" in archive.read(f"{folder}/LICENSE").decode("utf-8")
        assert archive.read(f"{folder}/LICENSE") == (ROOT / "LICENSE").read_bytes()


def test_zip_metadata_passes_the_upload_validator():
    with zipfile.ZipFile(ZIP) as archive:
        metadata = _zip_metadata(archive, "yongji_plugin")
        assert [key for key in UPLOAD_REQUIRED + ("homepage",) if not metadata.get(key, "").strip()] == []
        archive.getinfo("yongji_plugin/" + metadata["icon"].removeprefix("./"))
    assert "/" not in metadata["author"]
    for key in ("experimental", "deprecated"):
        assert metadata[key].lower() in ("true", "false", "1", "0"), key
    for key, placeholder in PLACEHOLDER_URLS.items():
        url = urlparse(metadata[key])
        assert metadata[key] != placeholder and url.scheme in ("http", "https") and url.netloc, key


def test_metadata_is_honest_about_the_release():
    """A real version, experimental (the demo data is illustrative; no bureau has used it yet), and
    no supportsQt6 (deprecated: qgisMaximumVersion says which QGIS versions the plugin runs on)."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    general = parser["general"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", general["version"]) and general["version"] != "0.1.0"
    assert general.getboolean("experimental") is True and general.getboolean("deprecated") is False
    assert "supportsQt6" not in general and "supportsqt6" not in general


def _changelog_versions() -> list:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    return re.findall(r"^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$", text, re.MULTILINE)


def test_one_version_in_metadata_changelog_and_zip_name():
    versions = _changelog_versions()
    assert versions and versions[0] == plugin_version()
    assert ZIP.name == f"yongji_plugin-{versions[0]}.zip" and ZIP.exists()
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    entries = [line.strip() for line in parser["general"]["changelog"].splitlines() if line.strip()]
    assert [entry.split(" - ")[0] for entry in entries] == versions  # metadata mirrors CHANGELOG.md


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
    proc = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert f"OK {plugin_version()}" in proc.stdout
