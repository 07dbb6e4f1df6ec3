"""Tests for vaultgraph.lint.results: a plain warm run prints the last run's findings without linting,
and anything that could change the findings makes it lint again."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from vault_files import write_files

from vaultgraph.cli import cli
from vaultgraph.config import Config
from vaultgraph.lint import engine
from vaultgraph.lint import results as results_module
from vaultgraph.lint.engine import lint_vault
from vaultgraph.lint.rule import Finding, RuleContext, rules_by_key
from vaultgraph.model import Note
from vaultgraph.vault.load import load_vault

pytestmark = pytest.mark.usefixtures("user_cache")
NOTES = {
    "retros/2주차 회고.md": "# 2주차\n\n- [[LSTM]] 정리\n- \n![[diagram.png]]\n- [[강의]](https://example.com/lecture)\n",
    "LSTM.md": "# LSTM\n\n[[missing]]\n",
}


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    return write_files(tmp_path / "vault", NOTES)


@pytest.fixture
def lint_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per time the CLI really linted."""
    calls: list[int] = []
    real = engine.lint_vault

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(engine, "lint_vault", counting)  # what the API calls
    monkeypatch.setattr(results_module, "lint_vault", counting)
    return calls


def run(vault: Path, *extra: str) -> list[tuple[str, int, str]]:
    result = CliRunner().invoke(cli, ["lint", str(vault), "--format", "json", "--exit-zero", *extra])
    assert result.exit_code == 0, result.output
    return [(d["path"], d["line"], d["code"]) for d in json.loads(result.output)["diagnostics"]]


def test_a_plain_warm_run_reuses_the_findings(vault: Path, lint_calls: list[int]) -> None:
    first = run(vault)
    assert ("LSTM.md", 3, "VG101") in first and ("retros/2주차 회고.md", 5, "VG102") in first
    assert run(vault) == first
    assert lint_calls == [1]
    assert run(vault, "--no-cache") == first
    assert lint_calls == [1, 1]


@pytest.mark.parametrize(
    "change", ["edit", "attachment", "new-note", "config", "templates", "obsidian", "select", "tool"]
)
def test_what_can_change_the_findings_makes_it_lint_again(
    vault: Path, lint_calls: list[int], change: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = run(vault)
    extra: tuple[str, ...] = ()
    if change == "edit":
        (vault / "LSTM.md").write_text("# LSTM\n", encoding="utf-8")
    elif change == "attachment":
        (vault / "diagram.png").write_bytes(b"\x89PNG")
    elif change == "new-note":
        write_files(vault, {"missing.md": "# here now\n"})
    elif change == "config":
        (vault / "vaultgraph.toml").write_text('ignore = ["VG301"]\n', encoding="utf-8")
    elif change == "templates":  # Obsidian's Templates plugin now keeps its templates in `retros/`
        write_files(vault, {".obsidian/templates.json": '{"folder": "retros"}'})
    elif change == "obsidian":  # now an Obsidian vault: `[[강의]](https://…)` is a wikilink to `강의`
        (vault / ".obsidian").mkdir()
    elif change == "select":
        extra = ("--select", "VG101")
    else:  # a new vaultgraph (a rule edited in a development checkout)
        monkeypatch.setattr(results_module, "source_fingerprint", lambda package: "edited")
    second = run(vault, *extra)
    assert lint_calls == [1, 1]
    assert second != first or change == "tool"  # the same rules give the same findings
    assert run(vault, *extra) == second and lint_calls == [1, 1]  # and the new findings are kept


@pytest.mark.parametrize("option", [("--fix",), ("--changed",), ("--write-baseline", "base.json")])
def test_runs_that_need_the_notes_always_lint(
    vault: Path, lint_calls: list[int], option: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(vault)
    run(vault)

    def refuse(*_args: object) -> None:
        raise AssertionError("stored findings used")

    monkeypatch.setattr(results_module, "lint_with_results", refuse)
    result = CliRunner().invoke(cli, ["lint", str(vault), "--exit-zero", *option])
    assert "stored findings used" not in result.output
    assert lint_calls == [1, 1] or option == ("--changed",)  # not a git repository: refused before linting


def test_a_damaged_results_file_is_ignored(vault: Path, lint_calls: list[int]) -> None:
    first = run(vault)
    for stored in (vault / ".vaultgraph-cache").glob("lint-*.msgpack"):
        stored.write_bytes(b"VGC1" + bytes(40))
    assert run(vault) == first and lint_calls == [1, 1]


def test_only_a_few_selections_are_kept(vault: Path) -> None:
    codes = ["VG101", "VG102", "VG103", "VG104", "VG105", "VG106", "VG201", "VG202", "VG203", "VG204"]
    for code in codes:
        run(vault, "--select", code)
    assert len(list((vault / ".vaultgraph-cache").glob("lint-*.msgpack"))) == results_module._KEEP


def test_after_an_edit_only_that_note_is_checked_again(vault: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_files(vault, {f"n{i}.md": f"# N{i}\n\n[[LSTM#Gates]]\n" for i in range(5)})
    first = run(vault)
    assert sum(code == "VG103" for _, _, code in first) == 5
    checked: list[str] = []
    real = engine._check

    def recording(note, *args):  # type: ignore[no-untyped-def]
        checked.append(note.path)
        return real(note, *args)

    monkeypatch.setattr(engine, "_check", recording)
    (vault / "n0.md").write_text("# N0\n\n[[LSTM#Gates]] [[n1]]\n", encoding="utf-8")
    assert run(vault) == first
    assert set(checked) == {"n0.md"}
    checked.clear()
    (vault / "LSTM.md").write_text("# LSTM\n\n## Gates\n\n[[missing]]\n", encoding="utf-8")  # the link world changed
    second = run(vault)
    assert [d for d in second if d[2] == "VG103"] == []
    assert set(checked) == {"LSTM.md", "n0.md", "n1.md", "n2.md", "n3.md", "n4.md", "retros/2주차 회고.md"}


def test_a_note_scope_rule_cannot_read_the_vault(vault: Path) -> None:
    def peeking(note: Note, ctx: RuleContext) -> Iterator[Finding]:
        yield Finding(1, 1, f"{len(ctx.vault.notes)} notes")

    rule = dataclasses.replace(rules_by_key()["VG301"], check=peeking, scope="note")
    with pytest.raises(RuntimeError, match='SCOPE = "note" read vault.notes'):
        lint_vault(load_vault(vault), Config(), [rule])
