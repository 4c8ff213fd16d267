"""What ingest leaves for a reviewer to trust: honest dates, stable ids, a history from birth."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from claims.models import ReviewStatus, Stance, Statement, Topic
from claims.nlp.records import ArticleExtraction, CleanText, EntityRecord
from claims.services.ingest import NO_DATE, ArticleOverrides, ingest_article, ingest_articles
from claims.services.outcomes import UNCHANGED
from claims.services.reextract import reextract_article
from tests.services.test_ingest import ScriptedExtractor, raw

pytestmark = pytest.mark.django_db

TEXT = "Talks\n\n“First claim,” Lavrov said. “Second claim,” he added."


@pytest.fixture
def sanctions() -> Topic:
    return Topic.objects.create(name="Sanctions", slug="sanctions", phrases=["sanctions"])


def test_an_undated_article_gives_undated_stances_and_a_warning(sanctions):
    outcome = ingest_article(raw=raw(TEXT), extractor=ScriptedExtractor(topics=("sanctions",)))

    assert outcome.article.published is None
    assert Stance.objects.get().observed_on is None
    assert outcome.warnings == (NO_DATE,)
    assert NO_DATE in outcome.as_dict()["warnings"]


def test_a_dated_article_dates_its_stances_and_gives_no_warning(sanctions):
    outcome = ingest_article(
        raw=raw(TEXT),
        extractor=ScriptedExtractor(topics=("sanctions",)),
        overrides=ArticleOverrides(published=date(2021, 10, 15)),
    )

    assert Stance.objects.get().observed_on == date(2021, 10, 15)
    assert outcome.warnings == ()


def test_every_ingested_row_has_a_creation_record_with_its_links(sanctions):
    ingest_article(raw=raw(TEXT), extractor=ScriptedExtractor(topics=("sanctions",)))

    for statement in Statement.objects.all():
        [created] = statement.history.all()
        assert (created.history_type, created.history_change_reason) == (
            "+",
            "Extracted by ingest.",
        )
        assert {link.topic.slug for link in created.topics.all()} >= {"sanctions"}
    [created] = Stance.objects.get().history.all()
    assert created.history_type == "+"
    assert created.evidence.count() == 2


def test_a_statement_keeps_its_id_and_one_no_longer_found_goes_on_reextract(sanctions):
    article = ingest_article(raw=raw(TEXT), extractor=ScriptedExtractor()).article
    first, _second = article.statements.order_by("start")

    class FindsOnlyTheFirst(ScriptedExtractor):
        def extract(self, clean: CleanText) -> ArticleExtraction:
            extraction = super().extract(clean)
            return dataclasses.replace(extraction, statements=extraction.statements[:1])

    outcome = reextract_article(article=article, extractor=FindsOnlyTheFirst())

    assert list(article.statements.values_list("pk", flat=True)) == [first.pk]
    assert outcome.statements == 1
    # found again unchanged: no empty change in its history
    assert Statement.objects.get(pk=first.pk).history.count() == 1


def test_a_stance_resting_only_on_a_rejected_statement_is_stored_retracted(sanctions):
    article = ingest_article(
        raw=raw("Talks\n\n“One claim,” Lavrov said."),
        extractor=ScriptedExtractor(topics=("sanctions",)),
    ).article
    statement = article.statements.get()
    reviewer = get_user_model().objects.create_user("reviewer")
    Statement.objects.filter(pk=statement.pk).update(
        review_status=ReviewStatus.REJECTED, reviewed_by=reviewer, reviewed_at=timezone.now()
    )
    Stance.objects.all().delete()

    reextract_article(article=article, extractor=ScriptedExtractor(topics=("sanctions",)))

    stance = Stance.objects.get()
    assert list(stance.evidence.all()) == [statement]
    assert (stance.review_status, stance.is_retracted) == (ReviewStatus.REJECTED, True)
    assert "rejected" in stance.history.first().history_change_reason


def test_an_unchanged_article_reports_the_statements_it_has():
    extractor = ScriptedExtractor()
    ingest_article(raw=raw(TEXT), extractor=extractor)

    outcome = ingest_article(raw=raw(TEXT, source="again.txt"), extractor=extractor)

    assert (outcome.status, outcome.statements) == (UNCHANGED, 2)


def test_a_dry_run_report_carries_the_statements_and_stances(sanctions):
    [outcome] = ingest_articles(
        items=[raw(TEXT)], extractor=ScriptedExtractor(topics=("sanctions",)), dry_run=True
    )

    extracted = outcome.as_dict()["extracted"]
    assert [s["text"] for s in extracted["statements"]] == ["First claim,", "Second claim,"]
    assert extracted["statements"][0]["speaker"] == "Sergey Lavrov"
    assert extracted["stances"][0]["topic"] == "sanctions"


@pytest.mark.parametrize(
    ("entity", "suggested"),
    [
        (EntityRecord("European", "NORP"), False),
        (EntityRecord("West", "LOC"), False),
        (EntityRecord("the West", "LOC"), False),
        (EntityRecord("Minsk", "GPE"), True),
        (EntityRecord("EU", "ORG"), True),
        (EntityRecord("Taliban", "NORP"), True),
    ],
)
def test_directions_and_peoples_adjectives_are_not_suggested_as_topics(entity, suggested):
    class Naming(ScriptedExtractor):
        def extract(self, clean: CleanText) -> ArticleExtraction:
            extraction = super().extract(clean)
            records = [dataclasses.replace(r, entities=(entity,)) for r in extraction.statements]
            return dataclasses.replace(extraction, statements=tuple(records))

    ingest_article(raw=raw(TEXT), extractor=Naming())

    assert Topic.objects.filter(name__iexact=entity.text).exists() == suggested
