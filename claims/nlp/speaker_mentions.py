"""What the speaker book works with: the word lists that classify a mention (definite,
indefinite, evidence and carrier nouns, page labels) and the records it keeps per speaker."""

from __future__ import annotations

from dataclasses import dataclass, field

from claims.nlp.cues import lexicon
from claims.nlp.records import SpeakerInfo

INDEFINITE = frozenset({"a", "an", "some", "several", "two", "three", "many", "one", "other"})
DEFINITE = frozenset({"the", "this", "that", "its"})
# Speakers the article does not name: the statement keeps its mention under one of these.
UNNAMED_SOURCE = "Unnamed source"
UNNAMED_DOCUMENT = "Unnamed document"
# Heads of a document, survey, study or data taken as the source ("the report found"): what
# it shows is evidence, kept under the unnamed document when the article names no author.
EVIDENCE_NOUNS = lexicon(
    """
    report study survey poll polls data analysis finding research figure number statistic
    review audit estimate projection forecast assessment investigation evidence paper record
    document census
    """
)
# Things a source puts out to speak ("a statement", "the lawsuit"): said by their owner, or,
# when the article names none, by an unnamed source.
CARRIER_NOUNS = lexicon(
    """
    statement release email e-mail letter memo tweet post video transcript complaint lawsuit
    suit claim filing motion brief affidavit indictment ruling decision message notice
    """
)
# Carriers one sends to speak for oneself ("A statement said …" after the sender's own
# sentence); legal papers ("the complaint", "the suit") are not the last speaker's.
MESSAGE_NOUNS = lexicon("statement release email e-mail letter memo tweet post message")
# Words of the page around an article that read like a source: "WATCH: …", "Story continues…".
PAGE_LABELS = frozenset(
    {
        "watch",
        "look",
        "listen",
        "read more",
        "more",
        "related",
        "video",
        "videos",
        "photos",
        "gallery",
        "analysis",
        "story",
        "article",
        "update",
        "correction",
        "exclusive",
        "breaking",
        "opinion",
        "advertisement",
        "see also",
        "full text",
    }
)
# How much later (in characters) a person of unknown gender must have been named than one
# known to be of the pronoun's gender to be taken for "he" or "she".
# Verbs by which a source puts out a statement: "a statement released by …".
ISSUING_VERBS = lexicon(
    "release issue send mail e-mail email write sign post publish provide read deliver"
)

UNKNOWN_GENDER_LEAD = 600
SPOKES_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative"})
IT_PRONOUNS = frozenset({"it", "its"})


@dataclass(slots=True)
class KnownSpeaker:
    name: str
    kind: str
    role: str = ""
    affiliation: str = ""
    gender: str = ""
    aliases: list[str] = field(default_factory=list)
    last_seen: int = -1

    def info(self) -> SpeakerInfo:
        return SpeakerInfo(
            name=self.name,
            kind=self.kind,
            role=self.role,
            affiliation=self.affiliation,
            aliases=tuple(self.aliases),
        )


@dataclass(frozen=True, slots=True)
class Resolution:
    speaker: int | None
    reason: str
    method: str = ""  # one of records.RESOLUTIONS, "" when nothing was resolved
    label: bool = False  # the mention is a page label ("WATCH"), not a source at all
