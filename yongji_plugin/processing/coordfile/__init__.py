"""Algorithms: coordinate-file import and export, CAD red lines (DXF) import.

May import: core, processing.base, processing.sinks.
"""
