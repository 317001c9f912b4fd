"""The plan's own measures: 建筑高度控制检查, 15分钟社区生活圈, 乡镇规划指引 (areas) and 规划指标 (targets).

May import: core.shared, core.plan_data, core.engine.

- ``heights`` (+ ``heights_outputs``): buildings against the height zones' limits, on the overlay engine.
- ``life_circle`` (+ ``life_circle_table``, ``walking_network``, ``life_circle_outputs``): which
  residential areas lack which rows of the plan's 社区—邻里—街坊 table over the walking network.
- ``township_figures``: the areas of the plan's key layers per township.
- ``result_styles``, ``map_image``: what the measures' layers and report maps share.
"""
