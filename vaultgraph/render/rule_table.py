"""The README's rule table, generated from the rule modules (`vaultgraph rules --format markdown`)."""

from __future__ import annotations

from collections.abc import Iterable

from vaultgraph.lint.rule import Rule

TABLE_START = "<!-- rules-table-start -->"
TABLE_END = "<!-- rules-table-end -->"


def markdown_table(rules: Iterable[Rule]) -> str:
    """A Markdown table: code, name, default severity, on by default, fix (`yes`, `unsafe` or empty)."""
    lines = ["| code | name | default severity | on by default | fix |", "|---|---|---|---|---|"]
    for rule in rules:
        lines.append(
            f"| {rule.code} | {rule.name} | {rule.severity} | {'yes' if rule.enabled else 'no'} | "
            f"{'yes' if rule.fix == 'safe' else rule.fix or ''} |"
        )
    return "\n".join(lines)
