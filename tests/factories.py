"""Small helpers that build database rows with sensible defaults; override any field by keyword.

Each call makes unique values where the schema needs them (content hash, slugs, names), so
tests can call a helper many times without colliding.
"""

from __future__ import annotations

import hashlib
import itertools
from datetime import date
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.utils.text import slugify

from claims.models import (
    Article,
    Polarity,
    Speaker,
    SpeakerAlias,
    Stance,
    Statement,
    StatementKind,
    Topic,
)

_counter = itertools.count(1)

DEFAULT_TEXT = (
    "Officials met in the capital on Monday.\n\n"
    "“We will not accept new sanctions,” the minister said.\n\n"
    "The talks continue next week."
)


def make_user(*, staff: bool = True, superuser: bool = True, **fields: Any) -> AbstractUser:
    number = next(_counter)
    fields.setdefault("username", f"user{number}")
    fields.setdefault("email", f"user{number}@example.org")
    return get_user_model().objects.create_user(
        password=fields.pop("password", "a-long-test-password"),
        is_staff=staff,
        is_superuser=superuser,
        **fields,
    )


def make_article(**fields: Any) -> Article:
    number = next(_counter)
    text = fields.setdefault("text", DEFAULT_TEXT)
    fields.setdefault("original_text", text)
    fields.setdefault("headline", f"Talks in the capital, part {number}")
    fields.setdefault("outlet", "Example Times")
    fields.setdefault("source", f"https://news.example.org/{number}")
    fields.setdefault("published", date(2024, 3, 1))
    fields.setdefault("extractor_version", "test")
    # The number keeps the hash unique when several articles share a text.
    fields.setdefault("content_hash", hashlib.sha256(f"{number}:{text}".encode()).hexdigest())
    return Article.objects.create(**fields)


def make_speaker(*, aliases: tuple[str, ...] = (), **fields: Any) -> Speaker:
    number = next(_counter)
    name = fields.setdefault("name", f"Speaker {number}")
    fields.setdefault("slug", f"{slugify(name)}-{number}")
    speaker = Speaker.objects.create(**fields)
    for alias in aliases:
        make_alias(speaker=speaker, alias=alias)
    return speaker


def make_alias(*, speaker: Speaker, alias: str, **fields: Any) -> SpeakerAlias:
    fields.setdefault("normalized", alias.casefold())
    return SpeakerAlias.objects.create(speaker=speaker, alias=alias, **fields)


def make_topic(**fields: Any) -> Topic:
    number = next(_counter)
    name = fields.setdefault("name", f"Topic {number}")
    fields.setdefault("slug", f"{slugify(name)}-{number}")
    return Topic.objects.create(**fields)


def make_statement(
    *, quote: str | None = None, topics: tuple[Topic, ...] = (), **fields: Any
) -> Statement:
    """A statement over ``quote`` (default: the first quoted words) in its article's text.

    Without ``quote``, ``start``/``end`` default to a fresh span so that several
    statements of one article do not collide on the unique (article, start, end).
    """
    article = fields.get("article") or make_article()
    fields["article"] = article
    if quote is not None:
        start = article.text.index(quote)
        fields.setdefault("start", start)
        fields.setdefault("end", start + len(quote))
    elif "start" not in fields:
        taken = set(article.statements.values_list("start", flat=True))
        fields["start"] = next(i for i in itertools.count() if i not in taken)
        fields.setdefault("end", fields["start"] + 10)
    fields.setdefault("end", fields["start"] + 10)
    fields.setdefault("text", article.text[fields["start"] : fields["end"]] or "some words")
    fields.setdefault("kind", StatementKind.DIRECT)
    fields.setdefault("paragraph", article.text.count("\n\n", 0, fields["start"]))
    if "speaker" not in fields:
        fields["speaker"] = make_speaker()
    statement = Statement.objects.create(**fields)
    if topics:
        statement.topics.set(topics)
    return statement


def make_stance(*, evidence: tuple[Statement, ...] = (), **fields: Any) -> Stance:
    if "speaker" not in fields:
        fields["speaker"] = evidence[0].speaker if evidence else make_speaker()
    if "topic" not in fields:
        fields["topic"] = make_topic()
    fields.setdefault("polarity", Polarity.AGAINST)
    fields.setdefault("observed_on", date(2024, 3, 1))
    stance = Stance.objects.create(**fields)
    if evidence:
        stance.evidence.set(evidence)
    return stance
