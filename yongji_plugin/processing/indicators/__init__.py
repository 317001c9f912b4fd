"""Algorithm: 规划指标.

May import: core, processing.base, processing.sinks, processing.measure_common, processing.plan_parameters.
"""
