"""Algorithm: 15分钟社区生活圈.

May import: core, processing.base, processing.sinks, processing.measure_common, processing.plan_parameters.
"""
