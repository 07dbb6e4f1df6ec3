"""Bytes to text: the byte-order mark first, then UTF-8, then a Korean legacy fallback; never a crash.

A BOM names its encoding outright (UTF-8, UTF-16 or UTF-32, either byte order), so it is read
before anything else: the UTF-32 little-endian mark `FF FE 00 00` begins with UTF-16's `FF FE`, and
UTF-16 and UTF-32 text is full of NUL bytes that would otherwise say "binary". Only the first mark
is the BOM: a second U+FEFF right after it is text, kept so that a fix writes the file back whole.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

# Tried in order after UTF-8. CP949 is a superset of EUC-KR and is what Windows Korean editors write.
FALLBACK_ENCODINGS = ("cp949",)

# (mark, encoding reported, codec of the text after the mark). UTF-32 before UTF-16: see above.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)
_NUL_ERROR = "contains NUL bytes (binary file?)"


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    """Decoded text, line endings untouched, BOM removed."""
    encoding: str
    """`utf-8`, `utf-16`, `utf-32` (the byte order is the BOM's), `cp949`; `binary`/`unknown` on error."""
    bom: bool
    """The file starts with a byte-order mark (always, for UTF-16 and UTF-32)."""
    newline: str
    """The first line ending in the file (`\\n`, `\\r\\n` or `\\r`); `\\n` when there is none."""
    error: str | None = None
    """Why the bytes could not be read as text (the note is then unreadable)."""


def detect_newline(text: str) -> str:
    index = text.find("\n")
    cr = text.find("\r")
    if cr != -1 and (index == -1 or cr < index):
        return "\r\n" if text.startswith("\r\n", cr) else "\r"
    return "\n"


def byte_order_mark(data: bytes) -> tuple[bytes, str, str] | None:
    """(mark, encoding, codec of the rest) of the BOM `data` starts with, or None."""
    return next((bom for bom in _BOMS if data.startswith(bom[0])), None)


def decode(data: bytes) -> Decoded:
    bom = byte_order_mark(data)
    if bom is not None and bom[1] != "utf-8":
        return _decode_marked(data, *bom)
    skip = len(bom[0]) if bom is not None else 0
    body, has_bom = data[skip:], bom is not None
    if b"\x00" in body:
        return Decoded("", "binary", has_bom, "\n", _NUL_ERROR)
    try:
        text = body.decode("utf-8")
        return Decoded(text, "utf-8", has_bom, detect_newline(text))
    except UnicodeDecodeError as exc:
        utf8_error = exc
    for encoding in FALLBACK_ENCODINGS if not has_bom else ():
        try:
            text = body.decode(encoding)
        except UnicodeDecodeError:
            continue
        return Decoded(text, encoding, False, detect_newline(text))
    return Decoded(
        "",
        "unknown",
        has_bom,
        "\n",
        f"not valid UTF-8 (byte 0x{body[utf8_error.start]:02x} at offset {utf8_error.start + skip})"
        + ("" if has_bom else " and no fallback encoding fits"),
    )


def _decode_marked(data: bytes, mark: bytes, encoding: str, codec: str) -> Decoded:
    try:
        text = data[len(mark) :].decode(codec)
    except UnicodeDecodeError as exc:
        where = f"{exc.reason} at offset {exc.start + len(mark)}"
        return Decoded("", "unknown", True, "\n", f"not valid {encoding.upper()} ({where})")
    if "\x00" in text:
        return Decoded("", "binary", True, "\n", _NUL_ERROR)
    return Decoded(text, encoding, True, detect_newline(text))
