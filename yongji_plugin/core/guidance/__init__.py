"""乡镇规划指引: the areas of the plan's key layers per township, their table, layer and report.

May import: core.shared, core.plan_data, core.engine, core.measuring.
"""
