"""Styles of the measures' result layers, from the ``measures`` section of ``styles/colours.yaml``."""

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsGraduatedSymbolRenderer,
    QgsRendererCategory,
    QgsRendererRange,
)

from ..plan_data.styles import colours, symbol_for

UNBOUNDED = 1e12  # the upper end of an open last class


def measure_looks(name: str):
    return colours()["measures"][name]


def graduated(field: str, geometry: str, classes: list[dict], lower: float, labels: list[str]):
    """Classes ``{upto, fill, stroke}`` in order (``upto: null`` is open): ``lower`` < value ≤ upto."""
    ranges = []
    for look, label in zip(classes, labels):
        upper = UNBOUNDED if look["upto"] is None else float(look["upto"])
        symbol = symbol_for(geometry, {"fill": look["fill"], "stroke": look["stroke"], "width": look.get("width", 0.3)})
        ranges.append(QgsRendererRange(lower, upper, symbol, label))
        lower = upper
    return QgsGraduatedSymbolRenderer(field, ranges)


def categorized(field: str, geometry: str, looks: dict[str, dict], labels: dict[str, str]):
    return QgsCategorizedSymbolRenderer(
        field,
        [QgsRendererCategory(key, symbol_for(geometry, look), labels.get(key, key)) for key, look in looks.items()],
    )
