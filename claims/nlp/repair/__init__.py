"""Text repair: raw article text in, a ``CleanText`` whose offsets every later step uses.

Fixes encoding damage and odd characters, drops boilerplate lines and section labels, joins words broken by a
stray hyphen, and recognises the headline and the dateline (which stays in the text).
"""

from __future__ import annotations

from claims.nlp.records import CleanText
from claims.nlp.repair.characters import normalize_characters, normalize_inline
from claims.nlp.repair.hyphens import join_broken_words
from claims.nlp.repair.labels import strip_labels
from claims.nlp.repair.layout import (
    find_dateline,
    looks_like_headline,
    same_headline,
    split_paragraphs,
)

PARAGRAPH_SEPARATOR = "\n\n"

__all__ = ["clean_article", "paragraph_spans"]


def clean_article(raw: str, *, title: str = "") -> CleanText:
    """Repair ``raw``; ``title`` (from HTML or JSON Lines) becomes the headline when given.

    The result's text starts with the headline as its own paragraph; a first line that
    repeats the given title is not kept twice.
    """
    blocks = split_paragraphs(normalize_characters(raw))
    paragraphs, labels = strip_labels(blocks.paragraphs)
    headline = normalize_inline(title)
    if headline:
        if paragraphs and same_headline(paragraphs[0], headline):
            paragraphs = paragraphs[1:]
        paragraphs = [headline, *paragraphs]
    elif looks_like_headline(blocks):
        paragraphs = [" ".join(paragraphs[0].split()), *paragraphs[1:]]
        headline = paragraphs[0]

    text, repairs = join_broken_words(PARAGRAPH_SEPARATOR.join(paragraphs))
    # Joins never span a paragraph break, so the paragraphs are still where they were.
    paragraph_texts = text.split(PARAGRAPH_SEPARATOR) if text else []
    if headline:
        headline = paragraph_texts[0]

    body = paragraph_texts[1:] if headline else paragraph_texts
    dateline = find_dateline(body[0]) if body else None
    return CleanText(
        text=text,
        original=raw,
        headline=headline,
        dateline=dateline.place if dateline else "",
        outlet=dateline.outlet if dateline else "",
        repairs=tuple(repairs),
        boilerplate=(*blocks.boilerplate, *labels),
        paragraphs=paragraph_spans(text),
    )


def paragraph_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each paragraph of repaired text (paragraphs are split by a blank line)."""
    spans = []
    start = 0
    for paragraph in text.split(PARAGRAPH_SEPARATOR) if text else []:
        spans.append((start, start + len(paragraph)))
        start += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return tuple(spans)
