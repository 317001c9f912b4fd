"""Algorithm: 项目选址合规性检查.

May import: core, processing.base, processing.cancel, processing.sinks.
"""
