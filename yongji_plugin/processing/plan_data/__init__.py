"""Algorithms on the plan's data: inspect a source against the catalogue.

May import: core, processing.base, processing.sinks.
"""
