"""Algorithm: 规划成果质检.

May import: core, processing.base, processing.sinks.
"""
