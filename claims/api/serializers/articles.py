"""Serializers of articles and the statements in them, with the small nested shapes and
reference fields the other serializers share; the review input for a statement."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Model, QuerySet
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.api.exception_handlers import NOT_AN_ARTICLE
from claims.api.lookups import NAMES_NOTHING, find_all_by_id_or_slug, find_by_id_or_slug
from claims.models import (
    Article,
    ReviewStatus,
    Speaker,
    Statement,
    Topic,
)
from claims.readers.decoding import NotTextError, check_given_text, encoded_size, megabytes
from claims.readers.urls import MAX_URL_LENGTH, url_problem

# --- small nested shapes ----------------------------------------------------------------------


class SpeakerBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Speaker
        fields = ["id", "slug", "name", "role", "affiliation"]


class TopicBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["slug", "name"]


class ArticleBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        fields = ["id", "headline", "outlet", "published", "url"]


# The username of whoever reviewed it last (null until someone does).
REVIEWER = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

# --- statements -------------------------------------------------------------------------------


class StatementInArticleSerializer(serializers.ModelSerializer):
    """A statement as listed inside its article (the article itself is not repeated)."""

    speaker = SpeakerBriefSerializer(allow_null=True)
    topics = TopicBriefSerializer(many=True)
    admin_url = serializers.SerializerMethodField(
        help_text="The statement's page in the review admin."
    )
    reviewed_by = REVIEWER

    class Meta:
        model = Statement
        fields = [
            "id",
            "speaker",
            "speaker_mention",
            "kind",
            "cue",
            "attribution",
            "resolution",
            "resolution_note",
            "reported_in",
            "text",
            "start",
            "end",
            "paragraph",
            "topics",
            "confidence",
            "review_status",
            "reviewed_by",
            "reviewed_at",
            "claim",
            "admin_url",
        ]
        extra_kwargs = {"claim": {"help_text": "Id of the claim it is an appearance of."}}

    @extend_schema_field(OpenApiTypes.URI)
    def get_admin_url(self, statement: Statement) -> str:
        path = reverse("admin:claims_statement_change", args=[statement.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class StatementSerializer(StatementInArticleSerializer):
    article = ArticleBriefSerializer()

    class Meta(StatementInArticleSerializer.Meta):
        fields = ["id", "article", *StatementInArticleSerializer.Meta.fields[1:]]


@extend_schema_field({"type": "string", "pattern": "^[^\\x00]*[^\\s\\x00][^\\x00]*$"})
class ReferenceField(serializers.RelatedField):
    """Input only: a speaker or topic by id or slug. Blank or holding NUL is a 400 (the
    schema says so); one that names none is a 404 (its error code is ``does_not_exist``)."""

    default_error_messages = {
        "does_not_exist": "No {model} has the id or slug {value!r}.",
        "nul": "An id or slug holds no NUL character.",
    }

    def to_internal_value(self, data: object) -> Model:
        if "\x00" in str(data):
            self.fail("nul")
        queryset = self.get_queryset()
        found = find_by_id_or_slug(queryset=queryset, value=str(data))
        if found is None:
            self.fail("does_not_exist", model=queryset.model._meta.verbose_name, value=data)
        return found

    def to_representation(self, value: Model) -> int:
        return value.pk


@extend_schema_field(OpenApiTypes.STR)
class ReferenceListField(serializers.Field):
    """Input only: comma-separated ids or slugs (``sergey-lavrov,12``), at most ``max_length``."""

    def __init__(self, *, queryset: QuerySet, max_length: int = 50, **kwargs: object) -> None:
        self.queryset = queryset
        self.max_length = max_length
        super().__init__(**kwargs)

    def to_internal_value(self, data: object) -> list[Model]:
        values = [value for value in str(data).split(",") if value.strip()]
        if not values:
            raise serializers.ValidationError("Name at least one, by id or slug.")
        if len(values) > self.max_length:
            raise serializers.ValidationError(f"At most {self.max_length}, not {len(values)}.")
        found, missing = find_all_by_id_or_slug(queryset=self.queryset, values=values)
        if missing:
            label = self.queryset.model._meta.verbose_name_plural
            raise serializers.ValidationError(
                f"No {label} with these ids or slugs: {', '.join(missing)}.", code=NAMES_NOTHING
            )
        return found


class TopicSlugField(serializers.SlugRelatedField):
    """A topic by slug; a slug holding NUL is a 400 (the schema says so; PostgreSQL refuses
    it in a query), one that names no topic a 404."""

    default_error_messages = {"nul": "A slug holds no NUL character."}

    def to_internal_value(self, data: object) -> Model:
        if isinstance(data, str) and "\x00" in data:
            self.fail("nul")
        return super().to_internal_value(data)


# More topics than a statement could have: refused before any is looked up.
MAX_REVIEW_TOPICS = 50


class StatementReviewSerializer(serializers.Serializer):
    """A reviewer's changes to a statement; give at least one field."""

    review_status = serializers.ChoiceField(choices=ReviewStatus.choices, required=False)
    speaker = ReferenceField(
        queryset=Speaker.objects.all(),
        required=False,
        help_text="The speaker who really said it: id or slug.",
    )
    topics = TopicSlugField(
        slug_field="slug",
        queryset=Topic.objects.all(),
        many=True,
        required=False,
        help_text=f"The statement's topics, as slugs (at most {MAX_REVIEW_TOPICS}); replaces "
        "the current ones.",
    )

    def to_internal_value(self, data: object) -> dict:
        # Checked before each slug is looked up: 50,000 of them took 31 s of queries.
        topics = data.get("topics") if isinstance(data, dict) else None
        if isinstance(topics, list) and len(topics) > MAX_REVIEW_TOPICS:
            raise serializers.ValidationError(
                {"topics": [f"At most {MAX_REVIEW_TOPICS} topics, not {len(topics)}."]}
            )
        return super().to_internal_value(data)

    def validate(self, attrs: dict) -> dict:
        if not attrs:
            raise serializers.ValidationError("Give review_status, speaker or topics.")
        return attrs


# --- articles ---------------------------------------------------------------------------------


class ArticleSerializer(serializers.ModelSerializer):
    statement_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Article
        fields = [
            "id",
            "headline",
            "outlet",
            "author",
            "dateline",
            "published",
            "url",
            "source",
            "language",
            "ingested_at",
            "extractor_version",
            "statement_count",
        ]


class ArticleDetailSerializer(serializers.ModelSerializer):
    statements = StatementInArticleSerializer(many=True)

    class Meta:
        model = Article
        fields = [f for f in ArticleSerializer.Meta.fields if f != "statement_count"] + [
            "text",
            "statements",
        ]


class StringField(serializers.CharField):
    """A string, and only a string: DRF's CharField takes ``{"text": 12345}`` as "12345"."""

    def to_internal_value(self, data: object) -> str:
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


# What ``url_problem`` takes, as the schema's pattern: blank, or http(s)://, a host, and no
# space, control character or bracket (so JSON Lines and the API accept the same urls).
_URL_PATTERN = (
    "^(?:[Hh][Tt][Tt][Pp][Ss]?://[^\\x00-\\x20\\x7f/?#@:\\[\\]][^\\x00-\\x20\\x7f\\[\\]]*)?$"
)


@extend_schema_field(
    {"type": "string", "maxLength": MAX_URL_LENGTH, "pattern": _URL_PATTERN, "format": "uri"}
)
class UrlField(StringField):
    """An article's http(s) address, checked as JSON Lines records' are (``url_problem``):
    DRF's URLField refused hosts that ``url_problem`` and the schema's ``uri`` take."""

    def __init__(self, **kwargs: object) -> None:
        # Spaces are refused, not trimmed: the schema's pattern has none.
        super().__init__(max_length=MAX_URL_LENGTH, trim_whitespace=False, **kwargs)


class ArticleInputSerializer(serializers.Serializer):
    """An article to ingest: its text, and what is known about it."""

    text = StringField(help_text="The article text (plain text, UTF-8).")
    headline = StringField(max_length=500, required=False, allow_blank=True)
    url = UrlField(required=False, allow_blank=True, help_text="An http or https URL.")
    outlet = StringField(max_length=200, required=False, allow_blank=True)
    published = serializers.DateField(required=False, allow_null=True)

    def validate_url(self, url: str) -> str:
        if url and (problem := url_problem(url)) is not None:
            raise serializers.ValidationError(f"The URL {problem}.")
        return url

    def validate_text(self, text: str) -> str:
        limit = settings.CLAIMTRACKER_API_MAX_ARTICLE_BYTES
        size = encoded_size(text)
        if size > limit:
            raise serializers.ValidationError(
                f"The text is {megabytes(size)}, over the {megabytes(limit)} limit."
            )
        try:
            return check_given_text(text)
        except NotTextError as error:
            raise serializers.ValidationError(
                f"Not an article's text: {error}.", code=NOT_AN_ARTICLE
            ) from error


# --- speakers and topics ----------------------------------------------------------------------
