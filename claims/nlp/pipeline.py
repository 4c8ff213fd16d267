"""The extractor: repaired article text in, an ``ArticleExtraction`` out.

It runs the spaCy pipeline once per article, then the statement finder, the speaker
resolver, the topic tagger and the stance scorer over the parsed ``Doc``, and classes each
statement (said, thinks, shows), gives each quotation its own statement and links nested
ones to the statement reporting them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from claims.nlp import long_texts
from claims.nlp.attribution import attribution_class, content_form
from claims.nlp.language import load_first
from claims.nlp.nesting import with_reporters, without_self_reports
from claims.nlp.records import (
    ArticleExtraction,
    CleanText,
    SpeakerInfo,
    StanceRecord,
    StatementRecord,
    TopicSpec,
)
from claims.nlp.speaker_names import named_speakers
from claims.nlp.splitting import split_quotations
from claims.nlp.stance import ParseStanceScorer, StanceScorer
from claims.nlp.statements import extract_statements
from claims.nlp.topics import DocTopics, TopicTagger
from claims.nlp.vectors import PhraseVectors, TopicVectors, WordVectors

# Bump when extraction changes what it finds; stored with every article and statement.
EXTRACTOR_VERSION = "0.4.5"

# What a Doc parsed in another process leaves out: the extraction reads no tensor, and it
# is three quarters of the bytes.
_NOT_SENT = ("tensor",)


def doc_bytes(doc: Doc) -> bytes:
    """``doc`` serialized for ``Extractor.extract_parsed`` in another process."""
    return doc.to_bytes(exclude=_NOT_SENT)


class Extractor:
    """Holds the loaded spaCy pipeline and the topic matcher; build once, reuse for many articles."""

    version = EXTRACTOR_VERSION

    def __init__(
        self,
        nlp: Language,
        *,
        topics: Sequence[TopicSpec] = (),
        stance_scorer: StanceScorer | None = None,
        vectors: WordVectors | PhraseVectors | TopicVectors | None = None,
    ) -> None:
        self.nlp = nlp
        self.topic_tagger = TopicTagger(nlp, topics, vectors=vectors)
        self.stance_scorer = stance_scorer or ParseStanceScorer()

    @classmethod
    def from_model_names(
        cls,
        model_names: Sequence[str],
        *,
        topics: Sequence[TopicSpec] = (),
        vectors: WordVectors | PhraseVectors | TopicVectors | None = None,
    ) -> Extractor:
        return cls(load_first(model_names), topics=topics, vectors=vectors)

    def extract(self, clean: CleanText) -> ArticleExtraction:
        if len(clean.text) > long_texts.MAX_PIECE_CHARS:
            return long_texts.extract_in_pieces(clean, extract=self._extract_one)
        return self._extract_one(clean)

    def _extract_one(self, clean: CleanText) -> ArticleExtraction:
        return self._from_doc(self.nlp(clean.text), clean)

    def extract_parsed(self, data: bytes, clean: CleanText) -> ArticleExtraction:
        """The extraction of ``clean`` from its ``Doc`` parsed elsewhere (``doc_bytes``) by
        the same model: what ``extract`` gives, without parsing again."""
        doc = Doc(self.nlp.vocab).from_bytes(data, exclude=_NOT_SENT)
        return self._from_doc(doc, clean)

    def extract_many(
        self, cleans: Iterable[CleanText], *, batch_size: int = 16
    ) -> Iterator[ArticleExtraction]:
        """Parse many articles with ``nlp.pipe`` (faster than one by one), in input order.

        A text too long for one piece (see ``long_texts``) is extracted on its own.
        """
        batch: list[CleanText] = []
        for clean in cleans:
            if len(clean.text) > long_texts.MAX_PIECE_CHARS:
                yield from self._piped(batch, batch_size)
                batch = []
                yield self.extract(clean)
                continue
            batch.append(clean)
            if len(batch) == batch_size:
                yield from self._piped(batch, batch_size)
                batch = []
        yield from self._piped(batch, batch_size)

    def _piped(self, cleans: list[CleanText], batch_size: int) -> Iterator[ArticleExtraction]:
        pairs = ((clean.text, clean) for clean in cleans)
        for doc, clean in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield self._from_doc(doc, clean)

    def _from_doc(self, doc: Doc, clean: CleanText) -> ArticleExtraction:
        speakers, found = named_speakers(*extract_statements(doc, clean))
        statements = without_self_reports(
            with_reporters(
                [
                    _classed(doc, statement, speakers)
                    for statement in split_quotations(found, text=clean.text)
                ]
            ),
            speakers=speakers,
        )
        statements, stances = self.tag_and_score(doc, statements=statements, speakers=speakers)
        return ArticleExtraction(
            clean=clean,
            speakers=speakers,
            statements=statements,
            stances=stances,
            extractor_version=self.version,
        )

    def tag_and_score(
        self,
        doc: Doc,
        *,
        statements: Sequence[StatementRecord],
        speakers: Sequence[SpeakerInfo],
    ) -> tuple[tuple[StatementRecord, ...], tuple[StanceRecord, ...]]:
        """Tag ``statements`` with their topics, then infer their speakers' stances."""
        self.topic_tagger(doc)
        topics = self.topic_tagger.read(doc)
        tagged = tuple(self._tagged(doc, topics, statement) for statement in statements)
        stances = tuple(self.stance_scorer.infer(doc, statements=tagged, speakers=speakers))
        return tagged, stances

    @staticmethod
    def _tagged(doc: Doc, topics: DocTopics, statement: StatementRecord) -> StatementRecord:
        span = doc.char_span(statement.start, statement.end, alignment_mode="expand")
        if span is None:
            return replace(statement, topics=(), entities=())
        return replace(statement, topics=topics.tag(span), entities=topics.entities(span))


def _classed(
    doc: Doc, statement: StatementRecord, speakers: Sequence[SpeakerInfo]
) -> StatementRecord:
    source_kind = speakers[statement.speaker].kind if statement.speaker is not None else ""
    content = doc.char_span(statement.start, statement.end, alignment_mode="expand")
    form = content_form(content) if content is not None else "phrase"
    attribution = attribution_class(
        cue=statement.cue, kind=statement.kind, source_kind=source_kind, content=form
    )
    return replace(statement, attribution=attribution, object_only=form == "phrase")
