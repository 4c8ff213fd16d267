"""Texts too long to parse at once (a book, a 5 MB dump): cut into pieces, each extracted
on its own, the findings joined back into one article's.

spaCy refuses a text over ``nlp.max_length`` (a million characters), its memory grows with
the text parsed at once, and speaker resolution reads the whole document's entities for
each mention: 150,000 characters took 48 s to resolve in one piece. Pieces keep every
character and are cut at a paragraph break when there is one in reach, so offsets only
shift; a pronoun at the top of a piece cannot reach a name in the piece before, which is
the price for texts no real article comes near.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from claims.nlp.records import ArticleExtraction, CleanText, SpeakerInfo, StatementRecord

# The longest text extracted in one piece. The longest of the 973 articles in the gold
# sets has 33,672 characters: real articles are never cut.
MAX_PIECE_CHARS = 40_000
# Where a long text is cut, best first: paragraph, line, sentence, word.
_CUTS = ("\n\n", "\n", ". ", " ")
# Record fields holding character offsets into the text.
_OFFSET_FIELDS = ("start", "end")


def pieces(text: str, limit: int | None = None) -> list[tuple[int, str]]:
    """``text`` as (offset, piece) pairs of at most ``limit`` (``MAX_PIECE_CHARS``)
    characters, joining back into it."""
    limit = limit or MAX_PIECE_CHARS
    found: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = next(
            (at + len(mark) for mark in _CUTS if (at := window.rfind(mark)) > 0), len(window)
        )
        found.append((start, text[start : start + cut]))
        start += cut
    found.append((start, text[start:]))
    return found


def extract_in_pieces(
    clean: CleanText, *, extract: Callable[[CleanText], ArticleExtraction]
) -> ArticleExtraction:
    """``extract`` run over each piece of a long text; one extraction for the whole."""
    parts = [
        (offset, extract(_piece_text(clean, offset, text))) for offset, text in pieces(clean.text)
    ]
    return _joined(clean, parts)


def _piece_text(clean: CleanText, offset: int, text: str) -> CleanText:
    end = offset + len(text)
    paragraphs = tuple(
        (max(start, offset) - offset, min(stop, end) - offset)
        for start, stop in clean.paragraphs
        if start < end and offset < stop
    )
    return CleanText(
        text=text,
        original=text,
        headline=clean.headline if offset == 0 else "",
        dateline=clean.dateline if offset == 0 else "",
        outlet=clean.outlet if offset == 0 else "",
        paragraphs=paragraphs,
    )


def _joined(clean: CleanText, parts: list[tuple[int, ArticleExtraction]]) -> ArticleExtraction:
    speakers: list[SpeakerInfo] = []
    by_key: dict[tuple[str, str], int] = {}
    statements: list[StatementRecord] = []
    stances = []
    for offset, part in parts:
        index_of = [_merge_speaker(speakers, by_key, info) for info in part.speakers]
        first = len(statements)
        for record in part.statements:
            shifted = _shifted(record, offset)
            statements.append(
                dataclasses.replace(
                    shifted,
                    paragraph=clean.paragraph_at(shifted.start),
                    speaker=None if record.speaker is None else index_of[record.speaker],
                    reported_in=None if record.reported_in is None else first + record.reported_in,
                )
            )
        stances.extend(
            dataclasses.replace(
                stance,
                speaker=index_of[stance.speaker],
                evidence=tuple(first + i for i in stance.evidence),
            )
            for stance in part.stances
        )
    return dataclasses.replace(
        parts[0][1],
        clean=clean,
        speakers=tuple(speakers),
        statements=tuple(statements),
        stances=tuple(stances),
    )


def _merge_speaker(
    speakers: list[SpeakerInfo], by_key: dict[tuple[str, str], int], info: SpeakerInfo
) -> int:
    key = (info.name, info.kind)
    if key not in by_key:
        by_key[key] = len(speakers)
        speakers.append(info)
        return by_key[key]
    index = by_key[key]
    known = speakers[index]
    speakers[index] = dataclasses.replace(
        known,
        role=known.role or info.role,
        affiliation=known.affiliation or info.affiliation,
        aliases=tuple(dict.fromkeys((*known.aliases, *info.aliases))),
    )
    return index


def _shifted(record: StatementRecord, offset: int) -> StatementRecord:
    changes = {
        name: value + offset
        for name in _OFFSET_FIELDS
        if (value := getattr(record, name)) is not None
    }
    return dataclasses.replace(record, **changes)
