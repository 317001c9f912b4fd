"""Algorithm: 规划版本对比.

May import: core, processing.base, processing.sinks.
"""
