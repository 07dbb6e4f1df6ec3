"""`Note` <-> bytes (MessagePack, by msgspec): how parsed notes cross processes and sit in the cache.

msgspec encodes and decodes the model's dataclasses in C, typed from their hints, so a field added
to `Note` (or to a dataclass it holds) travels without touching this module, and a value of the
wrong type is refused rather than carried. It replaced a hand-written codec to nested tuples sent
through pickle (`benchmarks/codec.py`, 10k vault, lint's notes): a worker's side 0.98 -> 0.31
CPU-s, the parent's 0.71 -> 0.36 s; the bytes are twice as many (field names), 81 MB.

What msgspec would not give back as it was, and how it travels instead:

- Front matter is YAML's or TOML's data (`dict[str, Any]`): a date, a date-time with its UTC offset,
  a TOML time of day, a tuple, a set or a mapping with such keys would come back as a string, a UTC
  date-time or a list, so they travel as MessagePack extension values (`_portable`, `_restore`). A value that contains itself
  (YAML anchors allow it) is cut where it repeats, and nesting deeper than `_MAX_DEPTH` is cut, to
  None.
- `terms` and `segments`, the largest fields, travel beside the note as raw MessagePack and are
  decoded only for a caller that reads them (lint never reads `terms`; `LazyNote` decodes them on
  first read).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import typing
from collections.abc import Callable, Collection
from typing import Any

import msgspec

from vaultgraph.model import Note, Segment, Term

_DATE, _DATETIME, _TUPLE, _SET, _MAPPING, _TIME = range(1, 7)
_MAX_DEPTH = 64
_SCALARS = frozenset({str, int, float, bool, type(None), bytes})
_DETACHED = ("terms", "segments")
"""The fields that travel beside the note, as raw MessagePack."""
_NOTE_FIELDS = tuple(f.name for f in dataclasses.fields(Note))
Decoder = Callable[[bytes], Note]


def _portable(value: Any, depth: int, open_: set[int]) -> Any:
    """`value` with what MessagePack cannot hold faithfully turned into extension values; `open_` holds
    the containers being converted, to cut a value that contains itself."""
    kind = value.__class__
    if kind in _SCALARS:
        return value
    if kind is dt.datetime:
        return msgspec.msgpack.Ext(_DATETIME, value.isoformat().encode())
    if kind is dt.date:
        return msgspec.msgpack.Ext(_DATE, value.isoformat().encode())
    if kind is dt.time:
        return msgspec.msgpack.Ext(_TIME, value.isoformat().encode())
    if depth >= _MAX_DEPTH or id(value) in open_:
        return None
    open_.add(id(value))
    try:
        if kind is list:
            return [_portable(item, depth + 1, open_) for item in value]
        if kind is dict:
            if all(key.__class__ in _SCALARS for key in value):
                return {key: _portable(item, depth + 1, open_) for key, item in value.items()}
            pairs = [
                [_portable(key, depth + 1, open_), _portable(item, depth + 1, open_)] for key, item in value.items()
            ]
            return msgspec.msgpack.Ext(_MAPPING, _ENCODER.encode(pairs))
        if kind is tuple or kind is set or kind is frozenset:
            items = [_portable(item, depth + 1, open_) for item in value]
            return msgspec.msgpack.Ext(_TUPLE if kind is tuple else _SET, _ENCODER.encode(items))
        return str(value)  # YAML's safe loader and tomllib make nothing else; keep it readable
    finally:
        open_.discard(id(value))


def _restore(code: int, data: memoryview) -> Any:
    """The value an extension of `_portable` stands for."""
    if code == _DATE:
        return dt.date.fromisoformat(bytes(data).decode())
    if code == _DATETIME:
        return dt.datetime.fromisoformat(bytes(data).decode())
    if code == _TIME:
        return dt.time.fromisoformat(bytes(data).decode())
    items = msgspec.msgpack.decode(data, ext_hook=_restore)
    if code == _TUPLE:
        return tuple(items)
    if code == _SET:
        return set(items)
    if code == _MAPPING:
        return {_hashable(key): item for key, item in items}
    raise ValueError(f"unknown MessagePack extension {code}")


def _hashable(key: Any) -> Any:
    return frozenset(key) if isinstance(key, set) else key


_ENCODER = msgspec.msgpack.Encoder()
_NOTE = msgspec.msgpack.Decoder(tuple[Note, msgspec.Raw, msgspec.Raw, dict[str, Any]], ext_hook=_restore)
_TERMS = msgspec.msgpack.Decoder(list[Term])
_SEGMENTS = msgspec.msgpack.Decoder(list[Segment])
_SET_SECTION = Segment.__dict__["section"].__set__
"""The slot's own setter: `Segment` is frozen, and this is part of building it from bytes."""


def _segments(raw: msgspec.Raw) -> list[Segment]:
    """Decoded segments, the equal section titles of a note shared as one string.

    MessagePack writes a string for each segment, so decoding makes one object per segment: 400k
    copies of 10k headings' texts for the 10k vault, 30 MB of the parent's memory.
    """
    segments = _SEGMENTS.decode(raw)
    first: dict[str, str] = {}
    for segment in segments:
        section = segment.section
        shared = first.setdefault(section, section)
        if shared is not section:
            _SET_SECTION(segment, shared)
    return segments


_FIELD_DECODERS: dict[str, Callable[[msgspec.Raw], Any]] = {"terms": _TERMS.decode, "segments": _segments}


def encode_note(note: Note) -> bytes:
    """`note` as MessagePack: [the note without its detached fields and front matter, terms, segments, front matter]."""
    terms, segments, front = note.terms, note.segments, note.front_matter
    note.terms, note.segments, note.front_matter = [], [], {}  # encoded beside it, in their own form
    try:
        return _ENCODER.encode((note, terms, segments, _portable(front, 0, set())))
    finally:
        note.terms, note.segments, note.front_matter = terms, segments, front


def decode_note(blob: bytes) -> Note:
    return note_decoder()(blob)


def note_decoder(skip: Collection[str] = ()) -> Decoder:
    """A decoder of `encode_note`'s bytes whose notes have the list fields named in `skip` empty.

    A command that never reads a field (lint and `Note.terms`) saves the time and memory it takes.
    """
    unknown = set(skip) - set(_NOTE_FIELDS)
    if unknown:
        raise ValueError(f"Note has no field {sorted(unknown)[0]!r}")
    read = [name for name in _DETACHED if name not in skip]
    empty = [name for name in skip if name not in _DETACHED]

    def decode(blob: bytes) -> Note:
        note, terms, segments, front = _NOTE.decode(blob)
        note.front_matter = front
        raw = {"terms": terms, "segments": segments}
        for name in read:
            setattr(note, name, _FIELD_DECODERS[name](raw[name]))
        for name in empty:
            setattr(note, name, [])
        return note

    return decode


class LazyNote(Note):
    """A `Note` whose `terms` and `segments` are decoded the first time they are read.

    Their slots are left unset, so reading one raises AttributeError, which sends Python to
    `__getattr__`: that decodes the field and assigns it. Lint reusing its findings reads little of
    an unchanged note (its week, its links), and never its segments.
    """

    __slots__ = ("_detached",)
    _detached: dict[str, msgspec.Raw]

    def __getattr__(self, name: str) -> Any:
        if name == "_detached":
            raise AttributeError(name)
        raw = self._detached.pop(name, None)
        if raw is None:
            raise AttributeError(name)
        value = _FIELD_DECODERS[name](raw)
        setattr(self, name, value)
        return value

    def __eq__(self, other: object) -> bool:  # the dataclass's __eq__ wants the very same class
        if not isinstance(other, Note):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in _NOTE_FIELDS)

    __hash__ = None  # type: ignore[assignment]  # as Note's: mutable, compared by value


_LAZY_NOTE = msgspec.msgpack.Decoder(tuple[LazyNote, msgspec.Raw, msgspec.Raw, dict[str, Any]], ext_hook=_restore)


def lazy_note_decoder(skip: Collection[str] = ()) -> Decoder:
    """Like `note_decoder`, but `terms` and `segments` are decoded only when first read (`LazyNote`)."""
    empty = [name for name in skip if name not in _DETACHED]
    note_decoder(skip)  # refuses unknown names

    def decode(blob: bytes) -> Note:
        note, terms, segments, front = _LAZY_NOTE.decode(blob)
        note.front_matter = front
        note._detached = {}
        for name, raw in (("terms", terms), ("segments", segments)):
            if name in skip:
                setattr(note, name, [])
            else:
                delattr(note, name)
                note._detached[name] = raw.copy()  # its own bytes: a view would keep the whole note's alive
        for name in empty:
            setattr(note, name, [])
        return note

    return decode


def _schema(cls: type, seen: set[type]) -> str:
    """The field layout of `cls` and every dataclass it holds: part of the cache key."""
    if cls in seen:
        return cls.__name__
    seen.add(cls)
    hints = typing.get_type_hints(cls)
    parts = []
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        inner = [a for a in (hint, *typing.get_args(hint)) if isinstance(a, type) and dataclasses.is_dataclass(a)]
        parts.append(f"{f.name}:{hint}" + "".join(_schema(a, seen) for a in inner))
    return f"{cls.__name__}({','.join(parts)})"


SCHEMA = hashlib.blake2b(_schema(Note, set()).encode(), digest_size=8).hexdigest()
"""Changes whenever a field of `Note` or of a dataclass it holds changes."""
