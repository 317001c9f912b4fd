#!/usr/bin/env python3
"""One line for a host's test run, from pytest's JUnit XML: QGIS version, counts, wall time, verdict.

suite_summary.py HOST JUNIT_XML PYTEST_EXIT_CODE SECONDS
"""

import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path


def summary(host: str, junit: Path, exit_code: int, seconds: int) -> str:
    verdict = "PASS" if exit_code == 0 else "FAIL"
    if not junit.exists():
        return f"{host:9} {verdict}  no test results (pytest exit code {exit_code}) in {seconds} s"
    root = ElementTree.parse(junit).getroot()
    suite = root if root.tag == "testsuite" else root.find("testsuite")
    properties = {p.get("name"): p.get("value") for p in suite.iter("property")}
    counts = {key: int(suite.get(key, 0)) for key in ("tests", "failures", "errors", "skipped")}
    xfailed = sum(1 for skip in suite.iter("skipped") if skip.get("type") == "pytest.xfail")
    skipped = counts["skipped"] - xfailed
    passed = counts["tests"] - counts["failures"] - counts["errors"] - counts["skipped"]
    return (
        f"{host:9} {verdict}  QGIS {properties.get('qgis', '?'):22} {passed} passed, "
        f"{counts['failures']} failed, {counts['errors']} errors, {skipped} skipped, {xfailed} xfailed "
        f"in {seconds} s (exit code {exit_code})"
    )


if __name__ == "__main__":
    print(summary(sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])))
