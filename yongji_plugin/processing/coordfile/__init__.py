"""Algorithms: coordinate-file import and export.

May import: core, processing.base, processing.cancel.
"""
