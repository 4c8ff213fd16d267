"""One statement per quotation: “X,” she said. “Y.” is two statements of hers, not one.

The statement finder joins a quote split by its attribution, and a quote that runs on after
it, into one span that holds the attribution's words too ("she said"). Stored like that, a
statement's text is not what was said. Here each quoted stretch of a direct statement
becomes its own statement, with the same speaker, mention and cue.
"""

from __future__ import annotations

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
    """The statements, each direct one cut at the unquoted words between its quotations."""
    out: list[StatementRecord] = []
    for statement in statements:
        parts = _quoted_parts(text, statement) if statement.kind == "direct" else []
        if len(parts) < 2:
            out.append(statement)
            continue
        for start, end in parts:
            out.append(replace(statement, text=text[start:end], start=start, end=end))
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


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " \n,":
        end -= 1
    return start, end
