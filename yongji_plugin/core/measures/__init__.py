"""The plan's own measures: 乡镇规划指引 (areas per township) and 规划指标 (indicators against targets).

May import: core.shared, core.plan_data, core.engine.
"""
