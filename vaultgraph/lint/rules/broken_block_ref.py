"""A block reference (`[[Note#^id]]`) names a block id that the target note does not define.

A block id is `^id` at the end of a paragraph or list item, or alone on the line after a block.

Fails: `[[Attention#^qkv]]` when Attention.md has no `^qkv`.
Passes: `[[Attention#^qkv]]` when a line of Attention.md ends with ` ^qkv`.
"""

from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.lint.rules._links import resolved_links
from vaultgraph.model import Note
from vaultgraph.vault.resolve import has_block

CODE = "VG104"
NAME = "broken-block-ref"
SEVERITY = "error"
SCOPE = "links"


def check(note: Note, ctx: RuleContext) -> Iterator[Finding]:
    for link, resolution in resolved_links(note, ctx):
        if link.block is None:
            continue
        target = ctx.vault.notes.get(resolution.path or "") if resolution.found else None
        if target is not None and target.readable and not has_block(target, link.block):
            where = "this note" if target is note else f"`{target.path}`"
            yield Finding.at(link.span, f"block `^{link.block}` not found in {where}")
