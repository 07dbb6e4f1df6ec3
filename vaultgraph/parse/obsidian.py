"""Obsidian syntax that pulldown-cmark does not know, read from its text events.

pulldown-cmark parses `[[wikilinks]]` and `![[embeds]]` itself (`Options.ENABLE_WIKILINKS`); `#tags`,
`%%comments%%`, `^block-ids` and the empty `[[]]` arrive as plain text, inside the `Text` events of
prose. These functions read that text (never the raw Markdown around it, so nothing inside code,
math or HTML is ever taken for them); `parse.markdown` maps what they find back to positions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vaultgraph.unicode import nfc

# Obsidian tag characters: letters and digits of any script, `_`, `-`, `/`.
_TAG = re.compile(r"#([\w/\-]+)")
_ALL_DIGITS = re.compile(r"[\d/]+")
WHITESPACE = frozenset(" \t\n\u00a0\u3000")
"""What may stand before a `#tag` (Obsidian: a tag starts a word)."""
_BLOCK_ID = re.compile(r"(?:^|\s)\^([A-Za-z0-9][A-Za-z0-9-]*)\s*$")
COMMENT = "%%"


def split_wikilink(inner: str) -> tuple[str, str | None, str | None, str | None]:
    """`Note#Heading|shown` -> (target, heading, block, display). `\\|` separates like `|` (tables)."""
    inner = inner.replace("\\|", "|")
    target_part, sep, display = inner.partition("|")
    name, hash_sep, fragment = target_part.partition("#")
    heading = block = None
    if hash_sep:
        fragment = fragment.strip()
        if fragment.startswith("^"):
            block = fragment[1:].strip()
        else:
            heading = fragment
    return nfc(name.strip()), heading and nfc(heading), block, (nfc(display.strip()) if sep else None)


def tags(text: str, start: int, end: int, word_start: bool) -> Iterator[tuple[int, int, str]]:
    """(offset of `#`, offset after the name, name) of each tag in `text[start:end]`.

    A tag starts a word: the character before its `#` is whitespace, or, at `start`, `word_start`
    says whether what comes before the text (in the source) ends a word. A name that is all digits
    (`#123`, `#2023/01`) is not a tag, and a trailing `/` is not part of it.
    """
    for match in _TAG.finditer(text, start, end):
        hash_at = match.start()
        if not (word_start if hash_at == start else text[hash_at - 1] in WHITESPACE):
            continue
        name = match.group(1).rstrip("/")
        if name and not _ALL_DIGITS.fullmatch(name):
            yield hash_at, hash_at + 1 + len(name), nfc(name)


def block_id(tail: str, word_start: bool) -> str | None:
    """The `^id` that ends a block whose last text is `tail` (`word_start`: as for `tags`)."""
    if "^" not in tail:
        return None
    match = _BLOCK_ID.search(tail if word_start else "\0" + tail)
    return match.group(1) if match else None


def strip_block_id(text: str) -> str:
    """A heading's text without the `^id` that ends it."""
    return _BLOCK_ID.sub("", text).strip() if "^" in text else text.strip()


def empty_wikilinks(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """(offset of `[[`, offset after `]]`, inner text) of each `[[…]]` pulldown-cmark left as text.

    It declines a wikilink with nothing before the `|` (`[[]]`, `[[|shown]]`), which Obsidian shows
    as an (empty) link and VG106 reports. Of `[[[[x]]`, the innermost `[[` opens the link.
    """
    index = text.find("[[", start, end)
    while index != -1:
        close = text.find("]]", index + 2, end)
        if close == -1:
            return
        index = text.rfind("[[", index, close)
        if "\n" not in text[index:close]:
            yield index, close + 2, text[index + 2 : close]
        index = text.find("[[", close + 2, end)
