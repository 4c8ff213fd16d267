"""Infers speakers' stances from their statements (placeholder until the scorer lands)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from spacy.tokens import Doc

from claims.nlp.records import SpeakerInfo, StanceRecord, StatementRecord


class StanceScorer(Protocol):
    name: str
    version: str

    def infer(
        self,
        doc: Doc,
        *,
        statements: Sequence[StatementRecord],
        speakers: Sequence[SpeakerInfo],
    ) -> list[StanceRecord]: ...


class RuleStanceScorer:
    name = "rule"
    version = "0.0.0"

    def infer(
        self,
        doc: Doc,
        *,
        statements: Sequence[StatementRecord],
        speakers: Sequence[SpeakerInfo],
    ) -> list[StanceRecord]:
        return []
