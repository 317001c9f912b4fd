"""Result layers stand out from the control lines they lie on (issue #14: a red-line conflict was
darker green on green)."""

import math

from qgis.core import QgsLinePatternFillSymbolLayer, QgsSimpleLineSymbolLayer

from yongji_plugin.core.plan_data.styles import colours, qcolor
from yongji_plugin.core.site_check.result_styles import conflict_renderer, verdict_renderer

MIN_DELTA_E = 25.0  # CIE76: colours this far apart read as different at a glance


def _lab(hex_colour):
    """CIE L*a*b* (D65) of an sRGB colour, computed here, not by the code under test."""
    colour = qcolor(hex_colour)

    def linear(c):
        c /= 255.0
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(v) for v in (colour.red(), colour.green(), colour.blue()))
    xyz = (
        (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
        0.2126 * r + 0.7152 * g + 0.0722 * b,
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    )
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in xyz]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def _fills():
    """Every fill colour of the plan's polygons in colours.yaml (single looks and palettes)."""
    palette = colours()
    fills = [look["fill"] for look in palette["single"].values() if "fill" in look]
    for _name, values in palette["palettes"].items():
        for value in values.values():
            if isinstance(value, str):
                fills.append(value)
            elif "fill" in value:
                fills.append(value["fill"])
    return [f for f in fills if qcolor(f).alpha() > 0x20]  # skip the all but transparent


def test_conflict_colour_differs_from_every_control_fill():
    conflict = colours()["results"]["conflict"]
    ours = _lab(conflict["stroke"])
    assert _lab(conflict["hatch"]["colour"]) == ours
    fills = _fills()
    assert len(fills) > 30
    for fill in fills:
        assert math.dist(ours, _lab(fill[:7])) >= MIN_DELTA_E, (conflict["stroke"], fill)


def test_conflicts_hatched_rules_by_angle():
    rules = [("no_overlap_ecological_redline", "生态保护红线"), ("no_overlap_permanent_farmland", "永久基本农田")]
    renderer = conflict_renderer(rules)
    categories = renderer.categories()
    angles = []
    for category in categories:
        layers = [category.symbol().symbolLayer(i) for i in range(category.symbol().symbolLayerCount())]
        hatch = [layer for layer in layers if isinstance(layer, QgsLinePatternFillSymbolLayer)]
        assert hatch and hatch[0].color().name() == qcolor(colours()["results"]["conflict"]["stroke"]).name()
        angles.append(hatch[0].lineAngle())
    assert len(set(angles)) == len(rules)


def test_sites_outlined_on_a_white_halo():
    renderer = verdict_renderer()
    categories = renderer.categories()
    for category in categories:
        symbol = category.symbol()
        lines = [
            symbol.symbolLayer(i)
            for i in range(symbol.symbolLayerCount())
            if isinstance(symbol.symbolLayer(i), QgsSimpleLineSymbolLayer)
        ]
        halo, outline = lines
        assert halo.color().name() == "#ffffff" and halo.width() > outline.width() >= 1.0
