"""The plan's data (一张图): layer catalogue, sources, loading, styles, conformance.

May import: core.shared.
"""
