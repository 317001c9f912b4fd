"""Labels: one per name, chosen before rendering (never by an aggregate in the render thread)."""

import pytest
from qgis.core import QgsPalLayerSettings
from shapely import wkt as shapely_wkt

from helpers import memory_layer
from yongji_plugin.core.plan_data.catalogue import default_catalogue
from yongji_plugin.core.plan_data.styles import apply_style, label_carriers, label_settings

STREETS = [
    ("LINESTRING(0 0, 100 0)", ["中山路"]),
    ("LINESTRING(0 10, 250 10)", ["中山路"]),  # the longest 中山路
    ("LINESTRING(0 20, 50 20)", ["解放路"]),
    ("LINESTRING(0 30, 50 30)", ["解放路"]),  # a tie: the lower id carries it
    ("LINESTRING(0 40, 500 40)", [None]),  # no name, no label
]


def _expected(rows):
    """Independently: per name the longest row (shapely), the first on a tie; ids count from 1."""
    best = {}
    for fid, (text, (name,)) in enumerate(rows, start=1):
        length = shapely_wkt.loads(text).length
        if name is not None and (name not in best or length > best[name][0]):
            best[name] = (length, fid)
    return sorted(fid for _, fid in best.values())


def test_one_carrier_per_name():
    layer = memory_layer("LineString", "EPSG:4546", ["MC:string"], STREETS)
    assert label_carriers(layer, "MC", "line") == _expected(STREETS) == [2, 3]


def _show(labeling) -> str:
    """The Show expression; ``labeling`` must outlive the call (it owns its settings)."""
    settings = labeling.settings()
    properties = settings.dataDefinedProperties()
    prop = properties.property(QgsPalLayerSettings.Property.Show)
    return prop.expressionString() if prop.isActive() else ""


def test_show_expression_names_the_carriers_and_no_aggregate():
    layer = memory_layer("LineString", "EPSG:4546", ["MC:string"], STREETS)
    labeling = label_settings("MC", "line", layer=layer)  # owns the settings _show reads
    assert _show(labeling) == "$id IN (2, 3)"


@pytest.mark.parametrize("spec", [s for s in default_catalogue().layers if s.labels], ids=lambda s: s.code)
def test_catalogue_labels_never_aggregate(plan, spec):
    """An aggregate in a label expression reads the project from the render thread: a crash when
    the project changes meanwhile (seen on QGIS 3.22)."""
    if spec.code not in plan:
        pytest.skip(f"{spec.code} is not in the demo")
    layer = plan[spec.code].clone()
    apply_style(layer, spec, default_catalogue())
    show = _show(layer.labeling()) if layer.labeling() is not None else ""
    for aggregate in ("maximum(", "minimum(", "aggregate(", "group_by", "count("):
        assert aggregate not in show
