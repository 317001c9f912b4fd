"""Algorithm: 专题图打印.

May import: core, processing.base.
"""
