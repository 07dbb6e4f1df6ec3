"""Unicode normalisation shared by every layer: names and text are compared in NFC (macOS writes
file names in NFD, so a Hangul name typed on one machine must match the same name from another)."""

from __future__ import annotations

import unicodedata


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
