"""The README's rule table is generated from the rule modules; this keeps it current."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from vaultgraph.cli import cli
from vaultgraph.lint.rule import all_rules
from vaultgraph.render.rule_table import TABLE_END, TABLE_START, markdown_table

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_rule_table_is_generated_from_the_rules() -> None:
    text = README.read_text(encoding="utf-8")
    assert text.count(TABLE_START) == 1 and text.count(TABLE_END) == 1
    shown = text.split(TABLE_START, 1)[1].split(TABLE_END, 1)[0].strip()
    assert shown == markdown_table(all_rules()), (
        "README.md's rule table is stale: replace it with the output of `vaultgraph rules --format markdown`"
    )


def test_rules_markdown_lists_every_rule_once() -> None:
    result = CliRunner().invoke(cli, ["rules", "--format", "markdown"])
    rows = result.stdout.splitlines()[2:]
    assert result.exit_code == 0
    assert [row.split(" | ")[0].lstrip("| ") for row in rows] == [rule.code for rule in all_rules()]
    assert "| VG301 | empty-list-item | warning | yes | yes |" in rows
    assert "| VG002 | non-utf8-encoding | warning | yes | unsafe |" in rows
