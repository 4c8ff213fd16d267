"""Bytes to text: refuses binary files and decodes UTF-8 first, then legacy encodings.

Text that arrives already decoded (posted to the API) is held to the same checks by
``check_given_text``.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

MAX_ARTICLE_BYTES = 5 * 1024 * 1024

# Signatures of the binary files most likely to be dropped into a folder of articles.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"%PDF-", "a PDF document"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\x1f\x8b", "a gzip archive"),
)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Share of the high bytes that are NUL in UTF-16 text without a byte order mark.
_UTF16_ZERO_SHARE = 0.5
# Decoded text with more control characters than this is not text whatever its encoding.
_MAX_CONTROL_SHARE = 0.05
_LINE_CONTROLS = frozenset("\n\r\t\f")
# Half a UTF-16 surrogate pair: JSON can carry one ("\\ud800"), no UTF-8 text can.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class NotTextError(Exception):
    """The bytes are not an article's text; the message says why."""


def megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def size_limit_reason(size: int) -> str:
    return f"{megabytes(size)}, over the {megabytes(MAX_ARTICLE_BYTES)} limit"


def decode_text(data: bytes) -> str:
    """The text in ``data``; raises ``NotTextError`` for empty, binary or undecodable bytes."""
    if not data:
        raise NotTextError("empty file")
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise NotTextError(f"binary file ({kind}), not text")
    if data.startswith(_UTF16_BOMS):
        text = _decode_utf16(data)
    elif b"\x00" in data:
        if (encoding := _utf16_without_bom(data)) is None:
            raise NotTextError("binary file (contains NUL bytes), not text")
        text = _decode_utf16(data, encoding)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _decode_legacy(data)
    return check_text(text)


def check_given_text(text: str) -> str:
    """A string given as an article's text, checked as ``decode_text`` checks a file's bytes.

    A lone surrogate becomes "?" (as in UTF-8 with replacement), a leading byte order mark
    goes, and a text starting like a binary file (a PDF pasted as text) is refused.
    """
    text = without_lone_surrogates(text)
    for signature, kind in _SIGNATURES:
        # Only ASCII signatures: the others can never begin the UTF-8 encoding of a string.
        if signature.isascii() and text.startswith(signature.decode("ascii")):
            raise NotTextError(f"binary file ({kind}), not text")
    return check_text(text.removeprefix("\ufeff"))


def without_lone_surrogates(text: str) -> str:
    """``text`` with each lone surrogate as "?": no UTF-8 text (and no database) holds one."""
    return _LONE_SURROGATE.sub("?", text)


def encoded_size(text: str) -> int:
    """How many bytes ``text`` takes in UTF-8 (what size limits are stated in)."""
    return len(text.encode("utf-8", errors="replace"))


def check_text(text: str) -> str:
    """``text`` if it can be an article's text; raises ``NotTextError`` saying why not.

    Also for text that arrives already decoded (a JSON Lines record): a NUL character is
    valid JSON, but no database text column takes it.
    """
    if not text.strip():
        raise NotTextError("only whitespace, no text")
    if "\x00" in text:
        raise NotTextError("contains NUL characters, not text")
    controls = sum(1 for char in text if char < " " and char not in _LINE_CONTROLS)
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise NotTextError("undecodable: mostly control characters, not text")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" for text in UTF-16 without a byte order mark, else None.

    Text in a Latin or Cyrillic script has a NUL in (nearly) every other byte, on the same
    side; a binary file has its NULs anywhere.
    """
    if len(data) % 2:
        return None
    sample = data[: 64 * 1024]
    low, high = sample[0::2], sample[1::2]
    pairs = len(high)
    for encoding, zeros, other in (("utf-16-le", high, low), ("utf-16-be", low, high)):
        if zeros.count(0) >= _UTF16_ZERO_SHARE * pairs and other.count(0) <= 0.01 * pairs:
            return encoding
    return None


def _decode_utf16(data: bytes, encoding: str = "utf-16") -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise NotTextError(f"undecodable UTF-16 text ({error.reason})") from error


def _decode_legacy(data: bytes) -> str:
    """Text that is not UTF-8: Windows-1252 (which covers Latin-1) when it reads as text.

    Only then is charset-normalizer asked to guess freely: on short Western text its first
    guess is often a Central European code page that turns "naïve" into "naďve".
    """
    western = charset_normalizer.from_bytes(data, cp_isolation=["cp1252"]).best()
    match = western or charset_normalizer.from_bytes(data).best()
    if match is None:
        raise NotTextError("undecodable: not UTF-8, and no other text encoding fits")
    return str(match)
