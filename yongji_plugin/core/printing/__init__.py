"""专题图打印: declared map sheets, print templates, atlases and export jobs.

May import: core.shared, core.plan_data, core.engine.
"""
