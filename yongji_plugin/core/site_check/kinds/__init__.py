"""Rule kinds: one module per kind of compliance rule, each a class that owns what the kind means.

May import: core.site_check, core.shared, core.plan_data, core.engine.

A kind's class (a subclass of :class:`base.RuleKind`) says how a rule of its kind is written in a
rule-set file and validated, how it judges a site, the output fields it adds, its report wording and
its map styling. Defining the class registers it (``RuleKind.__init_subclass__``), and
:func:`load_kinds` imports every module of this folder, so a new kind is one new module here.
Nothing outside this package compares kind names: the check, outputs, report and maps ask a rule's
kind (``rule.rule_kind``).
"""

import importlib
import pkgutil

from .base import KINDS, RuleKind, RuleRun


def load_kinds() -> dict:
    """Import every kind module on the package's path (each registers its kind); the registry."""
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        if module != "base":
            importlib.import_module(f"{__name__}.{module}")
    return KINDS


load_kinds()

__all__ = ["KINDS", "RuleKind", "RuleRun", "load_kinds"]
