"""A link points at a note or file that is not in the vault, or at a path outside the vault.

Wikilinks resolve as in Obsidian: by file name without `.md`, case-insensitively, then by path
suffix for `[[folder/Note]]`; Markdown links relative to the note, then from the vault root.
A link that climbs out of the vault (`[x](../../etc/passwd)`) is always broken and never opened.

Fails: `[[Transfomer]]` when only `Transformer.md` exists.
Passes: `[[transformer]]`, `[[concepts/Transformer]]`, `[t](../concepts/Transformer.md)`.
"""

import re
from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.lint.rules._links import resolved_links
from vaultgraph.model import Link, Note, Span
from vaultgraph.parse.links import URL_SCHEME
from vaultgraph.vault.flavors import commonmark_destinations

CODE = "VG101"
NAME = "broken-link"
SEVERITY = "error"
SCOPE = "links"
_URL = re.compile(URL_SCHEME.pattern + "(?://)?")  # the scheme a hint keeps: `https://`


def check(note: Note, ctx: RuleContext) -> Iterator[Finding]:
    destinations: dict[Span, str] | None = None  # read once, at the first missing link
    for link, resolution in resolved_links(note, ctx):
        if link.embed:
            continue
        if resolution.status == "outside":
            yield Finding.at(link.span, f"link to `{link.target}` leaves the vault")
        elif resolution.status == "missing":
            if destinations is None:
                destinations = commonmark_destinations(note)
            yield Finding.at(link.span, f"`{link.target}` not found in the vault{_meant(link, destinations)}")


def _meant(link: Link, destinations: dict[Span, str]) -> str:
    """What `[[text]](dest)`, kept a wikilink (in Obsidian), was probably meant to be: `[text](dest)`."""
    destination = destinations.get(link.span)
    if destination is None:
        return ""
    text = link.raw[2:-2]
    scheme = _URL.match(destination)
    if scheme is not None:
        return f" (for a web link, write `[{text}]({scheme.group()}…)`)"
    return f" (for a Markdown link, write `[{text}]({destination})`)"
