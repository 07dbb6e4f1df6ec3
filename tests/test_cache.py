"""Tests for vaultgraph.cache and its use by load_vault: content-hash hits, invalidation, damage, races."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import msgspec
import pytest
from click.testing import CliRunner

from vaultgraph import cache as cache_module
from vaultgraph.cache import CACHE_DIR_NAME, SHARDS, ParseCache
from vaultgraph.cli import cli
from vaultgraph.codec import decode_note, encode_note
from vaultgraph.vault import load as load_module
from vaultgraph.vault.load import load_vault

pytestmark = pytest.mark.usefixtures("user_cache")
SAMPLE_VAULT = Path(__file__).resolve().parents[1] / "sample_vault"
NOTES = {
    "retros/2주차 회고.md": "---\ntags: [회고]\n---\n# 2주차\n\n- [[concepts/LSTM]]이 어려웠다\n- \n",
    "retros/3주차 회고.md": "# 3주차\n\n[[missing]] #pytorch\n",
    "concepts/LSTM.md": "# LSTM\n\n## Gates\n",
}


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    root = tmp_path / "vault"
    for rel, text in NOTES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Paths that load_vault actually parsed (a cache hit is not parsed)."""
    seen: list[str] = []
    real = load_module.load_note

    def counting(path: str, data: bytes, **options):  # type: ignore[no-untyped-def]
        seen.append(path)
        return real(path, data, **options)

    monkeypatch.setattr(load_module, "load_note", counting)
    return seen


def shards(root: Path) -> list[Path]:
    return sorted((root / CACHE_DIR_NAME).glob("parse-*.msgpack"))


def test_codec_round_trips_every_sample_note() -> None:
    notes = load_vault(SAMPLE_VAULT).notes.values()
    assert notes
    for note in notes:
        assert decode_note(encode_note(note)) == note


def test_second_load_is_served_from_the_cache(vault: Path, parsed: list[str]) -> None:
    first = load_vault(vault, cache=True)
    assert sorted(parsed) == sorted(NOTES)
    assert shards(vault) and (vault / CACHE_DIR_NAME / ".gitignore").is_file()
    parsed.clear()
    second = load_vault(vault, cache=True)
    assert parsed == []
    assert second.notes == first.notes == load_vault(vault).notes


def test_changed_content_is_parsed_again(vault: Path, parsed: list[str]) -> None:
    load_vault(vault, cache=True)
    parsed.clear()
    (vault / "concepts/LSTM.md").write_text("# LSTM\n\n## Cell state\n", encoding="utf-8")
    notes = load_vault(vault, cache=True).notes
    assert parsed == ["concepts/LSTM.md"]
    assert [h.text for h in notes["concepts/LSTM.md"].headings] == ["LSTM", "Cell state"]


def test_path_is_part_of_the_key(vault: Path, parsed: list[str]) -> None:
    """Same bytes under another name: week detection reads the file name, so it is parsed again."""
    load_vault(vault, cache=True)
    parsed.clear()
    (vault / "retros/2주차 회고.md").rename(vault / "retros/5주차 회고.md")
    notes = load_vault(vault, cache=True).notes
    assert parsed == ["retros/5주차 회고.md"]
    assert notes["retros/5주차 회고.md"].path == "retros/5주차 회고.md"


def test_entries_of_deleted_notes_are_pruned(vault: Path) -> None:
    load_vault(vault, cache=True)
    (vault / "retros/3주차 회고.md").unlink()
    load_vault(vault, cache=True)
    store = ParseCache.open(vault)
    assert store is not None
    kept = [path for shard in range(SHARDS) for path in (store.read(shard) or {})]
    assert sorted(kept) == ["concepts/LSTM.md", "retros/2주차 회고.md"]


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "other-key", "forged-mac", "wrong-type"])
def test_damaged_or_foreign_shards_are_ignored_and_rewritten(vault: Path, parsed: list[str], damage: str) -> None:
    expected = load_vault(vault, cache=True).notes
    for shard in shards(vault):
        blob = shard.read_bytes()
        if damage == "garbage":
            shard.write_bytes(b"\x00\xff not a cache file")
        elif damage == "truncated":
            shard.write_bytes(blob[: len(blob) // 2])
        elif damage == "empty":
            shard.write_bytes(b"")
        elif damage == "other-key":  # a shard another user (or an attacker) wrote: valid layout, wrong MAC
            shard.write_bytes(blob[:4] + bytes(32) + blob[36:])
        elif damage == "forged-mac":  # a payload swapped under a copied MAC must not be read either
            shard.write_bytes(blob[:36] + msgspec.msgpack.encode(("x", {"y": [b"", b""]})))
        else:  # signed by us, but not a shard (a bug, or a future version's layout): refused by type
            store = ParseCache.open(vault)
            assert store is not None
            store.store(shard.stem, {"y": [1, 2, 3]})
    parsed.clear()
    assert load_vault(vault, cache=True).notes == expected
    assert sorted(parsed) == sorted(NOTES)
    parsed.clear()
    load_vault(vault, cache=True)
    assert parsed == []  # rebuilt


def test_another_tool_version_invalidates(vault: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    load_vault(vault, cache=True)
    parsed.clear()
    monkeypatch.setattr(cache_module, "tool_fingerprint", lambda: "a different parser")
    load_vault(vault, cache=True)
    assert sorted(parsed) == sorted(NOTES)


def test_read_only_vault_falls_back_to_the_user_cache(
    vault: Path, user_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As root every folder is writable, so the read-only vault is simulated.
    usable = cache_module._usable_dir
    monkeypatch.setattr(
        cache_module, "_usable_dir", lambda path, real: CACHE_DIR_NAME not in path.parts and usable(path, real)
    )
    store = ParseCache.open(vault)
    assert store is not None and store.directory.is_relative_to(user_cache)
    load_vault(vault, cache=True)
    assert not (vault / CACHE_DIR_NAME).exists()


CONCURRENT_LOAD = """
import sys
from pathlib import Path
from vaultgraph.vault.load import load_vault
root = Path(sys.argv[1])
for round in range(int(sys.argv[2])):
    (root / f"churn-{sys.argv[3]}.md").write_text(f"# churn {round}\\n", encoding="utf-8")
    load_vault(root, cache=True)
"""


def test_concurrent_writers_never_leave_a_broken_cache(vault: Path, parsed: list[str]) -> None:
    for i in range(40):  # enough notes to fill every shard
        (vault / f"n{i}.md").write_text(f"# n{i}\n\n[[n{i + 1}]]\n", encoding="utf-8")
    runs = [subprocess.Popen([sys.executable, "-c", CONCURRENT_LOAD, str(vault), "15", name]) for name in ("a", "b")]
    assert [run.wait(timeout=120) for run in runs] == [0, 0]
    store = ParseCache.open(vault)
    assert store is not None and shards(vault)
    assert all(store.read(int(path.stem[-2:])) is not None for path in shards(vault))  # none half-written
    assert not list((vault / CACHE_DIR_NAME).glob("*.tmp"))
    expected = load_vault(vault).notes
    parsed.clear()
    notes = load_vault(vault, cache=True).notes
    assert notes == expected
    assert len(parsed) <= 2  # at most the churn notes whose last write lost the race


def test_no_cache_flag_neither_reads_nor_writes(vault: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["lint", str(vault), "--no-cache", "--exit-zero"])
    assert result.exit_code == 0, result.output
    assert not (vault / CACHE_DIR_NAME).exists()
    assert runner.invoke(cli, ["lint", str(vault), "--exit-zero"]).exit_code == 0
    assert shards(vault)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the cache was opened despite --no-cache")

    monkeypatch.setattr(ParseCache, "open", refuse)
    result = runner.invoke(cli, ["lint", str(vault), "--no-cache", "--format", "json"])
    assert result.exit_code == 1 and '"VG101"' in result.output  # [[missing]] found without the cache


@pytest.mark.parametrize(
    "command", [["concepts"], ["timeline"], ["report"], ["graph", "--format", "json", "-o", "-"]], ids=lambda c: c[0]
)
def test_every_command_that_reads_notes_takes_no_cache(vault: Path, command: list[str]) -> None:
    runner = CliRunner()
    fresh = runner.invoke(cli, [*command, str(vault), "--no-cache"])
    assert fresh.exit_code == 0, fresh.output
    assert not (vault / CACHE_DIR_NAME).exists()
    cached = runner.invoke(cli, [*command, str(vault)])
    assert cached.exit_code == 0 and shards(vault)
    assert cached.output == fresh.output
