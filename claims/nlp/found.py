"""A statement as the shape readers find it, before its speaker is resolved."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span


@dataclass(slots=True)
class Found:
    """A statement before its speaker is resolved."""

    kind: str
    cue: str
    start: int
    end: int
    source: Span | None
    antecedent: Span | None = None
    confidence: float = 0.5
    source_text: str = ""  # for sources outside the parse (headline, transcript)
    foreseen: bool = False  # the cue is under a modal: "would refuse", "must ignore"
