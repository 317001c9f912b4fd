#!/usr/bin/env python3
"""Print a Qt .pro listing every source and form, for pylupdate5 (which expands no wildcards).

Written to ``build/`` by ``make ts``; paths are relative to that folder.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    sources = sorted(p.relative_to(ROOT) for p in (ROOT / "yongji_plugin").rglob("*.py"))
    forms = sorted(p.relative_to(ROOT) for p in (ROOT / "forms").glob("*.ui"))
    print("SOURCES = " + " \\\n    ".join(f"../{p}" for p in sources))
    print("FORMS = " + " \\\n    ".join(f"../{p}" for p in forms))
    print("TRANSLATIONS = ../resources/i18n/yongji_plugin_zh_CN.ts")
    print("CODECFORTR = UTF-8")


if __name__ == "__main__":
    main()
