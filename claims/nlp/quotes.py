"""Finds quotations in article text: double quote marks, curly or straight, one pass.

A paragraph that opens a quotation and never closes it continues into the next paragraph
when that one opens with a quote mark again (the newspaper convention for long quotes).
Single quote marks (‘…’) are left alone: in news they mark scare quotes, titles and
quotes inside quotes, never a speaker's own words. Two straight single marks (``''``) are
a double quote mark, as some newspapers' archives write it (''We will win,'' she said).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'
DOUBLED = "''"  # two straight single marks used as one double mark; opens and closes
QUOTE_MARKS = OPENING + CLOSING + STRAIGHT + "‟"
_MARK = re.compile(r"''|[\"“”„«»‟]")

# A quotation this short, or short and written in title case, is a scare quote or a
# title ("so-called “reset”", “Make America Great Again”), not a statement of its own.
MIN_STATEMENT_WORDS = 5
MAX_TITLE_WORDS = 8


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True

    def inner(self, text: str) -> str:
        return text[self.inner_start : self.inner_end]


def find_quotes(text: str) -> list[Quote]:
    """Every double-quoted stretch of ``text``, in order, multi-paragraph quotes joined."""
    quotes: list[Quote] = []
    carried: int | None = None  # opening offset of a quote the last paragraph left open
    carried_end = 0
    for paragraph_start, paragraph_end in _paragraphs(text):
        marks = [
            (m.start(), m.group()) for m in _MARK.finditer(text, paragraph_start, paragraph_end)
        ]
        open_at: int | None = None
        if carried is not None:
            first = marks[0] if marks else None
            if first and first[1] not in CLOSING and not text[paragraph_start : first[0]].strip():
                open_at = carried
                marks = marks[1:]
            elif first and _closes_carried(text, paragraph_start, first, marks):
                open_at = carried  # the line broke inside the quote; its first mark closes it
            else:
                quotes.append(_unclosed(text, carried, carried_end))
            carried = None
        for position, mark in marks:
            if open_at is None:
                if mark not in CLOSING:
                    open_at = position
            elif mark in OPENING:
                # A second opening mark while a quote is open: the first was never closed.
                quotes.append(_unclosed(text, open_at, position))
                open_at = position
            else:
                inner_start = open_at + _mark_width(text, open_at)
                quotes.append(Quote(open_at, position + len(mark), inner_start, position))
                open_at = None
        if open_at is not None:
            carried, carried_end = open_at, paragraph_end
    if carried is not None:
        quotes.append(_unclosed(text, carried, carried_end))
    return quotes


def _closes_carried(
    text: str, paragraph_start: int, first: tuple[int, str], marks: list[tuple[int, str]]
) -> bool:
    """Whether a paragraph with no reopening mark goes on with the quote the last one left
    open: it starts mid-sentence (a lower-case word) and its first mark closes (a closing
    mark, or a straight one of an odd count, whose partner was in the paragraph before)."""
    opening = text[paragraph_start : first[0]].lstrip()[:1]
    if not opening.islower():
        return False
    if first[1] in CLOSING:
        return True
    return first[1] in (STRAIGHT, DOUBLED) and sum(1 for _, m in marks if m == first[1]) % 2 == 1


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line of ``text``."""
    spans = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            spans.append((start, end))
        start = end + 1
    return spans


def is_statement_sized(quote: Quote, text: str) -> bool:
    """True unless the quotation is a scare quote or a title."""
    words = quote.inner(text).split()
    if len(words) < MIN_STATEMENT_WORDS:
        return False
    if len(words) <= MAX_TITLE_WORDS:
        capitalised = sum(1 for word in words if word[:1].isupper() or not word[:1].isalpha())
        if capitalised == len(words):
            return False
    return True


def _unclosed(text: str, open_at: int, limit: int) -> Quote:
    end = len(text[:limit].rstrip())
    return Quote(open_at, end, open_at + _mark_width(text, open_at), end, closed=False)


def _mark_width(text: str, at: int) -> int:
    return len(DOUBLED) if text.startswith(DOUBLED, at) else 1


def has_quote_mark(text: str) -> bool:
    """Whether ``text`` holds a double quote mark of any kind, ``''`` included."""
    return DOUBLED in text or any(mark in text for mark in QUOTE_MARKS)


class QuoteIndex:
    """Which quotation, if any, holds a character offset."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = quotes
        self.starts = [quote.start for quote in quotes]

    def at(self, offset: int) -> Quote | None:
        position = bisect.bisect_right(self.starts, offset) - 1
        if position >= 0 and offset < self.quotes[position].end:
            return self.quotes[position]
        return None

    def overlapping(self, start: int, end: int) -> list[Quote]:
        first = max(bisect.bisect_right(self.starts, start) - 1, 0)
        last = bisect.bisect_left(self.starts, end)
        return [q for q in self.quotes[first:last] if q.end > start and q.start < end]
