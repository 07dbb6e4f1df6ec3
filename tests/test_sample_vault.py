"""`vaultgraph lint sample_vault` finds exactly the planted problems listed in sample_vault/README.md."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner
from contract import RULE_CODES

from vaultgraph.cli import cli

SAMPLE = Path(__file__).resolve().parent.parent / "sample_vault"
ROW = re.compile(r"^\|\s*(?P<path>[^|]+?)\s*\|\s*(?P<line>\d+)\s*\|\s*(?P<code>VG\d{3})\s*\|\s*$")


def expected_findings() -> list[tuple[str, int, str]]:
    """The rows of the README's findings table: (path, line, code)."""
    rows = []
    for line in (SAMPLE / "README.md").read_text(encoding="utf-8").splitlines():
        match = ROW.match(line)
        if match:
            rows.append((match["path"], int(match["line"]), match["code"]))
    return rows


def test_readme_table_is_well_formed() -> None:
    rows = expected_findings()
    assert len(rows) >= 20
    assert len(set(rows)) == len(rows), "a row is listed twice"
    assert rows == sorted(rows, key=lambda r: (r[0], r[1])), "the table is sorted by path, then line"
    for path, _, _ in rows:
        assert (SAMPLE / path).is_file(), path


def test_lint_sample_vault_finds_exactly_the_readme_table(sample_vault: Path) -> None:
    result = CliRunner().invoke(cli, ["lint", str(sample_vault), "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 1, result.stderr
    data = json.loads(result.stdout)
    found = sorted((d["path"], d["line"], d["code"]) for d in data["diagnostics"])
    expected = sorted(expected_findings())
    assert [f for f in found if f not in expected] == [], "reported but not in the README table"
    assert [e for e in expected if e not in found] == [], "in the README table but not reported"
    assert len(found) == len(expected)


def test_every_contract_rule_has_its_planted_problem() -> None:
    assert RULE_CODES - {code for _, _, code in expected_findings()} == set()
