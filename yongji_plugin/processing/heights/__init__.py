"""Algorithm: 建筑高度控制检查.

May import: core, processing.base, processing.sinks, processing.measure_common, processing.plan_parameters.
"""
