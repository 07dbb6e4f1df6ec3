"""Two or more notes have the same file name in different folders (reported on each).

Why: Obsidian links by file name, so `[[Optimizer]]` can mean either note and which one it opens
depends on the vault (see VG105); renaming one of them or writing `[[folder/Name]]` everywhere
removes the doubt. Names compare as Obsidian compares them: ignoring case, in Unicode NFC.

That includes twins that only Linux can hold: `회고.md` written once in NFC and once in NFD (as
macOS writes Hangul names) are two files that look the same everywhere; Obsidian and every Mac
see one of them. The finding says so; rename or merge one of the two.

Fails: `concepts/Optimizer.md` and `archive/Optimizer.md`.
Passes: `concepts/Optimizer.md` and `archive/Optimizer (2022 정리).md`.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.model import Vault
from vaultgraph.unicode import nfc
from vaultgraph.vault.resolve import fold

CODE = "VG402"
NAME = "duplicate-note-name"
SEVERITY = "warning"


def check_vault(vault: Vault, ctx: RuleContext) -> Iterator[Finding]:
    by_name: dict[str, list[str]] = defaultdict(list)
    for path in vault.notes:
        by_name[fold(posixpath.basename(path))].append(path)
    for paths in by_name.values():
        if len(paths) < 2:
            continue
        for path in paths:
            others = [other for other in paths if other != path]
            twins = [other for other in others if nfc(other) == nfc(path)]
            if twins:
                form = "NFC" if nfc(twins[0]) == twins[0] else "NFD, as macOS writes names"
                yield Finding(
                    1,
                    1,
                    f"another file has this very name spelled in Unicode {form}: {_listed(twins)};"
                    " Obsidian and macOS see only one of the two",
                    path=path,
                )
            if len(twins) < len(others):
                rest = [other for other in others if other not in twins]
                yield Finding(1, 1, f"another note has the same file name: {_listed(rest)}", path=path)


def _listed(paths: list[str]) -> str:
    return ", ".join(f"`{path}`" for path in paths)
