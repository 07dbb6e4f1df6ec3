"""One file's bytes to the `Note` a vault keeps: `load_note(path, data) -> Note`.

Parsing (`parse.note`) gives the note's facts; the concept candidates of the note
(`concepts.extract`) depend on nothing else, so they are computed here too, once per note, in the
worker that parsed it, and cached with the parse. `concepts.build` later merges them vault-wide.
"""

from __future__ import annotations

from vaultgraph.concepts.extract import extract_terms
from vaultgraph.model import Note
from vaultgraph.parse.note import parse_note


def load_note(path: str, data: bytes, *, with_terms: bool = True) -> Note:
    """The note at vault-relative `path` with bytes `data`; `with_terms=False` leaves `terms` empty
    (a fifth of the work, wasted when nothing reads them and nothing is cached)."""
    note = parse_note(path, data)
    if with_terms and note.readable:
        note.terms = extract_terms(note)
    return note
