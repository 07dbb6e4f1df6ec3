"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run; `tool.driver.rules` describes every rule that ran (documentation = the rule's docstring), and
each result points at its rule by id and index. Columns count Unicode code points, as everywhere in
vaultgraph, which SARIF allows when the run says `columnKind: unicodeCodePoints`.
"""

from __future__ import annotations

import json
from importlib import metadata
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from vaultgraph import __version__
from vaultgraph.lint.report import LintReport
from vaultgraph.lint.rule import Rule, rules_by_key

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _homepage() -> str | None:
    """The project URL from the installed package's metadata, if it declares one."""
    try:
        meta = metadata.metadata("vaultgraph")
    except metadata.PackageNotFoundError:
        return None
    urls = [entry.split(",", 1)[1].strip() for entry in meta.get_all("Project-URL") or [] if "," in entry]
    home: str | None = meta["Home-page"]
    return home or (urls[0] if urls else None)


def _uri(location: str) -> str:
    """A relative URI reference for paths relative to the working folder, a file URI for absolute ones."""
    path = PurePosixPath(location)
    return path.as_uri() if path.is_absolute() else quote(location)


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc or rule.summary},
        "help": {"text": rule.doc or rule.summary, "markdown": rule.doc or rule.summary},
        "defaultConfiguration": {"level": _LEVELS[rule.severity], "enabled": rule.enabled},
        "properties": {"fix": rule.fix or "none"},
    }


def sarif_log(report: LintReport) -> dict[str, Any]:
    """The SARIF document as data."""
    rules = list(report.rules)
    known = {r.code for r in rules}
    by_key = rules_by_key()
    # A finding's rule is always described, even when the caller did not pass the rules that ran.
    rules.extend(by_key[code] for code in sorted({d.code for d in report.diagnostics} - known) if code in by_key)
    index = {rule.code: i for i, rule in enumerate(rules)}
    driver: dict[str, Any] = {
        "name": "vaultgraph",
        "version": __version__,
        "semanticVersion": __version__,
        "rules": [_rule(rule) for rule in rules],
    }
    homepage = _homepage()
    if homepage:
        driver["informationUri"] = homepage
    results = []
    for d in report.diagnostics:
        result: dict[str, Any] = {
            "ruleId": d.code,
            "level": _LEVELS[d.severity],
            "message": {"text": d.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(report.location(d.path))},
                        "region": {
                            "startLine": d.line,
                            "startColumn": d.column,
                            "endLine": d.end_line,
                            "endColumn": d.end_column,
                        },
                    }
                }
            ],
        }
        if d.code in index:
            result["ruleIndex"] = index[d.code]
        results.append(result)
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "invocations": [{"executionSuccessful": True}],
                "results": results,
            }
        ],
    }


def format_sarif(report: LintReport) -> str:
    return json.dumps(sarif_log(report), ensure_ascii=False, indent=2)
