"""Lint results kept between runs: whole, and per note (`vaultgraph.lint.memo`).

A run's findings depend on the notes' bytes (by digest, from the snapshot), the other files
(attachments, unreadable notes, folders that could not be listed, special files), which notes are
templates (never linted; no per-note memo is kept for them), the link flavor, the config,
the selected rules and vaultgraph itself (every source file, since a rule edit changes findings).
Each selection of config, rules, flavor and vaultgraph keeps one file in the cache folder, signed
like the parse cache, holding the last run's findings under a key of the vault's state, and its
per-note memo. A run whose key matches prints the stored findings without loading a single note;
otherwise the vault is loaded lazily and only what changed is checked again. The files written
longest ago beyond `_KEEP` are removed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path

import msgspec

import vaultgraph
from vaultgraph.cache import ParseCache, source_fingerprint
from vaultgraph.config import Config
from vaultgraph.lint.engine import lint_vault
from vaultgraph.lint.memo import Entry, FindingsMemo
from vaultgraph.lint.rule import Rule
from vaultgraph.model import Diagnostic, Vault
from vaultgraph.vault.snapshot import Snapshot

_KEEP = 8
# (vault key, findings, per-note memo): the memo is only decoded when the key does not match.
_STORED = msgspec.msgpack.Decoder(tuple[bytes, list[Diagnostic], msgspec.Raw])
_MEMO = msgspec.msgpack.Decoder(dict[str, Entry])


def _selection_name(config: Config, rules: Sequence[Rule], flavor: str) -> str:
    """One file per selection and vaultgraph: its memo is only ever read by the same rules."""
    h = hashlib.blake2b(digest_size=8)
    h.update(repr((config, [r.code for r in rules], flavor)).encode("utf-8", "surrogatepass"))
    h.update(source_fingerprint(Path(vaultgraph.__file__).parent).encode())
    return f"lint-{h.hexdigest()}"


def _vault_key(snapshot: Snapshot) -> bytes:
    state = (
        sorted(snapshot.digests.items()),
        sorted(snapshot.unreadable.items()),
        snapshot.errors,
        snapshot.special,
        snapshot.attachments,
        sorted(snapshot.templates),
    )
    return hashlib.blake2b(repr(state).encode("utf-8", "surrogatepass"), digest_size=16).digest()  # see outline_digest


def lint_with_results(
    snapshot: Snapshot, store: ParseCache, config: Config, rules: Sequence[Rule], flavor: str, load: Callable[[], Vault]
) -> list[Diagnostic]:
    """The stored findings when the key matches; else lint `load()`'s vault, reusing what still holds."""
    name = _selection_name(config, rules, flavor)
    key = _vault_key(snapshot)
    stored = store.load(name, _STORED)
    previous: dict[str, Entry] = {}
    if stored is not None:
        if stored[0] == key:
            return stored[1]
        try:
            previous = _MEMO.decode(stored[2])
        except msgspec.DecodeError:
            previous = {}
    vault = load()
    memo = FindingsMemo.for_vault(vault, snapshot.digests, previous)
    diagnostics = lint_vault(vault, config, rules, memo=memo)
    store.store(name, (key, diagnostics, memo.current))
    _prune(store.directory)
    return diagnostics


def _prune(directory: Path) -> None:
    try:
        files = sorted(directory.glob("lint-*.msgpack"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in files[_KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # pruning is housekeeping; a file that vanished meanwhile was pruned by someone else
