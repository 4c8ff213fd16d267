"""Paths in, a lazy stream of raw articles and read failures out.

Each file is read when the stream reaches it and JSON Lines are read line by line, so a
corpus of any size is never held in memory. Formats come from the file's extension; a
file without a known one, standard input, and a text file starting with ``<`` are sniffed.
"""

from __future__ import annotations

import io
import logging
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from claims.readers.decoding import (
    MAX_ARTICLE_BYTES,
    NotTextError,
    decode_text,
    megabytes,
    size_limit_reason,
)
from claims.readers.html import article_from_html, looks_like_html
from claims.readers.jsonl import articles_from_jsonl, bounded_lines
from claims.readers.paths import STDIN, expand_paths, os_error_reason
from claims.readers.published import date_in_dateline
from claims.readers.records import RawArticle, ReadFailure, printable

logger = logging.getLogger(__name__)

TEXT, HTML, JSONL = "text", "html", "jsonl"
FORMAT_BY_SUFFIX = {".txt": TEXT, ".text": TEXT, ".html": HTML, ".htm": HTML, ".jsonl": JSONL}
# Enough of a stream's start to tell its format.
_SNIFF_BYTES = 64 * 1024
_LEADING_NOISE = b"\xef\xbb\xbf \t\r\n"  # UTF-8 byte order mark and whitespace

ReadItem = RawArticle | ReadFailure


def read_sources(
    paths: Sequence[str], *, stdin: TextIO | None = None, follow_links: bool = False
) -> Iterator[ReadItem]:
    """Every article in ``paths`` (files, folders, globs, ``-``), and every failure, in order.

    ``stdin`` is read for ``-`` (``sys.stdin`` when not given); ``follow_links`` as in
    ``expand_paths``.
    """
    for item in expand_paths(paths, follow_links=follow_links):
        if isinstance(item, ReadFailure):
            yield item
            continue
        source = "-" if item is STDIN else str(item)
        try:
            if item is STDIN:
                yield from read_stdin(stdin if stdin is not None else sys.stdin)
            else:
                yield from read_file(item)
        except Exception as error:  # a reader's bug or a hostile file: this input only
            logger.exception("reading %s failed", printable(source))
            yield ReadFailure(source, f"could not be read: {type(error).__name__}: {error}"[:300])


def count_articles(paths: Sequence[str], *, follow_links: bool = False) -> int:
    """How many items ``read_sources`` will yield, for a progress bar, without parsing.

    Exact for files (a JSON Lines file counts its non-blank lines); standard input, and a
    file of unknown extension that turns out to be JSON Lines, count as one.
    """
    total = 0
    for item in expand_paths(paths, follow_links=follow_links):
        if isinstance(item, Path) and item is not STDIN and _format_of(item) == JSONL:
            total += _count_records(item)
        else:
            total += 1
    return total


def read_file(path: Path) -> Iterator[ReadItem]:
    """The article (or, for JSON Lines, the articles) in one file."""
    source = str(path)
    file_format = _format_of(path)
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES and file_format != JSONL:
            yield ReadFailure(source, f"file is {size_limit_reason(size)}")
            return
        with path.open("rb") as stream:
            yield from _read_stream(stream, source=source, declared=file_format)
    except OSError as error:
        yield ReadFailure(source, os_error_reason(error))


def read_stdin(stdin: TextIO) -> Iterator[ReadItem]:
    """The article or JSON Lines records on standard input, format sniffed from the content."""
    binary = getattr(stdin, "buffer", None)
    if binary is None:  # an in-memory text stream
        binary = io.BytesIO(stdin.read().encode("utf-8"))
    yield from _read_stream(binary, source="-", declared=None)


def _read_stream(stream: BinaryIO, *, source: str, declared: str | None) -> Iterator[ReadItem]:
    if declared == JSONL:
        yield from articles_from_jsonl(bounded_lines(stream), source=source)
        return
    head = stream.read(_SNIFF_BYTES)
    stream_format = _sniff(head, declared=declared)
    if stream_format == JSONL:
        yield from articles_from_jsonl(bounded_lines(stream, head=head), source=source)
        return
    data = head + stream.read(MAX_ARTICLE_BYTES + 1 - len(head))
    if len(data) > MAX_ARTICLE_BYTES:
        yield ReadFailure(source, f"input is larger than the {megabytes(MAX_ARTICLE_BYTES)} limit")
        return
    try:
        text = decode_text(data)
    except NotTextError as error:
        yield ReadFailure(source, str(error))
        return
    # A page can also open after whitespace the byte sniff does not skip (a form feed).
    if stream_format == HTML or looks_like_html(text):
        yield article_from_html(text, source=source)
    else:
        yield RawArticle(source=source, text=text, format=TEXT, published=date_in_dateline(text))


def _format_of(path: Path) -> str | None:
    return FORMAT_BY_SUFFIX.get(path.suffix.lower())


def _sniff(head: bytes, *, declared: str | None) -> str:
    """HTML if declared or starting with ``<``; JSON Lines if undeclared and starting with ``{``."""
    first = head.lstrip(_LEADING_NOISE)[:1]
    if declared == HTML or first == b"<":
        return HTML
    if declared is None and first == b"{":
        return JSONL
    return TEXT


def _count_records(path: Path) -> int:
    try:
        with path.open("rb") as stream:
            return sum(1 for line in bounded_lines(stream) if isinstance(line, int) or line.strip())
    except OSError:
        return 1  # read_sources reports it as one failure
