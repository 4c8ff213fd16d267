"""Plain, immutable records the NLP returns: no spaCy objects, no Django models.

Offsets are character offsets into ``CleanText.text`` (the repaired article text).
Cross references between records are indexes into the tuples of ``ArticleExtraction``.
"""

from __future__ import annotations

from dataclasses import dataclass

SPEAKER_KINDS = ("person", "organisation", "group", "anonymous", "document")
# The kinds of the speakers an article does not name.
UNNAMED_KINDS = frozenset({"anonymous", "document"})
STATEMENT_KINDS = ("direct", "indirect", "mixed", "headline")
ATTRIBUTIONS = ("said", "thinks", "shows")
RESOLUTIONS = ("name", "surname", "role", "pronoun", "acronym", "description")
POLARITIES = ("favor", "against", "neutral")


@dataclass(frozen=True, slots=True)
class TextRepair:
    """One broken word joined again ("Bela-rus" -> "Belarus")."""

    original: str
    repaired: str
    start: int  # offset of the repaired word in CleanText.text


@dataclass(frozen=True, slots=True)
class CleanText:
    """An article's text after repair, with what was recognised around it.

    ``text`` starts with the headline (when there is one) as its own paragraph, so a
    headline statement has offsets like any other.
    """

    text: str
    original: str
    headline: str = ""
    dateline: str = ""
    outlet: str = ""
    repairs: tuple[TextRepair, ...] = ()
    boilerplate: tuple[str, ...] = ()  # lines dropped as not part of the article
    paragraphs: tuple[tuple[int, int], ...] = ()  # (start, end) of each paragraph in text

    def paragraph_at(self, offset: int) -> int:
        """Index of the paragraph holding ``offset`` (0 when there are no paragraphs)."""
        for index, (start, end) in enumerate(self.paragraphs):
            if start <= offset < end or offset < start:
                return index
        return max(len(self.paragraphs) - 1, 0)


@dataclass(frozen=True, slots=True)
class TopicSpec:
    """A topic the tagger knows, with the phrases that tag it (built from the Topic table)."""

    slug: str
    name: str
    phrases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """A place, organisation or group a statement names (GPE, ORG, NORP…)."""

    text: str
    label: str


@dataclass(frozen=True, slots=True)
class SpeakerInfo:
    """A speaker as resolved inside one article.

    ``name`` is the canonical name ("Sergey Lavrov"); for an anonymous source it is the
    description ("a source", "officials"). ``aliases`` holds every surface form that was
    resolved to this speaker in the article ("Lavrov", "Russian Foreign Minister Sergey Lavrov").
    """

    name: str
    kind: str = "person"
    role: str = ""
    affiliation: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StatementRecord:
    """One statement: what was said, how, and by whom."""

    kind: str  # one of STATEMENT_KINDS
    cue: str  # "said", "pointed out", "according to", ":" for transcripts
    text: str
    start: int
    end: int
    paragraph: int
    speaker_mention: str = ""  # the words at the attribution site ("the top diplomat")
    speaker: int | None = None  # index into ArticleExtraction.speakers
    confidence: float = 0.5
    resolution: str = ""  # how the mention was resolved, in words, for reviewers
    resolved_by: str = ""  # one of RESOLUTIONS, "" when no speaker was resolved
    attribution: str = "said"  # one of ATTRIBUTIONS
    reported_in: int | None = None  # index of the statement whose content holds this one
    foreseen: bool = False  # the cue is an act only foreseen or demanded: "would refuse"
    object_only: bool = False  # its words are only the act's object: "(mocked) a reporter"
    topics: tuple[str, ...] = ()  # TopicSpec slugs
    entities: tuple[EntityRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class StanceRecord:
    """One observed position of a speaker on a topic, with its evidence."""

    speaker: int  # index into ArticleExtraction.speakers
    topic: str  # TopicSpec slug
    target: str
    polarity: str  # one of POLARITIES
    confidence: float
    evidence: tuple[int, ...]  # indexes into ArticleExtraction.statements
    cues: tuple[str, ...] = ()  # the words that decided the polarity
    method: str = "rule"  # the scorer that produced it: "rule", "lexicon"
    method_version: str = ""
    path: tuple[str, ...] = ()  # the parse steps from the topic to the cues, for reviewers


@dataclass(frozen=True, slots=True)
class ArticleExtraction:
    """Everything the pipeline found in one article."""

    clean: CleanText
    speakers: tuple[SpeakerInfo, ...] = ()
    statements: tuple[StatementRecord, ...] = ()
    stances: tuple[StanceRecord, ...] = ()
    extractor_version: str = ""
