"""What the plan's measures share: areas per township, input checks, result styles, map images, charts, tables.

May import: core.shared, core.plan_data, core.engine.

``unit_areas`` measures plan layers per township; ``inputs`` refuses unusable input layers up front;
``result_styles``, ``map_image``, ``charts`` and ``table_files`` are what the measures' outputs share.
"""
