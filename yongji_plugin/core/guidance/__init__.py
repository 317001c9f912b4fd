"""乡镇规划指引: the areas of the plan's key layers per township, table, layer and report (``outputs``), one job (``job``).

May import: core.shared, core.plan_data, core.engine, core.measuring.
"""
