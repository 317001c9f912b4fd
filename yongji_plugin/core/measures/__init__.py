"""The plan's own measures: 乡镇规划指引 figures per township.

May import: core.shared, core.plan_data, core.engine.
"""
