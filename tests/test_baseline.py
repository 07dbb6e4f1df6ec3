"""`--baseline` / `--write-baseline`: known findings stay quiet, even after lines move; new ones are reported."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from vaultgraph.cli import cli
from vaultgraph.lint.baseline import BaselineError, line_hash, new_findings, read_baseline
from vaultgraph.model import Diagnostic, Note

OLD = "# Old\n\n[[Missing]]\n\n[[Missing]]\n"


def lint(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["lint", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    root = tmp_path / "v"
    root.mkdir()
    (root / "old.md").write_text(OLD, encoding="utf-8")
    return root


def test_write_then_adopt(vault: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    code, out, err = lint(str(vault), "--write-baseline", str(baseline))
    assert (code, out, err) == (0, "", f"Wrote 2 findings to {baseline}.\n")
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert [(f["path"], f["code"], f["line"]) for f in data["findings"]] == [
        ("old.md", "VG101", 3),
        ("old.md", "VG101", 5),
    ]
    assert lint(str(vault), "--baseline", str(baseline))[:2] == (0, "All checks passed! (1 file checked)\n")


def test_known_findings_survive_line_shifts_and_new_ones_are_reported(vault: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    lint(str(vault), "--write-baseline", str(baseline))
    # Lines inserted above move the old findings; one more identical broken link is a new finding.
    (vault / "old.md").write_text(
        "# Old\n\nintro\n\nmore\n\n[[Missing]]\n\n[[Missing]]\n\n[[Missing]]\n\n[[Other]]\n", encoding="utf-8"
    )
    code, out, _ = lint(str(vault), "--baseline", str(baseline), "--format", "json")
    assert code == 1
    assert [(d["line"], d["message"]) for d in json.loads(out)["diagnostics"]] == [
        (11, "`Missing` not found in the vault"),
        (13, "`Other` not found in the vault"),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not a vaultgraph baseline (invalid JSON"),
        ('{"version": 99, "findings": []}', "not a vaultgraph baseline (expected version 1"),
        ('{"version": 1, "findings": [{"path": "a.md"}]}', "finding 1: needs string fields"),
    ],
)
def test_a_bad_baseline_is_one_line_and_exit_2(vault: Path, tmp_path: Path, content: str, message: str) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError, match=message.replace("(", r"\(")):
        read_baseline(baseline)
    code, out, err = lint(str(vault), "--baseline", str(baseline))
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1 and message in err


def _diagnostic(line: int, message: str = "m") -> Diagnostic:
    return Diagnostic("n.md", line, 1, line, 2, "VG101", "broken-link", "error", message)


def test_line_hash_ignores_indentation_and_line_numbers() -> None:
    notes = {"n.md": Note(path="n.md", text="a\n  x  \r\nx")}
    assert line_hash(notes, _diagnostic(2)) == line_hash(notes, _diagnostic(3))
    assert line_hash(notes, _diagnostic(1)) != line_hash(notes, _diagnostic(2))
    assert line_hash(notes, _diagnostic(99)) == line_hash({}, _diagnostic(1))  # no such line: empty text


def test_new_findings_consumes_known_entries_one_by_one() -> None:
    notes = {"n.md": Note(path="n.md", text="x\nx\nx\n")}
    found = [_diagnostic(1), _diagnostic(2), _diagnostic(3), _diagnostic(1, "other")]
    known = Counter({("n.md", "VG101", "m", line_hash(notes, found[0])): 2})
    assert new_findings(found, known, notes) == [found[2], found[3]]
