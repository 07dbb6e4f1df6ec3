"""`parse_note(path, data) -> Note`: the one pure function that turns a file's bytes into facts.

It never raises on content: whatever is wrong with a file becomes a `Problem` on the note.
Being pure and returning picklable data, it can run in a process pool and be cached by content hash.
"""

from __future__ import annotations

from vaultgraph.model import Note, Problem, Tag
from vaultgraph.parse.decode import decode
from vaultgraph.parse.frontmatter import leading_lines, split_front_matter, string_list, tag_list
from vaultgraph.parse.lines import LINE_END as LINE_END  # re-exported: they lived here before parse.lines
from vaultgraph.parse.lines import split_lines as split_lines
from vaultgraph.parse.markdown import parse_markdown
from vaultgraph.parse.note_week import detect_week, note_date


def parse_note(path: str, data: bytes) -> Note:
    """The note at vault-relative `path` with bytes `data` (its concept `terms` are left empty: see
    `vault.note.load_note`)."""
    decoded = decode(data)
    note = Note(path=path, text=decoded.text, encoding=decoded.encoding, bom=decoded.bom, newline=decoded.newline)
    if decoded.error is not None:
        note.readable = False
        note.problems.append(Problem("VG001", f"cannot read file: {decoded.error}"))
        note.title = note.stem
        return note
    if decoded.encoding != "utf-8":
        note.problems.append(Problem("VG002", f"file is encoded as {decoded.encoding.upper()}, not UTF-8"))
    lines, ends = leading_lines(decoded.text)
    front = split_front_matter(lines)
    if front.problem is not None:
        note.problems.append(front.problem)
    note.front_matter, note.front_matter_span, note.front_matter_lines = front.data, front.span, front.key_lines
    body = decoded.text[ends[front.body_start - 1] :] if front.body_start else decoded.text
    if "\r" in body:  # the parser reads LF line ends; each CRLF or CR is one line end
        body = body.replace("\r\n", "\n").replace("\r", "\n")
    # A UTF-8 file that is all body, with LF line ends: its bytes are the body's UTF-8 as they are.
    whole = body is decoded.text and decoded.encoding == "utf-8" and not decoded.bom
    facts = parse_markdown(body, front.body_start + 1, data if whole else None)
    note.headings, note.links, note.block_ids = facts.headings, facts.links, facts.block_ids
    note.list_items, note.fences, note.segments, note.comments = (
        facts.list_items,
        facts.fences,
        facts.segments,
        facts.comments,
    )
    data_ = front.data
    tags_line = front.key_lines.get("tags", front.key_lines.get("tag", 1))
    note.tags = [Tag(name, tags_line, 0, "frontmatter") for name in tag_list(data_.get("tags", data_.get("tag")))]
    note.tags.extend(facts.tags)
    aliases = data_.get("aliases", data_.get("alias"))
    # Only a plain string is comma-separated; a list item is one alias even when it holds a comma.
    note.aliases = [
        a.strip()
        for item in string_list(aliases)
        for a in (item.split(",") if isinstance(aliases, str) else (item,))
        if a.strip()
    ]
    title = data_.get("title")
    first_h1 = next((h.text for h in facts.headings if h.level == 1), None)
    note.title = (
        str(title).strip() if isinstance(title, (str, int, float)) and str(title).strip() else first_h1 or note.stem
    )
    note.date = note_date(path, data_)
    note.week = detect_week(path, note.title, data_, note.date, facts.headings[0].text if facts.headings else None)
    return note
