"""规划实施监测预警: 现状 snapshots by year against the plan — new 建设用地 on the control lines, 耕地 lost and gained, indicators on their path to 2025/2035.

May import: core.shared, core.plan_data, core.engine, core.measuring, core.indicators, core.printing.
"""
