"""Finds statements and their speakers in a parsed article, by rules over the dependency parse.

The work is split into layers, the way BBC Citron splits cue, content and source, and this
module runs them in order:

1. cues (``cue_reading``): every reporting verb or statement noun outside quotations, with
   its source (``sources``, an ordered list of rules) and its content (``contents``);
2. shapes, each claiming the cue it used so no cue counts twice: quotations
   (``quoted``), then reported speech, "according to X", "in a poll", "for X, …", hearsay
   adverbs, the headline and transcript lines (``reported``), a title-case headline's act
   (``headlines``);
3. resolution (``resolution``): duplicates dropped, speakers resolved in text order by
   ``speakers.SpeakerBook``, records built.

Each layer publishes what it found on the Doc (``doc.spans["claims_cues"]``,
``["claims_sources"]``, ``["claims_statements"]``) and declares it in ``ASSIGNS``, with
the parse it reads in ``REQUIRES``, as spaCy's own components do.
"""

from __future__ import annotations

from spacy.tokens import Doc

from claims.nlp.cue_reading import read_cues
from claims.nlp.found import Found
from claims.nlp.headlines import find_headline_act
from claims.nlp.quoted import find_quoted
from claims.nlp.quotes import QuoteIndex, find_quotes
from claims.nlp.records import CleanText, SpeakerInfo, StatementRecord
from claims.nlp.reported import (
    find_according_to,
    find_headline,
    find_hearsay,
    find_in_evidence,
    find_in_view,
    find_reported,
    find_transcript_lines,
)
from claims.nlp.resolution import resolve_speakers, without_duplicates
from claims.nlp.spans import doc_text


def extract_statements(
    doc: Doc, clean: CleanText
) -> tuple[tuple[SpeakerInfo, ...], tuple[StatementRecord, ...]]:
    """Return the article's speakers and its statements (statement.speaker indexes speakers)."""
    text = doc_text(doc)
    quotes = find_quotes(text)
    quote_of = QuoteIndex(quotes)
    cues = read_cues(doc, quote_of)
    found: list[Found] = []
    used: set[int] = set()
    found += find_quoted(doc, text, quotes, cues, used)
    found += find_reported(doc, text, cues, used, quote_of)
    found += find_according_to(doc, quote_of, used)
    found += find_in_evidence(doc, quote_of)
    found += find_in_view(doc, quote_of)
    found += find_hearsay(doc, quote_of)
    found += find_headline(clean, text)
    found += find_headline_act(doc, clean, text, found)
    found += find_transcript_lines(text, doc)
    return resolve_speakers(doc, text, clean, without_duplicates(found))
