"""A link matches several notes (same file name in different folders), none in the note's own folder.

Why: Obsidian silently picks one of them; which one depends on the vault, not on what you meant.
Write the folder (`[[concepts/Optimizer]]`) to say which.

Fails: `[[Optimizer]]` with both `concepts/Optimizer.md` and `archive/Optimizer.md`.
Passes: `[[concepts/Optimizer]]`.
"""

from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.lint.rules._links import resolved_links
from vaultgraph.model import Note

CODE = "VG105"
NAME = "ambiguous-link"
SEVERITY = "warning"
SCOPE = "links"


def check(note: Note, ctx: RuleContext) -> Iterator[Finding]:
    for link, resolution in resolved_links(note, ctx):
        if resolution.status == "ambiguous":
            shown = ", ".join(f"`{c}`" for c in resolution.candidates[:4])
            more = f" and {len(resolution.candidates) - 4} more" if len(resolution.candidates) > 4 else ""
            yield Finding.at(link.span, f"`{link.target}` matches {len(resolution.candidates)} notes: {shown}{more}")
