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
from vaultgraph.errors import VaultgraphError


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


@pytest.mark.parametrize("real", ["real.json", "maps/real.json"], ids=["beside", "below"])
def test_a_symlink_that_stays_in_its_folder_is_written_through(tmp_path: Path, real: str) -> None:
    (tmp_path / real).parent.mkdir(exist_ok=True)
    (tmp_path / real).write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_output(link, ["new"])
    assert link.is_symlink() and (tmp_path / real).read_text(encoding="utf-8") == "new"


@pytest.mark.parametrize(
    "target", ["../outside.json", "../missing.json", "/dev/null"], ids=["file", "dangling", "device"]
)
def test_a_symlink_leaving_its_folder_is_refused_and_nothing_is_written(tmp_path: Path, target: str) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (tmp_path / "outside.json").write_text("precious", encoding="utf-8")
    link = folder / "graph.json"
    link.symlink_to(target)
    with pytest.raises(VaultgraphError, match="cannot write .*: it is a symlink to .*, outside its folder"):
        write_output(link, ["new"])
    assert (tmp_path / "outside.json").read_text(encoding="utf-8") == "precious"
    assert not (tmp_path / "missing.json").exists()
    assert sorted(p.name for p in folder.iterdir()) == ["graph.json"] and link.is_symlink()


def test_the_default_map_in_a_hostile_checkout_does_not_overwrite_the_links_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, user_cache: Path
) -> None:
    # A checkout ships `vaultgraph.html` as a link to one of the user's files; `vaultgraph graph .`
    # is run in it, so the map would go through the link.
    secret = tmp_path / "bashrc"
    secret.write_text("export PATH=~/bin:$PATH\n", encoding="utf-8")
    vault = tmp_path / "checkout"
    vault.mkdir()
    (vault / "a.md").write_text("# a\n", encoding="utf-8")
    (vault / "vaultgraph.html").symlink_to(secret)
    monkeypatch.chdir(vault)
    result = CliRunner().invoke(cli, ["graph", "."])
    assert result.exit_code == 2
    assert result.output == (
        f"vaultgraph: error: cannot write vaultgraph.html: it is a symlink to {secret}, outside its folder"
        " (remove the link or choose another -o)\n"
    )
    assert secret.read_text(encoding="utf-8") == "export PATH=~/bin:$PATH\n"


def test_dash_is_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    write_output(Path("-"), ["a", "b"])
    assert capsys.readouterr().out == "ab"


def test_graph_into_a_missing_folder_is_one_line_and_exit_2(tmp_path: Path, sample_vault: Path) -> None:
    result = CliRunner().invoke(
        cli, ["graph", str(sample_vault), "--format", "json", "-o", str(tmp_path / "nope" / "graph.json")]
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
