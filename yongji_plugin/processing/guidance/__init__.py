"""Algorithm: 乡镇规划指引.

May import: core, processing.base, processing.sinks, processing.measure_common, processing.plan_parameters.
"""
