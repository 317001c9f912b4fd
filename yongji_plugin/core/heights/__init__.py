"""建筑高度控制检查: buildings against the height zones' limits (``check``), their layers and report (``outputs``).

May import: core.shared, core.plan_data, core.engine, core.measuring.
"""
