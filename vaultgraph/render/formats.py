"""Lint output formats. Each formatter takes a `LintReport` and returns the text to print."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import click

from vaultgraph import __version__
from vaultgraph.model import SEVERITIES, Diagnostic


@dataclass(frozen=True, slots=True)
class LintReport:
    root: str
    """The vault path as the user gave it."""
    files: int
    diagnostics: list[Diagnostic]
    color: bool = False


def summary(diagnostics: list[Diagnostic]) -> dict[str, int]:
    counts = Counter(d.severity for d in diagnostics)
    return {severity: counts.get(severity, 0) for severity in SEVERITIES}


_COLORS = {"error": "red", "warning": "yellow", "info": "blue"}


def format_text(report: LintReport) -> str:
    style = click.style if report.color else (lambda text, **_: text)
    lines = []
    for d in report.diagnostics:
        location = f"{d.path}:{d.line}:{d.column}:"
        fix = " [*]" if d.fixable and not d.unsafe_fix else ""
        lines.append(f"{style(location, bold=True)} {style(d.code, fg=_COLORS[d.severity], bold=True)}{fix} "
                     f"[{d.severity}] {d.message}")
    counts = summary(report.diagnostics)
    total = len(report.diagnostics)
    if total:
        parts = ", ".join(f"{n} {severity}{'s' if n != 1 and severity != 'info' else ''}"
                          for severity, n in counts.items() if n)
        fixable = sum(1 for d in report.diagnostics if d.fixable and not d.unsafe_fix)
        tail = f"\n[*] {fixable} fixable with `vaultgraph lint --fix`." if fixable else ""
        lines.append(f"Found {total} problem{'s' if total != 1 else ''} ({parts}) in {report.files} files.{tail}")
    else:
        lines.append(style(f"All checks passed! ({report.files} files)", fg="green"))
    return "\n".join(lines)


def diagnostic_json(d: Diagnostic) -> dict:
    return {"path": d.path, "line": d.line, "column": d.column, "end_line": d.end_line, "end_column": d.end_column,
            "code": d.code, "rule": d.rule, "severity": d.severity, "message": d.message, "fixable": d.fixable}


def format_json(report: LintReport) -> str:
    return json.dumps({"version": __version__, "root": report.root, "files": report.files,
                       "diagnostics": [diagnostic_json(d) for d in report.diagnostics],
                       "summary": summary(report.diagnostics)}, ensure_ascii=False, indent=2)


FORMATTERS: dict[str, Callable[[LintReport], str]] = {"text": format_text, "json": format_json}
