"""建筑高度控制检查: buildings against the height zones' limits (``check``), layers and report (``outputs``), the one job (``job``).

May import: core.shared, core.plan_data, core.engine, core.measuring.
"""
