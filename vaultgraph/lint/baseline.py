"""`--baseline FILE` / `--write-baseline FILE`: adopt the linter on an old vault.

A baseline is a JSON file of known findings. A finding is known when a baseline entry has the same path,
code and message and the same hash of the text of the finding's line; the line number itself is kept
only for people reading the file, so known findings stay known when lines above them move. Entries are
counted: two identical findings need two entries.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from vaultgraph.errors import VaultgraphError
from vaultgraph.model import Diagnostic, Note
from vaultgraph.parse.lines import split_lines

BASELINE_VERSION = 1
Key = tuple[str, str, str, str]


class BaselineError(VaultgraphError):
    """An unreadable or malformed baseline file; the message is one line."""


def line_hash(notes: Mapping[str, Note], diagnostic: Diagnostic) -> str:
    """Hash of the finding's line, stripped, so re-indenting or moving the line keeps it known."""
    note = notes.get(diagnostic.path)
    lines = split_lines(note.text) if note is not None else []
    text = lines[diagnostic.line - 1].strip() if 0 < diagnostic.line <= len(lines) else ""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _key(notes: Mapping[str, Note], d: Diagnostic) -> Key:
    return (d.path, d.code, d.message, line_hash(notes, d))


def baseline_data(diagnostics: Iterable[Diagnostic], notes: Mapping[str, Note]) -> dict[str, Any]:
    """The baseline document for these findings, sorted so that it diffs well in version control."""
    entries = [
        {"path": d.path, "code": d.code, "message": d.message, "line_hash": line_hash(notes, d), "line": d.line}
        for d in sorted(diagnostics, key=Diagnostic.sort_key)
    ]
    return {"version": BASELINE_VERSION, "tool": "vaultgraph", "findings": entries}


def write_baseline(path: Path, diagnostics: list[Diagnostic], notes: Mapping[str, Note]) -> int:
    """Write the baseline file; returns how many findings it holds."""
    data = baseline_data(diagnostics, notes)
    try:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise BaselineError(f"{path}: cannot write baseline: {exc.strerror or exc}") from exc
    return len(data["findings"])


def read_baseline(path: Path) -> Counter[Key]:
    """The known findings in a baseline file, counted."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise BaselineError(f"{path}: not a vaultgraph baseline (invalid JSON: {exc})") from exc
    if (
        not isinstance(data, dict)
        or data.get("version") != BASELINE_VERSION
        or not isinstance(data.get("findings"), list)
    ):
        raise BaselineError(
            f"{path}: not a vaultgraph baseline (expected version {BASELINE_VERSION} and a list of findings)"
        )
    known: Counter[Key] = Counter()
    fields = ("path", "code", "message", "line_hash")
    for number, entry in enumerate(data["findings"], 1):
        if not isinstance(entry, dict) or not all(isinstance(entry.get(f), str) for f in fields):
            raise BaselineError(f"{path}: finding {number}: needs string fields {', '.join(fields)}")
        known[tuple(entry[f] for f in fields)] += 1
    return known


def new_findings(diagnostics: list[Diagnostic], known: Counter[Key], notes: Mapping[str, Note]) -> list[Diagnostic]:
    """The findings the baseline does not account for, in their original order."""
    remaining = Counter(known)
    fresh = []
    for d in diagnostics:
        key = _key(notes, d)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            fresh.append(d)
    return fresh
