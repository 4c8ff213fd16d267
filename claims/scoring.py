"""The statement row the shared scorer (``../shared/eval/score.py``) reads.

Both ``manage.py export statements`` and ``benchmarks/extraction_quality.py`` write it, one
from the database and one straight from the NLP's records. Plain Python, no Django, so the
benchmark runs without it.
"""

from __future__ import annotations

from typing import Protocol


class ScoredStatement(Protocol):
    """What a statement needs for scoring: a ``Statement`` model or an NLP ``StatementRecord``."""

    speaker_mention: str
    kind: str
    cue: str
    text: str
    start: int
    end: int


def score_row(statement: ScoredStatement, *, document: str, speaker: str | None) -> dict:
    """The scorer's fields, in its order; ``speaker`` is the resolved speaker's name."""
    return {
        "document": document,
        "speaker": speaker,
        "speaker_mention": statement.speaker_mention or None,
        "kind": statement.kind,
        "cue": statement.cue,
        "text": statement.text,
        "start": statement.start,
        "end": statement.end,
    }
