"""规划成果质检: the plan's own rules, topology and attribute checks, error layer and report.

May import: core.shared, core.plan_data, core.engine.
"""
