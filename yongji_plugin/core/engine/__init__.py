"""The overlay engine: control layers indexed in the area CRS, validity and repairs.

May import: core.shared.
"""
