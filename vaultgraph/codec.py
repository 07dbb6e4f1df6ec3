"""`Note` <-> nested plain tuples, to move parsed notes between processes and into the cache fast.

Pickling slotted dataclasses goes through a Python-level `__getstate__`/`__setstate__` per object,
which costs more than parsing for a 10k-note vault. Tuples of built-ins pickle in C. The codec is
derived from the model's type hints once, so a field added to `Note` (or to a dataclass it holds)
is carried without touching this module: `list[D]`, `D | None` and `D` for a dataclass `D` are
encoded recursively, anything else (str, int, dates, the front matter dict) is kept as is.
"""

from __future__ import annotations

import dataclasses
import hashlib
import sys
import types
import typing
from collections.abc import Callable, Collection
from itertools import starmap
from operator import attrgetter
from typing import Any

from vaultgraph.model import Note

_SHARED_MAX = 64
"""Strings up to this length are interned when encoded; longer ones (prose) rarely repeat."""
Encoder = Callable[[Any], Any]
Decoder = Callable[[Any], Any]


def _codec_for_type(hint: Any) -> tuple[Encoder, Decoder] | None:
    """Encoder/decoder for one field's type, or None when the value is stored as it is."""
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass_codec(hint)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is list and args and isinstance(args[0], type) and dataclasses.is_dataclass(args[0]):
        enc, dec = _dataclass_codec(args[0])
        if args[0] in _FLAT:  # the class is called straight from C, without a Python frame per item
            cls = args[0]
            return (lambda values: [enc(v) for v in values]), (lambda values: list(starmap(cls, values)))
        return (lambda values: [enc(v) for v in values]), (lambda values: [dec(v) for v in values])
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) == 1 and len(args) == 2:
            codec = _codec_for_type(inner[0])
            if codec is not None:
                enc, dec = codec
                return (lambda v: None if v is None else enc(v)), (lambda v: None if v is None else dec(v))
    return None


def _dataclass_codec(cls: type) -> tuple[Encoder, Decoder]:
    if cls in _CODECS:
        return _CODECS[cls]
    names = [f.name for f in dataclasses.fields(cls) if f.init]
    hints = typing.get_type_hints(cls)
    nested = [(i, found) for i, name in enumerate(names) if (found := _codec_for_type(hints[name])) is not None]
    words = [i for i, name in enumerate(names) if _is_text(hints[name])]
    if len(names) == 1:  # attrgetter of one name returns the value, not a 1-tuple
        single = attrgetter(names[0])

        def get(obj: Any) -> tuple:
            return (single(obj),)

    else:
        get = attrgetter(*names)  # type: ignore[assignment]
    codec: tuple[Encoder, Decoder]
    if not nested and not words:
        codec = (get, lambda values: cls(*values))
    else:

        def encode(obj: Any) -> tuple:
            values = list(get(obj))
            for i, (enc, _) in nested:
                values[i] = enc(values[i])
            for i in words:
                # One object per distinct short string (a term, a section title, a kind): the pickle
                # then stores it once, and the decoded vault shares it (a 10k vault repeats "lstm"
                # and its section titles hundreds of thousands of times).
                value = values[i]
                if value.__class__ is str and len(value) <= _SHARED_MAX:
                    values[i] = sys.intern(value)
            return tuple(values)

        def decode(values: tuple) -> Any:
            if nested:
                fields = list(values)
                for i, (_, dec) in nested:
                    fields[i] = dec(fields[i])
                return cls(*fields)
            return cls(*values)

        codec = (encode, decode)
    if not nested:
        _FLAT.add(cls)
    _CODECS[cls] = codec
    return codec


def _is_text(hint: Any) -> bool:
    """`str`, `str | None` or a `Literal` of strings: values worth sharing when they repeat."""
    if hint is str or typing.get_origin(hint) is typing.Literal:
        return True
    args = typing.get_args(hint)
    return typing.get_origin(hint) in (typing.Union, types.UnionType) and str in args


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


_CODECS: dict[type, tuple[Encoder, Decoder]] = {}
_FLAT: set[type] = set()
"""Dataclasses that hold no other dataclass: decoded by calling the class with the tuple."""
encode_note, decode_note = _dataclass_codec(Note)
_NOTE_FIELDS = [f.name for f in dataclasses.fields(Note) if f.init]


def note_decoder(skip: Collection[str] = ()) -> Decoder:
    """`decode_note`, but the list fields named in `skip` come back empty, without being decoded.

    A command that never reads a field (lint and `Note.terms`) saves the time and memory it takes.
    """
    if not skip:
        return decode_note
    unknown = set(skip) - set(_NOTE_FIELDS)
    if unknown:
        raise ValueError(f"Note has no field {sorted(unknown)[0]!r}")
    empty = [i for i, name in enumerate(_NOTE_FIELDS) if name in skip]

    def decode(values: tuple) -> Note:
        fields = list(values)
        for i in empty:
            fields[i] = []
        note: Note = decode_note(fields)
        return note

    return decode


def _field_decoders() -> list[Decoder | None]:
    hints = typing.get_type_hints(Note)
    return [codec[1] if (codec := _codec_for_type(hints[name])) is not None else None for name in _NOTE_FIELDS]


_FIELD_INDEX = {name: i for i, name in enumerate(_NOTE_FIELDS)}
_FIELD_DECODERS = _field_decoders()


class LazyNote(Note):
    """A `Note` whose fields are decoded from their encoded form the first time they are read.

    A slot that was never assigned raises AttributeError, which sends Python to `__getattr__`:
    that decodes the one field and assigns it, so later reads cost nothing. Lint reusing its
    findings reads only what the vault-wide rules need of an unchanged note (its week, say).
    """

    __slots__ = ("_encoded",)
    _encoded: list[Any]

    def __getattr__(self, name: str) -> Any:
        index = _FIELD_INDEX.get(name)
        if index is None or name == "_encoded":
            raise AttributeError(name)
        encoded = self._encoded
        value, encoded[index] = encoded[index], None  # held once: decoded, or still encoded
        decoder = _FIELD_DECODERS[index]
        value = decoder(value) if decoder is not None else value
        setattr(self, name, value)
        return value

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Note):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in _NOTE_FIELDS)


def lazy_note_decoder(skip: Collection[str] = ()) -> Decoder:
    """Like `note_decoder`, but each field is decoded only when first read (`LazyNote`)."""
    empty = [_FIELD_INDEX[name] for name in skip]

    def decode(values: tuple) -> Note:
        fields = list(values)
        for i in empty:
            fields[i] = []
        note = LazyNote.__new__(LazyNote)
        note._encoded = fields
        return note

    return decode


SCHEMA = hashlib.blake2b(_schema(Note, set()).encode(), digest_size=8).hexdigest()
"""Changes whenever a field of `Note` or of a dataclass it holds changes."""
