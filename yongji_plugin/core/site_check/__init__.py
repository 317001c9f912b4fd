"""项目选址合规性检查: rule sets, sites, the check, its output layers, styles and review report.

May import: core.shared, core.plan_data, core.engine.
"""
