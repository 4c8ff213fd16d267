"""A small claims database where every filter's expected rows are known, and API clients."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from rest_framework.test import APIClient

from claims.models import (
    Article,
    Attribution,
    Polarity,
    Resolution,
    ReviewStatus,
    Speaker,
    SpeakerKind,
    Stance,
    Statement,
    StatementKind,
    Topic,
    TopicStatus,
)
from tests.factories import (
    make_article,
    make_speaker,
    make_stance,
    make_statement,
    make_topic,
    make_user,
)


@pytest.fixture(autouse=True)
def _fresh_throttle_history() -> None:
    """Anonymous request counts live in the cache; each test starts with none."""
    cache.clear()


@pytest.fixture
def api() -> APIClient:
    return APIClient()


@pytest.fixture
def client_with_perms(api: APIClient, db):
    """An API client logged in as a (non-superuser) user holding the given permissions."""

    def login(*codenames: str) -> APIClient:
        user = make_user(staff=False, superuser=False)
        user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
        api.force_authenticate(user=user)
        api.user = user
        return api

    return login


@dataclass
class Claims:
    foreign_policy: Topic
    sanctions: Topic  # a sub-topic of foreign_policy
    afghanistan: Topic
    minsk: Topic  # suggested by the extractor
    lavrov: Speaker
    blinken: Speaker
    kremlin: Speaker
    tass: Article
    reuters: Article
    no_sanctions: Statement  # Lavrov, TASS, direct, "said", sanctions, pending
    supply: Statement  # Lavrov, TASS, indirect, "stated", afghanistan, approved
    sanctions_stay: Statement  # Blinken, Reuters, direct, "told", foreign policy, pending
    minsk_talks: Statement  # Kremlin, Reuters, mixed, "said", minsk, rejected
    lavrov_against: Stance  # Lavrov against sanctions (no_sanctions), 2021-10-15
    blinken_favor: Stance  # Blinken for sanctions (sanctions_stay), 2022-03-01
    lavrov_favor: Stance  # Lavrov for Afghanistan (supply), 2021-10-15, approved


@pytest.fixture
def claims(db) -> Claims:
    foreign_policy = make_topic(name="Foreign policy", slug="foreign-policy")
    sanctions = make_topic(name="Sanctions", slug="sanctions", parent=foreign_policy)
    afghanistan = make_topic(name="Afghanistan", slug="afghanistan")
    minsk = make_topic(name="Minsk", slug="minsk", status=TopicStatus.SUGGESTED)
    lavrov = make_speaker(
        name="Sergey Lavrov",
        slug="sergey-lavrov",
        role="Foreign Minister",
        affiliation="Russia",
        aliases=("Lavrov", "Russian Foreign Minister Sergey Lavrov"),
    )
    blinken = make_speaker(
        name="Antony Blinken",
        slug="antony-blinken",
        role="Secretary of State",
        affiliation="United States",
        aliases=("Blinken",),
    )
    kremlin = make_speaker(
        name="Kremlin", slug="kremlin", kind=SpeakerKind.ORGANISATION, affiliation="Russia"
    )
    tass = make_article(
        headline="Lavrov on Afghanistan", outlet="TASS", published=date(2021, 10, 15)
    )
    reuters = make_article(headline="Sanctions stay", outlet="Reuters", published=date(2022, 3, 1))
    no_sanctions = make_statement(
        article=tass,
        speaker=lavrov,
        text="We will not accept new sanctions",
        kind=StatementKind.DIRECT,
        cue="said",
        topics=(sanctions,),
    )
    supply = make_statement(
        article=tass,
        speaker=lavrov,
        text="the need to block weapons supply to Afghanistan",
        kind=StatementKind.INDIRECT,
        cue="stated",
        attribution=Attribution.THINKS,
        topics=(afghanistan,),
        review_status=ReviewStatus.APPROVED,
    )
    sanctions_stay = make_statement(
        article=reuters,
        speaker=blinken,
        text="Sanctions will stay until the troops leave",
        kind=StatementKind.DIRECT,
        cue="told",
        resolution=Resolution.PRONOUN,
        topics=(foreign_policy,),
    )
    minsk_talks = make_statement(
        article=reuters,
        speaker=kremlin,
        text="the talks in Minsk were useful",
        kind=StatementKind.MIXED,
        cue="said",
        topics=(minsk,),
        review_status=ReviewStatus.REJECTED,
    )
    return Claims(
        foreign_policy=foreign_policy,
        sanctions=sanctions,
        afghanistan=afghanistan,
        minsk=minsk,
        lavrov=lavrov,
        blinken=blinken,
        kremlin=kremlin,
        tass=tass,
        reuters=reuters,
        no_sanctions=no_sanctions,
        supply=supply,
        sanctions_stay=sanctions_stay,
        minsk_talks=minsk_talks,
        lavrov_against=make_stance(
            speaker=lavrov,
            topic=sanctions,
            polarity=Polarity.AGAINST,
            observed_on=date(2021, 10, 15),
            article=tass,
            evidence=(no_sanctions,),
        ),
        blinken_favor=make_stance(
            speaker=blinken,
            topic=sanctions,
            polarity=Polarity.FAVOR,
            observed_on=date(2022, 3, 1),
            article=reuters,
            evidence=(sanctions_stay,),
        ),
        lavrov_favor=make_stance(
            speaker=lavrov,
            topic=afghanistan,
            polarity=Polarity.FAVOR,
            observed_on=date(2021, 10, 15),
            article=tass,
            evidence=(supply,),
            review_status=ReviewStatus.APPROVED,
        ),
    )


@pytest.fixture
def statements_105(db) -> list[int]:
    """105 statements (in bulk: only reads are under test), their ids in list order."""
    article = Article.objects.create(
        headline="Many",
        source="test",
        text="x" * 2000,
        original_text="x" * 2000,
        content_hash="f" * 64,
        extractor_version="test",
    )
    rows = Statement.objects.bulk_create(
        Statement(
            article=article,
            kind="direct",
            text=f"Words {i}",
            start=i * 10,
            end=i * 10 + 5,
            paragraph=0,
        )
        for i in range(105)
    )
    return [row.pk for row in rows]
