"""Whole-run lint results, reused while nothing they depend on has changed.

A run's findings depend on the notes' bytes (by digest, from the snapshot), the other files
(attachments, unreadable notes, folders that could not be listed), the link flavor, the config,
the selected rules and vaultgraph itself (every source file, since a rule edit changes findings).
All of that is hashed into one key; a warm run whose key matches prints the stored findings
without loading a single note. Each selection of config and rules keeps its own file in the
cache folder, signed like the parse cache; the least recently used beyond `_KEEP` are removed.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Sequence
from itertools import starmap
from operator import attrgetter
from pathlib import Path

import vaultgraph
from vaultgraph.cache import ParseCache, source_fingerprint
from vaultgraph.config import Config
from vaultgraph.lint.rule import Rule
from vaultgraph.model import Diagnostic, Edit
from vaultgraph.vault.snapshot import Snapshot

_KEEP = 8
_EDIT = attrgetter("line", "column", "end_line", "end_column", "replacement")
_FIELDS = ("path", "line", "column", "end_line", "end_column", "code", "rule", "severity", "message")
_DIAGNOSTIC = attrgetter(*_FIELDS)


def _selection_name(config: Config, rules: Sequence[Rule], flavor: str) -> str:
    h = hashlib.blake2b(digest_size=8)
    h.update(repr((config, [r.code for r in rules], flavor)).encode("utf-8", "surrogatepass"))
    return f"lint-{h.hexdigest()}"


def _vault_key(snapshot: Snapshot) -> bytes:
    state = (sorted(snapshot.digests.items()), sorted(snapshot.unreadable.items()), snapshot.errors,
             snapshot.attachments, source_fingerprint(Path(vaultgraph.__file__).parent))
    return hashlib.blake2b(pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL), digest_size=16).digest()


def _encode(diagnostics: list[Diagnostic]) -> list[tuple]:
    return [(*_DIAGNOSTIC(d), tuple(map(_EDIT, d.edits)), d.unsafe_fix) for d in diagnostics]


def _decode(rows: list[tuple]) -> list[Diagnostic]:
    return [Diagnostic(*row[:9], tuple(starmap(Edit, row[9])), row[10]) for row in rows]


def lint_with_results(snapshot: Snapshot, store: ParseCache, config: Config, rules: Sequence[Rule], flavor: str,
                      lint: Callable[[], list[Diagnostic]]) -> list[Diagnostic]:
    """The stored findings when the key matches, else `lint()`'s, stored for the next run."""
    name = _selection_name(config, rules, flavor)
    key = _vault_key(snapshot)
    stored = store.load(name)
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == key:
        try:
            return _decode(stored[1])
        except (TypeError, ValueError):
            pass  # a layout from another version slipped through: lint again
    diagnostics = lint()
    store.store(name, (key, _encode(diagnostics)))
    _prune(store.directory)
    return diagnostics


def _prune(directory: Path) -> None:
    try:
        files = sorted(directory.glob("lint-*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in files[_KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # pruning is housekeeping; a file that vanished meanwhile was pruned by someone else
