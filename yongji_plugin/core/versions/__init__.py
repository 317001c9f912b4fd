"""规划版本对比: two versions of the 一张图 compared layer by layer — changes, areas gained and lost, maps, report.

May import: core.shared, core.plan_data, core.engine.
"""
