"""Where the plugin's declarative files live.

In the repository ``resources/``, ``forms/`` and ``metadata.txt`` sit beside the package; in the
packaged ZIP they are staged inside it. Every lookup goes through here so both layouts work.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _root() -> Path:
    if (PACKAGE_DIR / "resources").is_dir():
        return PACKAGE_DIR
    return PACKAGE_DIR.parent


ROOT = _root()
RESOURCES = ROOT / "resources"
FORMS = ROOT / "forms"
METADATA = ROOT / "metadata.txt"


def resource(*parts: str) -> Path:
    return RESOURCES.joinpath(*parts)


def form(name: str) -> Path:
    return FORMS / name


def icon_path(name: str) -> str:
    return str(RESOURCES / "icons" / f"{name}.svg")


def plugin_version() -> str:
    """Version from metadata.txt, the single source of truth."""
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    parser.read(METADATA, encoding="utf-8")
    return parser.get("general", "version", fallback="0")
