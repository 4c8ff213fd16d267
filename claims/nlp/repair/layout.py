"""Finds an article's paragraphs, its headline and the dateline opening its first paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.nlp.repair.boilerplate import is_boilerplate

# A first paragraph this short, of at most this many lines, is a headline (and subhead).
MAX_HEADLINE_WORDS = 40
MAX_HEADLINE_LINES = 3

# Labels that open a paragraph like a dateline but name no place.
_LABELS = frozenset(
    {"BREAKING", "EXCLUSIVE", "UPDATE", "UPDATED", "WATCH", "VIDEO", "LIVE", "OPINION", "ANALYSIS"}
)
_BLANK_LINE = re.compile(r"\n\s*\n")
_CAPS_WORD = r"[A-Z][A-Z.'’\-]+"
_NAME_WORD = r"[A-Z][A-Za-z.'’\-]*"
# MOSCOW (TASS):  WASHINGTON —  NEW YORK (AP) --  STATE COLLEGE, Pa. -  KABUL, Oct 3 (Reuters) -
DATELINE = re.compile(
    rf"""
    (?P<place>
        (?P<caps>{_CAPS_WORD}(?:\ {_CAPS_WORD}){{0,3}})
      | {_NAME_WORD}(?:\ {_NAME_WORD}){{0,2}}
    )
    (?P<region>,\ {_NAME_WORD}(?:\ {_NAME_WORD}){{0,2}})?
    (?:,?\ [A-Z][a-z]{{2,8}}\.?\ \d{{1,2}})?
    (?:\ ?\((?P<outlet>[^()\n]{{1,40}})\))?
    \ ?(?P<separator>:|—|–|--|-)[ ]
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    outlet: str


@dataclass(frozen=True, slots=True)
class Blocks:
    """An article split into paragraphs, with the boilerplate lines taken out."""

    paragraphs: list[str]
    boilerplate: list[str]
    blank_line_separated: bool  # False when each line was taken for a paragraph


def split_paragraphs(text: str) -> Blocks:
    """Paragraphs are separated by blank lines; in text without any, by line breaks.

    Line breaks inside a paragraph are kept (hard-wrapped text, lists); boilerplate lines
    are dropped wherever they are.
    """
    blank_line_separated = bool(_BLANK_LINE.search(text))
    chunks = _BLANK_LINE.split(text) if blank_line_separated else text.split("\n")
    paragraphs: list[str] = []
    boilerplate: list[str] = []
    for chunk in chunks:
        kept = []
        for line in chunk.split("\n"):
            line = line.strip()
            if not line:
                continue
            if is_boilerplate(line):
                boilerplate.append(line)
            else:
                kept.append(line)
        if kept:
            paragraphs.append("\n".join(kept))
    return Blocks(paragraphs, boilerplate, blank_line_separated)


def find_dateline(paragraph: str) -> Dateline | None:
    """The place (and outlet) a paragraph opens with, as in ``MOSCOW (TASS): …``.

    A place in capitals may stand alone before a dash; one in ordinary case, or one before
    a colon, needs the outlet in brackets, so "Washington: the view from…" is no dateline.
    """
    match = DATELINE.match(paragraph)
    if match is None:
        return None
    if match["place"] in _LABELS:
        return None
    outlet = (match["outlet"] or "").strip()
    if not outlet and (match["caps"] is None or match["separator"] == ":"):
        return None
    place = match["place"] + (match["region"] or "")
    return Dateline(place=place, outlet=outlet)


def looks_like_headline(blocks: Blocks) -> bool:
    """Whether the first paragraph is a headline: short, a few lines, no dateline, and
    followed by a blank line and more text."""
    paragraphs = blocks.paragraphs
    if not blocks.blank_line_separated or len(paragraphs) < 2:
        return False
    first = paragraphs[0]
    return (
        first.count("\n") < MAX_HEADLINE_LINES
        and len(first.split()) <= MAX_HEADLINE_WORDS
        and find_dateline(first) is None
    )


def same_headline(paragraph: str, title: str) -> bool:
    """Whether a paragraph repeats the title (ignoring case, spacing and end punctuation)."""

    def key(text: str) -> str:
        return " ".join(text.split()).rstrip(".!?:;").casefold()

    return key(paragraph) == key(title)
