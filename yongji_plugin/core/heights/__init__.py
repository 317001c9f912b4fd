"""建筑高度控制检查: buildings against the height zones' limits (``check``), their layers and report (``outputs``),
the one job the dialog and the algorithm run (``job``).

May import: core.shared, core.plan_data, core.engine, core.measuring.
"""
