"""Storing one extraction: an article's row, then its speakers, statements, topics, stances.

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
from django.utils import timezone

from claims.core.locks import lock_resolution
from claims.models import Article, Stance, Statement, Topic
from claims.nlp.records import ArticleExtraction, CleanText
from claims.readers.records import RawArticle
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
) -> tuple[int, int]:
    """Write an extraction's speakers, statements, topics and stances for ``article``.

    ``keep`` are statements a reviewer touched: a new statement overlapping one is skipped.
    New statements may overlap each other: a nested one is stored and linked to the
    statement that reports it (``reported_in``). ``keep_stances`` likewise for (speaker, topic) pairs. Returns the number of
    statements written and of speakers created. Call inside a transaction: it takes the
    speaker-resolution lock until the transaction ends (see ``lock_resolution``).
    """
    lock_resolution()
    speakers = []
    speakers_new = 0
    known = stored_speakers(infos=extraction.speakers)
    for info in extraction.speakers:
        speaker, created = resolve_speaker(info=info, known=known)
        speakers.append(speaker)
        speakers_new += created

    # A reviewed statement wins over a new one on an overlapping span; new statements may
    # overlap each other (a nested attribution lies inside the statement reporting it).
    reviewed = [(s.start, s.end) for s in keep]
    # Only the topics this article names: the table grows with every suggested topic.
    named = {slug for record in extraction.statements for slug in record.topics}
    named.update(record.topic for record in extraction.stances)
    topic_ids = dict(Topic.objects.filter(slug__in=named).values_list("slug", "id"))
    entity_topic_ids = suggested_topic_ids(
        entities=(entity for record in extraction.statements for entity in record.entities)
    )
    rows: list[tuple[Statement, list[int]]] = []
    index_to_row: dict[int, Statement] = {}
    spans: set[tuple[int, int]] = set()
    for index, record in enumerate(extraction.statements):
        if any(record.start < end and start < record.end for start, end in reviewed):
            continue
        if (record.start, record.end) in spans:
            continue  # one statement per span
        statement = Statement(
            article=article,
            speaker=speakers[record.speaker] if record.speaker is not None else None,
            speaker_mention=fit(Statement, "speaker_mention", record.speaker_mention),
            kind=record.kind,
            cue=fit(Statement, "cue", record.cue),
            attribution=record.attribution,
            resolution=record.resolved_by if record.speaker is not None else "",
            resolution_note=fit(Statement, "resolution_note", record.resolution),
            text=record.text,
            start=record.start,
            end=record.end,
            paragraph=record.paragraph,
            confidence=min(max(record.confidence, 0.0), 1.0),
            extractor_version=extraction.extractor_version,
        )
        topics = [topic_ids[slug] for slug in record.topics if slug in topic_ids]
        topics += [entity_topic_ids[entity_key(entity)] for entity in record.entities]
        rows.append((statement, list(dict.fromkeys(topics))))
        index_to_row[index] = statement
        spans.add((record.start, record.end))
    Statement.objects.bulk_create([statement for statement, _ in rows])
    _link_reports(extraction, index_to_row)
    Statement.topics.through.objects.bulk_create(
        [
            Statement.topics.through(statement_id=statement.pk, topic_id=topic_id)
            for statement, topics in rows
            for topic_id in topics
        ]
    )
    _store_stances(article, extraction, speakers, topic_ids, index_to_row, keep_stances)
    return len(rows), speakers_new


def _link_reports(extraction: ArticleExtraction, index_to_row: dict[int, Statement]) -> None:
    """Point each nested statement at the stored statement that reports it."""
    nested = []
    for index, record in enumerate(extraction.statements):
        statement = index_to_row.get(index)
        reporter = index_to_row.get(record.reported_in) if record.reported_in is not None else None
        if statement is not None and reporter is not None:
            statement.reported_in = reporter
            nested.append(statement)
    Statement.objects.bulk_update(nested, ["reported_in"])


def _store_stances(
    article: Article,
    extraction: ArticleExtraction,
    speakers: list,
    topic_ids: dict[str, int],
    index_to_row: dict[int, Statement],
    keep_stances: Iterable[Stance],
) -> None:
    reviewed_pairs = {(s.speaker_id, s.topic_id) for s in keep_stances}
    observed_on = article.published or timezone.localdate()
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
            observed_on=observed_on,
            method=record.method,
            method_version=record.method_version,
        )
        evidence = [index_to_row[i] for i in record.evidence if i in index_to_row]
        stances.append((stance, evidence))
    Stance.objects.bulk_create([stance for stance, _ in stances])
    Stance.evidence.through.objects.bulk_create(
        [
            Stance.evidence.through(stance_id=stance.pk, statement_id=statement.pk)
            for stance, evidence in stances
            for statement in evidence
        ]
    )
