"""Every report is a document to sign: the frame's conclusion, 审查人/复核人/日期 and page numbers.

The conclusion's numbers are held against counts made here: buildings over their limit from
shapely alone (as tests/test_heights.py does), QA errors from the error layer's features, and
townships that do not add up from a plan built with a gap between two townships.
"""

import math
import re

from helpers import pdf_text
from test_heights import STOREY, TOLERANCE, _expected
from test_township_guidance import _square_plan
from yongji_plugin.core.guidance.outputs import write_guidance_report
from yongji_plugin.core.guidance.township_guidance import township_guidance
from yongji_plugin.core.heights.check import OVER, HeightParams, run_height_check
from yongji_plugin.core.heights.outputs import write_report as write_height_report
from yongji_plugin.core.plan_qa.model import load_qa_rules
from yongji_plugin.core.plan_qa.outputs import error_layer, write_qa_report
from yongji_plugin.core.plan_qa.run import run_qa
from yongji_plugin.core.shared.areas import AreaMethod

SIGNED = ("结论", "审查人", "复核人", "日期")


def flat_pdf(path) -> str:
    return re.sub(r"\s+", "", pdf_text(path))


def assert_framed(pdf) -> str:
    text = flat_pdf(pdf)
    assert all(word in text for word in SIGNED), pdf.name
    pages = re.findall(r"(\d+)/(\d+)", text)
    total = int(pages[-1][1])
    assert [int(page) for page, of in pages if int(of) == total][-1] == total  # "n / n" on the last page
    return text


def test_qa_report_concludes_with_the_error_count(plan, tmp_path, locale):
    locale("zh_CN")
    result = run_qa(plan, load_qa_rules())
    errors = error_layer(result, "EPSG:4546").featureCount()
    text = assert_framed(write_qa_report(result, tmp_path / "qa.html", "demo")["pdf"])
    if errors:
        assert f"共发现{errors}处错误" in text
    else:
        assert "未发现错误" in text


def test_height_report_concludes_with_the_buildings_over_their_limit(demo_data, demo_gpkg, tmp_path, locale):
    from qgis.core import QgsVectorLayer

    locale("zh_CN")
    _, data = demo_data
    over = sum(1 for b in data["buildings"] if _expected(b, data["JZGDKZ"])[0] == OVER)
    buildings = QgsVectorLayer(f"{demo_gpkg}|layername=buildings", "建筑物", "ogr")
    zones = QgsVectorLayer(f"{demo_gpkg}|layername=JZGDKZ", "建筑高度控制分区", "ogr")
    result = run_height_check(
        buildings, zones, HeightParams(AreaMethod.create(), storey_height=STOREY, tolerance=TOLERANCE)
    )
    text = assert_framed(write_height_report(result, tmp_path / "heights.html")["pdf"])
    assert over > 0 and f"有{over}栋超过所在分区的高度限值" in text


def test_guidance_report_says_which_figures_do_not_add_up(tmp_path, locale):
    """The gap of 100 m between the two townships holds 耕地, 建设用地 and 永久基本农田 (see the plan)."""
    locale("zh_CN")
    layers, _, _ = _square_plan(gap=True)
    result = township_guidance(layers, AreaMethod.create())
    text = assert_framed(write_guidance_report(result, tmp_path / "guidance.html")["pdf"])
    sentence = text[text.index("各乡镇之和与全市不一致") :]
    sentence = sentence[: sentence.index("。")]
    labels = {f.key: f.label for f in result.figures}
    assert all(labels[key] in sentence for key in ("GD", "JSYD", "YJJBNT"))
    assert labels["STBHHX"] not in sentence


def test_measure_report_maps_are_at_a_round_scale(tmp_path):
    """A 1 km square drawn by the measures' report map: measured in the image's pixels (at the width
    the report prints it), the scale is a round one and the square fills the frame without spilling."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsGeometry, QgsVectorLayer
    from qgis.PyQt.QtGui import QColor, QImage

    from yongji_plugin.core.measuring.map_image import FRAME, render_map

    layer = QgsVectorLayer("Polygon?crs=EPSG:4546", "square", "memory")
    feature = QgsFeature()
    feature.setGeometry(
        QgsGeometry.fromWkt("POLYGON((500000 3860000, 501000 3860000, 501000 3861000, 500000 3861000, 500000 3860000))")
    )
    layer.dataProvider().addFeatures([feature])
    layer.renderer().symbol().setColor(QColor("black"))
    path = render_map([layer], layer.extent(), QgsCoordinateReferenceSystem("EPSG:4546"), tmp_path / "m.png")
    image = QImage(str(path))
    row = image.height() // 2
    dark = [x for x in range(image.width()) if image.pixelColor(x, row).lightness() < 60]
    runs, start = [], dark[0]  # the square is the longest dark run (the frame's border is dark too)
    for before, x in zip(dark, dark[1:] + [None]):
        if x != before + 1:
            runs.append((start, before))
            start = x
    first, last = max(runs, key=lambda run: run[1] - run[0])
    width_mm = (last - first + 1) / image.width() * FRAME.width_mm
    scale = 1000.0 / (width_mm / 1000.0)
    mantissa = scale / 10 ** math.floor(math.log10(scale))
    assert min(abs(mantissa - m) for m in (1.0, 2.0, 2.5, 5.0, 10.0)) < 0.03, scale
    assert 0.5 < (last - first) / image.width() <= 0.9
