"""One statement per quotation: “X,” she said. “Y.” is two statements of hers, not one.

The statement finder joins a quote split by its attribution, and a quote that runs on after
it, into one span that holds the attribution's words too ("she said"). Stored like that, a
statement's text is not what was said. Here each quoted stretch of a direct statement
becomes its own statement, with the same speaker, mention and cue; so does each paragraph
of a quotation that runs over several (as newspapers print it, one paragraph at a time).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from claims.nlp.records import StatementRecord

OPENING = frozenset("“«")
CLOSING = frozenset("”»")
STRAIGHT = '"'
# A stretch between two quotes with fewer words than this is punctuation, not attribution.
_MIN_GAP_WORDS = 2
_MIN_PART_WORDS = 2


def split_quotations(
    statements: Sequence[StatementRecord], *, text: str
) -> tuple[StatementRecord, ...]:
    """The statements, each direct one cut at the unquoted words between its quotations
    and at its paragraph breaks."""
    out: list[StatementRecord] = []
    for statement in statements:
        parts = _quoted_parts(text, statement) if statement.kind == "direct" else []
        if statement.kind == "direct":
            parts = [
                piece
                for part in parts or [(statement.start, statement.end)]
                for piece in _paragraph_pieces(text, *part)
            ]
        if len(parts) < 2:
            out.append(statement)
            continue
        for start, end in parts:
            paragraph = statement.paragraph + len(re.findall(r"\n+", text[statement.start : start]))
            out.append(
                replace(statement, text=text[start:end], start=start, end=end, paragraph=paragraph)
            )
    return tuple(out)


def _quoted_parts(text: str, statement: StatementRecord) -> list[tuple[int, int]]:
    """(start, end) of each quoted stretch; the statement starts and ends inside quotes."""
    parts: list[tuple[int, int]] = []
    inside = True
    part_start = statement.start
    for offset in range(statement.start, statement.end):
        char = text[offset]
        if inside and (char in CLOSING or char == STRAIGHT):
            parts.append((part_start, offset))
            inside = False
            gap_start = offset + 1
        elif not inside and (char in OPENING or char == STRAIGHT):
            if len(text[gap_start:offset].split()) < _MIN_GAP_WORDS:
                part_start = parts.pop()[0]  # “X” “Y”: one quotation in two marks
            else:
                part_start = offset + 1
            inside = True
    if not inside:
        return []  # ends outside a quote: not the shape this splits
    parts.append((part_start, statement.end))
    parts = [_trim(text, start, end) for start, end in parts]
    if any(len(text[start:end].split()) < _MIN_PART_WORDS for start, end in parts):
        return []
    return parts


def _paragraph_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A quotation running over paragraphs, one piece per paragraph (as quoted in print)."""
    pieces = []
    for match in re.finditer(r"[^\n]+", text[start:end]):
        piece_start, piece_end = _trim(text, start + match.start(), start + match.end())
        while piece_start < piece_end and (
            text[piece_start] in OPENING or text[piece_start] == STRAIGHT
        ):
            piece_start += 1  # the mark that reopens the quote in the new paragraph
        if len(text[piece_start:piece_end].split()) >= _MIN_PART_WORDS:
            pieces.append((piece_start, piece_end))
    return pieces or [(start, end)]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \n,":
        end -= 1
    return start, end
