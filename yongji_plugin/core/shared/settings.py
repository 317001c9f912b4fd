"""The plugin's defaults, kept in QGIS's settings so they survive restarts and differ per profile."""

from dataclasses import dataclass, fields

from qgis.core import QgsSettings

from ...i18n import tr
from .areas import DEFAULT_AREA_CRS, DEFAULT_TOLERANCE, PLANAR

ENGINE_BACKENDS = ("auto", "shapely", "qgis", "postgis")  # as core.engine.selector names them


def backend_labels():
    """What users read for each engine backend, in ENGINE_BACKENDS order."""
    return [tr("Automatic"), tr("shapely 2 (vectorized, all cores)"), tr("QGIS only"), tr("PostGIS (in the database)")]


PREFIX = "yongji/settings/"


@dataclass
class PluginSettings:
    area_crs: str = DEFAULT_AREA_CRS
    area_method: str = PLANAR
    tolerance: float = DEFAULT_TOLERANCE
    print_dpi: int = 300
    engine_backend: str = "auto"  # overlay engine backend the checks use: one of ENGINE_BACKENDS

    @classmethod
    def load(cls) -> "PluginSettings":
        store = QgsSettings()
        values = {}
        for f in fields(cls):
            raw = store.value(PREFIX + f.name, f.default)
            values[f.name] = type(f.default)(raw) if raw not in (None, "") else f.default
        return cls(**values)

    def save(self) -> None:
        store = QgsSettings()
        for f in fields(self):
            store.setValue(PREFIX + f.name, getattr(self, f.name))
