"""cli/output.py: command output goes to stdout for `-`, else replaces its file atomically."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from vaultgraph.cli import cli
from vaultgraph.cli.output import write_output

SAMPLE_VAULT = Path(__file__).resolve().parents[1] / "sample_vault"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_mode_open_would_give_it(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_output(tmp_path / "graph.json", ["{", "}\n"])
    finally:
        os.umask(old)
    assert (tmp_path / "graph.json").read_text(encoding="utf-8") == "{}\n"
    assert mode(tmp_path / "graph.json") == 0o640


def test_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "graph.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    write_output(target, ["새 그래프"])
    assert target.read_text(encoding="utf-8") == "새 그래프" and mode(target) == 0o600


def test_a_failure_half_way_leaves_the_old_file_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "graph.json"
    target.write_text("old", encoding="utf-8")

    def pieces() -> Iterator[str]:
        yield "half"
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_output(target, pieces())
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.json"]


def test_a_symlink_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_output(link, ["new"])
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


def test_dash_is_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    write_output(Path("-"), ["a", "b"])
    assert capsys.readouterr().out == "ab"


def test_graph_into_a_missing_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["graph", str(SAMPLE_VAULT), "--format", "json", "-o", str(tmp_path / "nope" / "graph.json")]
    )
    assert result.exit_code == 2
    assert result.output.startswith("vaultgraph: error: cannot write") and result.output.count("\n") == 1


def test_a_pipe_or_device_is_written_through_not_replaced(tmp_path: Path) -> None:
    # As `-o /dev/stdout` or `-o /dev/null` are: replacing those (as root) would swap the device for a file.
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)
    try:
        write_output(pipe, ["through ", "the pipe"])
        assert os.read(reader, 100) == b"through the pipe"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(pipe.stat().st_mode)
