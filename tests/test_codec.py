"""`vaultgraph.codec`: notes to MessagePack and back, front matter values included, exactly."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from vaultgraph.codec import LazyNote, decode_note, encode_note, lazy_note_decoder, note_decoder
from vaultgraph.parse.note import parse_note

KST = dt.timezone(dt.timedelta(hours=9))

# (id, front matter value): each must come back equal and of the same type, as YAML's or TOML's loader made it.
VALUES: list[tuple[str, Any]] = [
    ("jekyll-datetime-keeps-its-offset", dt.datetime(2022, 10, 14, 18, 0, tzinfo=KST)),
    ("naive-datetime", dt.datetime(2022, 10, 14, 18, 0, 5)),
    ("date", dt.date(2022, 9, 30)),
    ("toml-time-of-day", dt.time(7, 32, 0, 999000)),
    ("nested-dates", {"start": dt.date(2022, 9, 1), "list": [dt.date(2022, 9, 2), "x"]}),
    ("set", {"a", "b"}),
    ("tuple", (1, "a")),
    ("date-keys", {dt.date(2022, 1, 1): "new year", 2: "two"}),
    ("scalars", [None, True, 1, 1.5, "문자열", b"\x00\xff"]),
    ("list-of-lists", [["a", "b"], ["c"]]),
]


def _note_with(value: Any) -> Any:
    note = parse_note("n.md", b"# N\n\n[[LSTM]] text #tag\n")
    note.front_matter = {"value": value}
    return note


@pytest.mark.parametrize("value", [v for _, v in VALUES], ids=[name for name, _ in VALUES])
def test_front_matter_values_round_trip_with_their_types(value: Any) -> None:
    back = decode_note(encode_note(_note_with(value))).front_matter["value"]
    assert back == value and type(back) is type(value)
    if isinstance(value, dt.datetime):
        assert back.utcoffset() == value.utcoffset()


def test_a_value_that_contains_itself_is_cut_where_it_repeats() -> None:
    loop: list[Any] = ["a"]
    loop.append(loop)  # what `tags: &t [a, *t]` loads to
    assert decode_note(encode_note(_note_with(loop))).front_matter["value"] == ["a", None]


def test_nesting_deeper_than_the_limit_is_cut() -> None:
    deep: list[Any] = []
    inner = deep
    for _ in range(200):
        inner.append([])
        inner = inner[0]
    back = decode_note(encode_note(_note_with(deep))).front_matter["value"]
    depth = 0
    while isinstance(back, list) and back:
        back, depth = back[0], depth + 1
    assert back is None and depth < 100


def test_encoding_leaves_the_note_as_it_was() -> None:
    note = _note_with(dt.date(2022, 1, 1))
    before = (note.front_matter, note.terms, note.segments)
    encode_note(note)
    assert (note.front_matter, note.terms, note.segments) == before and note.segments


def test_skipped_fields_come_back_empty() -> None:
    note = _note_with("x")
    back = note_decoder(("segments", "links"))(encode_note(note))
    assert back.segments == [] and back.links == [] and back.headings == note.headings


def test_a_lazy_note_decodes_its_segments_when_read() -> None:
    note = _note_with("x")
    lazy = lazy_note_decoder(("terms",))(encode_note(note))
    assert isinstance(lazy, LazyNote) and "segments" in lazy._detached
    assert lazy.segments == note.segments and "segments" not in lazy._detached
    assert lazy == note and note == lazy
