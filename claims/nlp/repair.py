"""Repairs article text (placeholder until text repair lands)."""

from __future__ import annotations

from claims.nlp.records import CleanText


def clean_article(raw: str, *, title: str = "") -> CleanText:
    text = raw.strip()
    return CleanText(text=text, original=raw, headline=title, paragraphs=((0, len(text)),))
