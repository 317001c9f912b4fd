"""Missing things are findings (#24.5): every sheet, atlas and result sheet stops, before anything is
written, when a plan layer it draws holds no features. An empty 生态保护红线 printed the 三条控制线图
without the red line or its legend entry (exit 0); the atlases and result sheets did the same.

No layout is rendered here: each refusal comes before the first export.
"""

import pytest
from qgis.core import QgsVectorLayer

from yongji_plugin.core.plan_data.catalogue import default_catalogue
from yongji_plugin.core.printing.jobs import print_jobs
from yongji_plugin.core.printing.result_sheets import result_sheet, result_sheet_specs
from yongji_plugin.core.printing.sheets import PDF, SheetBuilder
from yongji_plugin.core.shared.errors import PlanError


def _sheets():
    builder = SheetBuilder({})
    return [(sheet.id, sheet.title, code) for sheet in builder.sheets.sheets for code in sheet.layers], dict(
        builder.sheets.atlases
    )


SHEET_LAYERS, ATLASES = _sheets()


def _emptied(plan: dict, code: str) -> dict:
    empty = QgsVectorLayer(f"MultiPolygon?crs={plan[code].crs().authid()}", plan[code].name(), "memory")
    assert empty.isValid() and empty.featureCount() == 0
    return dict(plan, **{code: empty})


def _refusal(code: str) -> str:
    return rf"needs layer {default_catalogue().layer(code).name} \({code}\), which has no features"


def test_every_sheet_draws_layers():
    assert len({sheet for sheet, _, _ in SHEET_LAYERS}) >= 13 and set(ATLASES) >= {"township", "site"}


@pytest.mark.parametrize("sheet, title, code", SHEET_LAYERS, ids=[f"{s}-{c}" for s, _, c in SHEET_LAYERS])
def test_a_sheet_with_an_empty_layer_stops(plan, tmp_path, sheet, title, code):
    if code not in plan:
        pytest.skip(f"the demo has no {code}")
    with pytest.raises(PlanError, match=f"{title} " + _refusal(code)):
        print_jobs(SheetBuilder(_emptied(plan, code)), tmp_path, [sheet], PDF, 72)
    assert not list(tmp_path.iterdir())


ATLAS_LAYERS = [(kind, code) for kind in ("township", "site") for code in ATLASES[kind]["layers"]]


@pytest.mark.parametrize("kind, code", ATLAS_LAYERS, ids=[f"{k}-{c}" for k, c in ATLAS_LAYERS])
def test_an_atlas_with_an_empty_layer_stops_before_any_sheet(plan, tmp_path, kind, code):
    """Checked with the sheets, before the first sheet is exported (the atlas's own layers are
    built only when its job runs)."""
    never = []
    atlas = {"township_coverage" if kind == "township" else "site_layers": lambda: never.append(kind)}
    with pytest.raises(PlanError, match=_refusal(code)):
        print_jobs(SheetBuilder(_emptied(plan, code)), tmp_path, ["control_lines"], PDF, 72, **atlas)
    assert not list(tmp_path.iterdir()) and never == []


RESULT_LAYERS = [(kind, code) for kind, spec in sorted(result_sheet_specs().items()) for code in spec["layers"]]


@pytest.mark.parametrize("kind, code", RESULT_LAYERS, ids=[f"{k}-{c}" for k, c in RESULT_LAYERS])
def test_a_result_sheet_with_an_empty_plan_layer_stops(plan, kind, code):
    result = QgsVectorLayer(plan["XZQ_XZ"].source(), "result", plan["XZQ_XZ"].providerType())
    assert result.featureCount() > 0
    with pytest.raises(PlanError, match=_refusal(code)):
        result_sheet(SheetBuilder(_emptied(plan, code)), kind, result, year=2035, since=2019)
