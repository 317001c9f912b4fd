"""What every capability shares: area methods and units, the error type, extents, settings, reports.

May import: nothing else of core.
"""
