"""The note is not UTF-8; it was decoded with a fallback encoding (CP949/EUC-KR, UTF-16).

Why: Obsidian, GitHub and Jekyll read Markdown as UTF-8, so these notes show up as mojibake there.
The fix (only with `--unsafe-fixes`) rewrites the file as UTF-8: the bytes change, the text does not.

Fails: a note saved as CP949 by an old Windows editor.
Passes: a note saved as UTF-8, with or without a BOM.
"""

from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.lint.rules._problems import problems
from vaultgraph.model import Note

CODE = "VG002"
NAME = "non-utf8-encoding"
SEVERITY = "warning"
SCOPE = "note"
FIX = "unsafe"


def check(note: Note, ctx: RuleContext) -> Iterator[Finding]:
    return problems(note, CODE)
