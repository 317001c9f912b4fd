"""Algorithm: 规划实施监测预警.

May import: core, processing.base, processing.sinks, processing.plan_parameters.
"""
