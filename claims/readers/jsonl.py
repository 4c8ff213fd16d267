"""Reads JSON Lines: one article per line, ``{"text": …}`` plus optional metadata.

Optional fields: ``title``, ``url``, ``outlet``, ``published`` (ISO date), ``author``.
A bad line becomes a failure naming its line number; the other lines are still read. A
record whose text is a whole HTML page is read as that page (``readers.given``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from claims.readers.dates import parse_published
from claims.readers.decoding import (
    MAX_ARTICLE_BYTES,
    NotTextError,
    check_text,
    size_limit_reason,
)
from claims.readers.given import page_or_text
from claims.readers.records import RawArticle, ReadFailure

_TEXT_FIELDS = ("title", "url", "outlet", "author")


def articles_from_jsonl(
    lines: Iterable[bytes], *, source: str
) -> Iterator[RawArticle | ReadFailure]:
    """One article or failure per non-blank line; lines are numbered from 1."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if len(line) > MAX_ARTICLE_BYTES:
            yield ReadFailure(source, f"line is {size_limit_reason(len(line))}", number)
            continue
        yield _article_from_line(line, source=source, number=number)


def _article_from_line(line: bytes, *, source: str, number: int) -> RawArticle | ReadFailure:
    try:
        record = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return ReadFailure(source, "line is not UTF-8 text", number)
    except json.JSONDecodeError as error:
        return ReadFailure(source, f"malformed JSON: {error.msg} (column {error.colno})", number)
    if not isinstance(record, dict):
        return ReadFailure(
            source, f"a JSON object was expected, not {type(record).__name__}", number
        )
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return ReadFailure(source, 'record has no "text"', number)
    try:
        check_text(text)
    except NotTextError as error:
        return ReadFailure(source, f'"text" {error}', number)
    published, warnings = parse_published(record.get("published"))
    fields = {name: str(record.get(name) or "") for name in _TEXT_FIELDS}
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
