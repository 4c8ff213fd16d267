"""The claims database: articles, speakers and their aliases, topics, statements, stances, and
claims (statements grouped across articles) with their fact-checks.

Models hold data and the constraints that must always be true; the logic that writes
them lives in ``claims.services`` and the queries that read them in ``claims.selectors``.
"""

from claims.models.claims import (
    Claim,
    FactCheck,
    FingerprintBand,
    StatementFingerprint,
)
from claims.models.statements import (
    Article,
    Attribution,
    Polarity,
    Resolution,
    Reviewable,
    ReviewStatus,
    Speaker,
    SpeakerAlias,
    SpeakerKind,
    Stance,
    StanceMethod,
    Statement,
    StatementKind,
    Topic,
    TopicStatus,
)

__all__ = [
    "Article",
    "Attribution",
    "Claim",
    "FactCheck",
    "FingerprintBand",
    "Polarity",
    "Resolution",
    "ReviewStatus",
    "Reviewable",
    "Speaker",
    "SpeakerAlias",
    "SpeakerKind",
    "Stance",
    "StanceMethod",
    "Statement",
    "StatementFingerprint",
    "StatementKind",
    "Topic",
    "TopicStatus",
]
