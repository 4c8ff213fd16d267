"""Finds statements and their speakers in a parsed article (placeholder until the finder lands)."""

from __future__ import annotations

from spacy.tokens import Doc

from claims.nlp.records import CleanText, SpeakerInfo, StatementRecord


def extract_statements(
    doc: Doc, clean: CleanText
) -> tuple[tuple[SpeakerInfo, ...], tuple[StatementRecord, ...]]:
    """Return the article's speakers and its statements (statement.speaker indexes speakers)."""
    return (), ()
