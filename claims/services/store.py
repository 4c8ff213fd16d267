"""Storing one extraction: an article's row, then its speakers, statements (each in its claim),
topics, stances.

``store_article`` stores a new article in its own transaction and says what came of it;
``store_extraction`` writes an extraction's rows for an article (also on re-extraction).
Values longer than their column are cut to the length the model declares.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import DataError, IntegrityError, transaction
from django.db.models import Model

from claims.core.locks import lock_resolution
from claims.models import Article, ReviewStatus, Stance, Statement, Topic
from claims.nlp.records import ArticleExtraction, CleanText
from claims.readers.records import RawArticle
from claims.services.claims import group_statements
from claims.services.evidence import retract
from claims.services.history import bulk_update_with_full_history, record_creation
from claims.services.outcomes import FAILED, NEW, UNCHANGED, IngestOutcome
from claims.services.speakers import resolve_speaker, stored_speakers
from claims.services.topics import entity_key, suggested_topic_ids


@dataclass(frozen=True, slots=True)
class ArticleOverrides:
    """Values given on the command line that win over what the file says."""

    outlet: str = ""
    url: str = ""
    published: date | None = None


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """An article read and repaired, not stored yet: its text's hash is not in the database."""

    raw: RawArticle
    clean: CleanText
    digest: str


def fit(model: type[Model], field: str, value: str) -> str:
    """``value`` cut to the length of ``model.field``: extractors and files know no limits."""
    return value[: model._meta.get_field(field).max_length]


def store_article(
    item: PreparedArticle, extraction: ArticleExtraction, overrides: ArticleOverrides
) -> IngestOutcome:
    """Store a new article with its extraction in one transaction; what came of it.

    Another ingest may store the same text, or another text under the same URL, at the same
    time: the unique constraints decide, and this one reports the article as unchanged or as
    failed. A value the database refuses fails this article only.
    """
    url = overrides.url or item.raw.url or None
    if url and (holder := _url_holder(url, item.digest)) is not None:
        return _url_taken(item, url, holder)
    try:
        with transaction.atomic():
            article = _create_article(item, extraction, overrides, url)
            statements, speakers_new = store_extraction(article=article, extraction=extraction)
    except IntegrityError:
        # Another ingest stored the same article between our check and our insert.
        existing = Article.objects.filter(content_hash=item.digest).first()
        if existing is not None:
            return IngestOutcome(item.raw.source, UNCHANGED, article=existing, line=item.raw.line)
        # Or another ingest stored a different text under the same URL meanwhile.
        if url and (holder := _url_holder(url, item.digest)) is not None:
            return _url_taken(item, url, holder)
        raise
    except DataError as error:
        # A value this database cannot hold: this article fails, the others still land.
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return IngestOutcome(
            item.raw.source, FAILED, error=f"the database refused it: {reason}", line=item.raw.line
        )
    return IngestOutcome(
        item.raw.source,
        NEW,
        article=article,
        statements=statements,
        speakers_new=speakers_new,
        line=item.raw.line,
    )


def _url_holder(url: str, digest: str) -> Article | None:
    """The stored article with this URL and another text, if any."""
    return Article.objects.filter(url=url).exclude(content_hash=digest).first()


def _url_taken(item: PreparedArticle, url: str, holder: Article) -> IngestOutcome:
    return IngestOutcome(
        item.raw.source,
        FAILED,
        error=f"the URL {url} is already stored with a different text (article {holder.pk})",
        line=item.raw.line,
    )


def _create_article(
    item: PreparedArticle,
    extraction: ArticleExtraction,
    overrides: ArticleOverrides,
    url: str | None,
) -> Article:
    clean, raw = item.clean, item.raw
    return Article.objects.create(
        headline=fit(Article, "headline", clean.headline or raw.title),
        outlet=fit(Article, "outlet", overrides.outlet or raw.outlet or clean.outlet),
        author=fit(Article, "author", raw.author),
        dateline=fit(Article, "dateline", clean.dateline),
        url=url,
        source=fit(Article, "source", raw.source),
        published=overrides.published or raw.published,
        text=clean.text,
        original_text=clean.original,
        content_hash=item.digest,
        extractor_version=extraction.extractor_version,
    )


def store_extraction(
    *,
    article: Article,
    extraction: ArticleExtraction,
    keep: Iterable[Statement] = (),
    keep_stances: Iterable[Stance] = (),
    replace: Iterable[Statement] = (),
) -> tuple[int, int]:
    """Write an extraction's speakers, statements, topics and stances for ``article``.

    ``keep`` are statements a reviewer touched: they stay as they are, a new statement over
    the same span is that row (its stances rest on it) and one overlapping it is skipped.
    New statements may overlap each other: a nested one is stored (one per span) and linked
    to the statement that reports it (``reported_in``).
    ``replace`` are the article's machine-made statements (on re-extraction): one over the
    same span as a new statement is that row, updated in place, so its id (and every link
    to it) survives; the others are deleted. ``keep_stances`` are stances to keep, and no
    new one is stored for their (speaker, topic) pairs.

    Every row created gets a creation record in its history, every row changed a change
    record. Returns the number of statements the article has now and of speakers created.
    Call inside a transaction: it takes the speaker-resolution lock until the transaction
    ends (see ``lock_resolution``).
    """
    lock_resolution()
    speakers = []
    speakers_new = 0
    known = stored_speakers(infos=extraction.speakers)
    for info in extraction.speakers:
        speaker, created = resolve_speaker(info=info, known=known)
        speakers.append(speaker)
        speakers_new += created

    kept = {(s.start, s.end): s for s in keep}
    reusable = {(s.start, s.end): s for s in replace}
    stored_topics = _topic_ids_of(reusable.values())
    # Only the topics this article names: the table grows with every suggested topic.
    named = {slug for record in extraction.statements for slug in record.topics}
    named.update(record.topic for record in extraction.stances)
    topic_ids = dict(Topic.objects.filter(slug__in=named).values_list("slug", "id"))
    entity_topic_ids = suggested_topic_ids(
        entities=(entity for record in extraction.statements for entity in record.entities)
    )
    rows: list[tuple[Statement, list[int]]] = []  # statements to write, with their topics
    changed: list[Statement] = []
    placed_spans: set[tuple[int, int]] = set()
    index_to_row: dict[int, Statement] = {}
    nested_in_kept = _nested_with(extraction, spans=kept)
    for index, record in enumerate(extraction.statements):
        span = (record.start, record.end)
        if span in kept:
            index_to_row[index] = kept[span]
            continue
        if span in placed_spans:
            continue
        if index not in nested_in_kept and any(
            record.start < end and start < record.end for start, end in kept
        ):
            continue  # the extractor's other reading of a span a reviewer settled
        statement = reusable.pop(span, None) or Statement(
            article=article, start=span[0], end=span[1]
        )
        topics = [topic_ids[slug] for slug in record.topics if slug in topic_ids]
        topics += [
            entity_topic_ids[key]
            for key in map(entity_key, record.entities)
            if key in entity_topic_ids
        ]
        topics = list(dict.fromkeys(topics))
        edited = _fill(statement, record, speakers, extraction.extractor_version)
        if statement.pk is None:
            rows.append((statement, topics))
        elif edited or set(topics) != stored_topics.get(statement.pk, set()):
            rows.append((statement, topics))
            changed.append(statement)
        index_to_row[index] = statement
        placed_spans.add(span)
    # Spans the extractor no longer finds: their statements go (those a reviewer touched
    # are in ``keep``, never here).
    Statement.objects.filter(pk__in=[s.pk for s in reusable.values()]).delete()
    created = [statement for statement, _ in rows if statement.pk is None]
    Statement.objects.bulk_create(created)
    group_statements(statements=created)
    _link_reports(extraction, index_to_row, kept=kept.values())
    links = Statement.topics.through
    links.objects.filter(statement_id__in=[s.pk for s in changed]).delete()
    links.objects.bulk_create(
        [
            links(statement_id=statement.pk, topic_id=topic_id)
            for statement, topics in rows
            for topic_id in topics
        ]
    )
    record_creation(objects=created, reason=EXTRACTED)
    bulk_update_with_full_history(
        objects=changed, fields=_EXTRACTED_FIELDS, user=None, reason=REEXTRACTED_REASON
    )
    _store_stances(article, extraction, speakers, topic_ids, index_to_row, keep_stances)
    return len(kept) + len(placed_spans), speakers_new


EXTRACTED = "Extracted by ingest."
REEXTRACTED_REASON = "Re-extracted: the extractor now reads it differently."
_EXTRACTED_FIELDS = [
    "speaker",
    "speaker_mention",
    "kind",
    "cue",
    "attribution",
    "resolution",
    "resolution_note",
    "text",
    "paragraph",
    "confidence",
    "extractor_version",
]


def _fill(statement: Statement, record, speakers: list, extractor_version: str) -> bool:
    """Set ``statement`` from ``record``; whether any stored value changed."""
    before = [getattr(statement, _attname(field)) for field in _EXTRACTED_FIELDS]
    statement.speaker = speakers[record.speaker] if record.speaker is not None else None
    statement.speaker_mention = fit(Statement, "speaker_mention", record.speaker_mention)
    statement.kind = record.kind
    statement.cue = fit(Statement, "cue", record.cue)
    statement.attribution = record.attribution
    statement.resolution = record.resolved_by if record.speaker is not None else ""
    statement.resolution_note = fit(Statement, "resolution_note", record.resolution)
    statement.text = record.text
    statement.paragraph = record.paragraph
    statement.confidence = min(max(record.confidence, 0.0), 1.0)
    statement.extractor_version = extractor_version
    after = [getattr(statement, _attname(field)) for field in _EXTRACTED_FIELDS]
    return before != after


def _attname(field: str) -> str:
    return Statement._meta.get_field(field).attname


def _nested_with(extraction: ArticleExtraction, *, spans: Iterable[tuple[int, int]]) -> set[int]:
    """Indexes of the statements that report, or are reported in, one over ``spans``: they
    overlap it by nature, and are not another reading of it."""
    settled = set(spans)
    on_settled = {
        index
        for index, record in enumerate(extraction.statements)
        if (record.start, record.end) in settled
    }
    related = set()
    for index, record in enumerate(extraction.statements):
        if record.reported_in is None:
            continue
        if record.reported_in in on_settled:
            related.add(index)
        if index in on_settled:
            related.add(record.reported_in)
    return related


def _link_reports(
    extraction: ArticleExtraction,
    index_to_row: dict[int, Statement],
    *,
    kept: Iterable[Statement],
) -> None:
    """Point each nested statement at the stored statement that reports it, and a reused one
    that is no longer nested at nothing; reviewed statements stay as they are."""
    reviewed = {statement.pk for statement in kept}
    linked = []
    for index, record in enumerate(extraction.statements):
        statement = index_to_row.get(index)
        if statement is None or statement.pk in reviewed:
            continue
        reporter = index_to_row.get(record.reported_in) if record.reported_in is not None else None
        if statement.reported_in_id != (reporter.pk if reporter is not None else None):
            statement.reported_in = reporter
            linked.append(statement)
    Statement.objects.bulk_update(linked, ["reported_in"])


def _topic_ids_of(statements: Iterable[Statement]) -> dict[int, set[int]]:
    ids = [statement.pk for statement in statements]
    topics: dict[int, set[int]] = {pk: set() for pk in ids}
    links = Statement.topics.through.objects.filter(statement_id__in=ids)
    for statement_id, topic_id in links.values_list("statement_id", "topic_id"):
        topics[statement_id].add(topic_id)
    return topics


def _store_stances(
    article: Article,
    extraction: ArticleExtraction,
    speakers: list,
    topic_ids: dict[str, int],
    index_to_row: dict[int, Statement],
    keep_stances: Iterable[Stance],
) -> None:
    """The extraction's stances, dated by the article (undated when it is), with their
    evidence. One resting only on statements a reviewer rejected is stored retracted."""
    reviewed_pairs = {(s.speaker_id, s.topic_id) for s in keep_stances}
    stances: list[tuple[Stance, list[Statement]]] = []
    for record in extraction.stances:
        topic_id = topic_ids.get(record.topic)
        speaker = speakers[record.speaker]
        if topic_id is None or (speaker.pk, topic_id) in reviewed_pairs:
            continue
        stance = Stance(
            speaker=speaker,
            topic_id=topic_id,
            article=article,
            target=fit(Stance, "target", record.target),
            polarity=record.polarity,
            confidence=min(max(record.confidence, 0.0), 1.0),
            cues=list(record.cues),
            path=list(record.path),
            observed_on=article.published,
            method=record.method,
            method_version=record.method_version,
        )
        evidence = [index_to_row[i] for i in record.evidence if i in index_to_row]
        if evidence and all(s.review_status == ReviewStatus.REJECTED for s in evidence):
            retract(stance)
        stances.append((stance, evidence))
    Stance.objects.bulk_create([stance for stance, _ in stances])
    Stance.evidence.through.objects.bulk_create(
        [
            Stance.evidence.through(stance_id=stance.pk, statement_id=statement.pk)
            for stance, evidence in stances
            for statement in evidence
        ]
    )
    record_creation(objects=[stance for stance, _ in stances], reason=EXTRACTED)
