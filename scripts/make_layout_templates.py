#!/usr/bin/env python3
"""Regenerate the print-layout templates in ``resources/layouts`` (run by hand, output committed).

Each template holds items with fixed ids that the printing core fills: title, subtitle,
main_map, inset_map, legend, scale_bar, north_arrow, figures, organisation, date, crs_note (the
page is page_1). The ids are what a user sees in the layout designer's item list. Label texts are
jinja2 placeholders rendered from ``resources/map_sheets.yaml``. Run it on the oldest QGIS the
plugin supports (3.22), which newer ones read; fonts are set again when a sheet is built, to the
family that machine prints with (``core/shared/fonts.py``).
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# name: page (w, h) mm, and boxes (x, y, w, h) mm for each item
LAYOUTS = {
    "a3_landscape": (
        (420, 297),
        {
            "title": (10, 8, 400, 14),
            "subtitle": (10, 22, 400, 8),
            "main_map": (10, 32, 312, 257),
            "inset_map": (327, 32, 83, 62),
            "legend": (327, 98, 83, 120),
            "figures": (327, 220, 83, 36),
            "scale_bar": (14, 272, 90, 14),
            "north_arrow": (304, 36, 12, 18),
            "organisation": (327, 258, 83, 7),
            "date": (327, 265, 83, 7),
            "crs_note": (327, 272, 83, 17),
        },
    ),
    "a3_portrait": (
        (297, 420),
        {
            "title": (10, 8, 277, 14),
            "subtitle": (10, 22, 277, 8),
            "main_map": (10, 32, 277, 290),
            "inset_map": (200, 326, 87, 58),
            "legend": (10, 326, 130, 84),
            "figures": (143, 326, 54, 84),
            "scale_bar": (14, 304, 90, 14),
            "north_arrow": (270, 36, 12, 18),
            "organisation": (200, 386, 87, 7),
            "date": (200, 393, 87, 7),
            "crs_note": (200, 400, 87, 12),
        },
    ),
    "a1_landscape": (
        (841, 594),
        {
            "title": (20, 14, 801, 26),
            "subtitle": (20, 40, 801, 14),
            "main_map": (20, 58, 628, 516),
            "inset_map": (656, 58, 165, 124),
            "legend": (656, 190, 165, 250),
            "figures": (656, 444, 165, 70),
            "scale_bar": (28, 540, 180, 24),
            "north_arrow": (618, 66, 22, 34),
            "organisation": (656, 518, 165, 12),
            "date": (656, 530, 165, 12),
            "crs_note": (656, 542, 165, 32),
        },
    ),
}
TEXTS = {
    "title": "{{ title }}",
    "subtitle": "{{ subtitle }}",
    "figures": "{{ figures }}",
    "organisation": "编制单位：{{ organisation }}",
    "date": "编制日期：{{ date }}",
    "crs_note": "{{ crs_note }}",
}
SIZES = {"title": 26, "subtitle": 13, "figures": 8, "organisation": 9, "date": 9, "crs_note": 8}


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from qgis.core import (
        QgsApplication,
        QgsLayoutItemLabel,
        QgsLayoutItemLegend,
        QgsLayoutItemMap,
        QgsLayoutItemPicture,
        QgsLayoutItemScaleBar,
        QgsLayoutPoint,
        QgsLayoutSize,
        QgsPrintLayout,
        QgsProject,
        QgsReadWriteContext,
        QgsScaleBarSettings,
        QgsTextFormat,
        QgsUnitTypes,
    )
    from qgis.PyQt.QtCore import Qt

    app = QgsApplication([], False)
    app.initQgis()
    from yongji_plugin.core.shared.fonts import cjk_family, cjk_font
    from yongji_plugin.core.shared.qt_compat import set_text_font

    for name, ((width, height), boxes) in LAYOUTS.items():
        project = QgsProject()
        layout = QgsPrintLayout(project)
        layout.initializeDefaults()
        layout.setName(name)
        layout.pageCollection().page(0).setPageSize(
            QgsLayoutSize(width, height, QgsUnitTypes.LayoutUnit.LayoutMillimeters)
        )
        layout.pageCollection().page(0).setId("page_1")
        scale = width / 420.0 if width > height else width / 297.0

        def place(item, key, boxes=boxes, layout=layout):
            x, y, w, h = boxes[key]
            item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
            item.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
            item.setId(key)
            layout.addLayoutItem(item)
            return item

        main_map = place(QgsLayoutItemMap(layout), "main_map")
        main_map.setFrameEnabled(True)
        inset = place(QgsLayoutItemMap(layout), "inset_map")
        inset.setFrameEnabled(True)
        for key, text in TEXTS.items():
            label = QgsLayoutItemLabel(layout)
            label.setText(text)
            set_text_font(label, cjk_family(), SIZES[key] * scale, bold=key == "title")
            centred = key in ("title", "subtitle")
            label.setHAlign(Qt.AlignmentFlag.AlignHCenter if centred else Qt.AlignmentFlag.AlignLeft)
            place(label, key)
        legend = place(QgsLayoutItemLegend(layout), "legend")
        legend.setTitle("图例")
        legend.setLinkedMap(main_map)
        scalebar = place(QgsLayoutItemScaleBar(layout), "scale_bar")
        scalebar.setStyle("Single Box")
        scalebar.setLinkedMap(main_map)
        scalebar.setUnits(QgsUnitTypes.DistanceUnit.DistanceKilometers)
        scalebar.setUnitLabel("千米")
        scalebar.setNumberOfSegments(4)
        scalebar.setNumberOfSegmentsLeft(0)
        scalebar.setUnitsPerSegment(1)
        scalebar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFitWidth)
        scalebar.setMinimumBarWidth(40 * scale)
        scalebar.setMaximumBarWidth(80 * scale)
        text_format = QgsTextFormat()
        text_format.setFont(cjk_font())
        text_format.setSize(8 * scale)
        scalebar.setTextFormat(text_format)
        north = place(QgsLayoutItemPicture(layout), "north_arrow")
        north.setPicturePath("north.svg")
        out = ROOT / "resources" / "layouts" / f"{name}.qpt"
        layout.saveAsTemplate(str(out), QgsReadWriteContext())
        print("wrote", out)
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
