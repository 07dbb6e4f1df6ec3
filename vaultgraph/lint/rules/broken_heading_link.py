"""A link names a heading (`[[Note#Heading]]`, `[[#Heading]]`) that the target note does not have.

Headings match as in Obsidian: case and runs of spaces do not matter, nor `# | ^ : [ ]`;
for Markdown links a GitHub/Jekyll slug (`#kl-divergence`) matches too, and a repeated heading's
numbered slug (the second `## Notes` is `#notes-1`). `[[Note#A#B]]` needs both.

Fails: `[[LSTM#Gates]]` when LSTM.md has only `## Gate` headings.
Passes: `[[LSTM#gates]]` when LSTM.md has `## Gates`.
"""

from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.lint.rules._links import headings_of, resolved_links
from vaultgraph.model import Note

CODE = "VG103"
NAME = "broken-heading-link"
SEVERITY = "error"
SCOPE = "links"


def check(note: Note, ctx: RuleContext) -> Iterator[Finding]:
    for link, resolution in resolved_links(note, ctx):
        if link.heading is None or not link.heading.strip():
            continue
        target = ctx.vault.notes.get(resolution.path or "") if resolution.found else None
        if target is not None and target.readable and not headings_of(target, ctx).match(link.heading):
            where = "this note" if target is note else f"`{target.path}`"
            yield Finding.at(link.span, f"heading `{link.heading}` not found in {where}")
