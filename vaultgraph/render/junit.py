"""`--format junit`: one test suite, one test case per linted file, one `<failure>` per finding.

CI systems (GitLab, Jenkins, Azure) show JUnit XML as test results; a clean file is a passing test.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from vaultgraph.lint.report import LintReport
from vaultgraph.model import Diagnostic

# Characters XML 1.0 forbids even when escaped; a note's text may contain them and reach a message.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def junit_tree(report: LintReport) -> ET.Element:
    """The `<testsuites>` element holding the one `<testsuite>`."""
    by_path: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in report.diagnostics:
        by_path[d.path].append(d)
    paths = sorted(set(report.paths) | set(by_path))
    failing = sum(1 for path in paths if by_path.get(path))
    counts = {"tests": str(len(paths)), "failures": str(failing), "errors": "0", "skipped": "0"}
    suites = ET.Element("testsuites", {"name": "vaultgraph", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "vaultgraph lint", **counts})
    for path in paths:
        location = _clean(report.location(path))
        case = ET.SubElement(suite, "testcase", {"name": location, "classname": "vaultgraph.lint", "file": location})
        for d in by_path.get(path, ()):
            failure = ET.SubElement(case, "failure", {"type": f"{d.code} {d.rule}", "message": _clean(d.message)})
            failure.text = _clean(f"{location}:{d.line}:{d.column}: {d.code} [{d.severity}] {d.message}")
    return suites


def format_junit(report: LintReport) -> str:
    tree = junit_tree(report)
    ET.indent(tree)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(tree, encoding="unicode")
