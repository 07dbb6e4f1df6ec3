"""A link points at a note or file that is not in the vault, or at a path outside the vault.

Wikilinks resolve as in Obsidian: by file name without `.md`, case-insensitively, then by path
suffix for `[[folder/Note]]`; Markdown links relative to the note, then from the vault root.
A link that climbs out of the vault (`[x](../../etc/passwd)`) is always broken and never opened.

Fails: `[[Transfomer]]` when only `Transformer.md` exists.
Passes: `[[transformer]]`, `[[concepts/Transformer]]`, `[t](../concepts/Transformer.md)`.
"""

from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.lint.rules._links import resolved_links
from vaultgraph.model import Note

CODE = "VG101"
NAME = "broken-link"
SEVERITY = "error"
SCOPE = "links"


def check(note: Note, ctx: RuleContext) -> Iterator[Finding]:
    for link, resolution in resolved_links(note, ctx):
        if link.embed:
            continue
        if resolution.status == "outside":
            yield Finding.at(link.span, f"link to `{link.target}` leaves the vault")
        elif resolution.status == "missing":
            yield Finding.at(link.span, f"`{link.target}` not found in the vault")
