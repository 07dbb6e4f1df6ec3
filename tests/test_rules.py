"""Every lint rule against its cases in `tests/rule_cases/<CODE>.yml` (sqlfluff style: cases are data).

A case file is a list of cases:

    - name: what the case shows
      files: {path: content}        # content: a string, or {text: ..., encoding: cp949} for other encodings
      config: {...}                 # optional: a vaultgraph.toml table, e.g. {rules: {invalid-tag: {pattern: ...}}}
      select: [VG007, VG301]        # optional: the rules to run (default: the case file's rule; null: defaults)
      expect: [[path, line, column, code], ...]   # or [path, line, code]: column not compared
      fixed: {path: content}        # optional: the files after applying every finding's edits
      config_error: "part of the message"         # optional: the config must be rejected instead

Adding a rule is one rule module plus one case file; `test_every_rule_has_cases` keeps that true.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from contract import EXTENSION_CODES, RULE_CODES

from vaultgraph.config import ConfigError, parse_config
from vaultgraph.lint.engine import Selection, lint_vault, select_rules
from vaultgraph.lint.fix import apply_edits
from vaultgraph.lint.rule import all_rules
from vaultgraph.model import Diagnostic
from vaultgraph.vault.load import load_vault

CASES = Path(__file__).parent / "rule_cases"


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            params.append(pytest.param(path.stem, case, id=f"{path.stem}-{case['name']}"))
    return params


def _write(root: Path, files: dict[str, Any]) -> None:
    for rel, content in files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, dict):
            target.write_bytes(content["text"].encode(content.get("encoding", "utf-8")))
        else:  # newline="" keeps CRLF written in the case as CRLF
            target.write_text(content, encoding="utf-8", newline="")


def _lint(root: Path, code: str, case: dict[str, Any]) -> list[Diagnostic]:
    config = parse_config(case.get("config", {}), None)
    select = case.get("select", [code])  # null: the config's own selection, rules off by default stay off
    rules = select_rules(config, Selection(select=tuple(select) if select is not None else None))
    return lint_vault(load_vault(root, config.exclude, flavor=config.flavor), config, rules)


def _shape(diagnostics: list[Diagnostic], with_columns: bool) -> list[list[Any]]:
    return [[d.path, d.line, d.column, d.code] if with_columns else [d.path, d.line, d.code] for d in diagnostics]


@pytest.mark.parametrize(("code", "case"), _cases())
def test_rule_case(code: str, case: dict[str, Any], tmp_path: Path) -> None:
    if "config_error" in case:
        with pytest.raises(ConfigError, match=case["config_error"]):
            parse_config(case["config"], Path("vaultgraph.toml"))
        return
    _write(tmp_path, case["files"])
    found = _lint(tmp_path, code, case)
    expect = case["expect"]
    with_columns = bool(expect) and len(expect[0]) == 4
    assert sorted(_shape(found, with_columns)) == sorted(expect)
    if "fixed" not in case:
        return
    for rel, want in case["fixed"].items():
        text = (tmp_path / rel).read_bytes().decode("utf-8")
        edits = [edit for d in found if d.path == rel for edit in d.edits]
        (tmp_path / rel).write_bytes(apply_edits(text, edits).encode("utf-8"))
        assert (tmp_path / rel).read_bytes().decode("utf-8") == want
    assert not [d for d in _lint(tmp_path, code, case) if d.edits], "a second fix would change the files again"


def test_every_rule_has_cases() -> None:
    assert {path.stem for path in CASES.glob("*.yml")} == {rule.code for rule in all_rules()}


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.code)
def test_rule_is_documented(rule: Any) -> None:
    assert rule.code.startswith("VG") and rule.name and rule.severity in ("error", "warning", "info")
    assert len(rule.summary) > 20, "the docstring's first line says what the rule catches"
    assert "Fails" in rule.doc and "Passes" in rule.doc, "the docstring shows a failing and a passing example"
    assert rule.fix in (None, "safe", "unsafe")
    if rule.options:
        assert "Options" in rule.doc, "options are documented"


def test_rule_codes_are_the_contract() -> None:
    assert {rule.code for rule in all_rules()} == RULE_CODES | EXTENSION_CODES
