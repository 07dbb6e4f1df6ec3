"""markdown-it-py plugins for Obsidian syntax: wikilinks and embeds, inline tags, `%%` comments.

Each inline rule records where it matched (`token.meta["pos"]`, `token.meta["end"]`, offsets into
the inline source) because markdown-it inline tokens carry no positions of their own. The same is
done for CommonMark links, images and inline HTML by wrapping those rules (`track_positions`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline

from vaultgraph.unicode import nfc

# Obsidian tag characters: letters and digits of any script, `_`, `-`, `/`.
TAG_BODY = re.compile(r"[\w/\-]+")
_ALL_DIGITS = re.compile(r"[\d/]+")
_WHITESPACE = frozenset(" \t\n\u00a0\u3000")


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


def wikilink_rule(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    embed = src.startswith("![[", pos)
    if not embed and not src.startswith("[[", pos):
        return False
    start = pos + (3 if embed else 2)
    line_end = src.find("\n", start)
    if line_end == -1 or line_end > state.posMax:
        line_end = state.posMax
    # A `[[` with no `]]` before the line end: remember it, so a line of many `[[` stays linear.
    miss = state.env.get("_wikilink_miss")
    if miss is not None and miss[0] is src and miss[1] == line_end and miss[2] <= start:
        return False
    # Inside `[[[[...]]`, every `[[` before the last one fails on the same `]]`: remember that too.
    nested = state.env.get("_wikilink_nested")
    if nested is not None and nested[0] is src and nested[1] <= start <= nested[2]:
        return False
    end = src.find("]]", start, line_end)
    if end == -1:
        state.env["_wikilink_miss"] = (src, line_end, start)
        return False
    last_open = src.rfind("[[", start, end)
    if last_open != -1:
        state.env["_wikilink_nested"] = (src, start, last_open)
        return False
    inner = src[start:end]
    if not silent:
        target, heading, block, display = split_wikilink(inner)
        token = state.push("wikilink", "", 0)
        token.content = inner
        token.meta = {
            "pos": pos + 1 if embed else pos,
            "end": end + 2,
            "raw": src[pos : end + 2],
            "embed": embed,
            "target": target,
            "heading": heading,
            "block": block,
            "display": display,
        }
    state.pos = end + 2
    return True


def tag_rule(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    if src[pos] != "#" or (pos > 0 and src[pos - 1] not in _WHITESPACE):
        return False
    match = TAG_BODY.match(src, pos + 1)
    if not match:
        return False
    name = match.group(0).rstrip("/")
    if not name or _ALL_DIGITS.fullmatch(name):
        return False
    if not silent:
        token = state.push("tag", "", 0)
        token.content = nfc(name)
        token.meta = {"pos": pos, "end": pos + 1 + len(name)}
    state.pos = pos + 1 + len(name)
    return True


def comment_inline_rule(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    if not src.startswith("%%", pos):
        return False
    end = src.find("%%", pos + 2, state.posMax)
    if end == -1:
        return False
    if not silent:
        token = state.push("obsidian_comment", "", 0)
        token.content = src[pos + 2 : end]
        token.meta = {"pos": pos, "end": end + 2}
    state.pos = end + 2
    return True


def comment_block_rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """A `%%` at the start of a line opens a comment that runs to the next `%%` (or the end)."""
    begin = state.bMarks[start_line] + state.tShift[start_line]
    if state.sCount[start_line] - state.blkIndent >= 4 or not state.src.startswith("%%", begin):
        return False
    first = state.src[begin + 2 : state.eMarks[start_line]]
    line = start_line
    if "%%" in first:
        if first.rstrip().endswith("%%") is False:
            return False  # `%% a %% text`: an inline comment inside a paragraph
    else:
        line += 1
        while line < end_line and "%%" not in state.src[state.bMarks[line] : state.eMarks[line]]:
            line += 1
    if silent:
        return True
    last = min(line, end_line - 1)
    token = state.push("obsidian_comment", "", 0)
    token.map = [start_line, last + 1]
    token.content = state.src[begin : state.eMarks[last]]
    state.line = last + 1
    return True


def track_positions(md: MarkdownIt, names: tuple[str, ...]) -> None:
    """Wrap CommonMark inline rules so their tokens remember where they matched."""
    for name in names:
        index = md.inline.ruler.__find__(name)
        if index < 0:
            continue
        rule = md.inline.ruler.__rules__[index]
        rule.fn = _tracking(rule.fn)
    md.inline.ruler.__compile__()


def _tracking(fn: Callable[[StateInline, bool], bool]) -> Callable[[StateInline, bool], bool]:
    def tracked(state: StateInline, silent: bool) -> bool:
        # The rule's first token comes after the text still pending, which its first push flushes.
        start, first = state.pos, len(state.tokens) + (1 if state.pending else 0)
        matched = fn(state, silent)
        if matched and not silent and len(state.tokens) > first:
            state.tokens[first].meta = {**(state.tokens[first].meta or {}), "pos": start, "end": state.pos}
        return matched

    return tracked


def obsidian_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.before("link", "wikilink", wikilink_rule)
    md.inline.ruler.before("link", "obsidian_tag", tag_rule)
    md.inline.ruler.before("link", "obsidian_comment", comment_inline_rule)
    md.block.ruler.before("paragraph", "obsidian_comment", comment_block_rule)
    track_positions(md, ("link", "image", "html_inline"))
