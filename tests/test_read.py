"""Table-driven tests for vaultgraph.parse.decode: bytes -> text, encoding, BOM, newline, errors."""

from __future__ import annotations

import codecs

import pytest

from vaultgraph.parse.decode import decode, detect_newline

BOM8 = codecs.BOM_UTF8

# (id, bytes, text, encoding, bom, newline)
DECODE_CASES = [
    ("utf8-plain", "회고 notes\n".encode(), "회고 notes\n", "utf-8", False, "\n"),
    ("utf8-bom", BOM8 + "# 제목\n".encode(), "# 제목\n", "utf-8", True, "\n"),
    ("utf8-bom-crlf", BOM8 + b"a\r\nb\r\n", "a\r\nb\r\n", "utf-8", True, "\r\n"),
    ("crlf", b"a\r\nb", "a\r\nb", "utf-8", False, "\r\n"),
    ("cr-only", b"a\rb\r", "a\rb\r", "utf-8", False, "\r"),
    ("first-ending-wins", b"a\rb\r\nc\n", "a\rb\r\nc\n", "utf-8", False, "\r"),
    ("lf-before-crlf", b"a\nb\r\n", "a\nb\r\n", "utf-8", False, "\n"),
    ("no-newline", b"one line", "one line", "utf-8", False, "\n"),
    ("empty", b"", "", "utf-8", False, "\n"),
    ("only-bom", BOM8, "", "utf-8", True, "\n"),
    (
        "cp949",
        "# 2주차 회고\r\n똠방각하 lstm이\r\n".encode("cp949"),
        "# 2주차 회고\r\n똠방각하 lstm이\r\n",
        "cp949",
        False,
        "\r\n",
    ),
    ("euc-kr", "한국어 노트\n".encode("euc-kr"), "한국어 노트\n", "cp949", False, "\n"),
    ("utf16-le-bom", "한국\r\n[[노트]]".encode("utf-16"), "한국\r\n[[노트]]", "utf-16", True, "\r\n"),
    ("utf16-be-bom", codecs.BOM_UTF16_BE + "ascii text\n".encode("utf-16-be"), "ascii text\n", "utf-16", True, "\n"),
    # UTF-32's little-endian mark FF FE 00 00 starts with UTF-16's FF FE: the longer mark wins.
    ("utf32-le-bom", "# 2주차\n[[노트]]".encode("utf-32"), "# 2주차\n[[노트]]", "utf-32", True, "\n"),
    ("utf32-be-bom", codecs.BOM_UTF32_BE + "회고\r\n".encode("utf-32-be"), "회고\r\n", "utf-32", True, "\r\n"),
]


@pytest.mark.parametrize(
    "data,text,encoding,bom,newline", [c[1:] for c in DECODE_CASES], ids=[c[0] for c in DECODE_CASES]
)
def test_decode(data: bytes, text: str, encoding: str, bom: bool, newline: str) -> None:
    decoded = decode(data)
    assert decoded.error is None
    assert (decoded.text, decoded.encoding, decoded.bom, decoded.newline) == (text, encoding, bom, newline)
    assert "\ufeff" not in decoded.text[:1]


# A U+FEFF right after the BOM is text (a zero-width no-break space), not a second mark: it is kept.
@pytest.mark.parametrize(
    "mark,codec",
    [
        (BOM8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
    ids=["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"],
)
def test_decode_keeps_a_feff_after_the_bom(mark: bytes, codec: str) -> None:
    decoded = decode(mark + "\ufeff# 제목\n".encode(codec))
    assert decoded.error is None
    assert decoded.text == "\ufeff# 제목\n"
    assert decoded.bom


# (id, bytes, words the error message must contain)
ERROR_CASES = [
    ("nul-in-utf8", b"# title\n\x00\x00", ("NUL",)),
    ("png-header", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ("NUL",)),
    ("nul-after-bom", BOM8 + b"a\x00b", ("NUL",)),
    ("utf16-without-bom", "ab".encode("utf-16-le"), ("NUL",)),
    ("high-bytes", bytes(range(0x80, 0x100)), ("not valid UTF-8", "0x80", "offset 0")),
    ("bad-after-text", b"hello \xc8\xff", ("not valid UTF-8", "0xc8", "offset 6")),
    ("lone-continuation", b"abc\x80", ("not valid UTF-8", "0x80", "offset 3")),
    # A mark names the encoding: bytes that do not fit it are an error, not a guess at another encoding.
    ("utf8-bom-then-cp949", BOM8 + "한국".encode("cp949"), ("not valid UTF-8", "offset 3")),
    ("utf32-truncated", codecs.BOM_UTF32_LE + "ab".encode("utf-32-le")[:-1], ("not valid UTF-32", "offset 8")),
    ("utf16-lone-surrogate", codecs.BOM_UTF16_LE + b"\x00\xd8a\x00", ("not valid UTF-16", "offset 2")),
    ("utf16-with-nul", "a\x00b".encode("utf-16"), ("NUL",)),
]


@pytest.mark.parametrize("data,words", [c[1:] for c in ERROR_CASES], ids=[c[0] for c in ERROR_CASES])
def test_decode_error(data: bytes, words: tuple[str, ...]) -> None:
    decoded = decode(data)
    assert decoded.error is not None
    assert decoded.text == ""
    assert "\n" not in decoded.error
    for word in words:
        assert word in decoded.error


@pytest.mark.parametrize(
    "text,newline",
    [("", "\n"), ("a", "\n"), ("a\n", "\n"), ("a\r\n", "\r\n"), ("a\r", "\r"), ("\r\n\n", "\r\n"), ("x\n\r", "\n")],
)
def test_detect_newline(text: str, newline: str) -> None:
    assert detect_newline(text) == newline


def test_decode_never_raises_on_any_two_bytes() -> None:
    # Every lead/trail byte pair: the decoder returns text or an error, never an exception.
    for lead in range(0x80, 0x100, 7):
        for trail in range(0, 0x100, 5):
            decoded = decode(bytes([lead, trail]))
            assert decoded.error is None or (decoded.text == "" and decoded.encoding in ("binary", "unknown"))
