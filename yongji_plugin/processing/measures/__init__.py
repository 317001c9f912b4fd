"""Algorithms: the plan's measures (乡镇规划指引, 规划指标).

May import: core, processing.base, processing.cancel.
"""
