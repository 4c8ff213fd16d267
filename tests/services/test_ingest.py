"""The ingest service: how extraction records become rows, once, in one transaction."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from claims.models import Article, Speaker, SpeakerAlias, Stance, Statement, Topic, TopicStatus
from claims.nlp.records import (
    ArticleExtraction,
    CleanText,
    EntityRecord,
    SpeakerInfo,
    StanceRecord,
    StatementRecord,
)
from claims.readers.records import RawArticle, ReadFailure
from claims.services.ingest import ArticleOverrides, ingest_article, ingest_articles
from claims.services.outcomes import FAILED, NEW, REEXTRACTED, UNCHANGED
from claims.services.reextract import reextract_article, stored_clean_text

pytestmark = pytest.mark.django_db

LAVROV = SpeakerInfo(
    name="Sergey Lavrov",
    role="Foreign Minister",
    affiliation="Russia",
    aliases=("Russian Foreign Minister Sergey Lavrov", "Lavrov", "he", "the top diplomat"),
)


class ScriptedExtractor:
    """Stands in for the spaCy extractor: finds each quoted sentence and gives it to one speaker.

    It lets these tests pin down the mapping to models exactly; the real extractor is
    tested in tests/nlp and end to end in tests/commands.
    """

    version = "test-1"

    def __init__(self, speaker: SpeakerInfo = LAVROV, topics: tuple[str, ...] = ()) -> None:
        self.speaker = speaker
        self.topics = topics

    def extract(self, clean: CleanText) -> ArticleExtraction:
        statements = []
        start = clean.text.find("“")
        while start != -1:
            end = clean.text.find("”", start)
            statements.append(
                StatementRecord(
                    kind="direct",
                    cue="said",
                    text=clean.text[start + 1 : end],
                    start=start + 1,
                    end=end,
                    paragraph=0,
                    speaker_mention="Lavrov",
                    speaker=0,
                    confidence=0.9,
                    topics=self.topics,
                    entities=(EntityRecord("Minsk", "GPE"),),
                )
            )
            start = clean.text.find("“", end)
        stances = tuple(
            StanceRecord(
                speaker=0,
                topic=topic,
                target="sanctions",
                polarity="against",
                confidence=0.8,
                evidence=tuple(range(len(statements))),
            )
            for topic in self.topics[:1]
        )
        return ArticleExtraction(
            clean=clean,
            speakers=(self.speaker,),
            statements=tuple(statements),
            stances=stances if statements else (),
            extractor_version=self.version,
        )

    def extract_many(self, cleans: Iterable[CleanText], *, batch_size: int = 16) -> Iterator:
        return (self.extract(clean) for clean in cleans)


@pytest.fixture
def sanctions() -> Topic:
    return Topic.objects.create(name="Sanctions", slug="sanctions", phrases=["sanctions"])


def raw(text: str, source: str = "a.txt", **fields) -> RawArticle:
    return RawArticle(source=source, text=text, **fields)


TEXT = "Minsk under pressure\n\n“Sanctions will not work,” Lavrov said."


def test_new_article_is_stored_with_statements_speaker_topics_and_stances(sanctions):
    outcome = ingest_article(
        raw=raw(TEXT, url="https://example.org/a", published=date(2021, 10, 15)),
        extractor=ScriptedExtractor(topics=("sanctions",)),
    )

    assert outcome.status == NEW
    article = outcome.article
    assert article.headline == "Minsk under pressure"
    assert article.published == date(2021, 10, 15)
    statement = Statement.objects.get()
    assert article.text[statement.start : statement.end] == "Sanctions will not work,"
    assert statement.speaker.name == "Sergey Lavrov"
    assert statement.speaker.role == "Foreign Minister"
    assert {t.slug for t in statement.topics.all()} == {"sanctions", "minsk"}
    assert Topic.objects.get(slug="minsk").status == TopicStatus.SUGGESTED
    stance = Stance.objects.get()
    assert (stance.polarity, stance.topic, stance.observed_on) == (
        "against",
        sanctions,
        date(2021, 10, 15),
    )
    assert list(stance.evidence.all()) == [statement]


def test_only_naming_aliases_are_kept():
    ingest_article(raw=raw(TEXT), extractor=ScriptedExtractor())

    aliases = set(SpeakerAlias.objects.values_list("alias", flat=True))
    assert aliases == {"Sergey Lavrov", "Russian Foreign Minister Sergey Lavrov", "Lavrov"}


def test_same_text_twice_changes_nothing():
    first = ingest_article(raw=raw(TEXT), extractor=ScriptedExtractor())
    second = ingest_article(raw=raw(TEXT, source="copy.txt"), extractor=ScriptedExtractor())

    assert second.status == UNCHANGED
    assert second.article == first.article
    assert (Article.objects.count(), Statement.objects.count(), Speaker.objects.count()) == (
        1,
        1,
        1,
    )


def test_the_same_person_across_articles_is_one_speaker():
    ingest_article(raw=raw(TEXT), extractor=ScriptedExtractor())
    other = "Belarus talks\n\n“We are deeply concerned,” the minister said."
    ingest_article(raw=raw(other, source="b.txt"), extractor=ScriptedExtractor())

    assert Speaker.objects.filter(name="Sergey Lavrov").count() == 1
    assert Statement.objects.filter(speaker__name="Sergey Lavrov").count() == 2


def test_an_organisation_is_not_conflated_with_a_person_of_the_same_name():
    ingest_article(raw=raw(TEXT), extractor=ScriptedExtractor())
    org = SpeakerInfo(name="Sergey Lavrov", kind="organisation")
    ingest_article(raw=raw("Other\n\n“Yes,” it said.", "b.txt"), extractor=ScriptedExtractor(org))

    assert sorted(Speaker.objects.values_list("kind", flat=True)) == ["organisation", "person"]


def test_a_failure_while_storing_leaves_nothing_half_written():
    class BrokenExtractor(ScriptedExtractor):
        def extract(self, clean: CleanText) -> ArticleExtraction:
            good = super().extract(clean)
            broken = StatementRecord(
                kind="direct", cue="said", text="x", start=5, end=5, paragraph=0
            )
            return ArticleExtraction(
                clean=clean, speakers=good.speakers, statements=(*good.statements, broken)
            )

    outcome = ingest_article(raw=raw(TEXT), extractor=BrokenExtractor())

    # The article fails alone (the run goes on with the next input), and whole.
    assert outcome.failed
    assert outcome.error.startswith("could not be stored: IntegrityError")
    assert (Article.objects.count(), Statement.objects.count(), Speaker.objects.count()) == (
        0,
        0,
        0,
    )


def test_read_failures_and_empty_text_are_reported_and_the_rest_lands():
    outcomes = list(
        ingest_articles(
            items=[
                ReadFailure("broken.jsonl", "line is not JSON", line=3),
                raw("   \n\n  ", source="blank.txt"),
                raw(TEXT),
            ],
            extractor=ScriptedExtractor(),
        )
    )

    assert [o.status for o in outcomes] == [FAILED, FAILED, NEW]
    assert outcomes[0].error == "line is not JSON" and outcomes[0].line == 3
    assert outcomes[1].source == "blank.txt" and outcomes[1].error
    assert Article.objects.count() == 1


def test_overrides_win_over_what_the_file_says():
    outcome = ingest_article(
        raw=raw(TEXT, outlet="File Outlet", published=date(2020, 1, 1)),
        extractor=ScriptedExtractor(),
        overrides=ArticleOverrides(outlet="TASS", published=date(2021, 10, 15)),
    )

    assert (outcome.article.outlet, outcome.article.published) == ("TASS", date(2021, 10, 15))


def test_a_url_already_stored_with_another_text_is_refused():
    ingest_article(raw=raw(TEXT, url="https://example.org/a"), extractor=ScriptedExtractor())
    outcome = ingest_article(
        raw=raw("Changed\n\n“No,” he said.", url="https://example.org/a"),
        extractor=ScriptedExtractor(),
    )

    assert outcome.status == FAILED
    assert "https://example.org/a" in outcome.error
    assert Article.objects.count() == 1


def test_reextract_updates_machine_rows_in_place_and_keeps_reviewed_ones(sanctions):
    text = "Talks\n\n“First claim,” Lavrov said. “Second claim,” he added."
    article = ingest_article(
        raw=raw(text), extractor=ScriptedExtractor(topics=("sanctions",))
    ).article
    reviewer = get_user_model().objects.create_user("reviewer")
    first, second = article.statements.order_by("start")
    first.review_status = "rejected"
    first.reviewed_by, first.reviewed_at = reviewer, timezone.now()
    first.save()
    second.text = "machine text that re-extraction replaces"
    second.save()

    outcome = reextract_article(article=article, extractor=ScriptedExtractor(topics=("sanctions",)))

    assert outcome.status == REEXTRACTED
    kept, fresh = article.statements.order_by("start")
    assert kept.pk == first.pk and kept.review_status == "rejected"
    # the same span keeps its row (and id), with what the extractor reads now
    assert fresh.pk == second.pk and fresh.text == "Second claim,"
    assert "Re-extracted" in fresh.history.first().history_change_reason
    assert Stance.objects.count() == 1
    assert outcome.statements == 2


def test_values_longer_than_their_column_are_cut_to_the_model_length():
    class LongValues(ScriptedExtractor):
        def extract(self, clean: CleanText) -> ArticleExtraction:
            extraction = super().extract(clean)
            (record,) = extraction.statements
            record = dataclasses.replace(record, cue="said " * 50, speaker_mention="L" * 400)
            return dataclasses.replace(extraction, statements=(record,))

    outcome = ingest_article(
        raw=raw("“One claim,” Lavrov said.", title="T" * 600, outlet="O" * 300),
        extractor=LongValues(),
    )

    statement = outcome.article.statements.get()
    assert (len(outcome.article.headline), len(outcome.article.outlet)) == (500, 200)
    assert (len(statement.cue), len(statement.speaker_mention)) == (100, 300)


def test_reextract_reads_the_stored_text_as_it_is():
    text = "Talks\n\n“First claim,” Lavrov said."
    article = ingest_article(raw=raw(text), extractor=ScriptedExtractor()).article

    clean = stored_clean_text(article=article)

    assert (clean.text, clean.headline) == (article.text, article.headline)
    assert clean.paragraphs == ((0, 5), (7, len(article.text)))


class CountingExtractor(ScriptedExtractor):
    """The scripted extractor, counting the articles it parses; the first ``failures``
    parses raise."""

    def __init__(self, failures: int = 0) -> None:
        super().__init__()
        self.parsed = 0
        self.failures = failures

    def extract(self, clean: CleanText) -> ArticleExtraction:
        self.parsed += 1
        if self.parsed <= self.failures:
            raise RuntimeError("the parser broke")
        return super().extract(clean)


OTHER = "Kyiv talks\n\n“Talks will resume,” Lavrov said."


def test_copies_of_an_article_in_one_batch_are_parsed_once_and_reported_unchanged():
    extractor = CountingExtractor()
    items = [raw(TEXT, source="feed.jsonl", line=n) for n in range(1, 6)] + [raw(OTHER)]

    outcomes = list(ingest_articles(items=items, extractor=extractor))

    assert [o.status for o in outcomes] == [NEW, UNCHANGED, UNCHANGED, UNCHANGED, UNCHANGED, NEW]
    assert extractor.parsed == 2
    assert {o.article_id for o in outcomes[:5]} == {Article.objects.get(text__contains="Minsk").pk}
    assert [o.statements for o in outcomes[:5]] == [1] * 5
    assert [o.line for o in outcomes[:5]] == [1, 2, 3, 4, 5]


def test_copies_met_earlier_in_the_run_are_not_repaired_again(monkeypatch):
    from claims.services import ingest as service

    repaired = []

    def counting_clean_article(text: str, *, title: str = "") -> CleanText:
        repaired.append(text)
        return clean_article(text, title=title)

    clean_article = service.clean_article
    monkeypatch.setattr(service, "clean_article", counting_clean_article)
    items = [raw(TEXT, line=n) for n in range(1, 41)]

    outcomes = list(ingest_articles(items=items, extractor=CountingExtractor(), batch_size=4))

    assert [o.status for o in outcomes] == [NEW] + [UNCHANGED] * 39
    assert len(repaired) == 1  # the first copy only: after it the raw text's hash is known


def test_a_copy_of_an_article_whose_parse_failed_is_parsed_on_its_own():
    extractor = CountingExtractor(failures=2)  # the batch, then the first article alone

    outcomes = list(
        ingest_articles(items=[raw(TEXT), raw(TEXT, source="b.txt")], extractor=extractor)
    )

    assert [o.status for o in outcomes] == [FAILED, NEW]
    assert "the parser broke" in outcomes[0].error
    assert Article.objects.get().source == "b.txt"


@pytest.mark.parametrize("batch_size", [1, 2, 16])
def test_a_text_repeated_in_one_run_is_parsed_once_and_reported_unchanged(batch_size):
    other = "Talks\n\n“We are deeply concerned,” the minister said."
    items = [raw(TEXT), raw(TEXT, "copy.txt"), raw(other, "b.txt"), raw(TEXT, "again.txt")]
    extractor = CountingExtractor()

    outcomes = list(ingest_articles(items=items, extractor=extractor, batch_size=batch_size))

    assert [(o.source, o.status) for o in outcomes] == [
        ("a.txt", NEW),
        ("copy.txt", UNCHANGED),
        ("b.txt", NEW),
        ("again.txt", UNCHANGED),
    ]
    assert outcomes[1].article == outcomes[0].article and outcomes[1].statements == 1
    assert extractor.parsed == 2
    assert Article.objects.count() == 2


def test_a_copy_of_an_input_that_could_not_be_stored_is_tried_on_its_own():
    class RefusingExtractor(ScriptedExtractor):
        def extract(self, clean: CleanText) -> ArticleExtraction:
            good = super().extract(clean)
            broken = StatementRecord(
                kind="direct", cue="said", text="x", start=5, end=5, paragraph=0
            )
            return dataclasses.replace(good, statements=(*good.statements, broken))

    outcomes = list(
        ingest_articles(items=[raw(TEXT), raw(TEXT, "copy.txt")], extractor=RefusingExtractor())
    )

    # The copy waited for the first, then was tried on its own: it fails for its own reason.
    assert [o.status for o in outcomes] == [FAILED, FAILED]
    assert all(o.error.startswith("could not be stored") for o in outcomes)
    assert Article.objects.count() == 0
