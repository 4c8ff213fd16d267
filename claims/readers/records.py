"""What readers yield: a raw article to ingest, or a failure naming the file and the reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


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


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """A file, page or record that could not be read as an article."""

    source: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.reason}"
