"""An embed (`![[file]]`, `![alt](file)`) points at a note or attachment that is not in the vault.

Why: the note renders with a hole where the picture or the transcluded note should be.

Fails: `![[loss-curve.png]]` when the image was never added to the vault.
Passes: `![[loss-curve.png]]` with `attachments/loss-curve.png` anywhere in the vault.
"""

from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.lint.rules._links import resolved_links
from vaultgraph.model import Note

CODE = "VG102"
NAME = "broken-embed"
SEVERITY = "error"
SCOPE = "links"


def check(note: Note, ctx: RuleContext) -> Iterator[Finding]:
    for link, resolution in resolved_links(note, ctx):
        if not link.embed:
            continue
        if resolution.status == "outside":
            yield Finding.at(link.span, f"embed of `{link.target}` leaves the vault")
        elif resolution.status == "missing":
            yield Finding.at(link.span, f"embedded file `{link.target}` not found in the vault")
