"""Lint output formats. Each formatter takes a `LintReport` and returns the text to print."""

from __future__ import annotations

import json
from collections.abc import Callable

import click

from vaultgraph import __version__
from vaultgraph.lint.report import LintReport, summary
from vaultgraph.model import Diagnostic
from vaultgraph.render.junit import format_junit
from vaultgraph.render.sarif import format_sarif

_COLORS = {"error": "red", "warning": "yellow", "info": "blue"}
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def format_text(report: LintReport) -> str:
    style = click.style if report.color else (lambda text, **_: text)
    lines = []
    for d in report.diagnostics:
        location = f"{d.path}:{d.line}:{d.column}:"
        fix = " [*]" if d.fixable and not d.unsafe_fix else ""
        lines.append(
            f"{style(location, bold=True)} {style(d.code, fg=_COLORS[d.severity], bold=True)}{fix} "
            f"[{d.severity}] {d.message}"
        )
    counts = summary(report.diagnostics)
    total = len(report.diagnostics)
    if total:
        parts = ", ".join(_count(n, severity) for severity, n in counts.items() if n)
        with_findings = len({d.path for d in report.diagnostics})
        fixable = sum(1 for d in report.diagnostics if d.fixable and not d.unsafe_fix)
        tail = f"\n[*] {fixable} fixable with `vaultgraph lint --fix`." if fixable else ""
        lines.append(
            f"Found {_count(total, 'problem')} ({parts}) in {_count(with_findings, 'file')}"
            f" ({report.files} checked).{tail}"
        )
    elif report.files:
        lines.append(style(f"All checks passed! ({_count(report.files, 'file')} checked)", fg="green"))
    else:
        lines.append("No notes checked.")
    return "\n".join(lines)


def _count(n: int, noun: str) -> str:
    """`1 file`, `2 files`, `3 info` (info has no plural)."""
    return f"{n} {noun}{'s' if n != 1 and noun != 'info' else ''}"


def diagnostic_json(d: Diagnostic) -> dict:
    return {
        "path": d.path,
        "line": d.line,
        "column": d.column,
        "end_line": d.end_line,
        "end_column": d.end_column,
        "code": d.code,
        "rule": d.rule,
        "severity": d.severity,
        "message": d.message,
        "fixable": d.fixable,
    }


def format_json(report: LintReport) -> str:
    """The lint JSON of the README's contract, one diagnostic per line.

    Written piece by piece because `json.dumps(indent=...)` falls back to the pure-Python encoder,
    which took a second for 25k diagnostics; without `indent` each piece goes through the C encoder.
    """
    dumps = _ENCODER.encode  # built once: json.dumps(ensure_ascii=False) builds one per call
    rows = ",\n    ".join(dumps(diagnostic_json(d)) for d in report.diagnostics)
    diagnostics = f"[\n    {rows}\n  ]" if rows else "[]"
    return (
        f'{{\n  "version": {dumps(__version__)},\n  "root": {dumps(report.root)},\n'
        f'  "files": {dumps(report.files)},\n  "diagnostics": {diagnostics},\n'
        f'  "summary": {dumps(summary(report.diagnostics))}\n}}'
    )


# GitHub workflow commands: `::error file=P,line=L,...::message`. Escaping follows @actions/core
# (toolkit/packages/core/src/command.ts): data escapes % CR LF; property values also `:` and `,`.
_GITHUB_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(report: LintReport) -> str:
    """One workflow annotation per finding; GitHub shows them on the pull request's diff."""
    lines = []
    for d in report.diagnostics:
        properties = {
            "file": report.location(d.path),
            "line": d.line,
            "col": d.column,
            "endLine": d.end_line,
            "endColumn": d.end_column,
            "title": f"{d.code} {d.rule}",
        }
        rendered = ",".join(f"{key}={_github_property(str(value))}" for key, value in properties.items())
        lines.append(f"::{_GITHUB_LEVELS[d.severity]} {rendered}::{_github_data(d.message)}")
    return "\n".join(lines)


FORMATTERS: dict[str, Callable[[LintReport], str]] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
    "sarif": format_sarif,
    "junit": format_junit,
}
