"""Wikilink dialects. Obsidian writes `[[target|label]]`; Dendron writes `[[label|target]]`,
may prefix the target with `dendron://VAULT/`, and puts ranges after a heading (`#intro,1:#*`, `#a:#b`).

Parsing stays dialect-free (so parse results can be cached); the vault's flavor is applied after.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from vaultgraph.model import Link, Note

FLAVORS = ("auto", "obsidian", "dendron")
_DENDRON_VAULT = re.compile(r"dendron://[^/]*/")


def detect_flavor(root: Path, configured: str = "auto") -> str:
    """`auto` is Dendron when the vault (or its parent workspace) has a `dendron.yml`."""
    if configured != "auto":
        return configured
    for folder in (root, root.parent):
        if (folder / "dendron.yml").is_file():
            return "dendron"
    return "obsidian"


def _dendron_link(link: Link) -> Link:
    if link.kind != "wikilink":
        return link
    if link.display is not None:  # [[label|target#heading]]: the target is after the pipe
        target_part, label = link.display, (link.target + (f"#{link.heading}" if link.heading else ""))
        name, _, fragment = target_part.partition("#")
        heading, block = (None, fragment[1:]) if fragment.startswith("^") else ((fragment or None), None)
    else:
        name, heading, block, label = link.target, link.heading, link.block, None
    name = _DENDRON_VAULT.sub("", name).strip()
    if heading is not None:
        heading = re.split(r",|:#", heading, maxsplit=1)[0].strip() or None
    if heading == "*":
        heading = None
    return dataclasses.replace(link, target=name, heading=heading, block=block, display=label)


def apply_flavor(note: Note, flavor: str) -> None:
    if flavor == "dendron":
        note.links = [_dendron_link(link) for link in note.links]
