"""Bytes to text: UTF-8 with or without BOM, else a Korean legacy fallback, never a crash."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

# Tried in order after UTF-8. CP949 is a superset of EUC-KR and is what Windows Korean editors write.
FALLBACK_ENCODINGS = ("cp949", "utf-16")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    """Decoded text, line endings untouched, BOM removed."""
    encoding: str
    bom: bool
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


def decode(data: bytes) -> Decoded:
    if data.startswith(codecs.BOM_UTF8):
        body, bom = data[len(codecs.BOM_UTF8) :], True
    else:
        body, bom = data, False
    if b"\x00" in body and not body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded("", "binary", bom, "\n", "contains NUL bytes (binary file?)")
    try:
        text = body.decode("utf-8")
        return Decoded(text, "utf-8", bom, detect_newline(text))
    except UnicodeDecodeError as exc:
        utf8_error = exc
    for encoding in FALLBACK_ENCODINGS:
        if encoding == "utf-16" and not body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            continue
        try:
            text = body.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-16":
            text = text.lstrip("\ufeff")
        return Decoded(text, encoding, False, detect_newline(text))
    return Decoded(
        "",
        "unknown",
        bom,
        "\n",
        f"not valid UTF-8 (byte 0x{body[utf8_error.start]:02x} at offset {utf8_error.start})"
        " and no fallback encoding fits",
    )
