"""What readers yield: a raw article to ingest, or a failure naming the file and the reason.

A source (a file's path) is kept printable: a file name may hold bytes that are not UTF-8
("caf\\xe9.txt"), a newline or terminal escapes that would forge lines of the report, and
no database text column takes a lone surrogate.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date


def printable(text: str) -> str:
    """``text`` with what would not print as itself escaped: bytes a file name held that
    were not UTF-8 (``\\xe9``), control characters (``\\n``, ``\\x1b``) and invisible
    format characters such as a right-to-left override (``\\u202e``)."""
    if text.isprintable() and text.isascii():
        return text
    return "".join(_escaped(char) for char in text)


def _escaped(char: str) -> str:
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if char == " " or unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Zl", "Zp"):
        return char
    return char.encode("unicode_escape").decode("ascii") if code < 0x10000 else f"\\U{code:08x}"


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article as read from a file, a page or a JSON Lines record, before text repair."""

    source: str  # the path or URL it was read from ("-" for standard input)
    text: str
    title: str = ""
    url: str = ""
    outlet: str = ""
    author: str = ""
    published: date | None = None
    format: str = "text"  # "text", "html" or "jsonl"
    line: int | None = None  # JSON Lines: the record's line number
    warnings: tuple[str, ...] = ()  # what was read but ignored ("published is not a date")

    def __post_init__(self) -> None:
        object.__setattr__(self, "source", printable(self.source))


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """A file, page or record that could not be read as an article."""

    source: str
    reason: str
    line: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "source", printable(self.source))

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"
