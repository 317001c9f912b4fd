"""规划指标: the indicator file (``definitions``) measured and judged (``check``), layers and report, the one job.

May import: core.shared, core.plan_data, core.engine, core.measuring, core.printing; the map sheet
规划指标达标情况图 is printed by the job's report step (``job``) through the printing capability's
sheet builder (printing never imports the measures).
"""
