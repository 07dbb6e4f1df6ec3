"""The front matter does not parse (YAML in `---`, TOML in `+++`), is not a mapping, or its block is never closed.

Why: Obsidian then shows no properties, Jekyll drops the post's title, date and tags, and Hugo
refuses to build; vaultgraph reports it instead of silently treating the note as having no front
matter. A `---` block closes only on `---` or `...`, a `+++` block only on `+++`. The notes of the
vault's template folder (Obsidian's Templates or Templater setting) are not checked: their
placeholders (`date: {{date}}`) are not errors until the template is used.

Fails:
    ---
    tags: [회고, boostcamp
    ---
Passes:
    ---
    tags: [회고, boostcamp]
    ---
"""

from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.lint.rules._problems import problems
from vaultgraph.model import Note

CODE = "VG201"
NAME = "invalid-front-matter"
SEVERITY = "error"
SCOPE = "note"


def check(note: Note, ctx: RuleContext) -> Iterator[Finding]:
    return problems(note, CODE)
