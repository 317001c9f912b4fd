"""规划指标: the indicator file (``definitions``) measured and judged (``check``), layers and report.

May import: core.shared, core.plan_data, core.engine, core.measuring.
"""
