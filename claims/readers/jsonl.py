"""Reads JSON Lines: one article per line, ``{"text": …}`` plus optional metadata.

Optional fields: ``title``, ``url``, ``outlet``, ``published`` (ISO date), ``author``.
A bad line becomes a failure naming its line number; the other lines are still read. A
record whose text is a whole HTML page is read as that page (``readers.given``). A line's
size is checked while it is read: a line over the limit is skipped in chunks, never held
whole (a 1 GB line used to be read into memory before its size was looked at).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from claims.readers.dates import parse_published
from claims.readers.decoding import (
    MAX_ARTICLE_BYTES,
    NotTextError,
    check_given_text,
    size_limit_reason,
    without_lone_surrogates,
)
from claims.readers.given import page_or_text
from claims.readers.records import RawArticle, ReadFailure
from claims.readers.urls import url_problem

_TEXT_FIELDS = ("title", "url", "outlet", "author")
_SKIP_CHUNK = 1024 * 1024


def bounded_lines(
    stream: BinaryIO, *, head: bytes = b"", limit: int = MAX_ARTICLE_BYTES
) -> Iterator[bytes | int]:
    """The lines of ``stream`` (after ``head``, bytes already read from it); a line longer
    than ``limit`` comes as its length instead, its bytes skipped."""
    pending = head
    while True:
        if pending:
            cut = pending.find(b"\n")
            if cut >= 0:
                line, pending = pending[: cut + 1], pending[cut + 1 :]
            else:
                line = pending + stream.readline(max(limit + 1 - len(pending), 1))
                pending = b""
        else:
            line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or (len(line) == limit + 1 and line.endswith(b"\n")):
            yield line
            continue
        size = len(line)
        while not line.endswith(b"\n") and (line := stream.readline(_SKIP_CHUNK)):
            size += len(line)
        yield size


def articles_from_jsonl(
    lines: Iterable[bytes | int], *, source: str
) -> Iterator[RawArticle | ReadFailure]:
    """One article or failure per non-blank line (``bounded_lines``); numbered from 1."""
    for number, line in enumerate(lines, start=1):
        if isinstance(line, int):
            yield ReadFailure(source, f"line is {size_limit_reason(line)}", number)
            continue
        if not line.strip():
            continue
        yield _article_from_line(line, source=source, number=number)


def _article_from_line(line: bytes, *, source: str, number: int) -> RawArticle | ReadFailure:
    try:
        record = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return ReadFailure(source, "line is not UTF-8 text", number)
    except json.JSONDecodeError as error:
        return ReadFailure(source, f"malformed JSON: {error.msg} (column {error.colno})", number)
    except RecursionError:
        return ReadFailure(source, "malformed JSON: nested too deeply", number)
    except ValueError as error:  # an integer of more than 4,300 digits
        return ReadFailure(source, f"malformed JSON: {str(error)[:80]}", number)
    if not isinstance(record, dict):
        return ReadFailure(
            source, f"a JSON object was expected, not {type(record).__name__}", number
        )
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        found = "" if text is None or isinstance(text, str) else f" ({type(text).__name__})"
        return ReadFailure(source, f'record has no "text"{found}', number)
    try:
        text = check_given_text(text)  # as the API checks a posted text
    except NotTextError as error:
        return ReadFailure(source, f'"text" {error}', number)
    fields = {}
    for name in _TEXT_FIELDS:
        value = record.get(name)
        if value is None:
            value = ""
        if (problem := _field_problem(name, value)) is not None:
            return ReadFailure(source, problem, number)
        fields[name] = without_lone_surrogates(value)
    published, warnings = parse_published(record.get("published"))
    return page_or_text(
        RawArticle(
            source=source,
            text=text,
            published=published,
            format="jsonl",
            line=number,
            warnings=warnings,
            **fields,
        )
    )


def _field_problem(name: str, value: object) -> str | None:
    """Why a metadata field cannot be stored as given (the text itself is checked apart)."""
    if not isinstance(value, str):
        return f'"{name}" must be a string, not {type(value).__name__}'
    if "\x00" in value:
        return f'"{name}" contains NUL characters'
    if name == "url" and value and (problem := url_problem(value)) is not None:
        return f'"url" {problem}: {value[:80]!r}'
    return None
